import Foundation
import Testing
@testable import GILRuntime

/// Finding CPython's standard library without starting CPython: a fake file tree with a pyenv root (shim,
/// versions, version files) and a system interpreter, and on this machine the same answer as the interpreter's.
@Suite(.serialized)
struct InstalledCPythonTests {
    /// A temporary tree: `pyenv/` (shims/python3, versions 3.11.7 and 3.9.1, global version 3.11.7) and `usr/`
    /// (bin/python3 → python3.12, lib/python3.12/os.py).
    final class Tree {
        let root: String
        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("installed-cpython-\(UUID().uuidString)").path
            try makeInstall(prefix: root + "/pyenv/versions/3.11.7", version: "3.11")
            try makeInstall(prefix: root + "/pyenv/versions/3.9.1", version: "3.9")
            try makeInstall(prefix: root + "/usr", version: "3.12")
            try write(root + "/pyenv/shims/python3", """
                #!/usr/bin/env bash
                set -e
                program="${0##*/}"

                export PYENV_ROOT="\(root)/pyenv"
                exec "\(root)/pyenv/libexec/pyenv" exec "$program" "$@"

                """, executable: true)
            try write(root + "/pyenv/version", "3.11.7\n")
            try FileManager.default.createDirectory(atPath: root + "/project/src", withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: root) }

        var path: String { "\(root)/pyenv/shims:\(root)/usr/bin" }

        func library(_ environment: [String: String] = [:], in directory: String? = nil, command: String = "python3") -> String? {
            let located = InstalledCPython(environment: ["PATH": path].merging(environment) { $1 }, currentDirectory: directory ?? root + "/project/src")
            return located.standardLibrary(of: command)
        }

        private func makeInstall(prefix: String, version: String) throws {
            try write(prefix + "/bin/python" + version, "", executable: true)
            try FileManager.default.createSymbolicLink(atPath: prefix + "/bin/python3", withDestinationPath: "python" + version)
            try write(prefix + "/lib/python" + version + "/os.py", "")
        }

        func write(_ path: String, _ text: String, executable: Bool = false) throws {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path) }
        }
    }

    @Test func pyenvGlobalVersion() throws {
        let tree = try Tree()
        #expect(tree.library() == tree.root + "/pyenv/versions/3.11.7/lib/python3.11")
    }

    @Test func pyenvVersionVariableWins() throws {
        let tree = try Tree()
        #expect(tree.library(["PYENV_VERSION": "3.9.1"]) == tree.root + "/pyenv/versions/3.9.1/lib/python3.9")
        #expect(tree.library(["PYENV_VERSION": "system"]) == tree.root + "/usr/lib/python3.12")
        // The first of several versions that has the command.
        #expect(tree.library(["PYENV_VERSION": "3.9.1:3.11.7"]) == tree.root + "/pyenv/versions/3.9.1/lib/python3.9")
    }

    @Test func nearestLocalVersionFile() throws {
        let tree = try Tree()
        try tree.write(tree.root + "/project/.python-version", "# pinned for this project\n\n3.9.1\n")
        #expect(tree.library() == tree.root + "/pyenv/versions/3.9.1/lib/python3.9")
        // PYENV_DIR is searched before the working directory.
        try tree.write(tree.root + "/other/.python-version", "system\n")
        #expect(tree.library(["PYENV_DIR": tree.root + "/other"]) == tree.root + "/usr/lib/python3.12")
    }

    @Test func undecidedCasesAreLeftToTheInterpreter() throws {
        let tree = try Tree()
        // "3.11" is a prefix pyenv resolves by its own rules; an unknown version; a venv made of copies.
        #expect(tree.library(["PYENV_VERSION": "3.11"]) == nil)
        #expect(tree.library(["PYENV_VERSION": "3.10.0"]) == nil)
        try tree.write(tree.root + "/venv/bin/python3", "", executable: true)
        try tree.write(tree.root + "/venv/pyvenv.cfg", "home = \(tree.root)/usr/bin\n")
        #expect(tree.library(command: tree.root + "/venv/bin/python3") == nil)
        #expect(tree.library(command: "python9") == nil)
    }

    @Test func symlinkedVenvLeadsToItsBase() throws {
        let tree = try Tree()
        try tree.write(tree.root + "/venv/pyvenv.cfg", "home = \(tree.root)/usr/bin\n")
        try FileManager.default.createDirectory(atPath: tree.root + "/venv/bin", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: tree.root + "/venv/bin/python3", withDestinationPath: tree.root + "/usr/bin/python3")
        #expect(tree.library(["PATH": tree.root + "/venv/bin"]) == tree.root + "/usr/lib/python3.12")
    }

    /// On this machine the file system's answer, when it gives one, is the interpreter's.
    @Test func agreesWithTheInstalledInterpreter() {
        guard let asked = ModulePath.askInterpreter("python3") else { return }
        let environment = ProcessInfo.processInfo.environment
        let found = InstalledCPython(environment: environment, currentDirectory: FileManager.default.currentDirectoryPath).standardLibrary(of: "python3")
        #expect(found == asked)
    }
}

import Foundation

/// Finds the standard-library directory of the `python3` a shell would run, without running it.
///
/// Asking the interpreter (`python3 -S -c 'import sysconfig…'`) is exact but costs a process start — through a
/// pyenv shim 0.2–0.6 s, more than a whole cached import of the modules a program needs, paid by every
/// `gilrec run` that imports a module we take from CPython. Most installations answer the question from the
/// file system alone: a real executable (or a symlink to one: venvs, `/usr/bin/python3`) has its library at
/// `<prefix>/lib/pythonX.Y` with `os.py` as landmark, as CPython's own `Modules/getpath.py` finds it; a pyenv shim
/// names the version through pyenv's documented rules (`PYENV_VERSION`, `.python-version` files, the global
/// `version` file). Whatever this cannot decide for certain it leaves to the caller (`nil`), which then asks the
/// interpreter as before.
struct InstalledCPython {
    var environment: [String: String]
    var currentDirectory: String

    /// The stdlib directory of `command` (a name searched in `PATH`, or a path), or nil when the file system does
    /// not settle it.
    func standardLibrary(of command: String) -> String? {
        guard let found = executable(named: command, searching: searchPath) else { return nil }
        if let shimRoot = pyenvRoot(ofShim: found) {
            guard let chosen = pyenvExecutable(command, root: shimRoot) else { return nil }
            return standardLibrary(ofExecutable: chosen)
        }
        return standardLibrary(ofExecutable: found)
    }

    private var searchPath: [String] {
        (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
    }

    /// `command` as `execvp` would find it: a path as given, a bare name in the first `PATH` directory that has it.
    private func executable(named command: String, searching directories: [String]) -> String? {
        if command.contains("/") {
            return FileManager.default.isExecutableFile(atPath: command) ? absolute(command) : nil
        }
        for directory in directories where !directory.isEmpty {
            let candidate = directory + "/" + command
            if FileManager.default.isExecutableFile(atPath: candidate) { return absolute(candidate) }
        }
        return nil
    }

    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : currentDirectory + "/" + path
    }

    // MARK: pyenv

    /// The `PYENV_ROOT` a pyenv shim exports, when `path` is one (a short bash script that `exec`s
    /// `libexec/pyenv exec`).
    private func pyenvRoot(ofShim path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 2048), head.starts(with: Array("#!".utf8)) else { return nil }
        let text = String(decoding: head, as: UTF8.self)
        guard text.contains("libexec/pyenv\" exec") else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("export PYENV_ROOT=\"") && line.hasSuffix("\"") {
            return String(line.dropFirst("export PYENV_ROOT=\"".count).dropLast())
        }
        return nil
    }

    /// The executable `pyenv exec command` would run: the first selected version that has `bin/command`
    /// (`pyenv-which`), `system` meaning `PATH` without the shims.
    private func pyenvExecutable(_ command: String, root: String) -> String? {
        guard let versions = pyenvVersions(root: root), !versions.isEmpty else { return nil }
        for version in versions {
            if version == "system" {
                let shims = root + "/shims"
                let rest = searchPath.filter { $0 != shims && $0 != shims + "/" }
                if let found = executable(named: command, searching: rest) { return found }
                continue
            }
            // pyenv resolves unknown names ("3.11", "python-3.11") to an installed version by its own rules
            // (`pyenv-latest`): leave those to the interpreter.
            guard !version.contains("/"), version != "..",
                  FileManager.default.fileExists(atPath: root + "/versions/" + version) else { return nil }
            let candidate = root + "/versions/" + version + "/bin/" + command
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// `pyenv version-name`: `PYENV_VERSION`, else the nearest `.python-version` from `PYENV_DIR` (or the
    /// current directory) upwards, else `$PYENV_ROOT/version`; several versions separated by `:`.
    private func pyenvVersions(root: String) -> [String]? {
        if let explicit = environment["PYENV_VERSION"], !explicit.isEmpty {
            return explicit.split(separator: ":").map(String.init)
        }
        var starts = [environment["PYENV_DIR"] ?? currentDirectory]
        if starts[0] != currentDirectory { starts.append(currentDirectory) }
        for start in starts {
            if let file = nearestVersionFile(from: start) { return versionFileWords(file) }
        }
        guard let global = versionFileWords(root + "/version") else { return ["system"] }
        return global
    }

    private func nearestVersionFile(from directory: String) -> String? {
        var dir = directory
        while true {
            let candidate = dir + "/.python-version"
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            guard let slash = dir.lastIndex(of: "/") else { return nil }
            dir = String(dir[..<slash])
        }
    }

    /// `pyenv version-file-read`: the first word of each non-empty, non-comment line; nil for a missing or empty file.
    private func versionFileWords(_ file: String) -> [String]? {
        guard let data = FileManager.default.contents(atPath: file), !data.isEmpty else { return nil }
        var words: [String] = []
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            guard let word = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).first,
                  !word.hasPrefix("#") else { continue }
            words.append(String(word))
        }
        return words.isEmpty ? nil : words
    }

    // MARK: the executable's prefix

    /// `<prefix>/lib/pythonX.Y` of a real interpreter: symlinks resolved (a venv's `python3` leads to its base
    /// interpreter, whose library sysconfig reports), then the landmark searched upwards from its directory.
    private func standardLibrary(ofExecutable path: String) -> String? {
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let directory = (real as NSString).deletingLastPathComponent
        // A venv made with copies rather than symlinks keeps its base elsewhere (pyvenv.cfg's `home`): ask it.
        let config = FileManager.default.fileExists(atPath: directory + "/pyvenv.cfg")
            || FileManager.default.fileExists(atPath: (directory as NSString).deletingLastPathComponent + "/pyvenv.cfg")
        if config { return nil }
        var prefix = directory
        while !prefix.isEmpty && prefix != "/" {
            prefix = (prefix as NSString).deletingLastPathComponent
            if let library = versionedLibrary(under: prefix + "/lib", executable: real) { return library }
        }
        return nil
    }

    /// `lib/pythonX.Y` holding `os.py`: the version the executable's name says (`python3.11`), or the only one.
    private func versionedLibrary(under lib: String, executable: String) -> String? {
        let name = (executable as NSString).lastPathComponent
        if name.hasPrefix("python"), name.dropFirst("python".count).contains(".") {
            let candidate = lib + "/" + name
            return FileManager.default.fileExists(atPath: candidate + "/os.py") ? candidate : nil
        }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: lib) else { return nil }
        let libraries = entries.filter { $0.hasPrefix("python3.") && FileManager.default.fileExists(atPath: lib + "/" + $0 + "/os.py") }
        return libraries.count == 1 ? lib + "/" + libraries[0] : nil
    }
}

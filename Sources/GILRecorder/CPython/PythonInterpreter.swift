import Foundation

/// The real interpreter `gilrec run --python EXE` records: what `EXE` is, asked of itself once before the run.
package struct PythonInterpreter: Sendable, Equatable {
    /// What the user named: a command on PATH (`python3`, pyenv's shim) or a path. This is what runs, so
    /// pyenv still picks the version of the program's directory.
    package var command: String
    /// `sys.executable`: the real binary behind a shim.
    package var executable: String
    /// `sys.version_info[:3]`.
    package var version: [Int]
    /// A free-threaded build (PEP 703) running without its GIL.
    package var freeThreaded: Bool

    /// `runs.engine`: `cpython 3.11.7`.
    package var engine: String { "cpython " + version.map(String.init).joined(separator: ".") }

    package var versionText: String { version.map(String.init).joined(separator: ".") }

    /// The oldest and newest versions whose GIL layout the recorder knows (CPYTHON-RECORDING.md).
    package static let oldestSupported = [3, 8]
    package static let newestKnown = [3, 13]

    package struct ProbeError: Error, CustomStringConvertible {
        package var description: String
    }

    /// Runs `command -c …` (a few ms) and refuses what cannot be recorded, saying why.
    package static func probe(_ command: String) throws -> PythonInterpreter {
        let script = """
            import sys
            print(getattr(sys, "implementation", None) and sys.implementation.name or "cpython")
            print(".".join(map(str, sys.version_info[:3])))
            print(sys.executable)
            f = getattr(sys, "_is_gil_enabled", None)
            print(1 if f is not None and not f() else 0)
            """
        let process = Process()
        if command.contains("/") {
            process.executableURL = URL(fileURLWithPath: command)
            process.arguments = ["-c", script]
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [command, "-c", script]
        }
        // The probe must see what the program will see, minus anything of gilrec's.
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: CPythonSession.preloadVariable)
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ProbeError(description: "--python \(command): cannot run it (\(error.localizedDescription))")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        guard process.terminationStatus == 0, lines.count >= 4 else {
            let detail = errorText.split(separator: "\n").last.map(String.init) ?? "exit status \(process.terminationStatus)"
            if errorText.contains("SyntaxError") || errorText.contains("invalid syntax") {
                throw ProbeError(description: "--python \(command) is a Python 2 (or older): gilrec records CPython 3.8–3.13")
            }
            throw ProbeError(description: "--python \(command) is not a working Python interpreter: \(detail)")
        }
        let version = lines[1].split(separator: ".").compactMap { Int($0) }
        let interpreter = PythonInterpreter(
            command: command, executable: lines[2], version: version, freeThreaded: lines[3] == "1")
        guard lines[0] == "cpython" else {
            throw ProbeError(description: "--python \(command) is \(lines[0]) \(interpreter.versionText), not CPython: gilrec records CPython's GIL")
        }
        guard version.lexicographicallyPrecedes(oldestSupported) == false else {
            throw ProbeError(
                description: "--python \(command) is CPython \(interpreter.versionText): gilrec records CPython 3.8–3.13 (older versions lack a GIL layout it knows)")
        }
        return interpreter
    }
}

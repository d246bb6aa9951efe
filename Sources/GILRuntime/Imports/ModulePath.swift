#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// The initial `sys.path`, as CPython's `site`-less start-up builds it (Modules/getpath.py): the script's
/// directory, then `PYTHONPATH`'s entries, then the standard library — here our own modules first
/// (`builtinEntry`), then the installed CPython's `Lib` directory (`cpythonEntry`) for the modules we do
/// not implement. The two markers are visible in `sys.path` as what they are; removing one from the list
/// removes that source of modules, as removing a directory would.
enum ModulePath {
    /// Where our built-in modules rank in `sys.path`.
    static let builtinEntry = "<gilrec builtin modules>"
    /// Where the installed CPython's standard library ranks (resolved at the first search that reaches it).
    static let cpythonEntry = "<cpython stdlib>"

    /// Names CPython compiles into its executable (`sys.builtin_module_names`): found before any directory,
    /// so a `time.py` beside a script does not shadow `time`.
    static let alwaysBuiltin: Set<String> = ["builtins", "sys", "time", "itertools", "gc", "errno", "_thread", "atexit", "marshal", "posix"]

    static func initial(options: RuntimeOptions, programFile: String) -> [String] {
        if let explicit = options.modulePath { return explicit }
        var entries = [scriptDirectory(programFile)]
        let environment = ProcessInfo.processInfo.environment.merging(options.environment) { $1 }
        if let extra = environment["PYTHONPATH"] {
            entries += extra.split(separator: ":").map { absolute(String($0)) }
        }
        entries.append(builtinEntry)
        if options.cpythonLibrary { entries.append(cpythonEntry) }
        return entries
    }

    /// `os.path.dirname(os.path.abspath(script))`.
    static func scriptDirectory(_ programFile: String) -> String {
        let full = absolute(programFile)
        guard let slash = full.lastIndex(of: "/") else { return FileManager.default.currentDirectoryPath }
        let dir = String(full[..<slash])
        return dir.isEmpty ? "/" : dir
    }

    /// `os.path.abspath` (normalised: `.` and `..` components folded, no symlinks resolved).
    static func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for p in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if p == "." { continue }
            if p == ".." {
                _ = parts.popLast()
                continue
            }
            parts.append(p)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The installed CPython's standard-library directory: `GILREC_CPYTHON_LIB` when set (empty: none),
    /// else what `python3` would report (`sysconfig.get_paths()["stdlib"]`): read from the file system when
    /// that settles it (`InstalledCPython`), asked of the interpreter otherwise; once per process and only when
    /// an import first reaches `cpythonEntry`.
    static func cpythonLibrary() -> String? {
        cached.withLock { state in
            if let known = state { return known.path }
            let found = locateCPythonLibrary()
            state = .some(CPythonLibrary(path: found))
            return found
        }
    }

    private struct CPythonLibrary {
        var path: String?
    }

    private static let cached = Mutex<CPythonLibrary?>(nil)

    private static func locateCPythonLibrary() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["GILREC_CPYTHON_LIB"] { return explicit.isEmpty ? nil : explicit }
        let interpreter = environment["GILREC_CPYTHON"] ?? "python3"
        let installed = InstalledCPython(environment: environment, currentDirectory: FileManager.default.currentDirectoryPath)
        if let found = installed.standardLibrary(of: interpreter) { return found }
        return askInterpreter(interpreter)
    }

    /// The exact answer, at the price of starting the interpreter.
    static func askInterpreter(_ interpreter: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [interpreter, "-S", "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let path = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        var isDirectory: ObjCBool = false
        guard !path.isEmpty, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        return path
    }
}

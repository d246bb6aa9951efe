#if canImport(Glibc)
import Glibc
#endif
import Foundation
import GILCore

/// `sys`: argv, the switch interval (the GIL's), exit, stdout/stderr, recursion limit, version.
enum SysModule {
    static func make(_ runtime: PythonRuntime) -> PyModule {
        let m = PyModule(name: "sys")
        m.dict["argv"] = .object(PyList(runtime.options.argv.map { .str($0) }))
        m.dict["version"] = .str("3.11.7 (gilrec \(GILRecVersionText.current))")
        m.dict["platform"] = .str("linux")
        m.dict["maxsize"] = .int(Int.max)
        m.dict["byteorder"] = .str("little")
        m.dict["executable"] = .str("gilrec")
        m.dict["stdout"] = .object(stream(fd: 1, runtime))
        m.dict["stderr"] = .object(stream(fd: 2, runtime))
        m.dict["modules"] = .object(PyDict())
        installAttributes(m, runtime)
        m.addFunction("setswitchinterval") { args, _, ctx in
            let s = try TimeModule.seconds(args.first ?? .none)
            if s <= 0 { throw PyException.make(.valueError, "switch interval must be strictly positive") }
            ctx.runtime.gil.switchIntervalNs = max(1, try TimeModule.nanoseconds(s))
            return .none
        }
        m.addFunction("getswitchinterval") { _, _, ctx in .float(Double(ctx.runtime.gil.switchIntervalNs) / 1e9) }
        m.addFunction("exit") { args, _, _ in
            let e = PyException.make(.systemExit)
            e.value.attributes["args"] = .object(PyTuple(args.isEmpty ? [] : [args[0]]))
            throw e
        }
        m.addFunction("getrecursionlimit") { _, _, ctx in .int(ctx.recursionLimit) }
        m.addFunction("setrecursionlimit") { args, _, ctx in
            guard let n = indexValue(args.first ?? .none), n >= 1 else { throw PyException.make(.valueError, "recursion limit must be greater or equal than 1") }
            ctx.recursionLimit = n
            return .none
        }
        m.addFunction("intern") { args, _, _ in args[0] }
        m.addFunction("getsizeof") { _, _, _ in .int(64) }
        m.addFunction("exc_info") { _, _, ctx in
            guard let e = ctx.handled.last else { return .object(PyTuple([.none, .none, .none])) }
            return .object(PyTuple([.object(e.type), .object(e), .none]))
        }
        return m
    }

    /// `sys.stdout` / `sys.stderr`: write() and flush() on the program's output.
    static func stream(fd: Int32, _ runtime: PythonRuntime) -> PyInstance {
        let t = PyType(name: "TextIOWrapper", base: BuiltinTypes.object, module: "_io")
        t.addMethod("write") { args, _, ctx in
            guard args.count == 2, case .object(let s as PyStr) = args[1] else {
                throw PyException.make(.typeError, "write() argument must be str, not \(args.count > 1 ? typeName(args[1]) : "nothing")")
            }
            if fd == 2 { ctx.runtime.output.writeErr(s.value) } else { ctx.runtime.output.writeOut(s.value) }
            return .int(s.scalars.count)
        }
        t.addMethod("flush") { _, _, ctx in
            ctx.runtime.output.flush()
            return .none
        }
        t.addMethod("isatty") { _, _, _ in .bool(false) }
        let i = PyInstance(type: t)
        i.native = StreamTag(fd: fd)
        i.attributes["name"] = .str(fd == 2 ? "<stderr>" : "<stdout>")
        return i
    }
}

enum GILRecVersionText {
    static let current = "0.1.0"
}

/// `os` and `os.path`: the subset programs use; `environ["GILREC_HTTP"]` is the loopback server's URL
/// (the server starts on first import).
enum OSModule {
    static func make(_ runtime: PythonRuntime) -> PyModule {
        let m = PyModule(name: "os")
        m.addFunction("getpid") { _, _, _ in .int(Int(getpid())) }
        m.addFunction("urandom") { args, _, ctx in
            let n = try Index.value(args.first ?? .none, ctx)
            if n < 0 { throw PyException.make(.valueError, "negative argument not allowed") }
            try AllocationLimit.checkBytes(n, ctx)
            var bytes = [UInt8](repeating: 0, count: n)
            if n > 0, !bytes.withUnsafeMutableBytes(SystemEntropy.fill) { throw OSErrors.fromErrno() }
            return .object(PyBytes(bytes))
        }
        m.addFunction("cpu_count") { _, _, _ in .int(ProcessInfo.processInfo.activeProcessorCount) }
        let environ = PyDict()
        for (k, v) in ProcessInfo.processInfo.environment.sorted(by: { $0.key < $1.key }) { try? environ.set(.str(k), .str(v)) }
        try? environ.set(.str("GILREC_HTTP"), .str(LoopbackHTTPServer.shared.baseURL))
        for (k, v) in runtime.options.environment.sorted(by: { $0.key < $1.key }) { try? environ.set(.str(k), .str(v)) }
        m.dict["environ"] = .object(environ)
        m.addFunction("getenv") { args, _, _ in try environ.get(args[0]) ?? (args.count > 1 ? args[1] : .none) }
        m.dict["sep"] = .str("/")
        m.dict["linesep"] = .str("\n")
        m.dict["name"] = .str("posix")
        m.dict["path"] = .object(makePath())
        installFiles(m)
        return m
    }

    /// The file-system calls the corpus uses; failures raise OSError / FileNotFoundError with errno.
    static func installFiles(_ m: PyModule) {
        func path(_ args: [Value], _ name: String) throws -> String {
            guard case .object(let s as PyStr)? = args.first else { throw PyException.make(.typeError, "\(name): path should be string") }
            return s.value
        }
        func check(_ r: Int32, _ p: String) throws {
            if r != 0 { throw OSErrors.fromErrno(filename: p) }
        }
        for name in ["remove", "unlink"] {
            m.addFunction(name) { args, _, _ in
                let p = try path(args, name)
                try check(unlink(p), p)
                return .none
            }
        }
        m.addFunction("rmdir") { args, _, _ in
            let p = try path(args, "rmdir")
            try check(rmdir(p), p)
            return .none
        }
        m.addFunction("mkdir") { args, _, _ in
            let p = try path(args, "mkdir")
            try check(mkdir(p, 0o777), p)
            return .none
        }
        m.addFunction("rename") { args, _, _ in
            let p = try path(args, "rename")
            guard args.count > 1, case .object(let d as PyStr) = args[1] else { throw PyException.make(.typeError, "rename: dst should be string") }
            try check(rename(p, d.value), p)
            return .none
        }
        m.addFunction("listdir") { args, _, _ in
            let p = args.isEmpty ? "." : try path(args, "listdir")
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: p) else { try check(-1, p); return .none }
            return .object(PyList(names.map { .str($0) }))
        }
        m.addFunction("getcwd") { _, _, _ in .str(FileManager.default.currentDirectoryPath) }
    }

    static func makePath() -> PyModule {
        let m = PyModule(name: "posixpath")
        func text(_ v: Value) -> String { if case .object(let s as PyStr) = v { s.value } else { "" } }
        m.addFunction("join") { args, _, _ in
            var out = ""
            for a in args.map(text) {
                if a.hasPrefix("/") { out = a } else if out.isEmpty || out.hasSuffix("/") { out += a } else { out += "/" + a }
            }
            return .str(out)
        }
        m.addFunction("basename") { args, _, _ in .str(String(text(args[0]).split(separator: "/", omittingEmptySubsequences: false).last ?? "")) }
        m.addFunction("dirname") { args, _, _ in
            let s = text(args[0])
            guard let i = s.lastIndex(of: "/") else { return .str("") }
            let d = String(s[..<i])
            return .str(d.isEmpty ? "/" : d)
        }
        m.addFunction("exists") { args, _, _ in .bool(FileManager.default.fileExists(atPath: text(args[0]))) }
        m.addFunction("isfile") { args, _, _ in
            var isDirectory: ObjCBool = false
            return .bool(FileManager.default.fileExists(atPath: text(args.first ?? .none), isDirectory: &isDirectory) && !isDirectory.boolValue)
        }
        m.addFunction("isdir") { args, _, _ in
            var isDirectory: ObjCBool = false
            return .bool(FileManager.default.fileExists(atPath: text(args.first ?? .none), isDirectory: &isDirectory) && isDirectory.boolValue)
        }
        m.addFunction("splitext") { args, _, _ in
            let s = text(args.first ?? .none)
            let base = s.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? s
            guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return .object(PyTuple([.str(s), .str("")])) }
            let ext = String(base[dot...])
            return .object(PyTuple([.str(String(s.dropLast(ext.count))), .str(ext)]))
        }
        return m
    }
}

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
        m.addFunction("_getframe") { args, _, ctx in
            guard args.count <= 1 else { throw PyException.make(.typeError, "_getframe expected at most 1 argument, got \(args.count)") }
            guard let depth = args.isEmpty ? 0 : indexValue(args[0]) else {
                throw PyException.make(.typeError, "'\(typeName(args[0]))' object cannot be interpreted as an integer")
            }
            return try TracebackObjects.liveFrame(depth: depth, ctx)
        }
        m.addFunction("exc_info") { _, _, ctx in
            guard let e = ctx.handled.last else { return .object(PyTuple([.none, .none, .none])) }
            return .object(PyTuple([.object(e.type), .object(e), TracebackObjects.chain(PyException(e).data)]))
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

/// `os` and `os.path` when the installed CPython's Lib is not on sys.path (with it, CPython's `os.py` and
/// `posixpath.py` run over `PosixModule`): posix's functions under `os`, `environ` as str, and the path
/// functions programs use most. `environ["GILREC_HTTP"]` is the loopback server's URL (the server starts on
/// first import).
enum OSModule {
    static func make(_ runtime: PythonRuntime) -> PyModule {
        let m = PyModule(name: "os")
        let posix = PosixModule.make(runtime)
        for (k, v) in posix.dict where !k.hasPrefix("_") && k != "environ" { m.dict[k] = v }
        let environ = PyDict()
        if case .object(let raw as PyDict)? = posix.dict["environ"] {
            for (k, v) in raw.entries.map({ ($0.key, $0.value) }) {
                guard let key = BytesLike.bytes(k), let value = BytesLike.bytes(v) else { continue }
                try? environ.set(.str(String(decoding: key, as: UTF8.self)), .str(String(decoding: value, as: UTF8.self)))
            }
        }
        m.dict["environ"] = .object(environ)
        m.addFunction("getenv") { args, _, _ in try environ.get(args[0]) ?? (args.count > 1 ? args[1] : .none) }
        m.dict["sep"] = .str("/")
        m.dict["linesep"] = .str("\n")
        m.dict["name"] = .str("posix")
        m.dict["path"] = .object(makePath())
        return m
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

import Foundation

/// The rest of `sys` that library code reads (Python/sysmodule.c): the struct sequences (`version_info`,
/// `flags`, `float_info`, `int_info`, `hash_info`, `thread_info`), `implementation` (a SimpleNamespace, which
/// is how Lib/types.py finds that type), the prefixes, encodings, `warnoptions`, and the hooks and queries that
/// have nothing to do here (`audit`, `getrefcount`, tracing functions stored but never called).
extension SysModule {
    static let versionInfoType = StructSequence.makeType("sys.version_info", fields: ["major", "minor", "micro", "releaselevel", "serial"])
    static let flagsType = StructSequence.makeType("sys.flags", fields: [
        "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site", "ignore_environment",
        "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode", "warn_default_encoding",
        "safe_path", "int_max_str_digits",
    ])
    static let floatInfoType = StructSequence.makeType("sys.float_info", fields: [
        "max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds",
    ])
    static let intInfoType = StructSequence.makeType("sys.int_info", fields: [
        "bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold",
    ])
    static let hashInfoType = StructSequence.makeType("sys.hash_info", fields: [
        "width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff",
    ])
    static let threadInfoType = StructSequence.makeType("sys.thread_info", fields: ["name", "lock", "version"])

    /// Modules CPython compiles into its executable (the ones we implement of them are found first, see
    /// `ModulePath.alwaysBuiltin`).
    static let builtinModuleNames = [
        "_abc", "_ast", "_codecs", "_collections", "_functools", "_imp", "_io", "_locale", "_operator", "_signal", "_sre",
        "_stat", "_string", "_symtable", "_thread", "_tokenize", "_tracemalloc", "_warnings", "_weakref", "atexit",
        "builtins", "errno", "faulthandler", "gc", "itertools", "marshal", "posix", "pwd", "sys", "time", "xxsubtype",
    ]

    static func installAttributes(_ m: PyModule, _ runtime: PythonRuntime) {
        let versionInfo = StructSequence.instance(versionInfoType, [.int(3), .int(11), .int(7), .str("final"), .int(0)])
        m.dict["version_info"] = .object(versionInfo)
        m.dict["hexversion"] = .int(0x030B_07F0)
        m.dict["api_version"] = .int(1013)
        m.dict["implementation"] = .object(SimpleNamespace.make([
            ("name", .str("gilrec")), ("cache_tag", .none), ("version", .object(versionInfo)), ("hexversion", .int(0x030B_07F0)),
            ("_multiarch", .str("x86_64-linux-gnu")),
        ]))
        m.dict["flags"] = .object(StructSequence.instance(flagsType, [
            .int(0), .int(0), .int(0), .int(0), .int(1), .int(0), .int(1), .int(0), .int(0), .int(0), .int(0), .int(1), .int(0),
            .bool(false), .int(0), .int(0), .bool(false), .int(-1),
        ]))
        m.dict["float_info"] = .object(StructSequence.instance(floatInfoType, [
            .float(Double.greatestFiniteMagnitude), .int(1024), .int(308), .float(Double.leastNormalMagnitude), .int(-1021), .int(-307),
            .int(15), .int(53), .float(Double.ulpOfOne), .int(2), .int(1),
        ]))
        m.dict["int_info"] = .object(StructSequence.instance(intInfoType, [.int(30), .int(4), .int(4300), .int(640)]))
        m.dict["hash_info"] = .object(StructSequence.instance(hashInfoType, [
            .int(64), .int(2_305_843_009_213_693_951), .int(314_159), .int(0), .int(1_000_003), .str("siphash13"), .int(64), .int(128), .int(0),
        ]))
        m.dict["thread_info"] = .object(StructSequence.instance(threadInfoType, [.str("pthread"), .str("mutex+cond"), .none]))
        m.dict["float_repr_style"] = .str("short")
        m.dict["maxunicode"] = .int(0x10FFFF)
        m.dict["abiflags"] = .str("")
        m.dict["platlibdir"] = .str("lib")
        let prefix = ProcessInfo.processInfo.environment["GILREC_CPYTHON_LIB"].flatMap { lib -> String? in
            guard let r = lib.range(of: "/lib/python3") else { return nil }
            return String(lib[..<r.lowerBound])
        } ?? "/usr/local"
        for name in ["prefix", "base_prefix", "exec_prefix", "base_exec_prefix"] { m.dict[name] = .str(prefix) }
        m.dict["pycache_prefix"] = Value.none
        m.dict["dont_write_bytecode"] = .bool(true)
        m.dict["warnoptions"] = .object(PyList())
        m.dict["_xoptions"] = .object(PyDict())
        m.dict["orig_argv"] = .object(PyList(CommandLine.arguments.map { .str($0) }))
        m.dict["copyright"] = .str("Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.")
        m.dict["builtin_module_names"] = .object(PyTuple(builtinModuleNames.map { .str($0) }))
        m.dict["meta_path"] = m.dict["meta_path"] ?? .object(PyList())
        m.dict["path_hooks"] = m.dict["path_hooks"] ?? .object(PyList([.object(fileFinderHook)]))
        m.dict["path_importer_cache"] = m.dict["path_importer_cache"] ?? .object(PyDict())
        for stream in ["stdout", "stderr", "stdin"] { if let v = m.dict[stream] { m.dict["__\(stream)__"] = v } }

        m.addFunction("getdefaultencoding") { _, _, _ in .str("utf-8") }
        m.addFunction("getfilesystemencoding") { _, _, _ in .str("utf-8") }
        m.addFunction("getfilesystemencodeerrors") { _, _, _ in .str("surrogateescape") }
        // No reference counts to report: CPython's answer for an object held by the caller and the argument.
        m.addFunction("getrefcount") { _, _, _ in .int(2) }
        m.addFunction("audit") { _, _, _ in .none }
        m.addFunction("addaudithook") { _, _, _ in .none }
        m.addFunction("is_finalizing") { _, _, _ in .bool(false) }
        m.addFunction("get_int_max_str_digits") { _, _, _ in .int(IntStringLimit.maxDigits) }
        m.addFunction("exception") { _, _, ctx in ctx.handled.last.map { .object($0) } ?? .none }
        // Tracing and profiling hooks are kept (gettrace returns them) but never called: our interpreter has no
        // per-line or per-call trace events (docs/python-support.md).
        let hooks = PyDict()
        for (set, get) in [("settrace", "gettrace"), ("setprofile", "getprofile")] {
            m.addFunction(set) { a, _, _ in
                try hooks.set(.str(get), a.first ?? .none)
                return .none
            }
            m.addFunction(get) { _, _, _ in try hooks.get(.str(get)) ?? .none }
        }
        m.addFunction("call_tracing") { a, _, ctx in
            guard a.count == 2 else { throw PyException.make(.typeError, "call_tracing expected 2 arguments, got \(a.count)") }
            return try ctx.call(a[0], try collect(a[1], ctx))
        }
    }

    /// CPython's `FileFinder.path_hook(...)` entry of `sys.path_hooks`: a directory's `importlib.machinery.FileFinder`
    /// (pkgutil.iter_modules lists a package's modules through it), ImportError for anything else.
    static let fileFinderHook = PyBuiltinFunction("path_hook_for_FileFinder") { args, _, ctx in
        guard case .object(let s as PyStr)? = args.first else { throw ModuleRegistry.importError("only directories are supported") }
        var isDirectory: ObjCBool = false
        let path = s.value.isEmpty ? "." : s.value
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ModuleRegistry.importError("only directories are supported", path: s.value)
        }
        let machinery = try ctx.runtime.modules.importModule("importlib.machinery", top: false, ctx)
        return try ctx.call(try Attributes.get(machinery, "FileFinder", ctx), [args[0]])
    }
}

#if canImport(Glibc)
import Glibc
#endif
import Foundation
import GILCore

/// `posix` (Modules/posixmodule.c): the system calls CPython's own `os.py` is written over. With the installed
/// CPython's Lib on sys.path, `import os` runs that `os.py` (and `posixpath.py`, `stat.py`) over this module,
/// so `os.walk`, `os.makedirs`, `os.environ`, `os.path` and friends are CPython's; without it, `OSModule`
/// offers these functions under `os` directly.
///
/// What is missing, said rather than faked: the `*at()` variants (`dir_fd` raises NotImplementedError, as
/// CPython does on platforms without them, so `os.fwalk` is absent and shutil takes its path-based branch),
/// `fork`/`exec*`/`spawn*` (child processes come from `_posixsubprocess.fork_exec`), `_exit`.
enum PosixModule {
    static func make(_ runtime: PythonRuntime) -> PyModule {
        let m = PyModule(name: "posix")
        m.dict["environ"] = .object(environment(runtime))
        m.dict["_have_functions"] = .object(PyList(["HAVE_FCHDIR", "HAVE_FCHMOD", "HAVE_FTRUNCATE", "HAVE_LSTAT"].map { .str($0) }))
        installConstants(m)
        installProcess(m)
        PosixFiles.install(m)
        PosixStat.install(m)
        PosixDirectories.install(m)
        return m
    }

    /// `posix.environ`: bytes to bytes, as CPython keeps it on POSIX (os.py decodes it into `os.environ`).
    /// `GILREC_HTTP` is the loopback test server's URL (the server starts on first use) and the runtime's
    /// own `environment` option overrides the process's.
    static func environment(_ runtime: PythonRuntime) -> PyDict {
        let environ = PyDict()
        var merged = ProcessInfo.processInfo.environment
        merged["GILREC_HTTP"] = LoopbackHTTPServer.shared.baseURL
        for (k, v) in runtime.options.environment { merged[k] = v }
        for (k, v) in merged.sorted(by: { $0.key < $1.key }) {
            try? environ.set(.object(PyBytes(Array(k.utf8))), .object(PyBytes(Array(v.utf8))))
        }
        return environ
    }

    static func installConstants(_ m: PyModule) {
        let ints: [(String, Int32)] = [
            ("F_OK", F_OK), ("R_OK", R_OK), ("W_OK", W_OK), ("X_OK", X_OK),
            ("O_RDONLY", O_RDONLY), ("O_WRONLY", O_WRONLY), ("O_RDWR", O_RDWR), ("O_APPEND", O_APPEND),
            ("O_CREAT", O_CREAT), ("O_EXCL", O_EXCL), ("O_TRUNC", O_TRUNC), ("O_NONBLOCK", O_NONBLOCK),
            ("O_NDELAY", O_NDELAY), ("O_SYNC", O_SYNC), ("O_DSYNC", O_DSYNC), ("O_NOCTTY", O_NOCTTY),
            ("O_CLOEXEC", O_CLOEXEC), ("O_DIRECTORY", O_DIRECTORY), ("O_NOFOLLOW", O_NOFOLLOW), ("O_ACCMODE", O_ACCMODE),
            ("O_TMPFILE", 0o20_200_000), ("O_PATH", 0o10_000_000), ("O_NOATIME", 0o1_000_000), ("O_LARGEFILE", 0),
            ("SEEK_SET", SEEK_SET), ("SEEK_CUR", SEEK_CUR), ("SEEK_END", SEEK_END),
            ("WNOHANG", WNOHANG), ("WUNTRACED", WUNTRACED), ("WCONTINUED", WCONTINUED),
            ("EX_OK", 0), ("EX_USAGE", 64), ("EX_DATAERR", 65), ("EX_NOINPUT", 66), ("EX_SOFTWARE", 70),
            ("EX_OSERR", 71), ("EX_IOERR", 74), ("EX_TEMPFAIL", 75), ("EX_NOPERM", 77), ("EX_CONFIG", 78),
        ]
        for (name, v) in ints { m.dict[name] = .int(Int(v)) }
    }

    static func installProcess(_ m: PyModule) {
        m.addFunction("getpid") { _, _, _ in .int(Int(getpid())) }
        m.addFunction("getppid") { _, _, _ in .int(Int(getppid())) }
        m.addFunction("getuid") { _, _, _ in .int(Int(getuid())) }
        m.addFunction("geteuid") { _, _, _ in .int(Int(geteuid())) }
        m.addFunction("getgid") { _, _, _ in .int(Int(getgid())) }
        m.addFunction("getegid") { _, _, _ in .int(Int(getegid())) }
        m.addFunction("getpgrp") { _, _, _ in .int(Int(getpgrp())) }
        m.addFunction("getsid") { a, _, ctx in
            let r = getsid(pid_t(try Index.cInt(a.first ?? .int(0), ctx)))
            if r < 0 { throw OSErrors.make(errno: errno) }
            return .int(Int(r))
        }
        m.addFunction("getlogin") { _, _, _ in
            guard let p = getlogin() else { throw OSErrors.make(errno: errno) }
            return .str(String(cString: p))
        }
        m.addFunction("umask") { a, _, ctx in .int(Int(umask(mode_t(try Index.cInt(a.first ?? .int(0), ctx))))) }
        m.addFunction("cpu_count") { _, _, _ in .int(ProcessInfo.processInfo.activeProcessorCount) }
        m.addFunction("strerror") { a, _, ctx in .str(String(cString: strerror(Int32(try Index.cInt(a.first ?? .int(0), ctx))))) }
        m.addFunction("fspath") { a, kw, ctx in
            let args = try Arguments(a, kw, names: ["path"], required: 1, function: "fspath")
            return try PosixPath.fspath(args.value(0)!, ctx)
        }
        m.addFunction("urandom") { args, _, ctx in
            let n = try Index.value(args.first ?? .none, ctx)
            if n < 0 { throw PyException.make(.valueError, "negative argument not allowed") }
            try AllocationLimit.checkBytes(n, ctx)
            var bytes = [UInt8](repeating: 0, count: n)
            if n > 0, !bytes.withUnsafeMutableBytes(SystemEntropy.fill) { throw OSErrors.fromErrno() }
            return .object(PyBytes(bytes))
        }
        m.addFunction("kill") { a, _, ctx in
            guard a.count == 2 else { throw PyException.make(.typeError, "kill expected 2 arguments, got \(a.count)") }
            let r = Glibc.kill(pid_t(try Index.cInt(a[0], ctx)), Int32(try Index.cInt(a[1], ctx)))
            try PosixArguments.check(r)
            // A signal to ourselves is handled at the next check point, as CPython's PyErr_CheckSignals after kill().
            try ctx.runtime.pendingCalls.run(ctx)
            return .none
        }
        m.addFunction("putenv") { a, _, ctx in
            guard a.count == 2 else { throw PyException.make(.typeError, "putenv expected 2 arguments, got \(a.count)") }
            let k = try PosixPath.make(a[0], "putenv", argument: "name", ctx), v = try PosixPath.make(a[1], "putenv", argument: "value", ctx)
            if k.bytes.isEmpty || k.bytes.contains(UInt8(ascii: "=")) { throw PyException.make(.valueError, "illegal environment variable name") }
            try k.withCString { kp in try v.withCString { vp in try PosixArguments.check(setenv(kp, vp, 1)) } }
            return .none
        }
        m.addFunction("unsetenv") { a, _, ctx in
            let k = try PosixPath.make(a.first ?? .none, "unsetenv", argument: "name", ctx)
            if k.bytes.isEmpty || k.bytes.contains(UInt8(ascii: "=")) { throw PyException.make(.valueError, "illegal environment variable name") }
            try k.withCString { try PosixArguments.check(unsetenv($0)) }
            return .none
        }
        let unameType = StructSequence.makeType("posix.uname_result", fields: ["sysname", "nodename", "release", "version", "machine"])
        m.addFunction("uname") { _, _, _ in
            var u = utsname()
            try PosixArguments.check(Glibc.uname(&u))
            func field<T>(_ t: T) -> Value {
                withUnsafeBytes(of: t) { raw in .str(String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)) }
            }
            return .object(StructSequence.instance(unameType, [field(u.sysname), field(u.nodename), field(u.release), field(u.version), field(u.machine)]))
        }
        let timesType = StructSequence.makeType("posix.times_result", fields: ["user", "system", "children_user", "children_system", "elapsed"])
        m.addFunction("times") { _, _, _ in
            var t = tms()
            let elapsed = Glibc.times(&t)
            let tick = Double(sysconf(Int32(_SC_CLK_TCK)))
            let items = [t.tms_utime, t.tms_stime, t.tms_cutime, t.tms_cstime, elapsed].map { Value.float(Double($0) / tick) }
            return .object(StructSequence.instance(timesType, items))
        }
        PosixWait.install(m)
    }
}

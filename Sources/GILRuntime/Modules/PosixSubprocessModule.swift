#if canImport(Glibc)
import Glibc
#endif

/// `_posixsubprocess.fork_exec`, under CPython's own `subprocess.py`: the child is started with posix_spawn
/// (never fork: this process has threads, the recorder's among them), its stdin/stdout/stderr set with dup2
/// file actions, every other descriptor closed when `close_fds` (closefrom), the working directory changed
/// (addchdir), signals reset (SIGPIPE/SIGXFSZ as CPython's restore_signals, and the mask gilrec keeps on
/// SIGINT/SIGTERM). A failure is reported the way the real module reports it — `OSError:<hex errno>:` written
/// to `errpipe_write` — so subprocess raises FileNotFoundError & co. with CPython's messages.
///
/// Not supported, said as such: `preexec_fn`, `user`/`group`/`extra_groups`, `umask` (a Python function or a
/// credential change between fork and exec needs fork).
enum PosixSubprocessModule {
    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    /// glibc's GNU extensions, not visible to Swift without _GNU_SOURCE.
    private static let addChdir = dlsym(nil, "posix_spawn_file_actions_addchdir_np").map { unsafeBitCast($0, to: AddChdir.self) }
    private static let addCloseFrom = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np").map { unsafeBitCast($0, to: AddCloseFrom.self) }
    private static let setSessionFlag: Int32 = 0x80  // POSIX_SPAWN_SETSID
    /// The pid fork_exec returns when nothing started: subprocess's waitpid on it gets ECHILD, as it expects.
    private static let noChild = Int(Int32.max)

    static func make() -> PyModule {
        let m = PyModule(name: "_posixsubprocess")
        m.addFunction("fork_exec") { a, _, ctx in
            guard a.count == 23 else { throw PyException.make(.typeError, "fork_exec() takes exactly 23 arguments (\(a.count) given)") }
            return try forkExec(a, ctx)
        }
        return m
    }

    /// NUL-terminated copies of a sequence of str/bytes/PathLike (argv, env, the executable candidates).
    private static func cStrings(_ v: Value, _ what: String, _ ctx: ExecutionContext) throws -> [[CChar]]? {
        if v.isNone { return nil }
        return try collect(v, ctx).map { try PosixPath.make($0, "fork_exec", argument: what, ctx).cString }
    }

    private static func forkExec(_ a: [Value], _ ctx: ExecutionContext) throws -> Value {
        let argv = try cStrings(a[0], "args", ctx) ?? []
        let executables = try cStrings(a[1], "executable", ctx) ?? []
        let closeFDs = try truthy(a[2], ctx)
        let passFDs = try collect(a[3], ctx).map { Int32(try Index.cInt($0, ctx)) }
        let cwd = a[4].isNone ? nil : try PosixPath.make(a[4], "fork_exec", argument: "cwd", ctx)
        let env = try cStrings(a[5], "env", ctx)
        let fds = try (6...13).map { Int32(try Index.cInt(a[$0], ctx)) }
        let (p2cread, c2pwrite, errwrite, errpipeWrite) = (fds[0], fds[3], fds[5], fds[7])
        let restoreSignals = try truthy(a[14], ctx), newSession = try truthy(a[15], ctx)
        let processGroup = try Index.cInt(a[16], ctx)
        if !a[17].isNone || !a[18].isNone || !a[19].isNone {
            throw PyException.make(.notImplementedError, "not supported yet: user, group and extra_groups for subprocess under gilrec")
        }
        if try Index.cInt(a[20], ctx) >= 0 {
            throw PyException.make(.notImplementedError, "not supported yet: umask for subprocess under gilrec")
        }
        if !a[21].isNone {
            throw PyException.make(.notImplementedError, "not supported yet: preexec_fn (gilrec starts children with posix_spawn, never fork)")
        }
        if argv.isEmpty { throw PyException.make(.valueError, "args must not be empty") }

        // cwd first, as the child would: a bad directory is reported as "noexec" (before exec), which subprocess blames on cwd.
        if let cwd {
            var s = stat()
            let r = cwd.withCString { stat($0, &s) }
            let code: Int32 = r != 0 ? errno : (s.st_mode & S_IFMT != S_IFDIR ? ENOTDIR : 0)
            if code != 0 {
                report(errpipeWrite, "OSError:\(String(code, radix: 16)):noexec")
                return .int(noChild)
            }
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // stdin/stdout/stderr; a descriptor already in place keeps it, its close-on-exec flag cleared by the
        // dup2 onto itself (POSIX 2008 TC2).
        for (source, target) in [(p2cread, Int32(0)), (c2pwrite, 1), (errwrite, 2)] where source >= 0 {
            posix_spawn_file_actions_adddup2(&actions, source, target)
        }
        // pass_fds become inheritable, except errpipe_write: exec must close it so that the parent's read of
        // the error pipe ends at exec (_posixsubprocess's make_inheritable skips it too).
        for fd in passFDs where fd > 2 && fd != errpipeWrite {
            _ = fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) & ~FD_CLOEXEC)
        }
        if closeFDs, let addCloseFrom {
            // Everything from 3 up, except pass_fds (closed by ranges between them).
            var next: Int32 = 3
            for fd in passFDs.filter({ $0 >= 3 }).sorted() {
                for k in next..<fd { posix_spawn_file_actions_addclose(&actions, k) }
                next = fd + 1
            }
            _ = addCloseFrom(&actions, next)
        }
        if let cwd, let addChdir { _ = cwd.withCString { addChdir(&actions, $0) } }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM] { sigaddset(&defaults, signal) }
        if restoreSignals { for signal in [SIGPIPE, SIGXFSZ] { sigaddset(&defaults, signal) } }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        if newSession { flags |= setSessionFlag }
        if processGroup >= 0 {
            flags |= Int32(POSIX_SPAWN_SETPGROUP)
            posix_spawnattr_setpgroup(&attributes, pid_t(processGroup))
        }
        posix_spawnattr_setflags(&attributes, Int16(truncatingIfNeeded: flags))

        func pointers(_ list: [[CChar]]) -> [UnsafeMutablePointer<CChar>?] {
            list.map { strdup($0) } + [nil]
        }
        let argvPointers = pointers(argv)
        let envPointers = env.map(pointers)
        defer {
            for p in argvPointers { free(p) }
            for p in envPointers ?? [] { free(p) }
        }
        var lastError: Int32 = ENOENT
        for executable in executables {
            var pid: pid_t = 0
            let r = executable.withUnsafeBufferPointer { path in
                argvPointers.withUnsafeBufferPointer { argvBuffer in
                    if let envPointers {
                        return envPointers.withUnsafeBufferPointer {
                            posix_spawn(&pid, path.baseAddress!, &actions, &attributes, argvBuffer.baseAddress!, $0.baseAddress!)
                        }
                    }
                    return posix_spawn(&pid, path.baseAddress!, &actions, &attributes, argvBuffer.baseAddress!, environ)
                }
            }
            if r == 0 { return .int(Int(pid)) }
            lastError = r
            // As _posixsubprocess's child loop: only "not found here" moves on to the next candidate.
            if r != ENOENT && r != ENOTDIR { break }
        }
        report(errpipeWrite, "OSError:\(String(lastError, radix: 16)):")
        return .int(noChild)
    }

    private static func report(_ fd: Int32, _ message: String) {
        guard fd >= 0 else { return }
        let bytes = Array(message.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// Descriptor calls of `posix`: open/close/read/write/pipe/dup/lseek… Reads and writes release the GIL and
/// are recorded as file_read/file_write I/O (a pipe read waits for the other end); EINTR runs pending signal
/// handlers and retries (PEP 475). New descriptors are non-inheritable, as CPython makes them (PEP 446).
enum PosixFiles {
    static func install(_ m: PyModule) {
        m.addFunction("open") { a, kw, ctx in
            let args = try Arguments(a, kw, names: ["path", "flags", "mode"], keywordOnly: ["dir_fd"], required: 2, function: "open")
            try PosixArguments.refuseDirFD(args, "open")
            let path = try PosixPath.make(args.value(0)!, "open", ctx)
            let flags = Int32(try Index.cInt(args.value(1)!, ctx)) | O_CLOEXEC
            let mode = mode_t(try args.value(2).map { try Index.cInt($0, ctx) } ?? 0o777)
            while true {
                let fd = path.withCString { Glibc.open($0, flags, mode) }
                if fd >= 0 { return .int(Int(fd)) }
                if errno == EINTR { try ctx.runtime.pendingCalls.run(ctx); continue }
                throw path.error()
            }
        }
        m.addFunction("close") { a, kw, ctx in
            let args = try Arguments(a, kw, names: ["fd"], required: 1, function: "close")
            if Glibc.close(try PosixArguments.fd(args.value(0), ctx)) != 0, errno != EINTR { throw OSErrors.make(errno: errno) }
            return .none
        }
        m.addFunction("closerange") { a, _, ctx in
            guard a.count == 2 else { throw PyException.make(.typeError, "closerange expected 2 arguments, got \(a.count)") }
            let low = try Index.cInt(a[0], ctx), high = try Index.cInt(a[1], ctx)
            if low < high { for fd in max(low, 0)..<high { Glibc.close(Int32(fd)) } }
            return .none
        }
        m.addFunction("read") { a, _, ctx in
            guard a.count == 2 else { throw PyException.make(.typeError, "read expected 2 arguments, got \(a.count)") }
            let fd = try PosixArguments.fd(a[0], ctx), n = try Index.value(a[1], ctx)
            if n < 0 { throw OSErrors.make(errno: EINVAL) }
            try AllocationLimit.checkBytes(n, ctx)
            var buffer = [UInt8](repeating: 0, count: n)
            while true {
                let got = ctx.ts.blockingIO(.fileRead, request: Int64(n), {
                    buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, n) }
                }, result: { Int64($0) })
                if got >= 0 { return .object(PyBytes(Array(buffer[..<got]))) }
                if errno == EINTR { try ctx.runtime.pendingCalls.run(ctx); continue }
                throw OSErrors.make(errno: errno)
            }
        }
        m.addFunction("write") { a, _, ctx in
            guard a.count == 2 else { throw PyException.make(.typeError, "write expected 2 arguments, got \(a.count)") }
            let fd = try PosixArguments.fd(a[0], ctx)
            let data = try BytesLike.required(a[1])
            while true {
                let wrote = ctx.ts.blockingIO(.fileWrite, request: Int64(data.count), {
                    data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, data.count) }
                }, result: { Int64($0) })
                if wrote >= 0 { return .int(wrote) }
                if errno == EINTR { try ctx.runtime.pendingCalls.run(ctx); continue }
                throw OSErrors.make(errno: errno)
            }
        }
        m.addFunction("pipe") { _, _, _ in
            try pipe(flags: O_CLOEXEC)
        }
        m.addFunction("pipe2") { a, _, ctx in
            try pipe(flags: Int32(try Index.cInt(a.first ?? .int(0), ctx)))
        }
        m.addFunction("dup") { a, _, ctx in
            let r = fcntl(try PosixArguments.fd(a.first, ctx), F_DUPFD_CLOEXEC, 0)
            try PosixArguments.check(r)
            return .int(Int(r))
        }
        m.addFunction("dup2") { a, kw, ctx in
            let args = try Arguments(a, kw, names: ["fd", "fd2", "inheritable"], required: 2, function: "dup2")
            let fd = try PosixArguments.fd(args.value(0), ctx), fd2 = try PosixArguments.fd(args.value(1), ctx)
            let inheritable = try PosixArguments.bool(args.value(2), ctx, default: true)
            let r = Glibc.dup2(fd, fd2)
            try PosixArguments.check(r)
            if !inheritable { _ = fcntl(r, F_SETFD, FD_CLOEXEC) }
            return .int(Int(r))
        }
        m.addFunction("lseek") { a, _, ctx in
            guard a.count == 3 else { throw PyException.make(.typeError, "lseek expected 3 arguments, got \(a.count)") }
            let r = Glibc.lseek(try PosixArguments.fd(a[0], ctx), off_t(try Index.value(a[1], ctx)), Int32(try Index.cInt(a[2], ctx)))
            if r < 0 { throw OSErrors.make(errno: errno) }
            return .int(Int(r))
        }
        m.addFunction("fsync") { a, _, ctx in
            try PosixArguments.check(Glibc.fsync(try descriptor(a.first ?? .none, ctx)))
            return .none
        }
        m.addFunction("ftruncate") { a, _, ctx in
            guard a.count == 2 else { throw PyException.make(.typeError, "ftruncate expected 2 arguments, got \(a.count)") }
            try PosixArguments.check(Glibc.ftruncate(try PosixArguments.fd(a[0], ctx), off_t(try Index.value(a[1], ctx))))
            return .none
        }
        m.addFunction("isatty") { a, _, ctx in .bool(Glibc.isatty(try PosixArguments.fd(a.first, ctx)) == 1) }
        m.addFunction("device_encoding") { a, _, ctx in
            Glibc.isatty(try PosixArguments.fd(a.first, ctx)) == 1 ? .str("utf-8") : .none
        }
        m.addFunction("get_inheritable") { a, _, ctx in
            let flags = fcntl(try PosixArguments.fd(a.first, ctx), F_GETFD)
            try PosixArguments.check(flags)
            return .bool(flags & FD_CLOEXEC == 0)
        }
        m.addFunction("set_inheritable") { a, _, ctx in
            guard a.count == 2 else { throw PyException.make(.typeError, "set_inheritable expected 2 arguments, got \(a.count)") }
            let fd = try PosixArguments.fd(a[0], ctx)
            let flags = fcntl(fd, F_GETFD)
            try PosixArguments.check(flags)
            try PosixArguments.check(fcntl(fd, F_SETFD, try truthy(a[1], ctx) ? flags & ~FD_CLOEXEC : flags | FD_CLOEXEC))
            return .none
        }
        m.addFunction("get_blocking") { a, _, ctx in
            let flags = fcntl(try PosixArguments.fd(a.first, ctx), F_GETFL)
            try PosixArguments.check(flags)
            return .bool(flags & O_NONBLOCK == 0)
        }
        m.addFunction("set_blocking") { a, _, ctx in
            guard a.count == 2 else { throw PyException.make(.typeError, "set_blocking expected 2 arguments, got \(a.count)") }
            let fd = try PosixArguments.fd(a[0], ctx)
            let flags = fcntl(fd, F_GETFL)
            try PosixArguments.check(flags)
            try PosixArguments.check(fcntl(fd, F_SETFL, try truthy(a[1], ctx) ? flags & ~O_NONBLOCK : flags | O_NONBLOCK))
            return .none
        }
        let terminalSize = StructSequence.makeType("os.terminal_size", fields: ["columns", "lines"])
        m.dict["terminal_size"] = .object(terminalSize)
        m.addFunction("get_terminal_size") { a, _, ctx in
            let fd = try a.first.map { try PosixArguments.fd($0, ctx) } ?? 1
            var size = winsize()
            try PosixArguments.check(ioctl(fd, UInt(TIOCGWINSZ), &size))
            return .object(StructSequence.instance(terminalSize, [.int(Int(size.ws_col)), .int(Int(size.ws_row))]))
        }
    }

    /// pipe2(2) as pipe + fcntl (Glibc's Swift overlay lacks pipe2): O_CLOEXEC and O_NONBLOCK honoured.
    static func pipe(flags: Int32) throws -> Value {
        var fds: [Int32] = [0, 0]
        try PosixArguments.check(Glibc.pipe(&fds))
        for fd in fds {
            if flags & O_CLOEXEC != 0 { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            if flags & O_NONBLOCK != 0 { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        }
        return .object(PyTuple([.int(Int(fds[0])), .int(Int(fds[1]))]))
    }

    /// A descriptor, or an object with `fileno()` (`fsync(f)`).
    static func descriptor(_ v: Value, _ ctx: ExecutionContext) throws -> Int32 {
        if case .int = v { return try PosixArguments.fd(v, ctx) }
        guard let fileno = try? Attributes.get(v, "fileno", ctx) else {
            throw PyException.make(.typeError, "argument must be an int, or have a fileno() method.")
        }
        return try PosixArguments.fd(try ctx.call(fileno, []), ctx)
    }
}

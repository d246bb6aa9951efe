#if canImport(Glibc)
import Glibc
#endif
import GILTrace

/// `select` (Modules/selectmodule.c): `select()` and `poll()` objects, both over poll(2) (no FD_SETSIZE limit),
/// the wait released from the GIL and recorded as `poll` I/O; EINTR runs pending signal handlers and waits
/// again for what is left of the timeout (PEP 475). `selectors` from CPython's Lib builds PollSelector and
/// SelectSelector on them (subprocess's communicate() uses PollSelector). No epoll/devpoll/kqueue.
enum SelectModule {
    static let constants: [(String, Int16)] = [
        ("POLLIN", Int16(POLLIN)), ("POLLPRI", Int16(POLLPRI)), ("POLLOUT", Int16(POLLOUT)), ("POLLERR", Int16(POLLERR)),
        ("POLLHUP", Int16(POLLHUP)), ("POLLNVAL", Int16(POLLNVAL)), ("POLLRDNORM", 0x040), ("POLLRDBAND", 0x080),
        ("POLLWRNORM", 0x100), ("POLLWRBAND", 0x200), ("POLLMSG", 0x400), ("POLLRDHUP", 0x2000),
    ]

    final class PollState: @unchecked Sendable {  // used with the GIL held
        var registered: [(fd: Int32, events: Int16)] = []
        var polling = false
    }

    static func make() -> PyModule {
        let m = PyModule(name: "select")
        m.dict["error"] = .object(ExceptionKind.osError.type)
        for (name, v) in constants { m.dict[name] = .int(Int(v)) }
        m.dict["PIPE_BUF"] = .int(Int(PIPE_BUF))
        m.addFunction("select") { a, kw, ctx in
            let args = try Arguments(a, kw, names: ["rlist", "wlist", "xlist", "timeout"], required: 3, function: "select")
            let timeout = try timeoutNs(args.value(3) ?? .none, seconds: true, "timeout must be a float or None")
            if let timeout, timeout < 0 { throw PyException.make(.valueError, "timeout must be non-negative") }
            let lists = try (0..<3).map { k in try collect(args.value(k)!, ctx).map { ($0, try PosixFiles.descriptor($0, ctx)) } }
            var fds: [pollfd] = []
            for (k, list) in lists.enumerated() {
                let event = Int16([POLLIN, POLLOUT, POLLPRI][k])
                for (_, fd) in list { fds.append(pollfd(fd: fd, events: event, revents: 0)) }
            }
            try wait(&fds, timeout, ctx)
            var out: [Value] = []
            var index = 0
            for (k, list) in lists.enumerated() {
                var ready: [Value] = []
                let wanted = Int16([POLLIN | POLLHUP | POLLERR, POLLOUT | POLLERR, POLLPRI][k])
                for (object, _) in list {
                    let revents = fds[index].revents
                    index += 1
                    if revents & Int16(POLLNVAL) != 0 { throw OSErrors.make(errno: EBADF) }
                    if revents & wanted != 0 { ready.append(object) }
                }
                out.append(.object(PyList(ready)))
            }
            return .object(PyTuple(out))
        }
        m.addFunction("poll") { _, _, _ in
            let p = PyInstance(type: pollType)
            p.native = PollState()
            return .object(p)
        }
        return m
    }

    /// A timeout argument in nanoseconds (nil: wait forever).
    static func timeoutNs(_ v: Value, seconds: Bool, _ message: String) throws -> Int64? {
        if v.isNone { return nil }
        guard let n = Arithmetic.number(v) else { throw PyException.make(.typeError, message) }
        let d = try Arithmetic.double(n)
        if d.isNaN { throw PyException.make(.valueError, "Invalid value NaN (not a number)") }
        let ns = d * (seconds ? 1e9 : 1e6)
        if ns > 9.2e18 { throw PyException.make(.overflowError, "timeout is too large") }
        return Int64(ns.rounded(.up))
    }

    /// poll(2) with the GIL released until something is ready or the timeout passes.
    static func wait(_ fds: inout [pollfd], _ timeout: Int64?, _ ctx: ExecutionContext) throws {
        let deadline = timeout.map { MonotonicClock.now() + $0 }
        while true {
            let remaining = deadline.map { max(0, $0 - MonotonicClock.now()) }
            let ms = remaining.map { Int32(clamping: ($0 + 999_999) / 1_000_000) } ?? -1
            let count = fds.count
            let r = ctx.ts.blockingIO(.poll, request: remaining ?? -1, {
                fds.withUnsafeMutableBufferPointer { Glibc.poll($0.baseAddress, nfds_t(count), ms) }
            }, result: { Int64($0) })
            if r >= 0 { return }
            if errno != EINTR { throw OSErrors.make(errno: errno) }
            try ctx.runtime.pendingCalls.run(ctx)
            if let deadline, MonotonicClock.now() >= deadline { return }
        }
    }

    static let pollType: PyType = {
        let t = PyType(name: "poll", base: BuiltinTypes.object, module: "select")
        func state(_ v: Value) throws -> PollState { try SyncPrimitives.native(v, PollState.self) }
        t.addMethod("register") { a, _, ctx in
            let s = try state(a[0])
            guard a.count >= 2 else { throw PyException.make(.typeError, "register() missing required argument 'fd' (pos 1)") }
            let fd = try PosixFiles.descriptor(a[1], ctx)
            let mask = a.count > 2 ? Int16(truncatingIfNeeded: try Index.cInt(a[2], ctx)) : Int16(POLLIN | POLLPRI | POLLOUT)
            if let k = s.registered.firstIndex(where: { $0.fd == fd }) { s.registered[k].events = mask } else { s.registered.append((fd, mask)) }
            return .none
        }
        t.addMethod("modify") { a, _, ctx in
            let s = try state(a[0])
            guard a.count == 3 else { throw PyException.make(.typeError, "modify expected 2 arguments, got \(a.count - 1)") }
            let fd = try PosixFiles.descriptor(a[1], ctx)
            guard let k = s.registered.firstIndex(where: { $0.fd == fd }) else { throw OSErrors.make(errno: ENOENT) }
            s.registered[k].events = Int16(truncatingIfNeeded: try Index.cInt(a[2], ctx))
            return .none
        }
        t.addMethod("unregister") { a, _, ctx in
            let s = try state(a[0])
            let fd = try PosixFiles.descriptor(a.count > 1 ? a[1] : .none, ctx)
            guard let k = s.registered.firstIndex(where: { $0.fd == fd }) else { throw PyException(keyError(.int(Int(fd)))) }
            s.registered.remove(at: k)
            return .none
        }
        t.addMethod("poll") { a, _, ctx in
            let s = try state(a[0])
            let timeout = try timeoutNs(a.count > 1 ? a[1] : .none, seconds: false, "timeout must be an integer or None")
            if s.polling { throw PyException.make(.runtimeError, "concurrent poll() invocation") }
            s.polling = true
            defer { s.polling = false }
            var fds = s.registered.map { pollfd(fd: $0.fd, events: $0.events, revents: 0) }
            try wait(&fds, timeout.map { $0 < 0 ? -1 : $0 }.flatMap { $0 < 0 ? nil : $0 }, ctx)
            return .object(PyList(fds.filter { $0.revents != 0 }.map { .object(PyTuple([.int(Int($0.fd)), .int(Int(UInt16(bitPattern: $0.revents)))])) }))
        }
        return t
    }()

    static func keyError(_ key: Value) -> PyInstance {
        PyException.make(.keyError).value.withArgs([key])
    }
}

private extension PyInstance {
    func withArgs(_ args: [Value]) -> PyInstance {
        attributes["args"] = .object(PyTuple(args))
        return self
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// `waitpid`, `wait` and the status macros. A blocking wait releases the GIL and is recorded as
/// `process_wait` I/O (what subprocess's `wait()`/`communicate()`/`run()` spend their time in); EINTR runs the
/// pending signal handlers and retries, as CPython's PEP 475 loop does.
enum PosixWait {
    static func install(_ m: PyModule) {
        m.addFunction("waitpid") { a, _, ctx in
            guard a.count == 2 else { throw PyException.make(.typeError, "waitpid expected 2 arguments, got \(a.count)") }
            let pid = pid_t(try Index.cInt(a[0], ctx)), options = Int32(try Index.cInt(a[1], ctx))
            let (r, status) = try wait(pid, options, ctx)
            return .object(PyTuple([.int(Int(r)), .int(Int(status))]))
        }
        m.addFunction("wait") { _, _, ctx in
            let (r, status) = try wait(-1, 0, ctx)
            return .object(PyTuple([.int(Int(r)), .int(Int(status))]))
        }
        let macros: [(String, (Int32) -> Value)] = [
            ("WIFEXITED", { .bool($0 & 0x7f == 0) }),
            ("WEXITSTATUS", { .int(Int(($0 >> 8) & 0xff)) }),
            ("WIFSIGNALED", { .bool($0 & 0x7f != 0 && $0 & 0x7f != 0x7f) }),
            ("WTERMSIG", { .int(Int($0 & 0x7f)) }),
            ("WIFSTOPPED", { .bool($0 & 0xff == 0x7f) }),
            ("WSTOPSIG", { .int(Int(($0 >> 8) & 0xff)) }),
            ("WIFCONTINUED", { .bool($0 == 0xffff) }),
            ("WCOREDUMP", { .bool($0 & 0x80 != 0) }),
        ]
        for (name, body) in macros {
            m.addFunction(name) { a, kw, ctx in
                let args = try Arguments(a, kw, names: ["status"], required: 1, function: name)
                return body(Int32(truncatingIfNeeded: try Index.cInt(args.value(0)!, ctx)))
            }
        }
        m.addFunction("waitstatus_to_exitcode") { a, kw, ctx in
            let args = try Arguments(a, kw, names: ["status"], required: 1, function: "waitstatus_to_exitcode")
            let status = Int32(truncatingIfNeeded: try Index.cInt(args.value(0)!, ctx))
            if status & 0x7f == 0 { return .int(Int((status >> 8) & 0xff)) }
            if status & 0xff != 0x7f { return .int(-Int(status & 0x7f)) }
            throw PyException.make(.valueError, "invalid wait status: \(status)")
        }
    }

    static func wait(_ pid: pid_t, _ options: Int32, _ ctx: ExecutionContext) throws -> (pid_t, Int32) {
        while true {
            var status: Int32 = 0
            let r: pid_t
            if options & WNOHANG != 0 {
                r = waitpid(pid, &status, options)
            } else {
                r = ctx.ts.blockingIO(.processWait, request: Int64(pid), { waitpid(pid, &status, options) }, result: { Int64($0) })
            }
            if r >= 0 { return (r, status) }
            let code = errno
            if code == EINTR {
                try ctx.runtime.pendingCalls.run(ctx)
                continue
            }
            throw OSErrors.make(errno: code)
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// `_signal` (Modules/signalmodule.c), under CPython's own `signal.py`: handlers set from the main thread and
/// run there at check points (`SignalHandlers`), `getsignal`, `alarm`, `setitimer`/`getitimer`, `raise_signal`,
/// `pthread_kill`/`pthread_sigmask`, `set_wakeup_fd`, `strsignal`, `valid_signals`. A handler runs during a
/// main-thread `time.sleep` (which then goes on), otherwise at the main thread's next check point: a blocking
/// lock or queue wait in the main thread is not cut short by a signal, as it is in CPython.
enum SignalModule {
    static let names: [(String, Int32)] = [
        ("SIGHUP", SIGHUP), ("SIGINT", SIGINT), ("SIGQUIT", SIGQUIT), ("SIGILL", SIGILL), ("SIGTRAP", SIGTRAP),
        ("SIGABRT", SIGABRT), ("SIGIOT", SIGIOT), ("SIGBUS", SIGBUS), ("SIGFPE", SIGFPE), ("SIGKILL", SIGKILL),
        ("SIGUSR1", SIGUSR1), ("SIGSEGV", SIGSEGV), ("SIGUSR2", SIGUSR2), ("SIGPIPE", SIGPIPE), ("SIGALRM", SIGALRM),
        ("SIGTERM", SIGTERM), ("SIGSTKFLT", 16), ("SIGCHLD", SIGCHLD), ("SIGCONT", SIGCONT), ("SIGSTOP", SIGSTOP),
        ("SIGTSTP", SIGTSTP), ("SIGTTIN", SIGTTIN), ("SIGTTOU", SIGTTOU), ("SIGURG", SIGURG), ("SIGXCPU", SIGXCPU),
        ("SIGXFSZ", SIGXFSZ), ("SIGVTALRM", SIGVTALRM), ("SIGPROF", SIGPROF), ("SIGWINCH", SIGWINCH), ("SIGIO", SIGIO),
        ("SIGPOLL", SIGPOLL), ("SIGPWR", SIGPWR), ("SIGSYS", SIGSYS), ("SIGRTMIN", 34), ("SIGRTMAX", 64),
    ]
    static let signalCount: Int32 = 65

    static func make(_ runtime: PythonRuntime) -> PyModule {
        let m = PyModule(name: "_signal")
        let handlers = runtime.signalHandlers
        for (name, n) in names { m.dict[name] = .int(Int(n)) }
        m.dict["NSIG"] = .int(Int(signalCount))
        m.dict["SIG_DFL"] = .int(SignalHandlers.defaultAction)
        m.dict["SIG_IGN"] = .int(SignalHandlers.ignoreAction)
        for (name, v) in [("SIG_BLOCK", SIG_BLOCK), ("SIG_UNBLOCK", SIG_UNBLOCK), ("SIG_SETMASK", SIG_SETMASK)] { m.dict[name] = .int(Int(v)) }
        for (name, v) in [("ITIMER_REAL", 0), ("ITIMER_VIRTUAL", 1), ("ITIMER_PROF", 2)] { m.dict[name] = .int(v) }
        let itimerError = PyType(name: "ItimerError", base: ExceptionKind.osError.type, module: "signal")
        m.dict["ItimerError"] = .object(itimerError)

        let defaultIntHandler = PyBuiltinFunction("default_int_handler") { _, _, _ in throw PyException.make(.keyboardInterrupt) }
        defaultIntHandler.bindsToInstance = false
        m.dict["default_int_handler"] = .object(defaultIntHandler)

        func signalNumber(_ v: Value, _ ctx: ExecutionContext) throws -> Int32 {
            let n = try Index.cInt(v, ctx)
            if n < 1 || n >= Int(signalCount) { throw PyException.make(.valueError, "signal number out of range") }
            return Int32(n)
        }
        /// What getsignal answers before the program sets anything: CPython's start-up state.
        func initial(_ n: Int32) -> Value {
            if n == SIGINT { return .object(defaultIntHandler) }
            if n == SIGPIPE || n == SIGXFSZ { return .int(SignalHandlers.ignoreAction) }
            if SignalHandlers.isIgnored(n) { return .int(SignalHandlers.ignoreAction) }
            return .int(SignalHandlers.defaultAction)
        }
        m.addFunction("signal") { a, kw, ctx in
            let args = try Arguments(a, kw, names: ["signalnum", "handler"], required: 2, function: "signal")
            let n = try signalNumber(args.value(0)!, ctx)
            let handler = args.value(1)!
            if ctx.ts.tid != 1 { throw PyException.make(.valueError, "signal only works in main thread of the main interpreter") }
            let isAction: Bool
            if case .int(let code) = handler { isAction = code == SignalHandlers.defaultAction || code == SignalHandlers.ignoreAction } else { isAction = false }
            if !isAction && !AtexitModule.isCallable(handler) {
                throw PyException.make(.typeError, "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
            }
            if n == SIGKILL || n == SIGSTOP { throw OSErrors.make(errno: EINVAL) }
            let old = handlers.handler(n) ?? initial(n)
            try handlers.install(n, handler)
            return old
        }
        m.addFunction("getsignal") { a, _, ctx in
            let n = try signalNumber(a.first ?? .none, ctx)
            return handlers.handler(n) ?? initial(n)
        }
        m.addFunction("raise_signal") { a, _, ctx in
            let n = try signalNumber(a.first ?? .none, ctx)
            // To the process rather than raise(3)'s calling thread: this OS thread may block the signal (a
            // host's threads), and the Python handler runs in the main thread either way.
            if Glibc.kill(getpid(), n) != 0 { throw OSErrors.make(errno: errno) }
            try waitForDelivery(n, handlers, ctx)
            return .none
        }
        m.addFunction("strsignal") { a, _, ctx in
            let n = try signalNumber(a.first ?? .none, ctx)
            guard let text = Glibc.strsignal(n) else { return .none }
            let s = String(cString: text)
            return s.hasPrefix("Unknown signal") || s.hasPrefix("Real-time signal") ? .none : .str(s)
        }
        m.addFunction("valid_signals") { _, _, _ in
            let s = PySet()
            for n in 1..<signalCount where n != 32 && n != 33 { try s.add(.int(Int(n))) }
            return .object(s)
        }
        m.addFunction("alarm") { a, _, ctx in .int(Int(Glibc.alarm(UInt32(truncatingIfNeeded: try Index.cInt(a.first ?? .none, ctx))))) }
        m.addFunction("pause") { _, _, ctx in
            // Wakes for any signal (the C handler interrupts it), then runs the handlers as CPython does.
            _ = ctx.ts.blockingIO(.poll, request: -1, { Glibc.pause() }, result: { Int64($0) })
            try ctx.runtime.pendingCalls.run(ctx)
            return .none
        }
        m.addFunction("siginterrupt") { a, _, ctx in
            _ = try signalNumber(a.first ?? .none, ctx)
            return .none
        }
        m.addFunction("set_wakeup_fd") { a, kw, ctx in
            let args = try Arguments(a, kw, names: ["fd"], keywordOnly: ["warn_on_full_buffer"], required: 1, function: "set_wakeup_fd")
            if ctx.ts.tid != 1 { throw PyException.make(.valueError, "set_wakeup_fd only works in main thread of the main interpreter") }
            let fd = try Index.cInt(args.value(0)!, ctx)
            if fd >= 0 {
                var s = stat()
                if fstat(Int32(fd), &s) != 0 { throw OSErrors.make(errno: errno) }
            }
            return .int(handlers.setWakeupFD(fd))
        }
        installTimers(m, itimerError)
        installMasks(m, handlers)
        return m
    }

    /// After raise_signal/pthread_kill to ourselves: the reader thread hands the signal over within
    /// microseconds; wait for it so the handler runs before the call returns, as in CPython.
    static func waitForDelivery(_ n: Int32, _ handlers: SignalHandlers, _ ctx: ExecutionContext) throws {
        guard let h = handlers.handler(n), AtexitModule.isCallable(h) else { return }
        for _ in 0..<10_000 where !ctx.runtime.pendingCalls.hasMainThreadCalls { usleep(200) }  // at most 2 s on a loaded machine
        if ctx.ts.tid == 1 { try ctx.runtime.pendingCalls.run(ctx) }
    }

    static func installTimers(_ m: PyModule, _ itimerError: PyType) {
        func pair(_ v: itimerval) -> Value {
            func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
            return .object(PyTuple([.float(seconds(v.it_value)), .float(seconds(v.it_interval))]))
        }
        func timeval(_ s: Double) -> Glibc.timeval {
            let whole = s.rounded(.down)
            var usec = Int(((s - whole) * 1e6).rounded(.up))
            var sec = Int(whole)
            if usec >= 1_000_000 { sec += 1; usec -= 1_000_000 }
            return Glibc.timeval(tv_sec: sec, tv_usec: usec)
        }
        func which(_ v: Value, _ ctx: ExecutionContext) throws -> __itimer_which_t {
            __itimer_which_t(UInt32(truncatingIfNeeded: try Index.cInt(v, ctx)))
        }
        m.addFunction("setitimer") { a, kw, ctx in
            let args = try Arguments(a, kw, names: ["which", "seconds", "interval"], required: 2, function: "setitimer")
            var new = itimerval(it_interval: timeval(try MathModule.double(args.value(2) ?? .float(0))), it_value: timeval(try MathModule.double(args.value(1)!)))
            var old = itimerval()
            if Glibc.setitimer(try which(args.value(0)!, ctx), &new, &old) != 0 {
                throw itimerFailure(itimerError)
            }
            return pair(old)
        }
        m.addFunction("getitimer") { a, _, ctx in
            var current = itimerval()
            if Glibc.getitimer(try which(a.first ?? .none, ctx), &current) != 0 {
                throw itimerFailure(itimerError)
            }
            return pair(current)
        }
    }

    /// signal.ItimerError(errno, strerror), an OSError subclass.
    static func itimerFailure(_ type: PyType) -> PyException {
        let instance = PyInstance(type: type)
        instance.native = ExceptionData()
        OSErrors.fill(instance, [.int(Int(errno)), .str(String(cString: strerror(errno)))])
        return PyException(instance)
    }

    static func installMasks(_ m: PyModule, _ handlers: SignalHandlers) {
        func set(_ s: sigset_t) throws -> Value {
            var copy = s
            let out = PySet()
            for n in 1..<signalCount where sigismember(&copy, n) == 1 { try out.add(.int(Int(n))) }
            return .object(out)
        }
        m.addFunction("pthread_sigmask") { a, _, ctx in
            guard a.count == 2 else { throw PyException.make(.typeError, "pthread_sigmask expected 2 arguments, got \(a.count)") }
            let how = Int32(try Index.cInt(a[0], ctx))
            var mask = sigset_t()
            sigemptyset(&mask)
            for v in try collect(a[1], ctx) {
                let n = try Index.cInt(v, ctx)
                if n < 1 || n >= Int(signalCount) { throw PyException.make(.valueError, "signal number \(n) out of range [1; \(signalCount - 1)]") }
                sigaddset(&mask, Int32(n))
            }
            var old = sigset_t()
            let r = Glibc.pthread_sigmask(how, &mask, &old)
            if r != 0 { throw OSErrors.make(errno: r) }
            return try set(old)
        }
        m.addFunction("sigpending") { _, _, _ in
            var pending = sigset_t()
            if Glibc.sigpending(&pending) != 0 { throw OSErrors.make(errno: errno) }
            return try set(pending)
        }
        m.addFunction("pthread_kill") { a, _, ctx in
            guard a.count == 2 else { throw PyException.make(.typeError, "pthread_kill expected 2 arguments, got \(a.count)") }
            let n = Int32(try Index.cInt(a[1], ctx))
            // Our thread identifiers are not pthread_t values (a wrong one would crash pthread_kill), and a Python
            // handler runs in the main thread whichever thread the signal reached: sent to the process.
            _ = try Index.big(a[0], ctx)
            if Glibc.kill(getpid(), n) != 0 { throw OSErrors.make(errno: errno) }
            if n != 0 { try waitForDelivery(n, handlers, ctx) }
            return .none
        }
    }
}

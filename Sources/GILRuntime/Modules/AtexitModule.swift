import Synchronization

/// One `atexit.register(func, *args, **kwargs)`.
struct ExitHandler: @unchecked Sendable {  // run by the main thread with the GIL
    let function: Value
    let args: [Value]
    let kwargs: [(String, Value)]
}

/// `atexit` (Modules/atexitmodule.c): handlers run last-registered first once the main module has finished and
/// the non-daemon threads have been joined, also after `sys.exit` and after an uncaught exception. An exception in
/// a handler is printed as `Exception ignored in atexit callback: …` and the others still run; a SystemExit
/// there changes the exit status, as in CPython.
enum AtexitModule {
    static func make() -> PyModule {
        let m = PyModule(name: "atexit")
        m.addFunction("register") { args, kwargs, ctx in
            guard let f = args.first else { throw PyException.make(.typeError, "register() takes at least 1 argument (0 given)") }
            if !isCallable(f) { throw PyException.make(.typeError, "the first argument must be callable") }
            ctx.runtime.exitHandlers.withLock { $0.append(ExitHandler(function: f, args: Array(args.dropFirst()), kwargs: kwargs)) }
            return f
        }
        m.addFunction("unregister") { args, _, ctx in
            guard let f = args.first else { throw PyException.make(.typeError, "unregister() takes exactly one argument (0 given)") }
            let handlers = ctx.runtime.exitHandlers.withLock { $0 }
            var kept: [ExitHandler] = []
            for h in handlers where !(try valuesEqual(h.function, f, ctx)) { kept.append(h) }
            ctx.runtime.exitHandlers.withLock { $0 = kept }
            return .none
        }
        m.addFunction("_clear") { _, _, ctx in
            ctx.runtime.exitHandlers.withLock { $0.removeAll() }
            return .none
        }
        m.addFunction("_ncallbacks") { _, _, ctx in .int(ctx.runtime.exitHandlers.withLock { $0.count }) }
        m.addFunction("_run_exitfuncs") { _, _, ctx in
            _ = ctx.runtime.runExitHandlers(ctx)
            return .none
        }
        return m
    }

    static func isCallable(_ v: Value) -> Bool {
        guard case .object(let o) = v else { return false }
        switch o.tag {
        case .function, .builtin, .boundMethod, .type: return true
        case .instance: return (o as! PyInstance).type.lookup("__call__") != nil
        default: return false
        }
    }
}

extension PythonRuntime {
    /// Runs and forgets every atexit handler, newest first. - Returns: the outcome a handler's `sys.exit` set.
    func runExitHandlers(_ ctx: ExecutionContext) -> ProgramOutcome? {
        var outcome: ProgramOutcome?
        while let handler = exitHandlers.withLock({ $0.popLast() }) {
            do {
                _ = try ctx.call(handler.function, handler.args, kwargs: handler.kwargs)
            } catch {
                let e = Interpreter.convertError(error)
                if e.matches(.systemExit) {
                    outcome = handleUncaught(e, ctx)
                    continue
                }
                let what = (try? repr(handler.function, ctx)) ?? "?"
                output.writeErr("Exception ignored in atexit callback: \(what)\n" + Traceback.format(e, program: program, ctx))
            }
        }
        return outcome
    }
}

/// `_thread` (Modules/_threadmodule.c), the low-level API, over our native `threading`: `start_new_thread`
/// runs the function on a new daemon Python thread (recorded like any thread), locks are threading's
/// (`allocate_lock` is `threading.Lock`), `_local` is `threading.local`.
enum ThreadModule {
    static func make(_ ctx: ExecutionContext) throws -> PyModule {
        let threading = try ctx.runtime.modules.load("threading", ctx)
        let m = PyModule(name: "_thread")
        for (name, source) in [("allocate_lock", "Lock"), ("LockType", "Lock"), ("RLock", "RLock"), ("_local", "local"),
                               ("get_ident", "get_ident"), ("get_native_id", "get_native_id"), ("TIMEOUT_MAX", "TIMEOUT_MAX")] {
            if let v = threading.get(source) { m.dict[name] = v }
        }
        m.dict["error"] = .object(ExceptionKind.runtimeError.type)
        m.dict["allocate"] = m.dict["allocate_lock"]
        guard case .object(let threadType as PyType)? = threading.get("Thread") else { return m }
        m.addFunction("start_new_thread") { args, _, ctx in
            guard args.count == 2 || args.count == 3 else {
                throw PyException.make(.typeError, "start_new_thread expected at least 2 arguments, got \(args.count)")
            }
            if !AtexitModule.isCallable(args[0]) { throw PyException.make(.typeError, "first arg must be callable") }
            guard case .object(let t as PyTuple) = args[1] else { throw PyException.make(.typeError, "2nd arg must be a tuple") }
            var kwargs: [(String, Value)] = [("target", args[0]), ("args", .object(t)), ("daemon", .bool(true))]
            if args.count == 3 {
                guard case .object(let d as PyDict) = args[2] else { throw PyException.make(.typeError, "optional 3rd arg must be a dictionary") }
                kwargs.append(("kwargs", .object(d)))
            }
            let thread = try Interpreter.construct(threadType, [], kwargs, ctx)
            _ = try ctx.call(try Attributes.get(thread, "start", ctx), [])
            return try Attributes.get(thread, "ident", ctx)
        }
        m.addFunction("_count") { _, _, ctx in .int(ctx.runtime.liveThreadObjects().count) }
        m.addFunction("stack_size") { args, _, ctx in
            if let size = args.first, try Index.value(size, ctx) != 0, try Index.value(size, ctx) < 32768 {
                throw PyException.make(.valueError, "size not valid: \(try Index.value(size, ctx)) bytes")
            }
            return .int(0)
        }
        m.addFunction("interrupt_main") { _, _, ctx in
            ctx.runtime.interrupt()
            return .none
        }
        m.addFunction("exit") { _, _, _ in throw PyException.make(.systemExit) }
        m.addFunction("daemon_threads_allowed") { _, _, _ in .bool(true) }
        return m
    }
}

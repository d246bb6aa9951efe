/// Exceptions the dispatch loop raises, built out of line: a message literal written inside `execute`
/// is loop-invariant, so LLVM materialises every one of them in the function's prologue — a few dozen
/// instructions and stack slots paid on every Python call, although none is raised.
extension Interpreter {
    @inline(never)
    static func unboundLocal(_ name: String) -> PyException {
        PyException.make(.unboundLocalError, "cannot access local variable '\(name)' where it is not associated with a value")
    }

    @inline(never)
    static func freeVariableUnbound() -> PyException {
        PyException.make(.nameError, "free variable referenced before assignment")
    }

    @inline(never)
    static func yieldOutsideGenerator() -> PyException {
        PyException.make(.runtimeError, "yield outside a generator frame")
    }

    @inline(never)
    static func noActiveException() -> PyException {
        PyException.make(.runtimeError, "No active exception to reraise")
    }

    @inline(never)
    static func notContextManager(_ v: Value) -> PyException {
        PyException.make(.typeError, "'\(typeName(v))' object does not support the context manager protocol")
    }

    @inline(never)
    static func assertionFailed(_ message: Value?) -> PyException {
        let e = PyException.make(.assertionError)
        if let message { e.value.setAttribute("args", .object(PyTuple([message]))) }
        return e
    }

    @inline(never)
    static func deleteGlobal(_ globals: Globals, _ slot: Int) throws {
        let name = globals.names[slot]
        if !globals.remove(named: name) { throw PyException.make(.nameError, "name '\(name)' is not defined") }
    }

    // MARK: - cold instructions whose bodies hold string literals

    /// A generator frame suspends at `yield`: where to resume, the exceptions its handlers are handling, and
    /// the value (marked when an asynchronous generator yields its own value: its `__anext__` ends with it).
    @inline(never)
    static func suspend(_ g: PyGenerator, at pc: Int, _ i: Instruction, _ regs: UnsafeMutablePointer<Value>, handledAbove base: Int, _ ctx: ExecutionContext) -> Value {
        g.pc = pc
        g.resumeRegister = Int(i.a)
        if ctx.handled.count > base { g.savedHandled = Array(ctx.handled[base...]) }
        g.delegateSend = g.delegation(at: pc, i)
        g.yieldedOwn = i.d == 1
        return regs[Int(i.b)]
    }

    /// A resumed generator frame handles again what it was handling when it suspended; the exception
    /// `throw()`/`close()` sent in, to raise at its `yield`.
    @inline(never)
    static func resumeHandled(_ g: PyGenerator, _ ctx: ExecutionContext) -> PyException? {
        if !g.savedHandled.isEmpty {
            ctx.handled.append(contentsOf: g.savedHandled)
            g.savedHandled = []
        }
        defer { g.pendingThrow = nil }
        return g.pendingThrow
    }

    /// IMPORT_NAME (kept out of the dispatch loop's body).
    @inline(never)
    static func importName(_ name: String, level: Int, top: Bool, _ globals: Globals, _ ctx: ExecutionContext) throws -> Value {
        try ctx.runtime.modules.importName(name, level: level, globals: globals, top: top, ctx)
    }

    /// `with`: the manager's `__enter__()`.
    @inline(never)
    static func withEnter(_ mgr: Value, _ ctx: ExecutionContext) throws -> Value {
        guard let enter = try Attributes.lookupSpecial(mgr, "__enter__") else { throw notContextManager(mgr) }
        return try ctx.call(enter, [mgr])
    }

    /// Normal exit of a `with` block: `__exit__(None, None, None)`.
    @inline(never)
    static func withExit(_ mgr: Value, _ ctx: ExecutionContext) throws {
        if let exit = try Attributes.lookupSpecial(mgr, "__exit__") { _ = try ctx.call(exit, [mgr, .none, .none, .none]) }
    }

    /// Exceptional exit of a `with` block: whether `__exit__(type, value, None)` swallows `e`.
    @inline(never)
    static func withExceptExit(_ mgr: Value, _ e: PyInstance, _ ctx: ExecutionContext) throws -> Bool {
        guard let exit = try Attributes.lookupSpecial(mgr, "__exit__") else { return false }
        return try isTrue(try ctx.call(exit, [mgr, .object(e.type), .object(e), .none]), ctx)
    }
}

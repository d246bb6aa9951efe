import PythonSyntax

/// `await`, `yield from`, `async for` and `async with` (Python/compile.c compiler_async_for,
/// compiler_async_with): each awaits through the delegation loop of `delegate(_:)` — CPython 3.11's
/// `SEND` / `YIELD_VALUE` / `JUMP_BACKWARD_NO_INTERRUPT` — so values, `throw()` and `close()` reach the
/// innermost awaited object and its `finally` blocks run.
extension FunctionCompiler {
    /// Delegates to the iterator or awaitable in `it` until it is exhausted; returns the register holding its
    /// return value (`Coroutines.asyncForEnd` when `asyncFor` and it raised StopAsyncIteration). The jump back
    /// is no check point, as in CPython.
    func delegate(_ it: Int32, asyncFor: Bool = false, into d: Int32? = nil) -> Int32 {
        let v = d ?? newTemp()
        emit(.move, v, none())
        let top = here
        let exit = emit(.send, v, it, 0, d: asyncFor ? 1 : 0)
        emit(.yieldValue, v, v)
        emit(.jump, top)
        patchJump(exit, to: here)
        return v
    }

    /// `await x`.
    func awaitExpression(_ operand: Expression, at loc: SourceLocation, into d: Int32?) throws(SyntaxError) -> Int32 {
        guard code.isCoroutine else { throw error("'await' outside async function", loc) }
        let x = try expression(operand)
        let aw = newTemp()
        currentLine = loc.line
        emit(.getAwaitable, aw, x)
        return delegate(aw, into: d)
    }

    /// `async for target in iterable: body else: orElse`.
    func asyncFor(_ target: Expression, _ iterable: Expression, _ body: [Statement], _ orElse: [Statement], line: Int32) throws(SyntaxError) {
        let ait = newTemp()
        emit(.getAIter, ait, try expression(iterable))
        let top = here
        let exit = try asyncNext(ait)
        try assign(target, from: exit.value)
        try loop(body, orElse: orElse, top: top, exit: exit.jump, line: line)
    }

    /// One `__anext__` awaited: the value's register, and the jump taken at StopAsyncIteration (to patch).
    func asyncNext(_ ait: Int32) throws(SyntaxError) -> (value: Int32, jump: Int) {
        let aw = newTemp()
        emit(.getANext, aw, ait)
        let v = delegate(aw, asyncFor: true)
        let ended = newTemp()
        let end = constant(.object(Coroutines.asyncForEnd), key: .asyncForEnd)
        emit(.compare, ended, v, end, d: UInt16(comparisonOperators.firstIndex(of: .is)!))
        return (v, emit(.jumpIfTrue, 0, ended))
    }

    /// `async with a as x, b: body`: `await type(a).__aenter__(a)`, then `await type(a).__aexit__(a, …)` on
    /// every way out, its result deciding whether an exception is swallowed (PEP 492).
    func asyncWith(_ items: ArraySlice<WithItem>, _ body: [Statement]) throws(SyntaxError) {
        guard let item = items.first else {
            try statements(body)
            return
        }
        let mgr = newTemp()
        _ = try expression(item.context, into: mgr)
        let exit = newTemp()
        callHidden(AsyncSupport.exitFunctionName, [mgr], into: exit)
        let enterResult = newTemp()
        callHidden(AsyncSupport.enterFunctionName, [mgr], into: enterResult)
        let aw = newTemp()
        emit(.getAwaitable, aw, enterResult)
        let entered = delegate(aw)
        let t = openTry()
        if let target = item.target { try assign(target, from: entered) }
        blocks.append(.finally(emit: { (c: FunctionCompiler) throws(SyntaxError) in _ = c.awaitExit(exit, mgr, exception: nil) }, tryIndex: t))
        try asyncWith(items.dropFirst(), body)
        blocks.removeLast()
        if tries[t].open { closeRange(t) }
        activeTries.removeAll { $0 == t }
        _ = awaitExit(exit, mgr, exception: nil)
        let done = emit(.jump)
        setHandler(t)
        handlerDepth += 1
        let e = newTemp()
        emit(.loadException, e)
        let swallowed = awaitExit(exit, mgr, exception: e)
        let keep = emit(.jumpIfTrue, 0, swallowed)
        emit(.reraise)
        patchJump(keep, to: here)
        emit(.popExcept)
        handlerDepth -= 1
        patchJump(done, to: here)
    }

    /// `await exit(mgr, type(e), e, None)` (or with three Nones); returns the result's register.
    private func awaitExit(_ exit: Int32, _ mgr: Int32, exception: Int32?) -> Int32 {
        let r = newTemp()
        callHidden(AsyncSupport.callExitFunctionName, [exit, mgr, exception ?? none()], into: r)
        let aw = newTemp()
        emit(.getAwaitable, aw, r)
        return delegate(aw)
    }

    /// Calls one of the hidden builtins (`AsyncSupport`) with registers as arguments.
    private func callHidden(_ name: String, _ args: [Int32], into d: Int32) {
        let base = temps(args.count + 1)
        _ = load(name, into: base)
        for (k, a) in args.enumerated() { emit(.move, base + 1 + Int32(k), a) }
        emit(.call, d, base, Int32(args.count))
    }
}

/// The hidden builtins `async with` compiles to (names no program can spell as a plain identifier clash).
enum AsyncSupport {
    static let exitFunctionName = "__async_with_exit__"
    static let enterFunctionName = "__async_with_enter__"
    static let callExitFunctionName = "__async_with_call_exit__"

    static func install(_ m: PyModule) {
        m.dict[exitFunctionName] = .object(PyBuiltinFunction(exitFunctionName, minimumArguments: 1) { a, _, _ in
            guard let exit = typeOf(a[0]).lookup("__aexit__"), typeOf(a[0]).lookup("__aenter__") != nil else {
                throw PyException.make(.typeError, "'\(typeName(a[0]))' object does not support the asynchronous context manager protocol")
            }
            return exit
        })
        m.dict[enterFunctionName] = .object(PyBuiltinFunction(enterFunctionName, minimumArguments: 1) { a, _, ctx in
            guard let enter = typeOf(a[0]).lookup("__aenter__") else {
                throw PyException.make(.typeError, "'\(typeName(a[0]))' object does not support the asynchronous context manager protocol")
            }
            return try ctx.call(enter, [a[0]])
        })
        m.dict[callExitFunctionName] = .object(PyBuiltinFunction(callExitFunctionName, minimumArguments: 3) { a, _, ctx in
            if case .object(let e as PyInstance) = a[2] {
                return try ctx.call(a[0], [a[1], .object(e.type), a[2], .none])
            }
            return try ctx.call(a[0], [a[1], .none, .none, .none])
        })
    }
}

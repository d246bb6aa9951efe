/// `generator.throw()` and `generator.close()` (Objects/genobject.c gen_throw/gen_close): the exception goes in
/// as a `ThrowRequest`, which `PyGenerator.send` turns into the frame's `pendingThrow` — raised at the `yield`
/// as the frame resumes (`Interpreter.execute`), so the generator's own handlers and `finally` blocks run and its
/// traceback has the yield's line — or, suspended in a `yield from`/`await`, into the register SEND reads, which
/// forwards it to the delegate (PEP 380). `close()` of a generator without handlers (`resumeChecks`) just ends
/// it: nothing in its frame could observe the GeneratorExit.
enum GeneratorThrow {
    /// The value `throw()`/`close()` sends in; never visible to Python code.
    final class ThrowRequest: PyObject, @unchecked Sendable {
        let exception: PyException

        init(_ exception: PyException) {
            self.exception = exception
            super.init(tag: .cell)
        }
    }

    /// `g.throw(exc)`: the next value the generator yields after handling it, or StopIteration.
    static func throwInto(_ g: PyGenerator, _ exception: PyException, _ ctx: ExecutionContext) throws -> Value {
        if g.finished, g.kind == .coroutine {
            throw PyException.make(.runtimeError, "cannot reuse already awaited coroutine")
        }
        guard !g.finished, g.resumeRegister >= 0 else {
            // An unstarted frame ends at once; a StopIteration it would raise is PEP 479's RuntimeError.
            let live = !g.finished
            g.finish()
            throw live && exception.matches(.stopIteration) ? g.leaked(exception) : exception
        }
        return try g.send(.object(ThrowRequest(exception)), ctx).value()
    }

    static func install(_ t: PyType) {
        t.dict["throw"] = .object(PyBuiltinFunction("throw", minimumArguments: 2) { a, _, ctx in
            guard case .object(let g as PyGenerator) = a[0] else { throw PyException.make(.typeError, "throw() needs a generator") }
            var value = a[1]
            if a.count > 2, !a[2].isNone, case .object(let type as PyType) = a[1] { value = try ctx.call(.object(type), [a[2]]) }
            return try throwInto(g, try Interpreter.exceptionInstance(value, ctx), ctx)
        })
        t.dict["close"] = .object(PyBuiltinFunction("close", minimumArguments: 1) { a, _, ctx in
            guard case .object(let g as PyGenerator) = a[0] else { return .none }
            try close(g, ctx)
            return .none
        })
    }

    /// `g.close()`: GeneratorExit thrown in at the suspension point; the generator must not yield again.
    static func close(_ g: PyGenerator, _ ctx: ExecutionContext) throws {
        guard !g.finished, g.resumeRegister >= 0, g.code.resumeChecks else {
            g.finish()
            return
        }
        do {
            if try g.resume(sending: .object(ThrowRequest(PyException.make(.generatorExit))), ctx) != nil {
                throw PyException.make(.runtimeError, "\(g.kind == .coroutine ? "coroutine" : "generator") ignored GeneratorExit")
            }
        } catch let e as PyException where e.matches(.generatorExit) || e.matches(.stopIteration) {
            g.finish()
        }
    }
}

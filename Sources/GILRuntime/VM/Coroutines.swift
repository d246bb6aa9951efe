/// Coroutines and asynchronous generators (PEP 492, 525) on the generator machinery: an `async def` frame is
/// a `PyGenerator` of kind `.coroutine` (or `.asyncGenerator` when it yields), `await x` and `yield from x` are
/// the same delegation loop (`send`, CPython 3.11's SEND: the sub-iterator's values go out to whoever drives
/// the outermost frame, values and `throw()`/`close()` come back in), and an asynchronous generator's own
/// `yield`s are marked (`PyGenerator.yieldedOwn`) so its `__anext__` awaitable can tell them from an inner `await`.
enum Coroutines {
    /// GET_AWAITABLE: a coroutine itself, else `__await__()`'s iterator.
    static func awaitable(_ v: Value, _ ctx: ExecutionContext) throws -> Value {
        if case .object(let o) = v {
            if let g = o as? PyGenerator {
                if g.kind == .coroutine { return v }
                throw PyException.make(.typeError, "object \(typeOf(v).name) can't be used in 'await' expression")
            }
            if o is AsyncGenStep { return v }
        }
        guard let hook = typeOf(v).lookup("__await__") else {
            throw PyException.make(.typeError, "object \(typeName(v)) can't be used in 'await' expression")
        }
        let it = try ctx.call(hook, [v])
        if case .object(let g as PyGenerator) = it, g.kind == .coroutine {
            throw PyException.make(.typeError, "__await__() returned a coroutine")
        }
        if case .object(let o) = it, !(o is PyGenerator), typeOf(it).lookup("__next__") == nil {
            throw PyException.make(.typeError, "__await__() returned non-iterator of type '\(typeName(it))'")
        }
        return it
    }

    /// The end of an `async for`: `send` in async-for mode stores this when `__anext__` raises StopAsyncIteration.
    static let asyncForEnd = PyInstance(type: PyType(name: "<async for end>", base: nil))

    /// One step of `yield from` / `await` (SEND): `slot` holds the value sent in (a `ThrowRequest` for
    /// `throw()`/`close()`), and receives the sub-iterator's next value (false) or its return value (true).
    static func step(_ slot: UnsafeMutablePointer<Value>, _ sub: Value, asyncFor: Bool, _ ctx: ExecutionContext) throws -> Bool {
        do {
            return try stepRaw(slot, sub, asyncFor: asyncFor, ctx)
        } catch let e as PyException where asyncFor && e.matches(.stopAsyncIteration) {
            slot.pointee = .object(asyncForEnd)
            return true
        }
    }

    private static func stepRaw(_ slot: UnsafeMutablePointer<Value>, _ sub: Value, asyncFor: Bool, _ ctx: ExecutionContext) throws -> Bool {
        let sent = slot.pointee
        if case .object(let request as GeneratorThrow.ThrowRequest) = sent {
            return try forwardThrow(request.exception, slot, sub, ctx)
        }
        guard case .object(let o) = sub else { throw PyException.make(.typeError, "'\(typeName(sub))' object is not an iterator") }
        if o.tag == .generator {
            let g = unsafeDowncast(o, to: PyGenerator.self)
            slot.pointee = try g.step(sent, ctx)
            return g.finished
        }
        if let a = o as? AsyncGenStep {
            switch try a.advance(sent, ctx) {
            case .passOut(let v):
                slot.pointee = v
                return false
            case .finished(let v):
                slot.pointee = v ?? .none
                return true
            case .exhausted:
                if asyncFor {
                    slot.pointee = .object(asyncForEnd)
                    return true
                }
                throw PyException.make(.stopAsyncIteration)
            }
        }
        do {
            if sent.isNone {
                if let v = try iteratorNext(sub, ctx) {
                    slot.pointee = v
                    return false
                }
                slot.pointee = .none
                return true
            }
            slot.pointee = try ctx.call(try Attributes.get(sub, "send", ctx), [sent])
            return false
        } catch let e as PyException where e.matches(.stopIteration) {
            slot.pointee = exceptionArgs(e.value).first ?? .none
            return true
        }
    }

    /// `throw()` or `close()` of a frame suspended in `yield from`/`await`: handed to the sub-iterator
    /// (PEP 380); GeneratorExit closes it and then ends the delegating frame too.
    private static func forwardThrow(_ exception: PyException, _ slot: UnsafeMutablePointer<Value>, _ sub: Value, _ ctx: ExecutionContext) throws -> Bool {
        if exception.matches(.generatorExit) {
            if case .object(let g as PyGenerator) = sub {
                try GeneratorThrow.close(g, ctx)
            } else if case .object(let a as AsyncGenStep) = sub {
                try a.close(ctx)
            } else if let close = try Attributes.lookupOptional(sub, "close", ctx) {
                _ = try ctx.call(close, [])
            }
            throw exception
        }
        do {
            switch sub {
            case .object(let g as PyGenerator):
                slot.pointee = try GeneratorThrow.throwInto(g, exception, ctx)
            case .object(let a as AsyncGenStep):
                slot.pointee = try a.throwIn(exception, ctx)
            default:
                guard let method = try Attributes.lookupOptional(sub, "throw", ctx) else { throw exception }
                slot.pointee = try ctx.call(method, [.object(exception.value)])
            }
            return false
        } catch let e as PyException where e.matches(.stopIteration) {
            slot.pointee = exceptionArgs(e.value).first ?? .none
            return true
        }
    }

    // MARK: - async for

    /// `type(x).__aiter__(x)`.
    static func asyncIterator(_ v: Value, _ ctx: ExecutionContext) throws -> Value {
        if case .object(let g as PyGenerator) = v, g.kind == .asyncGenerator { return v }
        guard let hook = typeOf(v).lookup("__aiter__") else {
            throw PyException.make(.typeError, "'async for' requires an object with __aiter__ method, got \(typeName(v))")
        }
        return try ctx.call(hook, [v])
    }

    /// The awaitable `type(it).__anext__(it)` returns.
    static func asyncNext(_ it: Value, _ ctx: ExecutionContext) throws -> Value {
        if case .object(let g as PyGenerator) = it, g.kind == .asyncGenerator { return .object(AsyncGenStep(g, .send(.none))) }
        guard let hook = typeOf(it).lookup("__anext__") else {
            throw PyException.make(.typeError, "'async for' received an object from __aiter__ that does not implement __anext__: \(typeName(it))")
        }
        let r = try ctx.call(hook, [it])
        do {
            return try awaitable(r, ctx)
        } catch let e as PyException where e.matches(.typeError) {
            throw PyException.make(.typeError, "'async for' received an invalid object from __anext__: \(typeName(r))")
        }
    }
}

/// The awaitable of `agen.__anext__()`, `asend(v)`, `athrow(e)` and `aclose()` (Objects/genobject.c
/// async_gen_asend / async_gen_athrow): it drives the generator until it yields its own value
/// (StopIteration(value): the awaitable is done), finishes (StopAsyncIteration), or passes an inner await's
/// value out.
final class AsyncGenStep: PyObject, @unchecked Sendable {
    enum Mode {
        case send(Value)
        case throwing(PyException)
        case close
    }

    let generator: PyGenerator
    let mode: Mode
    private var started = false
    private var done = false

    init(_ generator: PyGenerator, _ mode: Mode) {
        self.generator = generator
        self.mode = mode
        super.init(tag: .cell)
    }

    /// How one step of the awaitable ended, without the exceptions Python code sees: the generator's own
    /// yield ends the awaitable (`finished`: StopIteration carrying it, nil for a bare StopIteration), its
    /// end is `exhausted` (StopAsyncIteration), an inner await's value passes out (`passOut`).
    /// The VM's `await`/`async for` (`Coroutines.step`) reads this directly: a StopIteration object per
    /// yielded value and level of nesting was a third of async_generators.
    enum Outcome {
        case passOut(Value)
        case finished(Value?)
        case exhausted
    }

    func advance(_ value: Value, _ ctx: ExecutionContext) throws -> Outcome {
        if done { throw PyException.make(.runtimeError, "cannot reuse already awaited __anext__()/asend()") }
        if !started {
            started = true
            switch mode {
            case .send(let first):
                return try interpret { try resume(value.isNone ? first : value, ctx) }
            case .throwing(let e):
                return try interpret { try thrown(e, ctx) }
            case .close:
                return try closing { try thrown(PyException.make(.generatorExit), ctx) }
            }
        }
        if case .close = mode { return try closing { try resume(value, ctx) } }
        return try interpret { try resume(value, ctx) }
    }

    func advanceThrowing(_ e: PyException, _ ctx: ExecutionContext) throws -> Outcome {
        if done { throw PyException.make(.runtimeError, "cannot reuse already awaited __anext__()/asend()") }
        started = true
        if case .close = mode { return try closing { try thrown(e, ctx) } }
        return try interpret { try thrown(e, ctx) }
    }

    /// `send()`: the outcome as Python sees it (StopIteration / StopAsyncIteration raised).
    func send(_ value: Value, _ ctx: ExecutionContext) throws -> Value {
        try Self.raising(try advance(value, ctx))
    }

    func throwIn(_ e: PyException, _ ctx: ExecutionContext) throws -> Value {
        try Self.raising(try advanceThrowing(e, ctx))
    }

    static func raising(_ outcome: Outcome) throws -> Value {
        switch outcome {
        case .passOut(let v):
            return v
        case .finished(let v):
            let stop = PyException.make(.stopIteration)
            // CPython's _PyGen_SetStopIterationValue: a None value is a StopIteration without args.
            if let v, !v.isNone { stop.value.setAttribute("args", .object(PyTuple([v]))) }
            throw stop
        case .exhausted:
            throw PyException.make(.stopAsyncIteration)
        }
    }

    func close(_ ctx: ExecutionContext) throws {
        done = true
    }

    private func resume(_ value: Value, _ ctx: ExecutionContext) throws -> Value? {
        try generator.resume(sending: value, ctx)
    }

    private func thrown(_ e: PyException, _ ctx: ExecutionContext) throws -> Value? {
        do {
            return try GeneratorThrow.throwInto(generator, e, ctx)
        } catch let s as PyException where s.matches(.stopIteration) && generator.finished {
            return nil
        }
    }

    /// `__anext__`/`asend`/`athrow`: an own yield ends the awaitable with its value, the end of the generator is
    /// StopAsyncIteration, anything else is an inner await's value passing out.
    private func interpret(_ body: () throws -> Value?) throws -> Outcome {
        do {
            guard let v = try body() else {
                done = true
                return .exhausted
            }
            if generator.yieldedOwn {
                done = true
                return .finished(v)
            }
            return .passOut(v)
        } catch let e as PyException where e.matches(.stopIteration) && !done {
            // PEP 479: a StopIteration raised inside the generator body.
            done = true
            throw PyException.make(.runtimeError, "async generator raised StopIteration")
        }
    }

    /// `aclose()`: GeneratorExit thrown in; the generator must end (or raise it), not yield.
    private func closing(_ body: () throws -> Value?) throws -> Outcome {
        do {
            guard let v = try body() else {
                done = true
                return .finished(nil)
            }
            if generator.yieldedOwn {
                done = true
                throw PyException.make(.runtimeError, "async generator ignored GeneratorExit")
            }
            return .passOut(v)
        } catch let e as PyException where e.matches(.generatorExit) || e.matches(.stopAsyncIteration) {
            done = true
            return .finished(nil)
        }
    }

    static let type: PyType = {
        let t = PyType(name: "async_generator_asend", base: BuiltinTypes.object)
        t.addMethod("send") { a, _, ctx in
            guard case .object(let s as AsyncGenStep) = a[0] else { return .none }
            return try s.send(a.count > 1 ? a[1] : .none, ctx)
        }
        t.addMethod("__next__") { a, _, ctx in
            guard case .object(let s as AsyncGenStep) = a[0] else { return .none }
            return try s.send(.none, ctx)
        }
        t.addMethod("throw") { a, _, ctx in
            guard case .object(let s as AsyncGenStep) = a[0], a.count > 1 else { return .none }
            return try s.throwIn(try Interpreter.exceptionInstance(a[1], ctx), ctx)
        }
        t.addMethod("close") { a, _, ctx in
            if case .object(let s as AsyncGenStep) = a[0] { try s.close(ctx) }
            return .none
        }
        t.addMethod("__await__") { a, _, _ in a[0] }
        t.addMethod("__iter__") { a, _, _ in a[0] }
        return t
    }()
}

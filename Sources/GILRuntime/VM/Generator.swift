import Synchronization

/// A suspended generator frame (Objects/genobject.c): its registers live on the heap, and `execute`
/// resumes at `pc`, storing the sent value in the register the `yield` expression writes.
final class PyGenerator: PyObject, @unchecked Sendable {
    /// A generator, a coroutine (`async def`) or an asynchronous generator (`async def` with `yield`).
    enum Kind { case generator, coroutine, asyncGenerator }

    let kind: Kind
    let code: CodeObject
    let globals: Globals
    /// The generator function; nil for a generator expression (`Interpreter.makeGenexpr` makes none).
    let function: PyFunction?
    let registers: UnsafeMutablePointer<Value>
    let size: Int
    var pc = 0
    var resumeRegister = -1
    /// The `send` instruction of the `yield from`/`await` this frame is suspended in, when a resume may go
    /// straight to the delegate (`resumeDelegate`); -1 otherwise. Set at every suspend (`Interpreter.suspend`).
    var delegateSend = -1
    /// What `throw()`/`close()` sent in, raised at the `yield` as the frame resumes (`Interpreter.execute`).
    var pendingThrow: PyException?
    var finished = false
    var running = false
    /// The last suspend was an asynchronous generator's own `yield` (YIELD_VALUE d=1), not an inner `await`
    /// passing a value out: `AsyncGenStep` ends the `__anext__` with it. (Was a wrapper object per value and level.)
    var yieldedOwn = false
    private let ownLock = AtomicLazyReference<ObjectLock>()
    /// Shared and never entered while object locking is off (as `PyInstance.lock`): a coroutine per call
    /// (recursive `await`) no longer allocates a lock object each.
    var lock: ObjectLock {
        guard ObjectLocking.enabled else { return ObjectLock.unlockedInstances }
        if let l = ownLock.load() { return l }
        return ownLock.storeIfNil(ObjectLock("generator"))
    }
    /// `__name__`/`__qualname__` once assigned (CPython keeps them per generator object); nil: the code's.
    var assignedNames: GeneratorNames?
    /// Exceptions being handled in this frame when it suspended (a `yield`/`await` inside an `except` or
    /// `finally` block): back on the thread's handled stack when it resumes (CPython keeps them in the frame).
    var savedHandled: [PyInstance] = []
    /// The registers were released when the generator finished (`finish()`); deinit has nothing to release.
    private var cleared = false
    /// This object carries the frame of a dead generator to its close (`finalizeIfSuspended`): its own death
    /// closes nothing again.
    private(set) var finalizing = false
    /// A consumer that takes every value (`collect`, `set(…)`, `sum`, `any`, `all`) while it resumes this
    /// generator: the frame hands each yielded value to `take` and runs on (Generator+Sink.swift). Held inline,
    /// not as an object: a sink object per `tuple(genexp)` cost its allocation and a retain per value.
    var sink = Sink.none
    var sinkValues: [Value] = []
    var sinkSet: Unmanaged<PySet>?
    var sinkTotal = 0

    /// How a resume ended: the frame yielded a value, or returned one. The return value goes only to the
    /// resume that ended the frame: a finished generator resumed again returns None (CPython's gen_send_ex
    /// answers PYGEN_RETURN with None), so `yield from` an exhausted generator is None at once.
    enum Resumed {
        case yielded(Value)
        case returned(Value)
    }

    /// The StopIteration that ends an iteration whose frame returned `value` (no args for None, as
    /// `_PyGen_SetStopIterationValue`).
    static func stopIteration(returning value: Value) -> PyException {
        let e = PyException.make(.stopIteration)
        if !value.isNone { e.value.setAttribute("args", .object(PyTuple([value]))) }
        return e
    }

    /// A frame of `function` whose first `count` registers move from `source`, which is left None (no retain
    /// here, no release when the caller pops it), the rest starting as None. `count` is the whole frame when
    /// a call set it up on the register stack (`Interpreter.run`), the arguments when
    /// `Interpreter.makeGenerator` makes the frame here at once (it copies the constants in after).
    ///
    /// Its own designated initializer, code and globals read here: passed as parameters (a convenience
    /// initializer forwarding `function.code`), every call retained all three, retained them again to store
    /// them and released the first three (~120 instructions of every coroutine call, `await f()`).
    init(_ function: PyFunction, moving source: UnsafeMutablePointer<Value>, count: Int) {
        let code = function.code
        self.code = code
        globals = function.globals
        self.function = function
        kind = Self.kind(of: code)
        size = Int(code.frameSize)
        registers = Self.frame(size, moving: source, count: count)
        super.init(tag: .generator)
    }

    /// A generator expression's frame (no function: `Interpreter.makeGenexpr`).
    init(code: CodeObject, globals: Globals, moving source: UnsafeMutablePointer<Value>, count: Int) {
        self.code = code
        self.globals = globals
        function = nil
        kind = Self.kind(of: code)
        size = Int(code.frameSize)
        registers = Self.frame(size, moving: source, count: count)
        super.init(tag: .generator)
    }

    private static func kind(of code: CodeObject) -> Kind {
        code.isAsyncGenerator ? .asyncGenerator : code.isCoroutine ? .coroutine : .generator
    }

    /// `size` registers on the heap, the first `count` moved from `source` (left None), the rest None.
    private static func frame(_ size: Int, moving source: UnsafeMutablePointer<Value>, count: Int) -> UnsafeMutablePointer<Value> {
        let registers = RegisterBlocks.take(size)
        registers.moveInitialize(from: source, count: count)
        source.initialize(repeating: .none, count: count)
        (registers + count).initialize(repeating: .none, count: size - count)
        return registers
    }

    /// The suspended frame of `dying`, which is in its deinit, moved to a new object that can be closed
    /// (`finalizeIfSuspended`): its registers, where it is suspended and what it was handling.
    init(takingOver dying: PyGenerator) {
        code = dying.code
        globals = dying.globals
        function = dying.function
        kind = dying.kind
        size = dying.size
        registers = RegisterBlocks.take(size)
        registers.moveInitialize(from: dying.registers, count: size)
        dying.cleared = true
        pc = dying.pc
        resumeRegister = dying.resumeRegister
        delegateSend = dying.delegateSend
        savedHandled = dying.savedHandled
        assignedNames = dying.assignedNames
        finalizing = true
        super.init(tag: .generator)
    }

    deinit {
        if !finished, resumeRegister >= 0 { finalizeIfSuspended() }
        releaseRegisters()
        RegisterBlocks.give(registers, size)
    }

    /// Releases what the frame's registers hold and leaves them None. Only `.object` registers own anything:
    /// a tag test each instead of the generic value-witness destroy (as `ExecutionContext.popFrame` does).
    private func releaseRegisters() {
        if cleared { return }
        cleared = true
        for k in 0..<size {
            if case .object = registers[k] {
                let object = Unmanaged<PyObject>.fromOpaque(UnsafeRawPointer(registers + k).load(as: UnsafeRawPointer.self))
                (registers + k).initialize(to: .none)
                object.release()
            }
        }
    }

    /// Ends the generator and clears its frame at once, as CPython does when a generator returns, raises or
    /// is closed (`_PyFrame_Clear`): the objects its locals held do not wait for the generator object to
    /// die. A coroutine that awaited others kept their whole finished subtree alive until its own release,
    /// whose cascade of frees overflowed malloc's per-thread cache (bm_coroutines).
    func finish() {
        finished = true
        if !running { releaseRegisters() }
    }

    /// The next yielded value, nil when the generator returned (StopIteration).
    @inline(__always)
    func resume(sending value: Value, _ ctx: ExecutionContext) throws -> Value? {
        let v = try step(value, ctx)
        return finished ? nil : v
    }

    /// `resume` telling a return from a yield (`value()`: as Python sees it).
    @inline(__always)
    func send(_ value: Value, _ ctx: ExecutionContext) throws -> Resumed {
        let v = try step(value, ctx)
        return finished ? .returned(v) : .yielded(v)
    }

    /// Runs the frame until it yields or returns (gen_send_ex): the value it yielded, or — `finished` now set —
    /// the value it returned, None when it had finished before. (A value out, not a `Resumed`: wrapping and
    /// unwrapping it cost a copy and a destroy per `await`.)
    func step(_ value: Value, _ ctx: ExecutionContext) throws -> Value {
        if finished {
            // An awaited coroutine cannot be awaited again (a generator just stays exhausted).
            if kind == .coroutine { throw PyException.make(.runtimeError, "cannot reuse already awaited coroutine") }
            return .none
        }
        // Claimed under `lock`: without a GIL two threads may call next() on one generator at once. Under a GIL
        // policy only the holder gets here, so the flag is claimed without reaching for the (shared) lock.
        if ObjectLocking.enabled {
            try lock.withLock {
                if running { throw PyException.make(.valueError, "generator already executing") }
                running = true
            }
        } else {
            if running { throw PyException.make(.valueError, "generator already executing") }
            running = true
        }
        ctx.depth += 1
        defer { ctx.depth -= 1 }
        if ctx.depth > ctx.recursionLimit {
            running = false
            throw PyException.make(.recursionError, "maximum recursion depth exceeded")
        }
        do {
            var startPC = pc
            if delegateSend >= 0, !Self.isThrowRequest(value) {
                // Suspended in `yield from`/`await` on a generator: its next value is this frame's, without
                // running this frame (the SEND, YIELD_VALUE and the resume around them).
                if let v = try resumeDelegate(sending: value, ctx) { return stopped(at: v) }
                // The delegate returned: its value is the `yield from`'s, the frame runs on after the loop.
                startPC = pc
            } else if resumeRegister >= 0 {
                if case .object(let o) = value, o.tag == .cell, !suspendedInSend, let request = o as? GeneratorThrow.ThrowRequest {
                    pendingThrow = request.exception
                } else {
                    registers[resumeRegister] = value
                }
            }
            // The code and globals at +0: this generator keeps them alive.
            let v = try Unmanaged.passUnretained(code)._withUnsafeGuaranteedRef { code in
                try Unmanaged.passUnretained(globals)._withUnsafeGuaranteedRef { globals in
                    try Interpreter.execute(code, function, registers, ctx, globals: globals, startPC: startPC, generator: self)
                }
            }
            return stopped(at: v)
        } catch let e as PyException where e.matches(.stopIteration) {
            running = false
            finish()
            throw leaked(e)
        } catch {
            running = false
            finish()
            throw error
        }
    }

    /// The frame stopped running with `v`: a yielded value, or its return value when it finished.
    @inline(__always)
    private func stopped(at v: Value) -> Value {
        running = false
        if finished { finish() }
        return v
    }

    /// PEP 479 (generators too since 3.7): a StopIteration raised in the frame must not pass for its end; it
    /// leaves as RuntimeError, caused by it.
    func leaked(_ e: PyException) -> PyException {
        let what = kind == .coroutine ? "coroutine" : kind == .asyncGenerator ? "async generator" : "generator"
        let error = PyException.make(.runtimeError, "\(what) raised StopIteration")
        error.data.cause = e.value
        error.data.context = e.value
        return error
    }

    /// `__name__`: the generator function's (CPython takes it from the function when the generator is made),
    /// unless assigned.
    var name: String { lock.withLock { assignedNames }?.name ?? defaultName }
    var defaultName: String { function?.name ?? code.name }

    /// `__qualname__` of the generator function (the generator expression's `….<locals>.<genexpr>`).
    var qualifiedName: String { lock.withLock { assignedNames }?.qualifiedName ?? defaultQualifiedName }
    var defaultQualifiedName: String { function?.qualifiedName ?? code.qualifiedName }

    /// The type of this frame object: `generator`, `coroutine` or `async_generator`.
    var pythonType: PyType {
        switch kind {
        case .generator: return Self.type
        case .coroutine: return Self.coroutineType
        case .asyncGenerator: return Self.asyncGeneratorType
        }
    }

    static let type: PyType = {
        let t = PyType(name: "generator", base: BuiltinTypes.object)
        t.addMethod("send") { a, _, ctx in
            guard case .object(let g as PyGenerator) = a[0] else { return .none }
            if g.resumeRegister < 0, a.count > 1, !a[1].isNone {
                throw PyException.make(.typeError, "can't send non-None value to a just-started generator")
            }
            return try g.send(a.count > 1 ? a[1] : .none, ctx).value()
        }
        t.addMethod("__next__") { a, _, ctx in
            guard case .object(let g as PyGenerator) = a[0] else { throw PyException.make(.stopIteration) }
            return try g.send(.none, ctx).value()
        }
        t.addMethod("__iter__") { a, _, _ in a[0] }
        GeneratorThrow.install(t)
        return t
    }()

    /// `coroutine`: send/throw/close like a generator, `__await__`, not iterable.
    static let coroutineType: PyType = {
        let t = PyType(name: "coroutine", base: BuiltinTypes.object)
        t.dict["send"] = type.dict["send"]
        t.addMethod("__await__") { a, _, _ in a[0] }
        GeneratorThrow.install(t)
        return t
    }()

    /// `async_generator`: `__aiter__`, `__anext__`, `asend`, `athrow`, `aclose` (each an awaitable).
    static let asyncGeneratorType: PyType = {
        let t = PyType(name: "async_generator", base: BuiltinTypes.object)
        func generator(_ v: Value) throws -> PyGenerator {
            guard case .object(let g as PyGenerator) = v, g.kind == .asyncGenerator else {
                throw PyException.make(.typeError, "descriptor requires an 'async_generator' object")
            }
            return g
        }
        t.addMethod("__aiter__") { a, _, _ in a[0] }
        t.addMethod("__anext__") { a, _, _ in .object(AsyncGenStep(try generator(a[0]), .send(.none))) }
        t.addMethod("asend") { a, _, _ in .object(AsyncGenStep(try generator(a[0]), .send(a.count > 1 ? a[1] : .none))) }
        t.addMethod("athrow") { a, _, ctx in
            guard a.count > 1 else { throw PyException.make(.typeError, "athrow expected at least 1 argument, got 0") }
            var value = a[1]
            if a.count > 2, !a[2].isNone, case .object(let type as PyType) = a[1] { value = try ctx.call(.object(type), [a[2]]) }
            return .object(AsyncGenStep(try generator(a[0]), .throwing(try Interpreter.exceptionInstance(value, ctx))))
        }
        t.addMethod("aclose") { a, _, _ in .object(AsyncGenStep(try generator(a[0]), .close)) }
        return t
    }()
}

/// The value of a local before its first assignment (only in functions that may read one early).
enum Unbound {
    static let marker = PyInstance(type: PyType(name: "<unbound>", base: nil))
}

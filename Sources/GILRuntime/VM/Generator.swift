/// A suspended generator frame (Objects/genobject.c): its registers live on the heap, and `execute`
/// resumes at `pc`, storing the sent value in the register the `yield` expression writes.
final class PyGenerator: PyObject, @unchecked Sendable {
    let function: PyFunction
    let registers: UnsafeMutablePointer<Value>
    let size: Int
    var pc = 0
    var resumeRegister = -1
    var finished = false
    var running = false
    let lock = ObjectLock("generator")
    /// The `return` value, carried by the StopIteration that ends the iteration.
    var returned: Value = .none

    func stopIteration() -> PyException {
        let e = PyException.make(.stopIteration)
        if !returned.isNone { e.value.attributes["args"] = .object(PyTuple([returned])) }
        return e
    }

    init(_ function: PyFunction, copying frame: UnsafeMutablePointer<Value>) {
        self.function = function
        size = Int(function.code.frameSize)
        registers = .allocate(capacity: max(size, 1))
        registers.initialize(from: frame, count: size)
        super.init(tag: .generator)
    }

    deinit {
        registers.deinitialize(count: size)
        registers.deallocate()
    }

    /// The next yielded value, nil when the generator returned (StopIteration).
    func resume(sending value: Value, _ ctx: ExecutionContext) throws -> Value? {
        if finished { return nil }
        // Claimed under `lock`: without a GIL two threads may call next() on one generator at once.
        try lock.withLock {
            if running { throw PyException.make(.valueError, "generator already executing") }
            running = true
        }
        if resumeRegister >= 0 { registers[resumeRegister] = value }
        ctx.depth += 1
        defer {
            running = false
            ctx.depth -= 1
        }
        if ctx.depth > ctx.recursionLimit { throw PyException.make(.recursionError, "maximum recursion depth exceeded") }
        do {
            let v = try Interpreter.execute(function.code, function, registers, ctx, globals: function.globals, startPC: pc, generator: self)
            if finished {
                returned = v
                return nil
            }
            return v
        } catch {
            finished = true
            throw error
        }
    }

    static let type: PyType = {
        let t = PyType(name: "generator", base: BuiltinTypes.object)
        t.addMethod("send") { a, _, ctx in
            guard case .object(let g as PyGenerator) = a[0] else { return .none }
            if g.resumeRegister < 0, a.count > 1, !a[1].isNone {
                throw PyException.make(.typeError, "can't send non-None value to a just-started generator")
            }
            guard let v = try g.resume(sending: a.count > 1 ? a[1] : .none, ctx) else { throw g.stopIteration() }
            return v
        }
        t.addMethod("close") { a, _, _ in
            if case .object(let g as PyGenerator) = a[0] { g.finished = true }
            return .none
        }
        t.addMethod("__next__") { a, _, ctx in
            guard case .object(let g as PyGenerator) = a[0] else { throw PyException.make(.stopIteration) }
            guard let v = try g.resume(sending: .none, ctx) else { throw g.stopIteration() }
            return v
        }
        t.addMethod("__iter__") { a, _, _ in a[0] }
        return t
    }()
}

/// The value of a local before its first assignment (only in functions that may read one early).
enum Unbound {
    static let marker = PyInstance(type: PyType(name: "<unbound>", base: nil))
}

extension StringIOType {
    /// `__getstate__`: (value, newline, position, attribute dict or None), stringio.c's tuple, which
    /// object's `__reduce_ex__` (protocol 2+) hands to `__setstate__` of a `__new__` instance.
    static func getState(_ a: [Value], _ kwargs: [(String, Value)], _ ctx: ExecutionContext) throws -> Value {
        let (inst, _) = try state(a[0])
        let (value, newline, position) = try open(a[0]) { s -> (PyStr, Value, Int) in
            let newline: Value
            switch s.newline {
            case .translated: newline = .none
            case .universal: newline = .object(PyStr(""))
            case .fixed(let ending): newline = .object(PyStr(ending))
            }
            return (s.value(), newline, s.position)
        }
        return .object(PyTuple([.object(value), newline, .int(position), try attributeState(inst)]))
    }

    /// `__setstate__(state)`: re-runs `__init__` with the value's newline mode, then puts the value back
    /// untranslated (it was translated when first written), the position and the attributes.
    static func setState(_ a: [Value], _ kwargs: [(String, Value)], _ ctx: ExecutionContext) throws -> Value {
        guard a.count == 2 else {
            throw PyException.make(.typeError, "__setstate__() takes exactly one argument (\(a.count - 1) given)")
        }
        let (inst, s) = try state(a[0])
        try inst.lock.withLock { if s.closed { throw closed() } }
        guard case .object(let o) = a[1], let tuple = o as? PyTuple, tuple.items.count >= 4 else {
            // CPython names the C type ("_io.StringIO"); ours is io.StringIO, the native type's direct subclass.
            let name = inst.type.bases.contains { $0 === type } ? "_io.StringIO" : inst.type.name
            throw PyException.make(.typeError, "\(name).__setstate__ argument should be 4-tuple, got \(typeName(a[1]))")
        }
        let items = tuple.items
        let (_, newline) = try initArguments([items[0], items[1]], [], ctx)
        guard case .object(let v) = items[0], let value = v as? PyStr else {
            throw PyException.make(.typeError, "initial_value must be str or None, not \(typeName(items[0]))")
        }
        inst.lock.withLock {
            s.reset(newline: newline, initial: nil)
            s.restore(value)
        }
        let position: Int
        switch items[2] {
        case .int(let p): position = p
        case .bool(let b): position = b ? 1 : 0
        case .object(let o) where o is PyBigInt: throw PyException.make(.overflowError, "Python int too large to convert to C ssize_t")
        default: throw PyException.make(.typeError, "third item of state must be an integer, got \(typeName(items[2]))")
        }
        if position < 0 { throw PyException.make(.valueError, "position value cannot be negative") }
        inst.lock.withLock { s.position = position }
        try restoreAttributes(inst, items[3], item: "fourth")
        return .none
    }

    /// The last item of a native stream's pickled state: a copy of its attributes, None when it has none
    /// (CPython's instance dict, created at the first attribute).
    static func attributeState(_ inst: PyInstance) throws -> Value {
        let (names, slots) = inst.lock.withLock { (inst.shape.names, inst.slots) }
        if names.isEmpty { return .none }
        let d = PyDict()
        for (name, v) in zip(names, slots) { try d.set(.str(name), v) }
        return .object(d)
    }

    /// Puts pickled attributes back (None: none); the dict updates the instance's, as stringio.c/bytesio.c do.
    static func restoreAttributes(_ inst: PyInstance, _ state: Value, item: String) throws {
        if state.isNone { return }
        guard case .object(let d as PyDict) = state else {
            throw PyException.make(.typeError, "\(item) item of state should be a dict, got a \(typeName(state))")
        }
        let namespace = InstanceNamespace(inst)
        for (key, v) in d.entries { try namespace.set(key, v) }
    }

}

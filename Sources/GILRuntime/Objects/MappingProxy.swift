/// `types.MappingProxyType` (Objects/descrobject.c's mappingproxy): a read-only, live view of a mapping —
/// reads go to the mapping each time, so later changes show through it, and it has no way to write.
/// `type.__dict__` answers one (over a snapshot of the class's attributes), which is how Lib/types.py
/// finds the type; `functools.singledispatch`'s `registry` is one over its live dict.
enum MappingProxy {
    static let type: PyType = {
        let t = PyType(name: "mappingproxy", base: BuiltinTypes.object, module: "builtins")
        t.construct = { _, args, kwargs, _ in
            if !kwargs.isEmpty { throw PyException.make(.typeError, "mappingproxy() takes no keyword arguments") }
            guard args.count == 1 else {
                throw PyException.make(.typeError, "mappingproxy() takes exactly one argument (\(args.count) given)")
            }
            guard isMapping(args[0]) else {
                throw PyException.make(.typeError, "mappingproxy() argument must be a mapping, not \(typeName(args[0]))")
            }
            return .object(make(args[0]))
        }
        t.addMethod("__getitem__") { a, _, ctx in try Subscript.get(try mapping(a), try argument(a, 1), ctx) }
        t.addMethod("__contains__") { a, _, ctx in .bool(try contains(try mapping(a), try argument(a, 1), ctx)) }
        t.addMethod("__len__") { a, _, ctx in .int(try length(try mapping(a), ctx)) }
        t.addMethod("__iter__") { a, _, ctx in try makeIterator(try mapping(a), ctx) }
        t.addMethod("__reversed__") { a, _, ctx in try forward(a, "__reversed__", [], ctx) }
        t.addMethod("get") { a, _, ctx in
            guard a.count == 2 || a.count == 3 else {
                throw PyException.make(.typeError, "get expected at most 2 arguments, got \(a.count - 1)")
            }
            return try forward(a, "get", Array(a.dropFirst()), ctx)
        }
        for name in ["keys", "values", "items", "copy"] {
            t.addMethod(name) { a, _, ctx in try forward(a, name, [], ctx) }
        }
        t.addMethod("__repr__") { a, _, ctx in .str("mappingproxy(" + (try repr(try mapping(a), ctx)) + ")") }
        t.addMethod("__str__") { a, _, ctx in .str(try str(try mapping(a), ctx)) }
        t.addMethod("__eq__") { a, _, ctx in
            let other = try argument(a, 1)
            return .bool(try valuesEqual(try mapping(a), unwrap(other), ctx))
        }
        t.addMethod("__or__") { a, _, ctx in
            let other = try argument(a, 1)
            guard isMapping(other) else { return .object(BuiltinTypes.notImplemented) }
            return try Arithmetic.binary(.bitOr, try forward(a, "copy", [], ctx), unwrap(other), ctx)
        }
        t.addMethod("__ror__") { a, _, ctx in
            let other = try argument(a, 1)
            guard isMapping(other) else { return .object(BuiltinTypes.notImplemented) }
            return try Arithmetic.binary(.bitOr, unwrap(other), try forward(a, "copy", [], ctx), ctx)
        }
        t.addMethod("__ior__") { a, _, _ in
            throw PyException.make(.typeError, "'|=' is not supported by mappingproxy; use '|' instead")
        }
        t.dict["__hash__"] = Value.none
        return t
    }()

    static func make(_ mapping: Value) -> PyInstance {
        let i = PyInstance(type: type)
        i.native = Box(mapping)
        return i
    }

    private final class Box {
        let mapping: Value
        init(_ mapping: Value) { self.mapping = mapping }
    }

    /// What mappingproxy() accepts: anything with `__getitem__` and `keys` that is not a list or tuple.
    private static func isMapping(_ v: Value) -> Bool {
        guard case .object(let o) = v else { return false }
        if o is PyDict { return true }
        if o is PyList || o is PyTuple || o is PyStr { return false }
        if let i = o as? PyInstance {
            if i.native is Box { return true }
            return i.type.lookup("__getitem__") != nil && i.type.lookup("keys") != nil
        }
        return false
    }

    private static func unwrap(_ v: Value) -> Value {
        if case .object(let i as PyInstance) = v, let box = i.native as? Box { return box.mapping }
        return v
    }

    private static func mapping(_ a: [Value]) throws -> Value {
        guard case .object(let i as PyInstance)? = a.first, let box = i.native as? Box else {
            throw PyException.make(.typeError, "descriptor requires a 'mappingproxy' object")
        }
        return box.mapping
    }

    private static func argument(_ a: [Value], _ i: Int) throws -> Value {
        guard i < a.count else { throw PyException.make(.typeError, "expected \(i) argument, got \(a.count - 1)") }
        return a[i]
    }

    /// `mapping.name(*args)` on the wrapped mapping.
    private static func forward(_ a: [Value], _ name: String, _ args: [Value], _ ctx: ExecutionContext) throws -> Value {
        try ctx.call(try Attributes.get(try mapping(a), name, ctx), args)
    }
}

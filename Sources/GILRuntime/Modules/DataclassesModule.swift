import PythonSyntax

/// `dataclasses` (Lib/dataclasses.py, the common part): `@dataclass` / `@dataclass(order=True, frozen=True)`
/// generates `__init__`, `__repr__` and `__eq__` (and orderings) from the class's annotated fields, in order;
/// `field(default=…, default_factory=…)`.
enum DataclassesModule {
    final class FieldSpec {
        var defaultValue: Value?
        var factory: Value?
        var repr = true
    }

    /// The Python half: the exception and the `__setattr__`/`__delattr__` a frozen class gets (user-level
    /// functions, so attribute stores honour them).
    static let frozenSource = #"""
        class FrozenInstanceError(AttributeError):
            pass


        def _frozen_setattr(self, name, value):
            raise FrozenInstanceError(f"cannot assign to field '{name}'")


        def _frozen_delattr(self, name):
            raise FrozenInstanceError(f"cannot delete field '{name}'")
        """#

    static func make(_ ctx: ExecutionContext) throws -> PyModule {
        let m = PyModule(name: "dataclasses")
        let helpers = try SourceModules.load("dataclasses", source: frozenSource, ctx)
        let frozenError = helpers.get("FrozenInstanceError") ?? .none
        m.dict["FrozenInstanceError"] = frozenError
        let frozenHooks = (helpers.get("_frozen_setattr") ?? .none, helpers.get("_frozen_delattr") ?? .none)
        let fieldType = PyType(name: "Field", base: BuiltinTypes.object, module: "dataclasses")
        m.addFunction("field") { _, kwargs, _ in
            let spec = FieldSpec()
            for (k, v) in kwargs {
                switch k {
                case "default": spec.defaultValue = v
                case "default_factory": spec.factory = v
                case "repr": if case .bool(let b) = v { spec.repr = b }
                default: break
                }
            }
            let i = PyInstance(type: fieldType)
            i.native = spec
            return .object(i)
        }
        m.addFunction("dataclass") { args, kwargs, ctx in
            let order = try kwargs.first { $0.0 == "order" }.map { try truthy($0.1, ctx) } ?? false
            let frozen = try kwargs.first { $0.0 == "frozen" }.map { try truthy($0.1, ctx) } ?? false
            let hooks = frozen ? frozenHooks : nil
            if let first = args.first, case .object(let cls as PyType) = first {
                return try process(cls, order: order, frozen: hooks, ctx)
            }
            return .object(PyBuiltinFunction("dataclass") { a, _, ctx in
                guard let first = a.first, case .object(let cls as PyType) = first else { throw PyException.make(.typeError, "dataclass() expects a class") }
                return try process(cls, order: order, frozen: hooks, ctx)
            })
        }
        m.addFunction("asdict") { args, _, ctx in
            guard let first = args.first, case .object(let i as PyInstance) = first else { throw PyException.make(.typeError, "asdict() should be called on dataclass instances") }
            let d = PyDict()
            for name in fieldNames(i.type) { try d.set(.str(name), try Attributes.get(first, name, ctx)) }
            _ = i
            return .object(d)
        }
        return m
    }

    static func fieldNames(_ cls: PyType) -> [String] {
        var names: [String] = []
        for t in cls.mro.reversed() {
            guard case .object(let d as PyDict)? = t.dict["__annotations__"] else { continue }
            for (k, _) in d.entries { if case .object(let s as PyStr) = k, !names.contains(s.value) { names.append(s.value) } }
        }
        return names
    }

    static func process(_ cls: PyType, order: Bool, frozen: (Value, Value)?, _ ctx: ExecutionContext) throws -> Value {
        let names = fieldNames(cls)
        var defaults: [String: FieldSpec] = [:]
        for n in names {
            guard let v = cls.lookup(n) else { continue }
            if case .object(let f as PyInstance) = v, let spec = f.native as? FieldSpec {
                defaults[n] = spec
                if let d = spec.defaultValue { cls.dict[n] = d } else { cls.dict.removeValue(forKey: n) }
            } else {
                let spec = FieldSpec()
                spec.defaultValue = v
                defaults[n] = spec
            }
        }
        // `case Item(name, qty)` matches positionally by the fields, as CPython's `match_args=True` default.
        if cls.dict["__match_args__"] == nil { cls.dict["__match_args__"] = .object(PyTuple(names.map { .str($0) })) }
        cls.dict["__init__"] = .object(PyBuiltinFunction("__init__", minimumArguments: 1) { args, kwargs, ctx in
            let selfValue = args[0]
            let positional = Array(args.dropFirst())
            if positional.count > names.count {
                throw PyException.make(.typeError, "__init__() takes \(names.count + 1) positional arguments but \(positional.count + 1) were given")
            }
            for (k, n) in names.enumerated() {
                var value: Value?
                if k < positional.count { value = positional[k] }
                if let kw = kwargs.first(where: { $0.0 == n }) {
                    if value != nil { throw PyException.make(.typeError, "__init__() got multiple values for argument '\(n)'") }
                    value = kw.1
                }
                if value == nil, let spec = defaults[n] {
                    if let f = spec.factory { value = try ctx.call(f, []) } else { value = spec.defaultValue }
                }
                guard let value else { throw PyException.make(.typeError, "__init__() missing 1 required positional argument: '\(n)'") }
                if frozen != nil, case .object(let i as PyInstance) = selfValue {
                    i.setAttribute(n, value)
                } else {
                    try Attributes.set(selfValue, n, value, ctx)
                }
            }
            for (k, _) in kwargs where !names.contains(k) {
                throw PyException.make(.typeError, "__init__() got an unexpected keyword argument '\(k)'")
            }
            if let post = typeOf(selfValue).lookup("__post_init__") { _ = try ctx.call(post, [selfValue]) }
            return .none
        })
        if cls.dict["__repr__"] == nil {
            cls.dict["__repr__"] = .object(PyBuiltinFunction("__repr__", minimumArguments: 1) { args, _, ctx in
                let fields = try names.filter { defaults[$0]?.repr ?? true }.map { "\($0)=\(try repr(try Attributes.get(args[0], $0, ctx), ctx))" }
                return .str("\(typeOf(args[0]).name)(\(fields.joined(separator: ", ")))")
            })
        }
        func tuple(_ v: Value, _ ctx: ExecutionContext) throws -> Value {
            .object(PyTuple(try names.map { try Attributes.get(v, $0, ctx) }))
        }
        if cls.dict["__eq__"] == nil {
            cls.dict["__eq__"] = .object(PyBuiltinFunction("__eq__", minimumArguments: 2) { args, _, ctx in
                guard typeOf(args[1]) === typeOf(args[0]) else { return .object(BuiltinTypes.notImplemented) }
                return .bool(try valuesEqual(try tuple(args[0], ctx), try tuple(args[1], ctx), ctx))
            })
        }
        if let (setHook, deleteHook) = frozen {
            cls.dict["__setattr__"] = setHook
            cls.dict["__delattr__"] = deleteHook
            cls.dict["__hash__"] = .object(PyBuiltinFunction("__hash__", minimumArguments: 1) { args, _, ctx in
                .int(try pyHash(try tuple(args[0], ctx)))
            })
        }
        if order {
            for (name, op) in [("__lt__", ComparisonOperator.less), ("__le__", .lessEqual), ("__gt__", .greater), ("__ge__", .greaterEqual)] {
                cls.dict[name] = .object(PyBuiltinFunction(name, minimumArguments: 2) { args, _, ctx in
                    guard typeOf(args[1]) === typeOf(args[0]) else { return .object(BuiltinTypes.notImplemented) }
                    return .bool(try compareOrder(op, try tuple(args[0], ctx), try tuple(args[1], ctx), ctx))
                })
            }
        }
        return .object(cls)
    }
}

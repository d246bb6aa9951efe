/// `_weakref` (Modules/_weakref.c + Objects/weakrefobject.c): `ref` (ReferenceType, subclassable as
/// Lib/weakref.py's KeyedRef does), `getweakrefcount`, `getweakrefs`, `_remove_dead_weakref`, and the proxies
/// (`proxy`, ProxyType, CallableProxyType), which forward to the referent and are written in Python on top of
/// `ref` (`WeakrefSource.proxies`). `weakref` itself is `WeakrefSource.text`.
enum WeakrefModule {
    static let referenceType: PyType = {
        let t = PyType(name: "ReferenceType", base: BuiltinTypes.object, module: "weakref")
        t.construct = { type, args, kwargs, ctx in
            let a = try Arguments(args, kwargs, names: ["object", "callback"], required: 1, function: "ref")
            return .object(try WeakReferences.make(type, a.value(0)!, callback: a.value(1) ?? .none, ctx))
        }
        // ref.__new__(cls, obj, callback=None) for subclasses (KeyedRef.__new__ calls it).
        let new = PyBuiltinFunction("__new__", minimumArguments: 2) { args, kwargs, ctx in
            guard case .object(let cls as PyType) = args[0], cls.isSubtype(of: t) else {
                throw PyException.make(.typeError, "ref.__new__(X): X is not a subtype of ref")
            }
            let a = try Arguments(Array(args.dropFirst()), kwargs, names: ["object", "callback"], required: 1, function: "__new__")
            return .object(try WeakReferences.make(cls, a.value(0)!, callback: a.value(1) ?? .none, ctx))
        }
        t.dict["__new__"] = .object(PyMethodWrapper(.staticMethod, .object(new)))
        t.addMethod("__init__") { _, _, _ in .none }
        t.addMethod("__call__") { a, _, _ in WeakReferences.target(a[0]) }
        // A read-only attribute of the reference (an instance attribute would give every reference a shape).
        let callback = PyBuiltinFunction("__callback__", minimumArguments: 1) { a, _, _ in WeakReferences.data(a[0])?.callback ?? .none }
        t.dict["__callback__"] = .object(PyMethodWrapper(.property, .object(callback)))
        t.addMethod("__hash__") { a, _, ctx in
            guard let d = WeakReferences.data(a[0]) else { return .int(0) }
            if let h = d.hash { return .int(h) }
            guard let o = d.target else { throw PyException.make(.typeError, "weak object has gone away") }
            let h = try pyHash(.object(o))
            d.hash = h
            return .int(h)
        }
        for (name, negate) in [("__eq__", false), ("__ne__", true)] {
            t.addMethod(name) { a, _, ctx in
                guard let x = WeakReferences.data(a[0]), let y = WeakReferences.data(a[1]) else { return .object(BuiltinTypes.notImplemented) }
                guard let p = x.target, let q = y.target else { return .bool((a[0].isIdentical(a[1])) != negate) }
                return .bool(try valuesEqual(.object(p), .object(q), ctx) != negate)
            }
        }
        t.addMethod("__repr__") { a, _, ctx in
            guard case .object(let r) = a[0], let d = WeakReferences.data(a[0]) else { return .str("<weakref>") }
            guard let o = d.target else { return .str("<weakref at \(address(r)); dead>") }
            var named = ""
            if let n = try? Attributes.get(.object(o), "__name__", ctx), case .object(let s as PyStr) = n { named = " (\(s.value))" }
            return .str("<weakref at \(address(r)); to '\(typeName(.object(o)))' at \(address(o))\(named)>")
        }
        t.addMethod("__class_getitem__") { a, _, _ in a[0] }
        return t
    }()

    static func make(_ ctx: ExecutionContext) throws -> PyModule {
        let m = PyModule(name: "_weakref")
        m.dict["ref"] = .object(referenceType)
        m.dict["ReferenceType"] = .object(referenceType)
        m.addFunction("getweakrefcount") { a, _, _ in
            guard let first = a.first, case .object(let o) = first else { return .int(0) }
            return .int(WeakReferences.references(to: o).count)
        }
        m.addFunction("getweakrefs") { a, _, _ in
            guard let first = a.first, case .object(let o) = first else { return .object(PyList()) }
            return .object(PyList(WeakReferences.references(to: o).map { .object($0) }))
        }
        // Lib/weakref.py's callbacks: delete dict[key] only if it is still a dead reference.
        m.addFunction("_remove_dead_weakref") { a, _, _ in
            guard a.count == 2, case .object(let d as PyDict) = a[0] else {
                throw PyException.make(.typeError, "_remove_dead_weakref() argument 1 must be dict")
            }
            if let v = try d.get(a[1]), WeakReferences.data(v) != nil, WeakReferences.target(v).isNone { try d.remove(a[1]) }
            return .none
        }
        let proxies = try SourceModules.load("_weakref", source: WeakrefSource.proxies, ctx) { $0.set("ref", .object(referenceType)) }
        for name in ["proxy", "ProxyType", "CallableProxyType"] { if let v = proxies.get(name) { m.dict[name] = v } }
        ctx.runtime.modules.keepHelper(proxies)
        return m
    }
}

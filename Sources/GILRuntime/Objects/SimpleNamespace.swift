/// `types.SimpleNamespace` (Objects/namespaceobject.c): attributes from keyword arguments, printed as
/// `namespace(a=1, b='x')`, equal when of the same type with equal attributes. `sys.implementation` is
/// one, which is how Lib/types.py finds the type.
enum SimpleNamespace {
    static let type: PyType = {
        let t = PyType(name: "SimpleNamespace", base: BuiltinTypes.object, module: "types")
        t.construct = { type, args, kwargs, _ in
            if !args.isEmpty { throw PyException.make(.typeError, "no positional arguments expected") }
            let i = PyInstance(type: type)
            for (k, v) in kwargs { i.setAttribute(k, v) }
            return .object(i)
        }
        t.addMethod("__repr__") { a, _, ctx in
            guard case .object(let i as PyInstance) = a[0] else { return .str("") }
            let name = i.type === t ? "namespace" : i.type.name
            return .str(try ctx.reprGuard(i, "\(name)(...)") {
                "\(name)(" + (try i.orderedAttributes.map { "\($0.0)=\(try repr($0.1, ctx))" }.joined(separator: ", ")) + ")"
            })
        }
        t.addMethod("__eq__") { a, _, ctx in
            guard case .object(let x as PyInstance) = a[0], case .object(let y as PyInstance) = a[1],
                x.type.isSubtype(of: t), y.type.isSubtype(of: t)
            else { return .object(BuiltinTypes.notImplemented) }
            let l = x.orderedAttributes, r = Dictionary(y.orderedAttributes, uniquingKeysWith: { $1 })
            guard l.count == r.count else { return .bool(false) }
            for (k, v) in l {
                guard let w = r[k], try valuesEqual(v, w, ctx) else { return .bool(false) }
            }
            return .bool(true)
        }
        return t
    }()

    static func make(_ fields: [(String, Value)]) -> PyInstance {
        let i = PyInstance(type: type)
        for (k, v) in fields { i.setAttribute(k, v) }
        return i
    }
}

/// The `class` statement (Python/bltinmodule.c `builtin___build_class__`): PEP 560 `__mro_entries__`, the
/// metaclass (explicit `metaclass=`, else the most derived metaclass of the bases), its `__prepare__`, the
/// body run in that namespace, then `metaclass(name, bases, namespace, **keywords)`.
enum ClassBuilder {
    static func build(body: PyFunction, bases original: [Value], keywords: [(String, Value)], _ ctx: ExecutionContext) throws -> Value {
        let name = body.code.name
        var bases: [Value] = []
        var basesChanged = false
        for b in original {
            if case .object(let o) = b, o.tag == .type {
                bases.append(b)
                continue
            }
            guard let entries = try Attributes.lookupOptional(b, "__mro_entries__", ctx) else {
                bases.append(b)
                continue
            }
            guard case .object(let t as PyTuple) = try ctx.call(entries, [.object(PyTuple(original))]) else {
                throw PyException.make(.typeError, "__mro_entries__ must return a tuple")
            }
            bases += t.items
            basesChanged = true
        }
        var keywords = keywords
        var meta: Value
        var isClass = true
        if let k = keywords.firstIndex(where: { $0.0 == "metaclass" }) {
            meta = keywords.remove(at: k).1
            if case .object(let o) = meta, o.tag == .type {} else { isClass = false }
        } else {
            meta = bases.first.map { .object(typeOf($0)) } ?? .object(BuiltinTypes.type)
        }
        if isClass, case .object(let m as PyType) = meta {
            meta = .object(try calculateMetaclass(m, bases))
        }
        let basesTuple = Value.object(PyTuple(bases))
        let namespaceValue: Value
        if let prepare = try Attributes.lookupOptional(meta, "__prepare__", ctx) {
            namespaceValue = try ctx.call(prepare, [.str(name), basesTuple], kwargs: keywords)
        } else {
            namespaceValue = .object(PyDict())
        }
        guard case .object(let namespace as PyDict) = namespaceValue else {
            let metaName = if case .object(let m as PyType) = meta { m.name } else { "<metaclass>" }
            throw PyException.make(.typeError, "\(metaName).__prepare__() must return a mapping, not \(typeName(namespaceValue))")
        }
        try runBody(body, namespace: namespace, ctx)
        if basesChanged { try namespace.set(.str("__orig_bases__"), .object(PyTuple(original))) }
        let cls = try ctx.call(meta, [.str(name), basesTuple, namespaceValue], kwargs: keywords)
        if case .object(let cell as PyCell)? = try namespace.get(.str("__classcell__")), case .object(let t) = cls, t.tag == .type,
           cell.value.map({ !$0.isIdentical(cls) }) ?? true {
            throw PyException.make(.runtimeError, "__class__ not set defining '\(name)' as \(try repr(cls, ctx)). Was __classcell__ propagated to type.__new__?")
        }
        return cls
    }

    /// Runs a class body function in `namespace` (its `loadName`/`storeName` read and write it).
    static func runBody(_ f: PyFunction, namespace: PyDict, _ ctx: ExecutionContext) throws {
        let code = f.code
        let size = Int(code.frameSize)
        let regs = try Interpreter.enter(ctx, size)
        defer { Interpreter.leave(ctx, size) }
        let cbase = Int(code.constantBase)
        for (k, c) in code.constants.enumerated() { regs[cbase + k] = c }
        if !code.freeRegisters.isEmpty || !code.cellRegisters.isEmpty { Interpreter.setUpCells(f, code, regs) }
        ctx.classNamespaces.append(namespace)
        defer { ctx.classNamespaces.removeLast() }
        _ = try Interpreter.execute(code, f, regs, ctx, namespace: namespace, globals: f.globals)
    }

    /// `_PyType_CalculateMetaclass`: the metaclass that derives from every base's metaclass.
    static func calculateMetaclass(_ meta: PyType, _ bases: [Value]) throws -> PyType {
        var winner = meta
        for b in bases {
            let t = typeOf(b)
            if winner.isSubtype(of: t) { continue }
            if t.isSubtype(of: winner) {
                winner = t
                continue
            }
            throw PyException.make(
                .typeError,
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
        }
        return winner
    }
}

extension Attributes {
    /// `getattr(v, name, None)` for hooks (`__mro_entries__`, `__prepare__`, `__set_name__`): nil when absent.
    static func lookupOptional(_ v: Value, _ name: String, _ ctx: ExecutionContext) throws -> Value? {
        do {
            return try get(v, name, ctx)
        } catch let e as PyException where e.matches(.attributeError) {
            return nil
        }
    }
}

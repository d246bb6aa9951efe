/// PEP 585 and PEP 604 at run time: `list[int]` is a `types.GenericAlias` (Objects/genericaliasobject.c) and
/// `int | None` a `types.UnionType` (Objects/unionobject.c), with CPython 3.11's reprs, equality, hashing,
/// `__origin__`/`__args__`/`__parameters__`, calls through the alias, `__mro_entries__`, `isinstance`/
/// `issubclass` over a union, and their TypeErrors for parameterized generics.
enum TypeAliases {
    final class AliasData: @unchecked Sendable {
        let origin: Value
        let args: [Value]
        init(origin: Value, args: [Value]) {
            self.origin = origin
            self.args = args
        }
    }

    final class UnionData: @unchecked Sendable {
        let args: [Value]
        init(args: [Value]) { self.args = args }
    }

    static let genericAliasType: PyType = {
        let t = PyType(name: "GenericAlias", base: BuiltinTypes.object, module: "types")
        // GenericAlias(origin, args), also for subclasses (collections.abc's _CallableGenericAlias).
        let new = PyBuiltinFunction("__new__", minimumArguments: 1) { a, kw, _ in
            guard case .object(let cls as PyType) = a[0], cls.isSubtype(of: t) else {
                throw PyException.make(.typeError, "GenericAlias.__new__(X): X is not a subtype of GenericAlias")
            }
            guard kw.isEmpty || cls !== t else { throw PyException.make(.typeError, "GenericAlias() takes no keyword arguments") }
            guard a.count == 3 else { throw PyException.make(.typeError, "GenericAlias expected 2 arguments, got \(a.count - 1)") }
            guard case .object(let made as PyInstance) = alias(a[1], a[2]) else { return .none }
            let i = PyInstance(type: cls)
            i.native = made.native
            return .object(i)
        }
        t.dict["__new__"] = .object(PyMethodWrapper(.staticMethod, .object(new)))
        property(t, "__origin__") { try alias($0).origin }
        property(t, "__args__") { .object(PyTuple(try alias($0).args)) }
        property(t, "__parameters__") { .object(PyTuple(parameters(try alias($0).args))) }
        property(t, "__unpacked__") { _ in .bool(false) }
        t.addMethod("__repr__") { a, _, ctx in .str(try aliasRepr(try alias(a[0]), ctx)) }
        t.addMethod("__call__") { a, kw, ctx in
            let d = try alias(a[0])
            let made = try Interpreter.call(d.origin, args: Array(a.dropFirst()), kwargs: kw, ctx: ctx)
            // ga_call: the instance remembers its alias where it can (not on builtins' instances).
            if case .object(let i as PyInstance) = made { i.setAttribute("__orig_class__", a[0]) }
            return made
        }
        t.addMethod("__mro_entries__") { a, _, _ in .object(PyTuple([try alias(a[0]).origin])) }
        t.addMethod("__eq__") { a, _, ctx in
            guard a.count == 2, case .object(let o as PyInstance) = a[1], let other = o.native as? AliasData else {
                return .object(BuiltinTypes.notImplemented)
            }
            let me = try alias(a[0])
            return .bool(try valuesEqual(me.origin, other.origin, ctx) && valuesEqual(.object(PyTuple(me.args)), .object(PyTuple(other.args)), ctx))
        }
        t.addMethod("__hash__") { a, _, ctx in
            let d = try alias(a[0])
            return .int(try pyHash(d.origin) ^ pyHash(.object(PyTuple(d.args))))
        }
        t.addMethod("__getattr__") { a, _, ctx in
            // ga_getattro: everything but the alias's own attributes is the origin's.
            guard a.count == 2, case .object(let s as PyStr) = a[1] else { throw PyException.make(.attributeError, "GenericAlias") }
            return try Attributes.get(try alias(a[0]).origin, s.value, ctx)
        }
        t.addMethod("__instancecheck__") { _, _, _ in
            throw PyException.make(.typeError, "isinstance() argument 2 cannot be a parameterized generic")
        }
        t.addMethod("__subclasscheck__") { _, _, _ in
            throw PyException.make(.typeError, "issubclass() argument 2 cannot be a parameterized generic")
        }
        t.addMethod("__getitem__") { a, _, ctx in
            let d = try alias(a[0])
            guard parameters(d.args).isEmpty else {
                throw PyException.make(.notImplementedError, "not supported yet: substituting type variables of a GenericAlias")
            }
            throw PyException.make(.typeError, "\(try aliasRepr(d, ctx)) is not a generic class")
        }
        installOr(t)
        return t
    }()

    static let unionType: PyType = {
        let t = PyType(name: "UnionType", base: BuiltinTypes.object, module: "types")
        property(t, "__args__") { .object(PyTuple(try union($0).args)) }
        property(t, "__parameters__") { .object(PyTuple(parameters(try union($0).args))) }
        t.addMethod("__repr__") { a, _, ctx in
            .str(try union(a[0]).args.map { try typeRepr($0, ctx, noneName: true) }.joined(separator: " | "))
        }
        t.addMethod("__eq__") { a, _, ctx in
            guard a.count == 2, case .object(let o as PyInstance) = a[1], let other = o.native as? UnionData else {
                return .object(BuiltinTypes.notImplemented)
            }
            let me = try union(a[0])
            func covers(_ x: [Value], _ y: [Value]) throws -> Bool { try x.allSatisfy { v in try y.contains { try valuesEqual(v, $0, ctx) } } }
            return .bool(try covers(me.args, other.args) && covers(other.args, me.args))
        }
        t.addMethod("__hash__") { a, _, ctx in
            var h = 0
            for x in try union(a[0]).args { h ^= try pyHash(x) }
            return .int(h == -1 ? -2 : h)
        }
        t.addMethod("__getitem__") { a, _, _ in
            _ = try union(a[0])
            throw PyException.make(.notImplementedError, "not supported yet: substituting type variables of a union")
        }
        installOr(t)
        return t
    }()

    /// `type.__or__`/`__ror__` and the aliases' own: a union of two unionable operands, else NotImplemented.
    static func installOr(_ t: PyType) {
        t.addMethod("__or__") { a, _, ctx in try makeUnion(a[0], a.count > 1 ? a[1] : .none, ctx) }
        t.addMethod("__ror__") { a, _, ctx in try makeUnion(a.count > 1 ? a[1] : .none, a[0], ctx) }
    }

    /// `list[int]` of a builtin class that has no `__class_getitem__` of its own.
    static func alias(_ origin: Value, _ key: Value) -> Value {
        let args: [Value]
        if case .object(let t as PyTuple) = key { args = t.items } else { args = [key] }
        let i = PyInstance(type: genericAliasType)
        i.native = AliasData(origin: origin, args: args)
        return .object(i)
    }

    /// `_Py_union_type_or`: flattens unions, turns None into NoneType, drops duplicates; one member left is itself.
    static func makeUnion(_ l: Value, _ r: Value, _ ctx: ExecutionContext) throws -> Value {
        guard isUnionable(l), isUnionable(r) else { return .object(BuiltinTypes.notImplemented) }
        var members: [Value] = []
        for side in [l, r] {
            let flat: [Value]
            if case .object(let i as PyInstance) = side, let u = i.native as? UnionData { flat = u.args } else { flat = [side] }
            for var x in flat {
                if case .none = x { x = .object(BuiltinTypes.noneType) }
                if try !members.contains(where: { try sameMember($0, x, ctx) }) { members.append(x) }
            }
        }
        if members.count == 1 { return members[0] }
        let i = PyInstance(type: unionType)
        i.native = UnionData(args: members)
        return .object(i)
    }

    /// The members `isinstance`/`issubclass` test against, or nil when `spec` is not a union.
    static func unionMembers(_ spec: Value, function: String) throws -> [Value]? {
        guard case .object(let i as PyInstance) = spec, let u = i.native as? UnionData else { return nil }
        for m in u.args {
            if case .object(let x as PyInstance) = m, x.native is AliasData {
                throw PyException.make(.typeError, "\(function)() argument 2 cannot be a parameterized generic")
            }
        }
        return u.args
    }

    private static func isUnionable(_ v: Value) -> Bool {
        switch v {
        case .none: return true
        case .object(let o):
            if o is PyType { return true }
            if let i = o as? PyInstance { return i.native is AliasData || i.native is UnionData }
            return false
        default: return false
        }
    }

    private static func sameMember(_ a: Value, _ b: Value, _ ctx: ExecutionContext) throws -> Bool {
        if a.isIdentical(b) { return true }
        if case .object(let x as PyInstance) = a, x.native is AliasData, case .object(let y as PyInstance) = b, y.native is AliasData {
            return try valuesEqual(a, b, ctx)
        }
        return false
    }

    /// `__parameters__`: the type variables among the arguments (objects with `__typing_subst__`, or our
    /// typing's TypeVar), each once, and those of nested aliases.
    private static func parameters(_ args: [Value]) -> [Value] {
        var out: [Value] = []
        func add(_ v: Value) {
            if !out.contains(where: { $0.isIdentical(v) }) { out.append(v) }
        }
        for a in args {
            guard case .object(let i as PyInstance) = a else { continue }
            if let d = i.native as? AliasData { parameters(d.args).forEach(add) } else if let u = i.native as? UnionData {
                parameters(u.args).forEach(add)
            } else if i.type.name == "TypeVar" || i.type.name == "ParamSpec" || i.type.lookup("__typing_subst__") != nil {
                add(a)
            }
        }
        return out
    }

    /// ga_repr_item / union_repr_item: `...`, aliases by their repr, classes as `module.qualname` (builtins bare).
    static func typeRepr(_ v: Value, _ ctx: ExecutionContext, noneName: Bool = false) throws -> String {
        if case .object(let o) = v, o === BuiltinTypes.ellipsis { return "..." }
        if noneName, case .object(let o) = v, o === BuiltinTypes.noneType { return "None" }
        if case .object(let l as PyList) = v { return "[" + (try l.items.map { try typeRepr($0, ctx) }.joined(separator: ", ")) + "]" }
        if case .object(let i as PyInstance) = v, i.native is AliasData || i.native is UnionData { return try repr(v, ctx) }
        if case .object(let t as PyType) = v {
            let q = t.qualifiedName ?? t.name
            return t.module == "builtins" ? q : "\(t.module).\(q)"
        }
        return try repr(v, ctx)
    }

    private static func aliasRepr(_ d: AliasData, _ ctx: ExecutionContext) throws -> String {
        let args = d.args.isEmpty ? "()" : try d.args.map { try typeRepr($0, ctx) }.joined(separator: ", ")
        return try typeRepr(d.origin, ctx) + "[" + args + "]"
    }

    private static func property(_ t: PyType, _ name: String, _ get: @escaping (Value) throws -> Value) {
        t.dict[name] = .object(PyMethodWrapper(.property, .object(PyBuiltinFunction(name) { a, _, _ in try get(a[0]) })))
    }

    private static func alias(_ v: Value) throws -> AliasData {
        guard case .object(let i as PyInstance) = v, let d = i.native as? AliasData else {
            throw PyException.make(.typeError, "descriptor requires a 'types.GenericAlias' object but received '\(typeName(v))'")
        }
        return d
    }

    private static func union(_ v: Value) throws -> UnionData {
        guard case .object(let i as PyInstance) = v, let d = i.native as? UnionData else {
            throw PyException.make(.typeError, "descriptor requires a 'types.UnionType' object but received '\(typeName(v))'")
        }
        return d
    }
}

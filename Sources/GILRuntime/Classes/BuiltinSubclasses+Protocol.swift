import BigInt
import PythonSyntax

/// How builtin subclasses are made (`__new__` / `__init__` of the value types, Objects/*object.c
/// `*_new`/`*_init`) and how their operators resolve: a method the class defines wins (a proper subclass
/// on the right with its own reflected method is tried first, as in CPython's `binary_op1`/`do_richcompare`);
/// otherwise the builtin operation applies, to numbers as the plain int or float they stand for.
extension BuiltinSubclasses {
    @inline(__always)
    static func isSubclassed(_ v: Value) -> Bool {
        if case .object(let o) = v { return o.tag == .subclassed }
        return false
    }

    private static func hook(_ v: Value, _ name: String) -> Value? {
        guard case .object(let o) = v else { return nil }
        return SpecialMethods.hook(o, name)
    }

    /// `l op r` when either side is a subclass instance: nil leaves it to the builtin behaviour.
    static func binaryOperator(_ op: BinaryOperator, _ l: Value, _ r: Value, _ ctx: ExecutionContext) throws -> Value? {
        guard isSubclassed(l) || isSubclassed(r) else { return nil }
        let (name, reflected, _) = Arithmetic.specialNames(op)
        let left = hook(l, name)
        let right = hook(r, reflected)
        if let right, rightFirst(l, r) {
            let v = try ctx.call(right, [r, l])
            if !isNotImplemented(v) { return v }
        }
        if let left {
            let v = try ctx.call(left, [l, r])
            if !isNotImplemented(v) { return v }
        }
        if let right, !rightFirst(l, r) {
            let v = try ctx.call(right, [r, l])
            if !isNotImplemented(v) { return v }
        }
        let pl = l.asObject.flatMap(plainNumber), pr = r.asObject.flatMap(plainNumber)
        if pl != nil || pr != nil { return try Arithmetic.binary(op, pl ?? l, pr ?? r, ctx) }
        return nil
    }

    private static func rightFirst(_ l: Value, _ r: Value) -> Bool {
        let tl = typeOf(l), tr = typeOf(r)
        return tl !== tr && tr.isSubtype(of: tl)
    }

    static func unaryOperator(_ op: UnaryOperator, _ v: Value, _ ctx: ExecutionContext) throws -> Value? {
        guard case .object(let o) = v, o.tag == .subclassed else { return nil }
        let name: String
        switch op {
        case .negate: name = "__neg__"
        case .plus: name = "__pos__"
        case .invert: name = "__invert__"
        case .not: return nil
        }
        if let f = SpecialMethods.hook(o, name) { return try ctx.call(f, [v]) }
        if let n = plainNumber(o) { return try Arithmetic.unary(op, n, ctx) }
        return nil
    }

    private static let comparisonNames: [ComparisonOperator: (String, String)] = [
        .equal: ("__eq__", "__eq__"), .notEqual: ("__ne__", "__ne__"), .less: ("__lt__", "__gt__"),
        .lessEqual: ("__le__", "__ge__"), .greater: ("__gt__", "__lt__"), .greaterEqual: ("__ge__", "__le__"),
    ]

    /// A rich comparison involving a subclass instance: its own methods first, then numbers compare as the
    /// plain values; nil leaves the builtin comparison to the caller.
    static func richCompare(_ op: ComparisonOperator, _ a: Value, _ b: Value, _ ctx: ExecutionContext) throws -> Bool? {
        guard isSubclassed(a) || isSubclassed(b), let (name, reflected) = comparisonNames[op] else { return nil }
        let left = hook(a, name)
        let right = hook(b, reflected)
        if let right, rightFirst(a, b) {
            let v = try ctx.call(right, [b, a])
            if !isNotImplemented(v) { return try truthy(v, ctx) }
        }
        if let left {
            let v = try ctx.call(left, [a, b])
            if !isNotImplemented(v) { return try truthy(v, ctx) }
        }
        if let right, !rightFirst(a, b) {
            let v = try ctx.call(right, [b, a])
            if !isNotImplemented(v) { return try truthy(v, ctx) }
        }
        let pa = a.asObject.flatMap(plainNumber), pb = b.asObject.flatMap(plainNumber)
        if pa != nil || pb != nil { return try compare(op, pa ?? a, pb ?? b, ctx) }
        return nil
    }

    // MARK: - __new__ and __init__ of the value types

    static func installConstructors() {
        staticNew(BuiltinTypes.list) { cls, _, _, _ in cls === BuiltinTypes.list ? .object(PyList()) : .object(SubclassedList(cls)) }
        BuiltinTypes.list.addMethod("__init__") { args, kwargs, ctx in
            guard case .object(let l as PyList) = args[0] else { return .none }
            if let k = kwargs.first { throw PyException.make(.typeError, "'\(k.0)' is an invalid keyword argument for list()") }
            if args.count > 2 { throw PyException.make(.typeError, "list expected at most 1 argument, got \(args.count - 1)") }
            let items = args.count > 1 ? try collect(args[1], ctx) : []
            l.withItems { $0 = items }
            return .none
        }
        staticNew(BuiltinTypes.dict) { cls, _, _, _ in cls === BuiltinTypes.dict ? .object(PyDict()) : .object(SubclassedDict(cls)) }
        BuiltinTypes.dict.addMethod("__init__") { args, kwargs, ctx in
            guard case .object(let d as PyDict) = args[0] else { return .none }
            if args.count > 2 { throw PyException.make(.typeError, "dict expected at most 1 argument, got \(args.count - 1)") }
            if args.count > 1 { try BuiltinMethods.dictUpdate(d, args[1], ctx) }
            for (k, v) in kwargs { try d.set(.str(k), v) }
            return .none
        }
        staticNew(BuiltinTypes.set) { cls, _, _, _ in cls === BuiltinTypes.set ? .object(PySet()) : .object(SubclassedSet(cls)) }
        BuiltinTypes.set.addMethod("__init__") { args, _, ctx in
            guard case .object(let s as PySet) = args[0] else { return .none }
            s.clear()
            if args.count > 1 { try s.update(args[1], ctx) }
            return .none
        }
        staticNew(BuiltinTypes.frozenset) { cls, args, kwargs, ctx in
            let made = try BuiltinTypes.frozenset.construct!(BuiltinTypes.frozenset, args, kwargs, ctx)
            guard cls !== BuiltinTypes.frozenset, case .object(let plain as PySet) = made else { return made }
            let s = SubclassedSet(cls)
            for x in plain.elements { try s.add(x) }
            return .object(s)
        }
        staticNew(BuiltinTypes.tuple) { cls, args, kwargs, ctx in
            let made = try BuiltinTypes.tuple.construct!(BuiltinTypes.tuple, args, kwargs, ctx)
            guard cls !== BuiltinTypes.tuple, case .object(let t as PyTuple) = made else { return made }
            return .object(SubclassedTuple(cls, t.items))
        }
        staticNew(BuiltinTypes.str) { cls, args, kwargs, ctx in
            let made = try BuiltinTypes.str.construct!(BuiltinTypes.str, args, kwargs, ctx)
            guard cls !== BuiltinTypes.str, case .object(let s as PyStr) = made else { return made }
            return .object(SubclassedStr(cls, s.value))
        }
        staticNew(BuiltinTypes.bytes) { cls, args, kwargs, ctx in
            let made = try BuiltinTypes.bytes.construct!(BuiltinTypes.bytes, args, kwargs, ctx)
            guard cls !== BuiltinTypes.bytes, case .object(let b as PyBytes) = made else { return made }
            return .object(SubclassedBytes(cls, b.value))
        }
        staticNew(BuiltinTypes.int) { cls, args, kwargs, ctx in
            let made = try BuiltinTypes.int.construct!(BuiltinTypes.int, args, kwargs, ctx)
            guard cls !== BuiltinTypes.int else { return made }
            switch Arithmetic.number(made) {
            case .small(let i)?: return .object(SubclassedInt(cls, BigInt(i)))
            case .int(let b)?: return .object(SubclassedInt(cls, b))
            default: return made
            }
        }
        staticNew(BuiltinTypes.float) { cls, args, kwargs, ctx in
            let made = try BuiltinTypes.float.construct!(BuiltinTypes.float, args, kwargs, ctx)
            guard cls !== BuiltinTypes.float, case .float(let d) = made else { return made }
            return .object(SubclassedFloat(cls, d))
        }
    }

    /// `T.__new__(cls, *args, **kwargs)` as an implicit staticmethod, checking that `cls` derives from `T`.
    private static func staticNew(_ t: PyType, _ body: @escaping (PyType, [Value], [(String, Value)], ExecutionContext) throws -> Value) {
        let f = PyBuiltinFunction("__new__") { args, kwargs, ctx in
            guard case .object(let cls as PyType)? = args.first else {
                throw PyException.make(.typeError, "\(t.name).__new__(X): X is not a type object")
            }
            guard cls.isSubtype(of: t) else {
                throw PyException.make(.typeError, "\(t.name).__new__(\(cls.name)): \(cls.name) is not a subtype of \(t.name)")
            }
            return try body(cls, Array(args.dropFirst()), kwargs, ctx)
        }
        t.dict["__new__"] = .object(PyMethodWrapper(.staticMethod, .object(f)))
    }
}

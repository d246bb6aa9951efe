import BigInt
import PythonSyntax

/// Truth value (`bool(x)`): Objects/object.c PyObject_IsTrue.
func truthy(_ v: Value, _ ctx: ExecutionContext) throws -> Bool {
    switch v {
    case .none: return false
    case .bool(let b): return b
    case .int(let i): return i != 0
    case .float(let d): return d != 0
    case .object(let o):
        if o.tag == .type || o.tag == .subclassed {
            if let r = try SpecialMethods.call(v, "__bool__", [], ctx) { return try truthy(r, ctx) }
            if let r = try SpecialMethods.call(v, "__len__", [], ctx) { return try lengthResult(r) != 0 }
            if o.tag == .type { return true }
            if let n = BuiltinSubclasses.plainNumber(o) { return try truthy(n, ctx) }
            // A subclass instance is empty as its builtin is (its tag is not the builtin's).
            if let n = try? lengthNative(v, ctx) { return n != 0 }
            return true
        }
        // By tag, not by a chain of dynamic casts (an instance used to fail eight `as?` first).
        switch o.tag {
        case .str: return !unsafeDowncast(o, to: PyStr.self).value.isEmpty
        case .list: return unsafeDowncast(o, to: PyList.self).count != 0
        case .tuple: return !unsafeDowncast(o, to: PyTuple.self).items.isEmpty
        case .dict: return unsafeDowncast(o, to: PyDict.self).count > 0
        case .set: return unsafeDowncast(o, to: PySet.self).count > 0
        case .dictView: return unsafeDowncast(o, to: PyDictView.self).dict.count > 0
        case .range: return unsafeDowncast(o, to: PyRange.self).count > 0
        case .bytes: return !unsafeDowncast(o, to: PyBytes.self).value.isEmpty
        case .byteArray: return unsafeDowncast(o, to: PyByteArray.self).count > 0
        case .array: return unsafeDowncast(o, to: PyArray.self).count > 0
        case .complex:
            let c = unsafeDowncast(o, to: PyComplex.self)
            return c.real != 0 || c.imag != 0
        case .instance:
            let i = unsafeDowncast(o, to: PyInstance.self)
            if let f = i.type.special(.bool) { return try truthy(try Interpreter.callSpecial(f, v, ctx), ctx) }
            if let f = i.type.special(.len) { return try truthy(try Interpreter.callSpecial(f, v, ctx), ctx) }
            return true
        case .cell: return (o as? PyBigRange).map { $0.length != 0 } ?? true
        default: return true
        }
    }
}

/// Equality of two non-object scalars (ints, floats, bools, None).
func valuesEqualScalar(_ a: Value, _ b: Value) throws -> Bool {
    switch (a, b) {
    case (.none, .none): return true
    case (.none, _), (_, .none): return false
    case (.int(let x), .int(let y)): return x == y
    case (.float(let x), .float(let y)): return x == y
    default:
        guard let x = Arithmetic.number(a), let y = Arithmetic.number(b) else { return false }
        return Arithmetic.order(x, y) == 0
    }
}

/// `a == b`.
func valuesEqual(_ a: Value, _ b: Value, _ ctx: ExecutionContext) throws -> Bool {
    // Two objects of one exact builtin sequence type (`pair == (x, y)`, bytes, str): no subclass hooks to
    // ask, no chain of class casts.
    if case .object(let x) = a, case .object(let y) = b, x.tag == y.tag {
        switch x.tag {
        case .str: return PyStr.equal(unsafeDowncast(x, to: PyStr.self), unsafeDowncast(y, to: PyStr.self))
        case .bytes: return x === y || BytesLike.equal(unsafeDowncast(x, to: PyBytes.self).value, unsafeDowncast(y, to: PyBytes.self).value)
        case .tuple:
            if x === y { return true }
            return try sequencesEqual(unsafeDowncast(x, to: PyTuple.self).items, unsafeDowncast(y, to: PyTuple.self).items, ctx)
        default: break
        }
    }
    if let r = try BuiltinSubclasses.richCompare(.equal, a, b, ctx) { return r }
    return try valuesEqualNative(a, b, ctx)
}

/// `a == b` by the builtin types' own equality (`dict.__eq__(self, other)`).
func valuesEqualNative(_ a: Value, _ b: Value, _ ctx: ExecutionContext) throws -> Bool {
    if let e = ComplexMath.equal(a, b) { return e }
    guard case .object(let x) = a else {
        if case .object(let y as PyInstance) = b { return try userEqual(b, a, y, ctx) ?? false }
        if case .object(let y as PyBigInt) = b, let n = Arithmetic.number(a) { return Arithmetic.order(n, .int(y.value)) == 0 }
        return try valuesEqualScalar(a, b)
    }
    if x.tag == .instance {
        // By tag, before the switch below tests a dozen classes with `as` casts (deltablue's `c != determining`).
        let left = unsafeDowncast(x, to: PyInstance.self)
        guard case .object(let y) = b else { return try userEqual(a, b, left, ctx) ?? false }
        if y.tag == .instance, case let right = unsafeDowncast(y, to: PyInstance.self), right.type !== left.type {
            // object.c do_richcompare: a subclass's reflected `__eq__` first, else the left one, then the
            // right one; identity when both answer NotImplemented.
            let subclassFirst = right.type.isSubtype(of: left.type)
            if subclassFirst, let r = try userEqual(b, a, right, ctx) { return r }
            if let r = try userEqual(a, b, left, ctx) { return r }
            if !subclassFirst, let r = try userEqual(b, a, right, ctx) { return r }
            return x === y
        }
        if let r = try userEqual(a, b, left, ctx) { return r }
        return x === y
    }
    // A builtin object on the left answers NotImplemented for an instance: the instance's `__eq__` decides.
    if case .object(let y) = b, y.tag == .instance, x !== y, let r = try userEqual(b, a, unsafeDowncast(y, to: PyInstance.self), ctx) {
        return r
    }
    if case .object(let y) = b, x === y { return true }
    switch x {
    case let s as PyStr:
        if case .object(let t as PyStr) = b { return PyStr.equal(s, t) }
        return false
    case let s as PyList:
        guard case .object(let t as PyList) = b else { return false }
        return try sequencesEqual(s.items, t.items, ctx)
    case let s as PyTuple:
        guard case .object(let t as PyTuple) = b else { return false }
        return try sequencesEqual(s.items, t.items, ctx)
    case let s as PyDict:
        guard case .object(let t as PyDict) = b, s.count == t.count else { return false }
        for (k, v) in s.entries {
            guard let w = try t.get(k), try valuesEqual(v, w, ctx) else { return false }
        }
        return true
    case let v as PyDictView where v.mode == .keys:
        let keys = PySet()
        for k in v.dict.entries { try keys.add(k.key) }
        return try valuesEqual(.object(keys), b, ctx)
    case let s as PySet:
        if case .object(let v as PyDictView) = b, v.mode == .keys { return try valuesEqual(b, a, ctx) }
        guard case .object(let t as PySet) = b else { return false }
        return try s.compare(.equal, t, ctx)
    case let s as PyBigInt:
        if let n = Arithmetic.number(b) { return Arithmetic.order(.int(s.value), n) == 0 }
        return false
    case is PyBytes, is PyByteArray:
        guard let t = BytesLike.bytes(b) else { return false }
        return BytesLike.bytes(a)! == t
    case let s as PyArray:
        guard case .object(let t as PyArray) = b else { return false }
        return try sequencesEqual(s.items, t.items, ctx)
    case let s as PyRange:
        if case .object(let t as PyRange) = b { return s.start == t.start && s.stop == t.stop && s.step == t.step }
        return false
    case let m as PyBoundMethod:
        // Same function bound to the same object (Objects/classobject.c method_richcompare).
        guard case .object(let n as PyBoundMethod) = b else { return false }
        return try m.receiver.isIdentical(n.receiver) && valuesEqual(m.function, n.function, ctx)
    default:
        if case .object(let y) = b { return x === y }
        return false
    }
}

private func userEqual(_ a: Value, _ b: Value, _ inst: PyInstance, _ ctx: ExecutionContext) throws -> Bool? {
    guard let f = inst.type.special(.eq) else { return nil }
    let r = try Interpreter.callSpecial(f, a, b, ctx)
    if isNotImplemented(r) { return nil }
    return try truthy(r, ctx)
}

private func sequencesEqual(_ a: [Value], _ b: [Value], _ ctx: ExecutionContext) throws -> Bool {
    guard a.count == b.count else { return false }
    try ctx.checkNativeStack()  // nested lists compare recursively
    for i in 0..<a.count where !a[i].isIdentical(b[i]) {
        if try !valuesEqual(a[i], b[i], ctx) { return false }
    }
    return true
}

/// `a < b` etc. for ordering operators; Objects/object.c do_richcompare's error message.
func compareOrder(_ op: ComparisonOperator, _ a: Value, _ b: Value, _ ctx: ExecutionContext) throws -> Bool {
    if let r = plainOrder(op, a, b) { return r }
    // Two exact sets (`fp <= free` of frozensets): no subclass hooks to ask.
    if case .object(let x) = a, case .object(let y) = b, x.tag == .set, y.tag == .set {
        return try unsafeDowncast(x, to: PySet.self).compare(op, unsafeDowncast(y, to: PySet.self), ctx)
    }
    if let r = try BuiltinSubclasses.richCompare(op, a, b, ctx) { return r }
    return try compareOrderNative(op, a, b, ctx)
}

/// An ordering of two ints, two floats or two exact strs, which runs no Python code and cannot fail (min/max
/// over numbers); nil for any other pair.
@inline(__always)
func plainOrder(_ op: ComparisonOperator, _ a: Value, _ b: Value) -> Bool? {
    switch (a, b) {
    case (.int(let x), .int(let y)): return ordered(op, x < y ? -1 : (x == y ? 0 : 1))
    case (.float(let x), .float(let y)):
        if x.isNaN || y.isNaN { return false }
        return ordered(op, x < y ? -1 : (x == y ? 0 : 1))
    case (.object(let x), .object(let y)) where x.tag == .str && y.tag == .str:
        return ordered(op, PyStr.order(unsafeDowncast(x, to: PyStr.self), unsafeDowncast(y, to: PyStr.self)))
    default: return nil
    }
}

func compareOrderNative(_ op: ComparisonOperator, _ a: Value, _ b: Value, _ ctx: ExecutionContext) throws -> Bool {
    if let x = Arithmetic.number(a), let y = Arithmetic.number(b) {
        guard let c = Arithmetic.order(x, y) else { return false }  // NaN: every ordering is false
        return ordered(op, c)
    }
    switch (a, b) {
    case (.object(let x as PyStr), .object(let y as PyStr)):
        return ordered(op, PyStr.order(x, y))
    case (.object(let x), .object(let y)) where (x.tag == .bytes || x.tag == .byteArray) && (y.tag == .bytes || y.tag == .byteArray):
        let p = BytesLike.bytes(a)!, q = BytesLike.bytes(b)!
        return ordered(op, p.lexicographicallyPrecedes(q) ? -1 : (p == q ? 0 : 1))
    case (.object(let x as PyList), .object(let y as PyList)):
        return try ordered(op, sequenceCompare(x.items, y.items, ctx))
    case (.object(let x as PySet), .object(let y as PySet)):
        return try x.compare(op, y, ctx)
    case (.object(let x as PyArray), .object(let y as PyArray)):
        return try ordered(op, sequenceCompare(x.items, y.items, ctx))
    case (.object(let x as PyTuple), .object(let y as PyTuple)):
        return try ordered(op, sequenceCompare(x.items, y.items, ctx))
    default: break
    }
    let names: (SpecialSlot, SpecialSlot)? = switch op {
    case .less: (.lt, .gt)
    case .lessEqual: (.le, .ge)
    case .greater: (.gt, .lt)
    case .greaterEqual: (.ge, .le)
    default: nil
    }
    if let (name, reflected) = names {
        if case .object(let o) = a, o.tag == .instance, let f = unsafeDowncast(o, to: PyInstance.self).type.special(name) {
            let r = try Interpreter.callSpecial(f, a, b, ctx)
            if !isNotImplemented(r) { return try truthy(r, ctx) }
        }
        if case .object(let o) = b, o.tag == .instance, let f = unsafeDowncast(o, to: PyInstance.self).type.special(reflected) {
            let r = try Interpreter.callSpecial(f, b, a, ctx)
            if !isNotImplemented(r) { return try truthy(r, ctx) }
        }
    }
    throw PyException.make(.typeError, "'\(op.rawValue)' not supported between instances of '\(typeName(a))' and '\(typeName(b))'")
}

private func ordered(_ op: ComparisonOperator, _ c: Int) -> Bool {
    switch op {
    case .less: return c < 0
    case .lessEqual: return c <= 0
    case .greater: return c > 0
    default: return c >= 0
    }
}

private func sequenceCompare(_ a: [Value], _ b: [Value], _ ctx: ExecutionContext) throws -> Int {
    for i in 0..<min(a.count, b.count) where try !valuesEqual(a[i], b[i], ctx) {
        return try compareOrder(.less, a[i], b[i], ctx) ? -1 : 1
    }
    return a.count < b.count ? -1 : (a.count == b.count ? 0 : 1)
}

/// Any comparison operator, as the VM's `compare` instruction evaluates it.
func compare(_ op: ComparisonOperator, _ a: Value, _ b: Value, _ ctx: ExecutionContext) throws -> Bool {
    // A native type's own comparisons (Decimal): no special-method lookup, no argument array, no bool object.
    if case .object(let o) = a, o.tag == .instance, let hook = unsafeDowncast(o, to: PyInstance.self).type.nativeCompare,
       let r = try hook(op, a, b, ctx) {
        return r
    }
    switch op {
    case .equal: return try valuesEqual(a, b, ctx)
    case .notEqual:
        if let r = try BuiltinSubclasses.richCompare(.notEqual, a, b, ctx) { return r }
        if case .object(let x) = a, x.tag == .instance, let f = unsafeDowncast(x, to: PyInstance.self).type.special(.ne) {
            let r = try Interpreter.callSpecial(f, a, b, ctx)
            if !isNotImplemented(r) { return try truthy(r, ctx) }
        }
        return try !valuesEqual(a, b, ctx)
    case .less, .lessEqual, .greater, .greaterEqual: return try compareOrder(op, a, b, ctx)
    case .is: return a.isIdentical(b)
    case .isNot: return !a.isIdentical(b)
    case .in: return try contains(b, a, ctx)
    case .notIn: return try !contains(b, a, ctx)
    }
}

/// `item in container`.
func contains(_ container: Value, _ item: Value, _ ctx: ExecutionContext) throws -> Bool {
    if case .object(let o) = container, let f = SpecialMethods.hook(o, "__contains__") { return try truthy(try ctx.call(f, [container, item]), ctx) }
    return try containsNative(container, item, ctx)
}

func containsNative(_ container: Value, _ item: Value, _ ctx: ExecutionContext) throws -> Bool {
    if case .object(let o) = container {
        switch o {
        case let s as PyStr:
            guard case .object(let sub as PyStr) = item else {
                throw PyException.make(.typeError, "'in <string>' requires string as left operand, not \(typeName(item))")
            }
            return StrSearch.contains(s.value, sub.value)
        case let d as PyDict: return try d.get(item) != nil
        case is PyBytes, is PyByteArray:
            // Objects/bytesobject.c: an int is a byte value (0…255); bytes-like items are a sub-sequence.
            let hay = BytesLike.bytes(container)!
            let sub = try BytesMethods.needle(item, ctx)
            return BytesMethods.search(hay, sub, 0, hay.count) != nil
        case let v as PyDictView where v.mode == .keys: return try v.dict.get(item) != nil
        case let s as PySet: return try s.contains(item)
        case let l as PyList:
            for x in l.items where try x.isIdentical(item) || valuesEqual(x, item, ctx) { return true }
            return false
        case let t as PyTuple:
            for x in t.items where try x.isIdentical(item) || valuesEqual(x, item, ctx) { return true }
            return false
        case let a as PyArray:
            for x in a.items where try valuesEqual(x, item, ctx) { return true }
            return false
        case let r as PyBigRange:
            if let i = Arithmetic.number(item).flatMap(Arithmetic.big), typeOf(item).isSubtype(of: BuiltinTypes.int) { return r.contains(i) }
        case let r as PyRange:
            guard case .int(let i) = item else { break }
            if r.step > 0 ? (i < r.start || i >= r.stop) : (i > r.start || i <= r.stop) { return false }
            return (i - r.start) % r.step == 0
        case let i as PyInstance:
            if let f = i.type.special(.contains) { return try truthy(try ctx.call(f, [container, item]), ctx) }
        default: break
        }
    }
    let it = try makeIterator(container, ctx)
    while let x = try iteratorNext(it, ctx) {
        if try x.isIdentical(item) || valuesEqual(x, item, ctx) { return true }
    }
    return false
}

/// `hash(x)`.
func pyHash(_ v: Value) throws -> Int {
    var userEq = false
    return try HashKey.hash(v, userEq: &userEq)
}

/// `len(x)`.
func length(_ v: Value, _ ctx: ExecutionContext) throws -> Int {
    if case .object(let o) = v, let f = SpecialMethods.hook(o, "__len__") { return try lengthResult(try ctx.call(f, [v])) }
    return try lengthNative(v, ctx)
}

/// `len(x)` as the builtin type computes it (`list.__len__(self)`).
func lengthNative(_ v: Value, _ ctx: ExecutionContext) throws -> Int {
    if case .object(let o) = v {
        // The exact builtins by tag first, as `truthy` does: the cast chain below cost up to six failed
        // `as?` (~290 instructions for `len(data)` on bytes, every pure-Python unpickler read).
        switch o.tag {
        case .str: return unsafeDowncast(o, to: PyStr.self).count
        case .list: return unsafeDowncast(o, to: PyList.self).count
        case .tuple: return unsafeDowncast(o, to: PyTuple.self).items.count
        case .dict: return unsafeDowncast(o, to: PyDict.self).count
        case .bytes: return unsafeDowncast(o, to: PyBytes.self).value.count
        case .set: return unsafeDowncast(o, to: PySet.self).count
        default: break
        }
        // Subclass instances (tag `.subclassed`) and the rarer kinds.
        switch o {
        case let s as PyStr: return s.count
        case let l as PyList: return l.count
        case let t as PyTuple: return t.items.count
        case let d as PyDict: return d.count
        case let s as PySet: return s.count
        case let r as PyRange: return try r.length()
        case let r as PyBigRange: return try r.lengthAsInt()
        case let b as PyBytes: return b.value.count
        case let b as PyByteArray: return b.count
        case let a as PyArray: return a.count
        case let v as PyDictView: return v.dict.count
        case let i as PyInstance:
            if let f = i.type.special(.len), case .int(let n) = try Interpreter.callSpecial(f, v, ctx) { return n }
        default: break
        }
    }
    throw PyException.make(.typeError, "object of type '\(typeName(v))' has no len()")
}

/// `__len__`'s result as `len()` returns it (Objects/typeobject.c slot_sq_length).
func lengthResult(_ r: Value) throws -> Int {
    guard let n = indexValue(r) else {
        throw PyException.make(.typeError, "'\(typeName(r))' object cannot be interpreted as an integer")
    }
    if n < 0 { throw PyException.make(.valueError, "__len__() should return >= 0") }
    return n
}

/// An int index or nil when `v` is not an int.
func indexValue(_ v: Value) -> Int? {
    switch v {
    case .int(let i): return i
    case .bool(let b): return b ? 1 : 0
    case .object(let o) where o.tag == .subclassed: return (o as? SubclassedInt).flatMap { Int(exactly: $0.value) }
    default: return nil
    }
}

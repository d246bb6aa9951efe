/// Hashing of dict and set keys and `hash()` (Objects/object.c PyObject_Hash). Numbers, str, bytes,
/// tuples and frozensets hash as CPython's (`CPythonHash`; str and bytes by FNV-1a), a class's own
/// `__hash__` is called, other objects hash by identity.
enum HashKey {
    /// The hash of `key`, raising TypeError for unhashable ones. `userEq` becomes true when the key or an
    /// element of a tuple key has a class-defined `__hash__`: comparing it may then run `__eq__`
    /// (`(Fraction(1, 2), 3)` must find an equal tuple of other Fraction objects).
    static func hash(_ key: Value, userEq: inout Bool) throws -> Int {
        guard case .object(let o) = key else { return pythonHash(key) }
        switch o.tag {
        case .tuple: return try tupleHash(unsafeDowncast(o, to: PyTuple.self).items, userEq: &userEq)
        case .instance:
            let t = unsafeDowncast(o, to: PyInstance.self).type
            guard let f = t.special(.hash), let ctx = CurrentContext.get() else { return objectHash(o) }
            if f.isNone { throw unhashable(t.name) }
            userEq = true
            return try userResult(try Interpreter.callSpecial(f, key, ctx))
        case .subclassed:
            if let h = try BuiltinSubclasses.userHash(o, key) {
                userEq = true
                return h
            }
            if let t = BuiltinSubclasses.tuple(o) { return try tupleHash(t.items, userEq: &userEq) }
            return BuiltinSubclasses.pythonHash(o)
        case .set where !unsafeDowncast(o, to: PySet.self).frozen: throw unhashable("set")
        case .list, .dict, .byteArray, .array, .slice:  // slices are unhashable before 3.12
            throw unhashable(o.tag == .array ? "array.array" : typeName(key))
        default: return pythonHash(key)
        }
    }

    /// tuplehash: the items' hashes (user `__hash__` included) through CPython's xxHash-based accumulator.
    static func tupleHash(_ items: [Value], userEq: inout Bool) throws -> Int {
        try items.withUnsafeBufferPointer { items in
            var acc = CPythonHash.TupleHasher()
            for item in items { acc.combine(try hash(item, userEq: &userEq)) }
            return acc.finish(count: items.count)
        }
    }

    /// A `__hash__` method's result as the hash (slot_tp_hash): an int, -1 made -2, a big int reduced as
    /// int's own hash.
    static func userResult(_ r: Value) throws -> Int {
        switch r {
        case .int(let h): return h == -1 ? -2 : h
        case .bool(let b): return b ? 1 : 0
        case .object(let b as PyBigInt): return CPythonHash.big(b.value)
        default: throw PyException.make(.typeError, "__hash__ method should return an integer")
        }
    }

    static func unhashable(_ typeName: String) -> PyException {
        PyException.make(.typeError, "unhashable type: '\(typeName)'")
    }

    /// The hash of a value that has no elements and runs no Python code to hash (`hash` handles tuples,
    /// instances and subclass instances first): CPython's own for numbers and frozensets (`CPythonHash`),
    /// FNV-1a for str and bytes, identity for the rest.
    static func pythonHash(_ v: Value) -> Int {
        switch v {
        case .none: return 0x2545_F491
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return CPythonHash.int(i)
        case .float(let d): return CPythonHash.double(d) ?? 0  // NaN: CPython hashes its object identity
        case .object(let o):
            switch o.tag {
            case .str: return unsafeDowncast(o, to: PyStr.self).hash
            case .bytes: return unsafeDowncast(o, to: PyBytes.self).hash
            case .bigint: return CPythonHash.big(unsafeDowncast(o, to: PyBigInt.self).value)
            case .complex: return ComplexMath.keyHash(unsafeDowncast(o, to: PyComplex.self))
            case .set: return unsafeDowncast(o, to: PySet.self).frozenHash
            default: return objectHash(o)
            }
        }
    }

    @inline(__always)
    static func bytesHash<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
        if let h = bytes.withContiguousStorageIfAvailable({ fnv($0) }) { return h }
        return fnv(bytes)
    }

    @inline(__always)
    static func fnv<S: Sequence>(_ bytes: S) -> Int where S.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h)
    }
}

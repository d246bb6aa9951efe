/// The hash `PyDict`'s index buckets by, replacing Swift's per-call SipHash (`Hasher` seeding and
/// finalising were ~12 % of a dict-heavy loop). Like CPython (Objects/longobject.c long_hash,
/// Objects/unicodeobject.c, Objects/tupleobject.c tuplehash) equal keys hash alike across int, float and
/// bool; str hashes its UTF-8 with FNV-1a; the result is scrambled with SplitMix64's finaliser and the
/// dictionary's own seed, because Swift's `Dictionary` takes the low bits as the bucket.
extension HashKey {
    func _rawHashValue(seed: Int) -> Int {
        Self.scramble(userHash ?? Self.pythonHash(value), seed: seed)
    }

    /// The hash Python code sees (`hash(x)`): CPython's own for numbers, tuples and frozensets
    /// (`CPythonHash`), FNV-1a for str and bytes, identity for the rest.
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
            case .subclassed: return BuiltinSubclasses.pythonHash(o)
            case .complex: return ComplexMath.keyHash(unsafeDowncast(o, to: PyComplex.self))
            case .tuple:
                return unsafeDowncast(o, to: PyTuple.self).items.withUnsafeBufferPointer { items in
                    var acc = CPythonHash.TupleHasher()
                    for item in items { acc.combine(pythonHash(item)) }
                    return acc.finish(count: items.count)
                }
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

    @inline(__always)
    static func scramble(_ h: Int, seed: Int) -> Int {
        var x = UInt64(truncatingIfNeeded: h ^ seed)
        x = (x ^ (x >> 30)) &* 0xbf58_476d_1ce4_e5b9
        x = (x ^ (x >> 27)) &* 0x94d0_49bb_1331_11eb
        return Int(truncatingIfNeeded: x ^ (x >> 31))
    }
}

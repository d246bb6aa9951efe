import BigInt
import Foundation

/// CPython's numeric hashes (Python/pyhash.c `_Py_HashDouble`, Objects/longobject.c long_hash,
/// Objects/tupleobject.c tuplehash): reduction modulo the Mersenne prime 2**61 - 1 so that equal numbers hash
/// alike across int, float and bool, and -1 becomes -2. `hash()` answers with these, and `random.seed(x)` of a
/// float seeds from them, so seeded sequences match CPython's.
enum CPythonHash {
    static let bits = 61
    static let modulus: UInt64 = (1 << 61) - 1
    static let infinity = 314_159

    static func int(_ i: Int) -> Int {
        if i == -1 { return -2 }
        if i > -Int(modulus) && i < Int(modulus) { return i }
        let r = Int(UInt64(i.magnitude) % modulus)
        let h = i < 0 ? -r : r
        return h == -1 ? -2 : h
    }

    static func big(_ b: BigInt) -> Int {
        let r = Int(b.magnitude % BigUInt(modulus))
        let h = b.sign == .minus ? -r : r
        return h == -1 ? -2 : h
    }

    /// nil for NaN, whose hash is its object's identity in CPython 3.10+.
    static func double(_ v: Double) -> Int? {
        if v.isNaN { return nil }
        if v.isInfinite { return v > 0 ? infinity : -infinity }
        var e32: Int32 = 0
        var m = frexp(v, &e32)
        var e = Int(e32)
        var sign: Int64 = 1
        if m < 0 {
            sign = -1
            m = -m
        }
        var x: UInt64 = 0
        while m != 0 {
            x = ((x << 28) & modulus) | x >> UInt64(bits - 28)
            m *= 268_435_456.0
            e -= 28
            let y = UInt64(m)
            m -= Double(y)
            x += y
            if x >= modulus { x -= modulus }
        }
        e = e >= 0 ? e % bits : bits - 1 - ((-1 - e) % bits)
        x = ((x << UInt64(e)) & modulus) | x >> UInt64(bits - e)
        let h = Int64(bitPattern: x) &* sign
        return h == -1 ? -2 : Int(h)
    }

    /// tuplehash's accumulator, fed one item hash at a time (hashing a tuple key builds no array of hashes).
    struct TupleHasher {
        static let prime1: UInt64 = 11_400_714_785_074_694_791
        static let prime2: UInt64 = 14_029_467_366_897_019_727
        static let prime5: UInt64 = 2_870_177_450_012_600_261
        private var acc = prime5

        @inline(__always)
        mutating func combine(_ h: Int) {
            acc &+= UInt64(bitPattern: Int64(h)) &* Self.prime2
            acc = (acc << 31) | (acc >> 33)
            acc &*= Self.prime1
        }

        @inline(__always)
        func finish(count: Int) -> Int {
            let a = acc &+ (UInt64(count) ^ (Self.prime5 ^ 3_527_539))
            if a == UInt64.max { return 1_546_275_796 }
            return Int(Int64(bitPattern: a))
        }
    }
}

extension CPythonHash {
    @inline(__always)
    static func shuffle(_ h: UInt64) -> UInt64 {
        ((h ^ 89_869_747) ^ (h << 16)) &* 3_644_798_167
    }

    /// Objects/setobject.c `frozenset_hash` from the hashes of the live elements (XOR is order-independent;
    /// CPython's corrections for NULL and dummy slots cancel out of the same formula).
    static func frozenset<S: Sequence>(_ elementHashes: S, count: Int) -> Int where S.Element == Int {
        var hash: UInt64 = 0
        for h in elementHashes { hash ^= shuffle(UInt64(bitPattern: Int64(h))) }
        hash ^= (UInt64(count) &+ 1) &* 1_927_868_237
        hash ^= (hash >> 11) ^ (hash >> 25)
        hash = hash &* 69069 &+ 907_133_923
        if hash == UInt64.max { hash = 590_923_713 }
        return Int(bitPattern: UInt(hash))
    }
}

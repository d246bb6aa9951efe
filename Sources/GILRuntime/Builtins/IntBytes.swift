import BigInt

/// `int.to_bytes` and `int.from_bytes` (Objects/longobject.c int_to_bytes_impl / int_from_bytes_impl):
/// byte order, two's complement when `signed`, CPython's errors — and no trap for a huge or negative length.
enum IntBytes {
    static func install(_ int: PyType) {
        BuiltinMethods.method(int, "to_bytes", 1) { a, kw, ctx in
            if kw.isEmpty, let fast = try machineToBytes(a) { return fast }
            let args = try Arguments(a, kw, names: ["self", "length", "byteorder"], keywordOnly: ["signed"], function: "to_bytes")
            guard let n = Arithmetic.number(a[0]).flatMap(Arithmetic.big) else { return .none }
            let length = try args.value(1).map { try Index.value($0, ctx) } ?? 1
            let littleEndian = try byteOrder(args.value(2))
            let signed = try args.value(3).map { try truthy($0, ctx) } ?? false
            if length < 0 { throw PyException.make(.valueError, "length argument must be non-negative") }
            return .object(PyBytes(try bytes(n, length: length, littleEndian: littleEndian, signed: signed, ctx)))
        }
        // A classmethod in CPython; called on the type, args[0] is the bytes.
        BuiltinMethods.method(int, "from_bytes", 1) { a, kw, ctx in
            if kw.isEmpty, let fast = try machineFromBytes(a) { return fast }
            let args = try Arguments(a, kw, names: ["bytes", "byteorder"], keywordOnly: ["signed"], function: "from_bytes")
            let source = args.value(0) ?? .none
            var raw: [UInt8]
            if case .object(let b as PyBytes) = source { raw = b.value } else if case .object(let o) = source, o is PyStr {
                throw PyException.make(.typeError, "cannot convert '\(typeName(source))' object to bytes")  // PyObject_Bytes
            } else {
                raw = try collect(source, ctx).map { x in
                    guard case .int(let i) = x, (0...255).contains(i) else { throw PyException.make(.valueError, "bytes must be in range(0, 256)") }
                    return UInt8(i)
                }
            }
            if !(try byteOrder(args.value(1))) { raw.reverse() }
            let signed = try args.value(2).map { try truthy($0, ctx) } ?? false
            return .integer(value(littleEndian: raw, signed: signed))
        }
    }

    /// `n.to_bytes(length=1, byteorder="big")` of a non-negative machine int, positional arguments only
    /// (base64's b32/a85 decoders call it per group): no argument binder and no BigInt. Nil: the general path.
    private static func machineToBytes(_ a: [Value]) throws -> Value? {
        guard a.count <= 3, case .int(let n) = a[0], n >= 0 else { return nil }
        var length = 1
        if a.count > 1 {
            guard case .int(let l) = a[1], l >= 0, l <= 4096 else { return nil }
            length = l
        }
        let littleEndian = a.count > 2 ? try byteOrder(a[2]) : false
        if length < 8 && n >> (8 * length) != 0 { throw PyException.make(.overflowError, "int too big to convert") }
        var out = [UInt8](repeating: 0, count: length)
        var w = UInt(n)
        for k in 0..<min(length, 8) {
            out[littleEndian ? k : length - 1 - k] = UInt8(truncatingIfNeeded: w)
            w >>= 8
        }
        return .object(PyBytes(out))
    }

    /// `int.from_bytes(b, byteorder="big")` of exact bytes of at most 7 bytes, positional arguments only
    /// (base64's b32 encoder reads 5-byte groups): a machine int without BigInt. Nil: the general path.
    private static func machineFromBytes(_ a: [Value]) throws -> Value? {
        guard a.count == 1 || a.count == 2, case .object(let o) = a[0], o.tag == .bytes else { return nil }
        let raw = unsafeDowncast(o, to: PyBytes.self).value
        guard raw.count <= 7 else { return nil }
        let littleEndian = a.count > 1 ? try byteOrder(a[1]) : false
        var n = 0
        for k in 0..<raw.count { n = n << 8 | Int(raw[littleEndian ? raw.count - 1 - k : k]) }
        return .int(n)
    }

    /// True for "little"; "big" is the default.
    static func byteOrder(_ v: Value?) throws -> Bool {
        guard let v else { return false }
        guard case .object(let s as PyStr) = v else {
            throw PyException.make(.typeError, "to_bytes() argument 'byteorder' must be str, not \(typeName(v))")
        }
        switch s.value {
        case "little": return true
        case "big": return false
        default: throw PyException.make(.valueError, "byteorder must be either 'little' or 'big'")
        }
    }

    static func bytes(_ n: BigInt, length: Int, littleEndian: Bool, signed: Bool, _ ctx: ExecutionContext) throws -> [UInt8] {
        if n.sign == .minus && !n.isZero && !signed {
            throw PyException.make(.overflowError, "can't convert negative int to unsigned")
        }
        // Bits the value needs, sign bit included when signed.
        let magnitudeBits = n.magnitude.bitWidth
        var needed = magnitudeBits
        if signed {
            // -2**(k-1) fits k bits exactly; other negatives and all positives need one more for the sign.
            let isNegativePowerOfTwo = n.sign == .minus && n.magnitude.trailingZeroBitCount == magnitudeBits - 1
            needed = n.isZero ? 0 : magnitudeBits + (isNegativePowerOfTwo ? 0 : 1)
        }
        let capacityBits = length > Int.max / 8 ? Int.max : length * 8
        if needed > capacityBits {
            throw PyException.make(.overflowError, "int too big to convert")
        }
        try AllocationLimit.checkBytes(length, ctx)
        var out = [UInt8](repeating: n.sign == .minus && !n.isZero ? 0xFF : 0, count: length)
        // Two's complement of a negative: the bytes of 2**(8*length) + n, computed word by word as ~(|n| - 1).
        let source = n.sign == .minus && !n.isZero ? n.magnitude - 1 : n.magnitude
        var k = 0
        for word in source.words {
            var w = word
            for _ in 0..<(UInt.bitWidth / 8) where k < length {
                let byte = UInt8(truncatingIfNeeded: w)
                out[k] = n.sign == .minus && !n.isZero ? ~byte : byte
                w >>= 8
                k += 1
            }
        }
        if !littleEndian { out.reverse() }
        return out
    }

    static func value(littleEndian raw: [UInt8], signed: Bool) -> BigInt {
        var words: [UInt] = []
        words.reserveCapacity(raw.count / 8 + 1)
        var k = 0
        while k < raw.count {
            var w: UInt = 0
            for j in 0..<min(8, raw.count - k) { w |= UInt(raw[k + j]) << (8 * j) }
            words.append(w)
            k += 8
        }
        var n = BigInt(BigUInt(words: words))
        if signed, let last = raw.last, last & 0x80 != 0 { n -= BigInt(1) << (8 * raw.count) }
        return n
    }
}

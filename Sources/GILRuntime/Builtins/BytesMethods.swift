#if canImport(Glibc)
import Glibc
#endif

/// The methods `bytes` and `bytearray` share (Objects/bytes_methods.c, Objects/bytesobject.c): each reads its
/// receiver as bytes and answers with the receiver's own kind (a bytearray method returns a bytearray).
/// Character classes and case mappings are ASCII-only, as in CPython.
enum BytesMethods {
    static func install(_ t: PyType) {
        installSearch(t)
        installTransforms(t)
        installSplitting(t)
        installPredicates(t)
        let isArray = t === BuiltinTypes.bytearray
        let fromhex = PyBuiltinFunction("fromhex", minimumArguments: 2) { a, _, _ in
            guard case .object(let s as PyStr) = a[1] else { throw PyException.make(.typeError, "fromhex() argument must be str, not \(typeName(a[1]))") }
            let b = try BytesConstructors.fromHex(s.value)
            return isArray ? .object(PyByteArray(b)) : .object(PyBytes(b))
        }
        t.dict["fromhex"] = .object(PyMethodWrapper(.classMethod, .object(fromhex)))
        let maketrans = PyBuiltinFunction("maketrans", minimumArguments: 2) { a, _, _ in
            let from = try BytesLike.required(a[0]), to = try BytesLike.required(a[1])
            if from.count != to.count { throw PyException.make(.valueError, "maketrans arguments must have same length") }
            var table = (0...255).map { UInt8($0) }
            for (f, x) in zip(from, to) { table[Int(f)] = x }
            return .object(PyBytes(table))
        }
        t.dict["maketrans"] = .object(PyMethodWrapper(.staticMethod, .object(maketrans)))
        BuiltinMethods.method(t, "decode", 1) { a, kw, ctx in
            let args = try Arguments(a.dropFirst(), kw, names: ["encoding", "errors"], function: "decode")
            return .str(try Codecs.decode(try own(a), encoding: try text(args.value(0), "decode() argument 'encoding'") ?? "utf-8",
                                          errors: try text(args.value(1), "decode() argument 'errors'") ?? "strict", ctx))
        }
        BuiltinMethods.method(t, "hex", 1) { a, kw, ctx in
            let args = try Arguments(a.dropFirst(), kw, names: ["sep", "bytes_per_sep"], function: "hex")
            return .str(try hex(try own(a), sep: args.value(0), perSep: args.value(1), ctx))
        }
        BuiltinMethods.method(t, "__len__", 1) { a, _, _ in .int(try own(a).count) }
        BuiltinMethods.method(t, "__bytes__", 1) { a, _, _ in .object(PyBytes(try own(a))) }
        BuiltinMethods.method(t, "__getnewargs__", 1) { a, _, _ in .object(PyTuple([.object(PyBytes(try own(a)))])) }
    }

    // MARK: - Helpers

    /// The receiver's bytes.
    static func own(_ a: [Value]) throws -> [UInt8] {
        guard let b = BytesLike.bytes(a[0]) else { throw PyException.make(.typeError, "descriptor requires a 'bytes' object") }
        return b
    }

    static func text(_ v: Value?, _ what: String) throws -> String? {
        guard let v else { return nil }
        guard case .object(let s as PyStr) = v else { throw PyException.make(.typeError, "\(what) must be str, not \(typeName(v))") }
        return s.value
    }

    /// A sub-sequence argument of count/find/index: bytes-like, or an int meaning one byte.
    static func needle(_ v: Value, _ ctx: ExecutionContext) throws -> [UInt8] {
        if let b = BytesLike.bytes(v) { return b }
        if let i = try Index.integer(v, ctx) {
            guard case .int(let n) = i, (0...255).contains(n) else { throw PyException.make(.valueError, "byte must be in range(0, 256)") }
            return [UInt8(n)]
        }
        throw PyException.make(.typeError, "argument should be integer or bytes-like object, not '\(typeName(v))'")
    }

    /// ADJUST_INDICES of Objects/stringlib: `start`/`end` arguments (None = default) clamped to the length.
    static func range(_ a: [Value], from k: Int, count: Int, _ ctx: ExecutionContext) throws -> (Int, Int) {
        func bound(_ i: Int) throws -> Int? {
            guard i < a.count, !a[i].isNone else { return nil }
            guard let v = try Index.clamped(a[i], ctx) else {
                throw PyException.make(.typeError, "slice indices must be integers or None or have an __index__ method")
            }
            return v
        }
        var start = try bound(k) ?? 0, end = try bound(k + 1) ?? count
        if end > count { end = count } else if end < 0 { end = max(end + count, 0) }
        if start < 0 { start = max(start + count, 0) }
        return (start, end)
    }

    /// First index of `needle` in `hay[start..<end]` (or last, when `reverse`), or nil.
    static func search(_ hay: [UInt8], _ needle: [UInt8], _ start: Int, _ end: Int, reverse: Bool = false) -> Int? {
        if start > end || end - start < needle.count { return needle.isEmpty && start <= end ? (reverse ? end : start) : nil }
        if needle.isEmpty { return reverse ? end : start }
        let last = end - needle.count
        // vm: candidates found with memchr (as stringlib's fastsearch does for the first byte); the positions
        // were materialized as an array first, `Array(start...last)` per call (pyflate's `F.find(bytes([i]))`
        // over a 900 KB block, 256 times per block).
        return hay.withUnsafeBufferPointer { h -> Int? in
            needle.withUnsafeBufferPointer { n -> Int? in
                guard let base = h.baseAddress, let pattern = n.baseAddress else { return nil }
                let first = n[0]
                if reverse {
                    var i = last
                    while i >= start {
                        if base[i] == first && memcmp(base + i, pattern, n.count) == 0 { return i }
                        i -= 1
                    }
                    return nil
                }
                var i = start
                while i <= last {
                    guard let found = memchr(base + i, Int32(first), last - i + 1) else { return nil }
                    i = Int(bitPattern: found) - Int(bitPattern: base)
                    if memcmp(base + i, pattern, n.count) == 0 { return i }
                    i += 1
                }
                return nil
            }
        }
    }

    static func hex(_ b: [UInt8], sep: Value?, perSep: Value?, _ ctx: ExecutionContext) throws -> String {
        let digits = Array("0123456789abcdef".utf8)
        var separator: UInt8?
        if let sep, !sep.isNone {
            let s: [UInt8]
            if case .object(let str as PyStr) = sep { s = Array(str.value.utf8) } else { s = try BytesLike.required(sep) }
            guard s.count == 1, s[0] < 0x80 else { throw PyException.make(.valueError, "sep must be length 1.") }
            separator = s[0]
        }
        let group = try perSep.map { try Index.cInt($0, ctx) } ?? 1
        var out: [UInt8] = []
        out.reserveCapacity(b.count * 3)
        for (i, byte) in b.enumerated() {
            if let separator, group != 0, i > 0 {
                // Groups count from the right for a positive bytes_per_sep, from the left for a negative one.
                let boundary = group > 0 ? (b.count - i) % group == 0 : i % (-group) == 0
                if boundary { out.append(separator) }
            }
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func isSpace(_ c: UInt8) -> Bool { c == 32 || (9...13).contains(c) }
    static func isLower(_ c: UInt8) -> Bool { (97...122).contains(c) }
    static func isUpper(_ c: UInt8) -> Bool { (65...90).contains(c) }
    static func isAlpha(_ c: UInt8) -> Bool { isLower(c) || isUpper(c) }
    static func isDigit(_ c: UInt8) -> Bool { (48...57).contains(c) }
    static func upper(_ c: UInt8) -> UInt8 { isLower(c) ? c - 32 : c }
    static func lower(_ c: UInt8) -> UInt8 { isUpper(c) ? c + 32 : c }

    // MARK: - Predicates

    static func installPredicates(_ t: PyType) {
        let classes: [(String, (UInt8) -> Bool)] = [
            ("isalnum", { isAlpha($0) || isDigit($0) }), ("isalpha", isAlpha), ("isdigit", isDigit), ("isspace", isSpace),
        ]
        for (name, test) in classes {
            BuiltinMethods.method(t, name, 1) { a, _, _ in
                let b = try own(a)
                return .bool(!b.isEmpty && b.allSatisfy(test))
            }
        }
        BuiltinMethods.method(t, "isascii", 1) { a, _, _ in .bool(try own(a).allSatisfy { $0 < 0x80 }) }
        BuiltinMethods.method(t, "islower", 1) { a, _, _ in
            let b = try own(a)
            return .bool(b.contains(where: isLower) && !b.contains(where: isUpper))
        }
        BuiltinMethods.method(t, "isupper", 1) { a, _, _ in
            let b = try own(a)
            return .bool(b.contains(where: isUpper) && !b.contains(where: isLower))
        }
        BuiltinMethods.method(t, "istitle", 1) { a, _, _ in
            var cased = false, previousCased = false
            for c in try own(a) {
                if isUpper(c) {
                    if previousCased { return .bool(false) }
                    previousCased = true
                    cased = true
                } else if isLower(c) {
                    if !previousCased { return .bool(false) }
                    previousCased = true
                    cased = true
                } else {
                    previousCased = false
                }
            }
            return .bool(cased)
        }
    }
}

import BigInt
import Foundation

/// The less common methods of str, bytes, int, float and set (Objects/unicodeobject.c, bytesobject.c,
/// longobject.c, floatobject.c, setobject.c), kept apart from the everyday ones in BuiltinMethods.swift.
extension BuiltinMethods {
    /// Adds a method whose body may index `args[0 ..< minimum]` without checking.
    static func method(_ t: PyType, _ name: String, _ minimum: Int, _ body: @escaping NativeFunction) {
        t.dict[name] = .object(PyBuiltinFunction(name, minimumArguments: minimum, arity: BuiltinArity.methods["\(t.name).\(name)"], body))
    }

    static func installMore(str: PyType, bytes: PyType, int: PyType, float: PyType, set: PyType) {
        // dict.fromkeys(iterable, value=None): called on the type, so args[0] is the iterable.
        method(BuiltinTypes.dict, "fromkeys", 1) { a, _, ctx in
            let d = PyDict()
            for k in try collect(a[0], ctx) { try d.set(k, a.count > 1 ? a[1] : .none) }
            return .object(d)
        }
        installMoreStr(str)
        BytesMethods.install(bytes)
        BytesMethods.install(BuiltinTypes.bytearray)
        ByteArrayMethods.install(BuiltinTypes.bytearray)
        installMoreNumbers(int: int, float: float)
        method(BuiltinTypes.iterator, "__next__", 1) { a, _, ctx in
            if let x = try iteratorNext(a[0], ctx) { return x }
            throw PyException.make(.stopIteration)
        }
        method(BuiltinTypes.iterator, "__iter__", 1) { a, _, _ in a[0] }
    }

    /// `s[start:end]` bounds of the optional `start, end` arguments at `a[first]`, `a[first + 1]`
    /// (slice rules: None, negative, clamped), in code points.
    static func window(_ a: [Value], from first: Int, length n: Int) -> (Int, Int) {
        func bound(_ v: Value?, _ def: Int, clamp: Bool) -> Int {
            guard let v, !v.isNone, let i = indexValue(v) else { return def }
            return i < 0 ? max(0, i + n) : (clamp ? min(i, n) : i)
        }
        // A start past the end stays past it: "abc".find("", 5) is -1.
        return (bound(arg(a, first), 0, clamp: false), bound(arg(a, first + 1), n, clamp: true))
    }

    /// Index of `sub` in `s[start..<end]` (code points), first or last occurrence.
    static func scalarFind(_ s: [Unicode.Scalar], _ sub: [Unicode.Scalar], _ start: Int, _ end: Int, last: Bool) -> Int? {
        guard start <= end, end - start >= sub.count else { return nil }
        let positions = Array(start ... end - sub.count)
        for i in last ? positions.reversed() : positions where s[i ..< i + sub.count].elementsEqual(sub) { return i }
        return nil
    }

    /// find/rfind/index/rindex/count/startswith/endswith with CPython's optional `start, end`.
    static func installSearch(_ t: PyType) {
        func parts(_ a: [Value], _ name: String) throws -> ([Unicode.Scalar], [Unicode.Scalar], Int, Int) {
            let s = Array(selfStr(a).unicodeScalars)
            let sub = Array((try string(a[1], name) ?? "").unicodeScalars)
            let (start, end) = window(a, from: 2, length: s.count)
            return (s, sub, start, end)
        }
        for (name, last, raises) in [("find", false, false), ("rfind", true, false), ("index", false, true), ("rindex", true, true)] {
            method(t, name, 2) { a, _, _ in
                let (s, sub, start, end) = try parts(a, name)
                if let i = scalarFind(s, sub, start, end, last: last) { return .int(i) }
                if raises { throw PyException.make(.valueError, "substring not found") }
                return .int(-1)
            }
        }
        method(t, "count", 2) { a, _, _ in
            let (s, sub, start, end) = try parts(a, "count")
            if start > end { return .int(0) }
            if sub.isEmpty { return .int(end - start + 1) }
            var n = 0
            var i = start
            while let k = scalarFind(s, sub, i, end, last: false) {
                n += 1
                i = k + sub.count
            }
            return .int(n)
        }
        for (name, atEnd) in [("startswith", false), ("endswith", true)] {
            method(t, name, 2) { a, _, _ in
                // One str affix and no window (typing's `attr.startswith("_abc_")`): compare UTF-8 bytes, which
                // agree with code points for a prefix or suffix, instead of making arrays of both strings' scalars.
                if a.count == 2, case .object(let p as PyStr) = a[1] {
                    let s = selfStr(a).utf8, affix = p.value.utf8
                    guard affix.count <= s.count else { return .bool(false) }
                    return .bool(atEnd ? s.suffix(affix.count).elementsEqual(affix) : s.starts(with: affix))
                }
                let s = Array(selfStr(a).unicodeScalars)
                let (start, end) = window(a, from: 2, length: s.count)
                var candidates: [Value] = [a[1]]
                if case .object(let tu as PyTuple) = a[1] { candidates = tu.items }
                for c in candidates {
                    guard case .object(let p as PyStr) = c else {
                        throw PyException.make(.typeError, "\(name) first arg must be str or a tuple of str, not \(typeName(c))")
                    }
                    let affix = Array(p.value.unicodeScalars)
                    guard start <= end, end - start >= affix.count else { continue }
                    let from = atEnd ? end - affix.count : start
                    if s[from ..< from + affix.count].elementsEqual(affix) { return .bool(true) }
                }
                return .bool(false)
            }
        }
    }

    static func installMoreStr(_ t: PyType) {
        installSearch(t)
        method(t, "rpartition", 2) { a, _, _ in
            let s = selfStr(a), sep = try string(a[1], "rpartition") ?? ""
            if sep.isEmpty { throw PyException.make(.valueError, "empty separator") }
            guard let r = s.range(of: sep, options: .backwards) else { return .object(PyTuple([.str(""), .str(""), .str(s)])) }
            return .object(PyTuple([.str(String(s[..<r.lowerBound])), .str(sep), .str(String(s[r.upperBound...]))]))
        }
        method(t, "isprintable", 1) { a, _, _ in
            .bool(selfStr(a).unicodeScalars.allSatisfy(isPrintableScalar))
        }
        method(t, "isascii", 1) { a, _, _ in .bool(selfStr(a).unicodeScalars.allSatisfy(\.isASCII)) }
        method(t, "isidentifier", 1) { a, _, _ in
            let s = selfStr(a)
            guard let first = s.first, first == "_" || first.isLetter else { return .bool(false) }
            return .bool(s.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber })
        }
        method(t, "istitle", 1) { a, _, _ in
            var previousCased = false
            var sawCased = false
            for c in selfStr(a) {
                if c.isUppercase {
                    if previousCased { return .bool(false) }
                    previousCased = true
                    sawCased = true
                } else if c.isLowercase {
                    if !previousCased { return .bool(false) }
                    previousCased = true
                    sawCased = true
                } else {
                    previousCased = false
                }
            }
            return .bool(sawCased)
        }
        method(t, "format_map", 2) { a, _, ctx in
            guard let format = t.lookup("format") else { return .none }
            var kwargs: [(String, Value)] = []
            if case .object(let d as PyDict) = a[1] {
                for (k, v) in d.entries { if case .object(let s as PyStr) = k { kwargs.append((s.value, v)) } }
            }
            return try ctx.call(format, [a[0]], kwargs: kwargs)
        }
    }

    static func selfBytes(_ a: [Value]) throws -> [UInt8] {
        guard case .object(let b as PyBytes) = a[0] else { throw PyException.make(.typeError, "descriptor requires a 'bytes' object") }
        return b.value
    }

    static func bytesArgument(_ v: Value, _ what: String) throws -> [UInt8] {
        guard case .object(let b as PyBytes) = v else {
            throw PyException.make(.typeError, "a bytes-like object is required, not '\(typeName(v))'")
        }
        return b.value
    }


    static func installMoreNumbers(int: PyType, float: PyType) {
        method(int, "bit_length", 1) { a, _, _ in
            guard let n = Arithmetic.number(a[0]).flatMap(Arithmetic.big), n != 0 else { return .int(0) }
            return .int(String(n.magnitude, radix: 2).count)
        }
        IntBytes.install(int)
        // Both answer an exact int (`True.conjugate()` is 1, `True.as_integer_ratio()` `(1, 1)`): long.c's _PyLong_Copy.
        func exactInt(_ v: Value) -> Value {
            if case .int = v { return v }
            return Arithmetic.number(v).flatMap(Arithmetic.big).map(Value.integer) ?? v
        }
        method(int, "as_integer_ratio", 1) { a, _, _ in .object(PyTuple([exactInt(a[0]), .int(1)])) }
        method(int, "conjugate", 1) { a, _, _ in exactInt(a[0]) }
        method(float, "as_integer_ratio", 1) { a, _, _ in
            guard case .float(let d) = a[0] else { return .none }
            if d.isNaN { throw PyException.make(.valueError, "cannot convert NaN to integer ratio") }
            if d.isInfinite { throw PyException.make(.overflowError, "cannot convert Infinity to integer ratio") }
            // ±0.0 has no exponent to read (`Double.exponent` is Int.min: subtracting from it trapped).
            if d == 0 { return .object(PyTuple([.int(0), .int(1)])) }
            // d = significand × 2^exponent exactly; reduce by the common power of two.
            var numerator = BigInt(d.significandBitPattern | (d.isNormal ? 1 << 52 : 0))
            var exponent = Int(d.exponent) - 52
            if !d.isNormal { exponent = -1074 }
            if d < 0 { numerator = -numerator }
            while exponent < 0, numerator != 0, numerator & 1 == 0 {
                numerator >>= 1
                exponent += 1
            }
            if numerator == 0 { return .object(PyTuple([.int(0), .int(1)])) }
            if exponent >= 0 { return .object(PyTuple([.integer(numerator << exponent), .int(1)])) }
            return .object(PyTuple([.integer(numerator), .integer(BigInt(1) << -exponent)]))
        }
        method(float, "conjugate", 1) { a, _, _ in a[0] }
        // float_hex: `0x1.<13 hex digits>p±e`, subnormals as `0x0.<digits>p-1022`.
        method(float, "hex", 1) { a, _, _ in
            guard case .float(let d) = a[0] else { return .none }
            if d.isNaN { return .str("nan") }
            if d.isInfinite { return .str(d < 0 ? "-inf" : "inf") }
            let sign = d.sign == .minus ? "-" : ""
            if d == 0 { return .str(sign + "0x0.0p+0") }
            let digits = String(d.significandBitPattern, radix: 16).leftPadded(to: 13, with: "0")
            let exponent = d.isNormal ? Int(d.exponent) : -1022
            return .str("\(sign)0x\(d.isNormal ? 1 : 0).\(digits)p\(exponent < 0 ? "-" : "+")\(abs(exponent))")
        }
    }

}

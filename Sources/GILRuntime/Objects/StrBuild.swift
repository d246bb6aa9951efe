/// Building new strs on the hot paths: `str(int)`, f-string pieces, `+`, `''.join`, ASCII case mapping.
/// Each sizes its result once and hands the code point count to the new `PyStr` when the parts' counts are
/// known, so a later `len()` does not rescan (CPython's `_PyUnicodeWriter` and `PyUnicode_Join` also size
/// first, Objects/unicodeobject.c).
enum StrBuild {
    /// f"{v}" without conversion or spec: the str itself, or an int's digits; nil for anything else.
    @inline(__always)
    static func formatPlain(_ v: Value) -> Value? {
        switch v {
        case .int(let i): return .object(PyStr.decimal(i))
        case .object(let o) where o.tag == .str: return v
        default: return nil
        }
    }

    /// `a + b` for two strs.
    @inline(__always)
    static func concat(_ a: PyStr, _ b: PyStr) -> PyStr {
        let size = a.value.utf8.count + b.value.utf8.count
        let s = String(unsafeUninitializedCapacity: size) { buf in
            var at = 0
            copy(a, into: buf, at: &at)
            copy(b, into: buf, at: &at)
            return at
        }
        if let x = a.knownCount, let y = b.knownCount { return PyStr(s, count: x + y) }
        return PyStr(s)
    }

    /// Appends `s`'s UTF-8 to `buf` at `at` (one memcpy; the caller sized `buf`). Building a string this way
    /// and validating it once is cheaper than Swift's `String.append` per part.
    @inline(__always)
    static func copy(_ s: PyStr, into buf: UnsafeMutableBufferPointer<UInt8>, at: inout Int) {
        let utf8 = s.value.utf8
        let done = utf8.withContiguousStorageIfAvailable { src -> Bool in
            if let from = src.baseAddress, src.count > 0 { (buf.baseAddress! + at).update(from: from, count: src.count) }
            at += src.count
            return true
        }
        if done == nil {
            for b in utf8 {
                buf[at] = b
                at += 1
            }
        }
    }

    /// `sep.join(items)`: checks every item is a str, then copies into one buffer sized up front.
    static func join(_ sep: PyStr, _ items: [Value]) throws -> Value {
        if items.isEmpty { return .object(PyStr(ascii: "")) }
        if items.count == 1, case .object(let o) = items[0], o.tag == .str { return items[0] }
        // Read-only access: `borrowedObject` never writes through the pointer (no copy-on-write copy).
        let joined = items.withUnsafeBufferPointer { buf in
            concatenate(UnsafeMutablePointer(mutating: buf.baseAddress!), buf.count, separator: sep)
        }
        switch joined {
        case .success(let v): return v
        case .failure(let bad): throw PyException.make(.typeError, "sequence item \(bad.index): expected str instance, \(typeName(items[bad.index])) found")
        }
    }

    /// The index of the first part that is not a str.
    struct NotAStr: Error {
        let index: Int
    }

    /// Concatenates the strs in `parts[0 ..< n]` (with `separator` between them) into one new str: one pass
    /// to size and check, one to copy. Parts are borrowed in place (no retain per part); `parts` must stay
    /// unchanged meanwhile, which holds for registers and for an array the caller owns.
    static func concatenate(_ parts: UnsafeMutablePointer<Value>, _ n: Int, separator: PyStr?) -> Result<Value, NotAStr> {
        if n == 0 { return .success(.object(PyStr(ascii: ""))) }
        var size = 0
        var count = 0  // -1 once a part's length is unknown
        for k in 0..<n {
            guard let u = parts.borrowedObject(k) else { return .failure(NotAStr(index: k)) }
            let ok = u._withUnsafeGuaranteedRef { o -> Bool in
                guard o.tag == .str || (o.tag == .subclassed && o is PyStr) else { return false }
                let p = unsafeDowncast(o, to: PyStr.self)
                size += p.value.utf8.count
                if count >= 0, let c = p.knownCount { count += c } else { count = -1 }
                return true
            }
            if !ok { return .failure(NotAStr(index: k)) }
        }
        if let sep = separator, n > 1 {
            size += sep.value.utf8.count * (n - 1)
            if count >= 0, let c = sep.knownCount { count += c * (n - 1) } else { count = -1 }
        }
        let out = String(unsafeUninitializedCapacity: size) { buf in
            var at = 0
            for k in 0..<n {
                if k > 0, let sep = separator { copy(sep, into: buf, at: &at) }
                parts.borrowedObject(k)!._withUnsafeGuaranteedRef { copy(unsafeDowncast($0, to: PyStr.self), into: buf, at: &at) }
            }
            return at
        }
        return .success(.object(count >= 0 ? PyStr(out, count: count) : PyStr(out)))
    }

    /// A str of code points (a slice of a str's scalar array, StringIO's realized buffer): UTF-8 sized in one
    /// pass and written in the next, the code point count handed over.
    static func fromScalars<C: Collection>(_ scalars: C) -> PyStr where C.Element == Unicode.Scalar {
        var size = 0
        for c in scalars { size += UTF8.width(c) }
        let n = scalars.count
        let out = String(unsafeUninitializedCapacity: size) { buf in
            var at = 0
            for c in scalars {
                if c.value < 0x80 {
                    buf[at] = UInt8(truncatingIfNeeded: c.value)
                    at += 1
                } else {
                    UTF8.encode(c) { byte in
                        buf[at] = byte
                        at += 1
                    }
                }
            }
            return at
        }
        return size == n ? PyStr(ascii: out) : PyStr(out, count: n)
    }

    /// `s.upper()` / `s.lower()` of an ASCII string: a byte map, no Unicode tables; nil when `s` is not ASCII.
    static func asciiCase(_ s: PyStr, upper: Bool) -> PyStr? {
        guard s.isASCII else { return nil }
        let n = s.value.utf8.count
        let (from, to): (UInt8, UInt8) = upper ? (0x61, 0x7A) : (0x41, 0x5A)
        let mapped = String(unsafeUninitializedCapacity: n) { buf in
            var at = 0
            copy(s, into: buf, at: &at)
            for k in 0..<at where buf[k] >= from && buf[k] <= to { buf[k] ^= 0x20 }
            return at
        }
        return PyStr(ascii: mapped)
    }
}

extension PyStr {
    /// Shared strs for the decimal forms of 0 ..< 256 (V8's number-string cache; CPython shares its
    /// one-character strings the same way, Objects/unicodeobject.c `LATIN1`). Built once, immutable after.
    private static let smallDecimals: [PyStr] = (0..<256).map { PyStr(ascii: String($0)) }

    /// Shared one-character strs for U+0000 ..< U+0080, for indexing and splitting ASCII text.
    private static let asciiCharacters: [PyStr] = (0..<128).map { PyStr(ascii: String(UnicodeScalar(UInt8($0)))) }

    /// The str of one code point: shared for ASCII, new otherwise.
    static func character(_ c: Unicode.Scalar) -> PyStr {
        c.value < 128 ? asciiCharacters[Int(c.value)] : PyStr(String(c), count: 1)
    }

    /// `str(i)`: decimal digits written straight into the string's storage (no `description` witness).
    static func decimal(_ i: Int) -> PyStr {
        if i >= 0 && i < 256 { return smallDecimals[i] }
        var m = i.magnitude
        var digits = 1
        var t = m
        while t >= 10 {
            t /= 10
            digits += 1
        }
        let length = digits + (i < 0 ? 1 : 0)
        let s = String(unsafeUninitializedCapacity: length) { buf in
            var k = length
            repeat {
                k -= 1
                buf[k] = UInt8(truncatingIfNeeded: 48 &+ m % 10)
                m /= 10
            } while m > 0
            if i < 0 { buf[0] = 45 }  // "-"
            return length
        }
        return PyStr(ascii: s)
    }
}

extension Interpreter {
    /// `buildString`: concatenates the f-string's pieces (strs after `formatValue`) in one sized buffer.
    @inline(never)
    static func buildString(_ parts: UnsafeMutablePointer<Value>, _ n: Int, _ ctx: ExecutionContext) throws -> Value {
        if case .success(let v) = StrBuild.concatenate(parts, n, separator: nil) { return v }
        return try buildStringSlow(parts, n, ctx)
    }

    @inline(never)
    private static func buildStringSlow(_ parts: UnsafeMutablePointer<Value>, _ n: Int, _ ctx: ExecutionContext) throws -> Value {
        var s = ""
        for k in 0..<n {
            if case .object(let o) = parts[k], o.tag == .str { s += unsafeDowncast(o, to: PyStr.self).value } else { s += try str(parts[k], ctx) }
        }
        return .str(s)
    }
}

/// `json.dumps` in native code, as CPython's `_json` accelerator (Modules/_json.c `encoder_listencode_obj`)
/// does it: one UTF-8 byte buffer for the whole document, dicts and lists walked in place, strings escaped
/// byte by byte. The Python-level `json.dumps` (JSONSource) checks its arguments and calls `_json.encode`.
///
/// Order of the type tests, messages and layout are Lib/json/encoder.py's: None/True/False, str, int,
/// float (`float.__repr__`; NaN and infinities as `NaN`/`Infinity` unless `allow_nan=False`), list and
/// tuple, dict (keys str, int, float, bool or None; `skipkeys`; `sort_keys` sorts by key), then `default`.
/// Instances of user classes go to the module's `_coerce` first, which turns subclasses of the builtin
/// types into their base values and calls `default` for the rest.
struct JSONEncoding {
    var out: [UInt8] = []
    let indent: [UInt8]?
    let itemSeparator: [UInt8]
    let keySeparator: [UInt8]
    let sortKeys: Bool
    let skipKeys: Bool
    let ensureASCII: Bool
    let allowNaN: Bool
    let checkCircular: Bool
    /// `_coerce(o, default)` of the json module: the value to encode in place of an unknown object.
    let coerce: Value
    let defaultFunction: Value
    let ctx: ExecutionContext
    /// Containers being encoded (CPython's `markers` dict), when `check_circular`.
    private var active: Set<ObjectIdentifier> = []
    private var level = 0

    init(indent: Value, itemSeparator: String, keySeparator: String, sortKeys: Bool, skipKeys: Bool, ensureASCII: Bool,
         allowNaN: Bool, checkCircular: Bool, coerce: Value, defaultFunction: Value, ctx: ExecutionContext) throws {
        switch indent {
        case .none: self.indent = nil
        case .int(let n): self.indent = Array(repeating: UInt8(ascii: " "), count: max(0, n))
        case .object(let s as PyStr): self.indent = Array(s.value.utf8)
        default: throw PyException.make(.typeError, "indent must be None, an int or a str")
        }
        self.itemSeparator = Array(itemSeparator.utf8)
        self.keySeparator = Array(keySeparator.utf8)
        self.sortKeys = sortKeys
        self.skipKeys = skipKeys
        self.ensureASCII = ensureASCII
        self.allowNaN = allowNaN
        self.checkCircular = checkCircular
        self.coerce = coerce
        self.defaultFunction = defaultFunction
        self.ctx = ctx
    }

    /// The encoded document as a str.
    mutating func document(_ v: Value) throws -> Value {
        out.reserveCapacity(256)
        try encode(v)
        let text = String(decoding: out, as: UTF8.self)
        return ensureASCII ? .object(PyStr(ascii: text)) : .str(text)
    }

    mutating func encode(_ v: Value) throws {
        switch v {
        case .none: append("null")
        case .bool(let b): append(b ? "true" : "false")
        case .int(let i): appendInt(i)
        case .float(let d): try appendFloat(d)
        case .object(let o):
            switch o.tag {
            case .str: appendString(unsafeDowncast(o, to: PyStr.self))
            case .bigint: append(try IntStringLimit.decimal(unsafeDowncast(o, to: PyBigInt.self).value))
            case .list:
                let items = unsafeDowncast(o, to: PyList.self).items
                try encodeArray(o, items)
            case .tuple: try encodeArray(o, unsafeDowncast(o, to: PyTuple.self).items)
            case .dict: try encodeObject(unsafeDowncast(o, to: PyDict.self))
            default: try encodeOther(v, o)
            }
        }
    }

    // MARK: - containers

    private mutating func enter(_ o: PyObject) throws {
        try ctx.checkNativeStack()
        guard checkCircular else { return }
        if !active.insert(ObjectIdentifier(o)).inserted { throw PyException.make(.valueError, "Circular reference detected") }
    }

    private mutating func leave(_ o: PyObject) {
        if checkCircular { active.remove(ObjectIdentifier(o)) }
    }

    /// `\n` and the indent `level` times (only with an indent).
    private mutating func newline() {
        guard let indent else { return }
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<level { out.append(contentsOf: indent) }
    }

    private mutating func encodeArray(_ o: PyObject, _ items: [Value]) throws {
        if items.isEmpty { return append("[]") }
        try enter(o)
        out.append(UInt8(ascii: "["))
        level += 1
        newline()
        for (k, item) in items.enumerated() {
            if k > 0 {
                out.append(contentsOf: itemSeparator)
                newline()
            }
            try encode(item)
        }
        level -= 1
        newline()
        out.append(UInt8(ascii: "]"))
        leave(o)
    }

    private mutating func encodeObject(_ d: PyDict) throws {
        var entries = d.entries
        if entries.isEmpty { return append("{}") }
        try enter(d)
        if sortKeys {
            var failure: Error?
            entries.sort { a, b in
                guard failure == nil else { return false }
                do { return try compareOrder(.less, a.key, b.key, ctx) } catch {
                    failure = error
                    return false
                }
            }
            if let failure { throw failure }
        }
        out.append(UInt8(ascii: "{"))
        level += 1
        newline()
        var first = true
        for (key, value) in entries {
            let keyText: PyStr
            switch key {
            case .object(let o) where o.tag == .str: keyText = unsafeDowncast(o, to: PyStr.self)
            case .bool(let b): keyText = PyStr(b ? "true" : "false")
            case .none: keyText = PyStr("null")
            case .int(let i): keyText = PyStr.decimal(i)
            case .float(let f): keyText = PyStr(try floatText(f))
            case .object(let o) where o.tag == .bigint: keyText = PyStr(try IntStringLimit.decimal(unsafeDowncast(o, to: PyBigInt.self).value))
            default:
                if skipKeys { continue }
                throw PyException.make(.typeError, "keys must be str, int, float, bool or None, not \(typeName(key))")
            }
            if !first {
                out.append(contentsOf: itemSeparator)
                newline()
            }
            first = false
            appendString(keyText)
            out.append(contentsOf: keySeparator)
            try encode(value)
        }
        level -= 1
        newline()
        out.append(UInt8(ascii: "}"))
        leave(d)
    }

    /// Anything else: `_coerce(o, default)` gives the value to encode (a subclass's base value, or what
    /// `default` returned), guarded against cycles through `default` like CPython's markers.
    private mutating func encodeOther(_ v: Value, _ o: PyObject) throws {
        try enter(o)
        let replacement = try ctx.call(coerce, [v, defaultFunction])
        try encode(replacement)
        leave(o)
    }

    // MARK: - scalars

    private mutating func append(_ s: StaticString) {
        s.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    private mutating func append(_ s: String) {
        out.append(contentsOf: s.utf8)
    }

    private mutating func appendInt(_ i: Int) {
        if i >= 0 && i < 10 { return out.append(UInt8(ascii: "0") + UInt8(i)) }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for the 20 digits of Int.min
        var n = i.magnitude
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buf in
            repeat {
                buf[23 - count] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
                count += 1
            } while n > 0
            if i < 0 { out.append(UInt8(ascii: "-")) }
            out.append(contentsOf: buf[(24 - count)...])
        }
    }

    private func floatText(_ d: Double) throws -> String {
        if d.isFinite { return formatFloatRepr(d) }
        if !allowNaN { throw PyException.make(.valueError, "Out of range float values are not JSON compliant") }
        return d.isNaN ? "NaN" : (d > 0 ? "Infinity" : "-Infinity")
    }

    private mutating func appendFloat(_ d: Double) throws {
        append(try floatText(d))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func appendEscape(_ unit: UInt32) {
        append("\\u")
        for shift in stride(from: 12, through: 0, by: -4) { out.append(Self.hexDigits[Int((unit >> UInt32(shift)) & 0xF)]) }
    }

    /// A str as a JSON string literal (`encode_basestring_ascii` / `encode_basestring`): `"` `\` and the
    /// control characters escaped; with `ensure_ascii` everything outside ' '…'~' as \uXXXX (surrogate pairs
    /// above U+FFFF).
    private mutating func appendString(_ s: PyStr) {
        out.append(UInt8(ascii: "\""))
        let plain = s.value.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            // Fast path: nothing to escape (ASCII printable, or any non-ASCII byte when not ensure_ascii).
            for b in bytes where b < 0x20 || b == 0x22 || b == 0x5C || (ensureASCII && b > 0x7E) { return false }
            out.append(contentsOf: bytes)
            return true
        } ?? false
        if !plain {
            for u in s.value.unicodeScalars { appendScalar(u) }
        }
        out.append(UInt8(ascii: "\""))
    }

    private mutating func appendScalar(_ u: Unicode.Scalar) {
        switch u {
        case "\"": append("\\\"")
        case "\\": append("\\\\")
        case "\n": append("\\n")
        case "\r": append("\\r")
        case "\t": append("\\t")
        case "\u{08}": append("\\b")
        case "\u{0C}": append("\\f")
        default:
            let v = u.value
            if v < 0x20 || (ensureASCII && v > 0x7E) {
                if v > 0xFFFF {
                    let n = v - 0x10000
                    appendEscape(0xD800 | (n >> 10))
                    appendEscape(0xDC00 | (n & 0x3FF))
                } else {
                    appendEscape(v)
                }
            } else {
                out.append(contentsOf: UTF8.encode(u)!)
            }
        }
    }
}

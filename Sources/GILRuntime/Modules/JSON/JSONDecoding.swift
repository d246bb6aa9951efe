import BigInt
#if canImport(Glibc)
import Glibc
#endif

/// `json.loads` in native code, after CPython's scanner (Modules/_json.c `scan_once_unicode`,
/// `scanstring_unicode`, `_parse_object_unicode`, `_parse_array_unicode`, `_match_number_unicode`): a
/// recursive descent over the document's UTF-8 bytes with the same grammar, hooks and error messages.
/// Positions in errors are code point indices, as CPython reports them; they are computed only when an
/// error is raised. A `\uXXXX` escape of a lone surrogate becomes U+FFFD: our str cannot hold surrogates.
struct JSONDecoding {
    let text: PyStr
    let strict: Bool
    let objectHook: Value
    let objectPairsHook: Value
    let parseFloat: Value
    let parseInt: Value
    let parseConstant: Value
    /// `json.JSONDecodeError(msg, doc, pos)`.
    let errorClass: Value
    let ctx: ExecutionContext
    /// Object keys seen so far in this document (`memo` of _json.c's scanner).
    private let memo = JSONKeyMemo()

    /// The whole document: one value between optional whitespace, else "Extra data".
    func document() throws -> Value {
        try text.value.utf8.withContiguousStorageIfAvailable { bytes in
            var i = skipWhitespace(bytes, 0)
            let v = try value(bytes, &i)
            i = skipWhitespace(bytes, i)
            if i != bytes.count { throw error("Extra data", bytes, i) }
            return v
        } ?? (try JSONDecoding(copying: self).document())
    }

    /// The same decoder over a copy of the text in contiguous storage (a bridged string never is here,
    /// but `withContiguousStorageIfAvailable` may in principle refuse).
    private init(copying other: JSONDecoding) {
        var s = other.text.value
        s.makeContiguousUTF8()
        self.init(text: PyStr(s), strict: other.strict, objectHook: other.objectHook, objectPairsHook: other.objectPairsHook,
                  parseFloat: other.parseFloat, parseInt: other.parseInt, parseConstant: other.parseConstant,
                  errorClass: other.errorClass, ctx: other.ctx)
    }

    init(text: PyStr, strict: Bool, objectHook: Value, objectPairsHook: Value, parseFloat: Value, parseInt: Value,
         parseConstant: Value, errorClass: Value, ctx: ExecutionContext) {
        self.text = text
        self.strict = strict
        self.objectHook = objectHook
        self.objectPairsHook = objectPairsHook
        self.parseFloat = parseFloat
        self.parseInt = parseInt
        self.parseConstant = parseConstant
        self.errorClass = errorClass
        self.ctx = ctx
    }

    typealias Bytes = UnsafeBufferPointer<UInt8>

    private func skipWhitespace(_ b: Bytes, _ start: Int) -> Int {
        var i = start
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
        return i
    }

    /// `JSONDecodeError(msg, doc, pos)` with `pos` converted from a byte offset to a code point index.
    private func error(_ message: String, _ b: Bytes, _ byteOffset: Int) -> Error {
        var pos = 0
        for k in 0..<min(byteOffset, b.count) where b[k] & 0xC0 != 0x80 { pos += 1 }
        do {
            let e = try ctx.call(errorClass, [.str(message), .object(text), .int(pos)])
            guard case .object(let o) = e, o.tag == .instance else { return PyException.make(.valueError, message) }
            return PyException(unsafeDowncast(o, to: PyInstance.self))
        } catch {
            return error
        }
    }

    private func matches(_ b: Bytes, _ i: Int, _ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i + n <= b.count else { return false }
        return word.withUTF8Buffer { w in (0..<n).allSatisfy { b[i + $0] == w[$0] } }
    }

    /// One value at `i` (scan_once): "Expecting value" where none begins.
    private func value(_ b: Bytes, _ i: inout Int) throws -> Value {
        guard i < b.count else { throw error("Expecting value", b, i) }
        switch b[i] {
        case UInt8(ascii: "\""):
            return .str(try string(b, &i))
        case UInt8(ascii: "{"):
            try ctx.checkNativeStack()
            return try object(b, &i)
        case UInt8(ascii: "["):
            try ctx.checkNativeStack()
            return try array(b, &i)
        case UInt8(ascii: "n") where matches(b, i, "null"):
            i += 4
            return .none
        case UInt8(ascii: "t") where matches(b, i, "true"):
            i += 4
            return .bool(true)
        case UInt8(ascii: "f") where matches(b, i, "false"):
            i += 5
            return .bool(false)
        case UInt8(ascii: "N") where matches(b, i, "NaN"):
            i += 3
            return try constant("NaN", .nan)
        case UInt8(ascii: "I") where matches(b, i, "Infinity"):
            i += 8
            return try constant("Infinity", .infinity)
        case UInt8(ascii: "-") where matches(b, i, "-Infinity"):
            i += 9
            return try constant("-Infinity", -.infinity)
        default:
            return try number(b, &i)
        }
    }

    private func constant(_ name: String, _ v: Double) throws -> Value {
        if case .none = parseConstant { return .float(v) }
        return try ctx.call(parseConstant, [.str(name)])
    }

    private func isDigit(_ b: Bytes, _ i: Int) -> Bool { i < b.count && b[i] >= 0x30 && b[i] <= 0x39 }

    /// `_match_number_unicode`: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?
    private func number(_ b: Bytes, _ i: inout Int) throws -> Value {
        let start = i
        var k = i
        if k < b.count && b[k] == UInt8(ascii: "-") { k += 1 }
        guard isDigit(b, k) else { throw error("Expecting value", b, start) }
        if b[k] == UInt8(ascii: "0") { k += 1 } else { while isDigit(b, k) { k += 1 } }
        var isFloat = false
        if k < b.count, b[k] == UInt8(ascii: "."), isDigit(b, k + 1) {
            isFloat = true
            k += 2
            while isDigit(b, k) { k += 1 }
        }
        if k < b.count, b[k] == UInt8(ascii: "e") || b[k] == UInt8(ascii: "E") {
            var e = k + 1
            if e < b.count, b[e] == UInt8(ascii: "-") || b[e] == UInt8(ascii: "+") { e += 1 }
            if isDigit(b, e) {
                isFloat = true
                k = e
                while isDigit(b, k) { k += 1 }
            }
        }
        i = k
        let digits = Bytes(rebasing: b[start..<k])
        if isFloat {
            let s = String(decoding: digits, as: UTF8.self)
            if case .none = parseFloat { return .float(Double(s)!) }
            return try ctx.call(parseFloat, [.object(PyStr(ascii: s))])
        }
        if case .none = parseInt {
            if digits.count <= 18 {
                var n = 0
                for d in digits where d != UInt8(ascii: "-") { n = n * 10 + Int(d - 0x30) }
                return .int(digits[0] == UInt8(ascii: "-") ? -n : n)
            }
            try IntStringLimit.checkDigits(digits.count - (digits[0] == UInt8(ascii: "-") ? 1 : 0))
            return .integer(BigInt(String(decoding: digits, as: UTF8.self))!)
        }
        return try ctx.call(parseInt, [.object(PyStr(ascii: String(decoding: digits, as: UTF8.self)))])
    }

    /// `scanstring_unicode`: `i` at the opening quote; after the closing one on return.
    private func string(_ b: Bytes, _ i: inout Int) throws -> String {
        let begin = i
        var k = i + 1
        // The common case: no escape, straight to the closing quote.
        var chunkStart = k
        var out: [UInt8]?
        while true {
            guard k < b.count else { throw error("Unterminated string starting at", b, begin) }
            let c = b[k]
            if c == UInt8(ascii: "\"") { break }
            if c < 0x20 && strict { throw error("Invalid control character at", b, k) }
            if c != UInt8(ascii: "\\") {
                k += 1
                continue
            }
            if out == nil { out = [] }
            out!.append(contentsOf: b[chunkStart..<k])
            guard k + 1 < b.count else { throw error("Unterminated string starting at", b, begin) }
            let e = b[k + 1]
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out!.append(e)
            case UInt8(ascii: "b"): out!.append(0x08)
            case UInt8(ascii: "f"): out!.append(0x0C)
            case UInt8(ascii: "n"): out!.append(0x0A)
            case UInt8(ascii: "r"): out!.append(0x0D)
            case UInt8(ascii: "t"): out!.append(0x09)
            case UInt8(ascii: "u"):
                guard var unit = hex4(b, k + 2) else { throw error("Invalid \\uXXXX escape", b, k + 1) }
                k += 6
                if unit >= 0xD800 && unit <= 0xDBFF, k + 1 < b.count, b[k] == UInt8(ascii: "\\"), b[k + 1] == UInt8(ascii: "u") {
                    guard let low = hex4(b, k + 2) else { throw error("Invalid \\uXXXX escape", b, k + 1) }
                    if low >= 0xDC00 && low <= 0xDFFF {
                        unit = 0x10000 + ((unit - 0xD800) << 10 | (low - 0xDC00))
                        k += 6
                    }
                }
                out!.append(contentsOf: UTF8.encode(Unicode.Scalar(unit) ?? "\u{FFFD}")!)
                chunkStart = k
                continue
            default:
                throw error("Invalid \\escape", b, k)
            }
            k += 2
            chunkStart = k
        }
        i = k + 1
        guard var out else { return String(decoding: Bytes(rebasing: b[begin + 1..<k]), as: UTF8.self) }
        out.append(contentsOf: b[chunkStart..<k])
        return String(decoding: out, as: UTF8.self)
    }

    private func hex4(_ b: Bytes, _ at: Int) -> UInt32? {
        guard at + 4 <= b.count else { return nil }
        var v: UInt32 = 0
        for k in at..<at + 4 {
            let c = b[k]
            let d: UInt8
            switch c {
            case 0x30...0x39: d = c - 0x30
            case 0x61...0x66: d = c - 0x61 + 10
            case 0x41...0x46: d = c - 0x41 + 10
            default: return nil
            }
            v = v << 4 | UInt32(d)
        }
        return v
    }

    private func array(_ b: Bytes, _ i: inout Int) throws -> Value {
        var items: [Value] = []
        var k = skipWhitespace(b, i + 1)
        if k >= b.count || b[k] != UInt8(ascii: "]") {
            while true {
                items.append(try value(b, &k))
                k = skipWhitespace(b, k)
                if k < b.count && b[k] == UInt8(ascii: "]") { break }
                guard k < b.count, b[k] == UInt8(ascii: ",") else { throw error("Expecting ',' delimiter", b, k) }
                k = skipWhitespace(b, k + 1)
            }
        }
        i = k + 1
        return .object(PyList(items))
    }

    /// An object key: the memo's str when the key has no escapes (a key repeated across objects is one
    /// str, allocated and hashed once, as CPython's `memo` makes it), else a new one.
    private func key(_ b: Bytes, _ i: inout Int) throws -> Value {
        var k = i + 1
        while k < b.count {
            let c = b[k]
            if c == UInt8(ascii: "\"") {
                let s = memo.key(Bytes(rebasing: b[(i + 1)..<k]))
                i = k + 1
                return .object(s)
            }
            if c == UInt8(ascii: "\\") || (c < 0x20 && strict) { break }
            k += 1
        }
        return .str(try string(b, &i))
    }

    private func object(_ b: Bytes, _ i: inout Int) throws -> Value {
        // Straight into the dict unless object_pairs_hook wants the pairs.
        let direct: PyDict? = objectPairsHook.isNone ? PyDict() : nil
        var pairs: [(Value, Value)] = []
        var k = skipWhitespace(b, i + 1)
        if k >= b.count || b[k] != UInt8(ascii: "}") {
            while true {
                guard k < b.count, b[k] == UInt8(ascii: "\"") else {
                    throw error("Expecting property name enclosed in double quotes", b, k)
                }
                let key = try key(b, &k)
                k = skipWhitespace(b, k)
                guard k < b.count, b[k] == UInt8(ascii: ":") else { throw error("Expecting ':' delimiter", b, k) }
                k = skipWhitespace(b, k + 1)
                let v = try value(b, &k)
                if let direct { try direct.set(key, v) } else { pairs.append((key, v)) }
                k = skipWhitespace(b, k)
                if k < b.count && b[k] == UInt8(ascii: "}") { break }
                guard k < b.count, b[k] == UInt8(ascii: ",") else { throw error("Expecting ',' delimiter", b, k) }
                k = skipWhitespace(b, k + 1)
            }
        }
        i = k + 1
        guard let d = direct else {
            return try ctx.call(objectPairsHook, [.object(PyList(pairs.map { .object(PyTuple([$0.0, $0.1])) }))])
        }
        if !objectHook.isNone { return try ctx.call(objectHook, [.object(d)]) }
        return .object(d)
    }
}

/// The scanner's `memo`: object keys without escapes by their raw UTF-8 bytes, an open-addressed table
/// probed with FNV-1a, so each distinct key of a document is one `PyStr`.
final class JSONKeyMemo {
    private var keys: [PyStr?] = Array(repeating: nil, count: 32)
    private var hashes: [Int] = Array(repeating: 0, count: 32)
    private var used = 0

    func key(_ raw: UnsafeBufferPointer<UInt8>) -> PyStr {
        let hash = HashKey.fnv(raw)
        let mask = keys.count - 1
        var slot = hash & mask
        while let s = keys[slot] {
            if hashes[slot] == hash, Self.equal(s, raw) { return s }
            slot = (slot + 1) & mask
        }
        let s = PyStr(String(decoding: raw, as: UTF8.self))
        keys[slot] = s
        hashes[slot] = hash
        used += 1
        if used * 2 > keys.count { grow() }
        return s
    }

    private static func equal(_ s: PyStr, _ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        var text = s.value
        return text.withUTF8 { u in u.count == raw.count && (u.count == 0 || memcmp(u.baseAddress!, raw.baseAddress!, u.count) == 0) }
    }

    private func grow() {
        let oldKeys = keys, oldHashes = hashes
        keys = Array(repeating: nil, count: oldKeys.count * 2)
        hashes = Array(repeating: 0, count: oldKeys.count * 2)
        let mask = keys.count - 1
        for (s, h) in zip(oldKeys, oldHashes) {
            guard let s else { continue }
            var slot = h & mask
            while keys[slot] != nil { slot = (slot + 1) & mask }
            keys[slot] = s
            hashes[slot] = h
        }
    }
}

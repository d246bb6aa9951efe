extension Codecs {
    static func decode(_ bytes: [UInt8], encoding: String = "utf-8", errors: String = "strict") throws -> String {
        try decodePrefix(bytes, try lookup(encoding), errors: errors, final: true).text
    }

    /// Decodes `bytes`; when not `final`, an incomplete sequence at the end is left undecoded (incremental
    /// decoders keep it for the next chunk). - Returns: the text and how many bytes it used.
    static func decodePrefix(_ bytes: [UInt8], _ enc: Encoding, errors: String, final: Bool) throws -> (text: String, consumed: Int) {
        // Valid UTF-8 (Swift's validation refuses what CPython's does: overlong forms, surrogates, past
        // 0x10FFFF, truncated sequences) becomes the string in one copy; appending scalar by scalar cost ~270
        // instructions a character (pickle decodes every str so). Anything invalid takes the loop below for
        // the error handler's answer.
        if case .utf8 = enc, final || bytes.last.map({ $0 < 0x80 }) ?? true,
           let text = bytes.withUnsafeBufferPointer({ validUTF8($0) }) {
            return (text, bytes.count)
        }
        var out = String.UnicodeScalarView()
        out.reserveCapacity(bytes.count)
        /// One undecodable span: raise, or the text that stands for it (nothing when ignored). The decoders append
        /// it themselves: this closure must not capture `out`, which they hold inout.
        func bad(_ start: Int, _ end: Int, _ reason: String) throws -> String.UnicodeScalarView {
            switch errors {
            case "ignore": return String.UnicodeScalarView()
            case "replace": return "\u{FFFD}".unicodeScalars
            case "backslashreplace":
                var text = String.UnicodeScalarView()
                for b in bytes[start..<end] { text.append(contentsOf: escape(Unicode.Scalar(b)).unicodeScalars) }
                return text
            case "surrogatepass" where !(enc.isUTF8 && start + 2 < bytes.count && bytes[start] == 0xED
                                          && (0xA0...0xBF).contains(bytes[start + 1]) && (0x80...0xBF).contains(bytes[start + 2])):
                // Only an encoded surrogate (ED A0..BF xx) is let through; anything else is the strict error.
                throw UnicodeErrors.decode(enc.name, bytes, start, end, reason)
            case "surrogateescape", "surrogatepass":
                throw PyException.make(.notImplementedError, "not supported yet: the \(errors) error handler (our str cannot hold lone surrogates)")
            default:
                try checkErrors(errors)  // an unknown handler is only noticed when it is needed, as in CPython
                throw UnicodeErrors.decode(enc.name, bytes, start, end, reason)
            }
        }
        var consumed = bytes.count
        switch enc {
        case .utf8: consumed = try decodeUTF8(bytes, final: final, into: &out, bad)
        case .ascii:
            for (i, b) in bytes.enumerated() {
                if b < 0x80 { out.append(Unicode.Scalar(b)) } else { out.append(contentsOf: try bad(i, i + 1, "ordinal not in range(128)")) }
            }
        case .latin1: for b in bytes { out.append(Unicode.Scalar(b)) }
        case .cp1252:
            for (i, b) in bytes.enumerated() {
                if b < 0x80 || b >= 0xA0 { out.append(Unicode.Scalar(b)); continue }
                let v = cp1252High[Int(b) - 0x80]
                if v == 0 { out.append(contentsOf: try bad(i, i + 1, "character maps to <undefined>")) } else { out.append(Unicode.Scalar(v)!) }
            }
        case .utf16(let le): consumed = try decodeUTF16(bytes, littleEndian: le, final: final, into: &out, bad)
        case .utf32(let le): consumed = try decodeUTF32(bytes, littleEndian: le, final: final, into: &out, bad)
        }
        return (String(out), consumed)
    }

    /// UTF-8 as CPython validates it: overlong forms, surrogates and code points past 0x10FFFF are invalid
    /// start or continuation bytes, each error spanning the start byte and the valid continuations before it.
    private static func decodeUTF8(_ b: [UInt8], final: Bool, into out: inout String.UnicodeScalarView, _ bad: (Int, Int, String) throws -> String.UnicodeScalarView) throws -> Int {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 {
                out.append(Unicode.Scalar(c))
                i += 1
                continue
            }
            var need: Int
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xED: need = 2; hi = 0x9F
            case 0xE1...0xEC, 0xEE, 0xEF: need = 2
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default:
                out.append(contentsOf: try bad(i, i + 1, "invalid start byte"))
                i += 1
                continue
            }
            var value = UInt32(c) & (need == 1 ? 0x1F : need == 2 ? 0x0F : 0x07)
            var k = 1
            var failed = false
            while k <= need {
                if i + k >= n {
                    if !final { return i }
                    out.append(contentsOf: try bad(i, n, "unexpected end of data"))
                    i = n
                    failed = true
                    break
                }
                let d = b[i + k]
                let (low, high) = k == 1 ? (lo, hi) : (UInt8(0x80), UInt8(0xBF))
                if d < low || d > high {
                    out.append(contentsOf: try bad(i, i + k, "invalid continuation byte"))
                    i += k
                    failed = true
                    break
                }
                value = value << 6 | UInt32(d & 0x3F)
                k += 1
            }
            if failed { continue }
            out.append(Unicode.Scalar(value)!)
            i += need + 1
        }
        return n
    }

    private static func decodeUTF16(_ b: [UInt8], littleEndian: Bool?, final: Bool, into out: inout String.UnicodeScalarView, _ bad: (Int, Int, String) throws -> String.UnicodeScalarView) throws -> Int {
        var le = littleEndian ?? true
        var i = 0
        if littleEndian == nil, b.count >= 2 {
            if b[0] == 0xFF && b[1] == 0xFE { i = 2 } else if b[0] == 0xFE && b[1] == 0xFF { le = false; i = 2 }
        }
        func unit(_ k: Int) -> UInt16 { le ? UInt16(b[k]) | UInt16(b[k + 1]) << 8 : UInt16(b[k]) << 8 | UInt16(b[k + 1]) }
        while i < b.count {
            if i + 1 >= b.count {
                if !final { return i }
                out.append(contentsOf: try bad(i, b.count, "truncated data"))
                break
            }
            let u = unit(i)
            if u < 0xD800 || u > 0xDFFF {
                out.append(Unicode.Scalar(u)!)
                i += 2
            } else if u >= 0xDC00 {
                out.append(contentsOf: try bad(i, i + 2, "illegal encoding"))
                i += 2
            } else if i + 3 >= b.count {
                if !final { return i }
                out.append(contentsOf: try bad(i, b.count, "unexpected end of data"))
                break
            } else {
                let low = unit(i + 2)
                guard (0xDC00...0xDFFF).contains(low) else {
                    out.append(contentsOf: try bad(i, i + 2, "illegal UTF-16 surrogate"))
                    i += 2
                    continue
                }
                out.append(Unicode.Scalar(0x10000 + (UInt32(u - 0xD800) << 10) + UInt32(low - 0xDC00))!)
                i += 4
            }
        }
        return b.count
    }

    private static func decodeUTF32(_ b: [UInt8], littleEndian: Bool?, final: Bool, into out: inout String.UnicodeScalarView, _ bad: (Int, Int, String) throws -> String.UnicodeScalarView) throws -> Int {
        var le = littleEndian ?? true
        var i = 0
        if littleEndian == nil, b.count >= 4 {
            if b[0..<4] == [0xFF, 0xFE, 0, 0] { i = 4 } else if b[0..<4] == [0, 0, 0xFE, 0xFF] { le = false; i = 4 }
        }
        while i < b.count {
            if i + 3 >= b.count {
                if !final { return i }
                out.append(contentsOf: try bad(i, b.count, "truncated data"))
                break
            }
            let v = le
                ? UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
                : UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
            if let s = Unicode.Scalar(v) { out.append(s) } else {
                out.append(contentsOf: try bad(i, i + 4, v > 0x10FFFF ? "code point not in range(0x110000)" : "code point in surrogate code point range(0xd800, 0xe000)"))
            }
            i += 4
        }
        return b.count
    }
}

extension Codecs {
    /// `p` as a String when it is valid UTF-8 (by CPython's rules, which Swift's validation shares), else nil.
    /// ASCII — nearly every str a pickle or a JSON document holds — skips the validator: the generic
    /// `String(validating:as:)` costs ~1,000 instructions for a 13-byte name, the OR of the bytes plus
    /// `String(decoding:as:)` ~300.
    @inline(__always)
    static func validUTF8(_ p: UnsafeBufferPointer<UInt8>) -> String? {
        if isASCII(p) { return String(decoding: p, as: UTF8.self) }
        return String(validating: p, as: UTF8.self)
    }

    /// Whether every byte is below 0x80, eight at a time.
    static func isASCII(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = p.baseAddress else { return true }
        let n = p.count
        var i = 0
        var acc: UInt64 = 0
        let raw = UnsafeRawPointer(base)
        while i + 8 <= n {
            acc |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        while i < n {
            acc |= UInt64(base[i])
            i += 1
        }
        return acc & 0x8080_8080_8080_8080 == 0
    }
}

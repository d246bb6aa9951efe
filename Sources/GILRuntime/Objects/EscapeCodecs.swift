/// The escape codecs (Objects/unicodeobject.c, Objects/bytesobject.c): `unicode_escape` (Python string-literal
/// escapes over Latin-1 bytes), `raw_unicode_escape` (only `\uXXXX` and `\UXXXXXXXX`), and bytes
/// `escape_decode` (the escapes of a bytes literal).
enum EscapeCodecs {
    static func encode(_ s: String, raw: Bool) -> [UInt8] {
        var out: [UInt8] = []
        for c in s.unicodeScalars {
            let v = c.value
            if v >= 0x100 {
                out += Array(Codecs.escape(c).utf8)
            } else if raw {
                out.append(UInt8(v))
            } else {
                switch v {
                case 0x5C: out += [0x5C, 0x5C]
                case 0x09: out += Array("\\t".utf8)
                case 0x0A: out += Array("\\n".utf8)
                case 0x0D: out += Array("\\r".utf8)
                case 0x20..<0x7F: out.append(UInt8(v))
                default: out += Array(Codecs.escape(c).utf8)
                }
            }
        }
        return out
    }

    private static func hexValue(_ b: ArraySlice<UInt8>) -> UInt32? {
        var v: UInt32 = 0
        for c in b {
            guard let d = IntParsing.digitValue(Unicode.Scalar(c)), d < 16 else { return nil }
            v = v << 4 | UInt32(d)
        }
        return v
    }

    static func decode(_ b: [UInt8], raw: Bool, errors: String) throws -> String {
        let codec = raw ? "rawunicodeescape" : "unicodeescape"
        var out = String.UnicodeScalarView()
        var i = 0
        func fail(_ start: Int, _ end: Int, _ reason: String) throws {
            switch errors {
            case "ignore": break
            case "replace": out.append("\u{FFFD}")
            default: throw UnicodeErrors.decode(codec, b, start, end, reason)
            }
        }
        while i < b.count {
            let c = b[i]
            guard c == 0x5C, i + 1 < b.count else {
                if c == 0x5C, !raw { try fail(i, b.count, "\\ at end of string") } else { out.append(Unicode.Scalar(c)) }
                i += 1
                continue
            }
            let e = b[i + 1]
            if raw {
                // Only \u and \U preceded by an odd run of backslashes are escapes.
                guard e == 0x75 || e == 0x55 else {
                    out.append(Unicode.Scalar(c))
                    i += 1
                    continue
                }
            }
            let start = i
            i += 2
            switch e {
            case 0x0A: break
            case 0x5C: out.append("\\")
            case 0x27: out.append("'")
            case 0x22: out.append("\"")
            case 0x61: out.append("\u{07}")
            case 0x62: out.append("\u{08}")
            case 0x66: out.append("\u{0C}")
            case 0x6E: out.append("\n")
            case 0x72: out.append("\r")
            case 0x74: out.append("\t")
            case 0x76: out.append("\u{0B}")
            case 0x30...0x37:
                var v = UInt32(e - 0x30)
                var n = 1
                while n < 3, i < b.count, (0x30...0x37).contains(b[i]) {
                    v = v * 8 + UInt32(b[i] - 0x30)
                    i += 1
                    n += 1
                }
                out.append(Unicode.Scalar(v)!)
            case 0x78, 0x75, 0x55:
                let width = e == 0x78 ? 2 : e == 0x75 ? 4 : 8
                let label = e == 0x78 ? "\\xXX" : e == 0x75 ? "\\uXXXX" : "\\UXXXXXXXX"
                guard i + width <= b.count, let v = hexValue(b[i..<i + width]) else {
                    var end = i
                    while end < b.count, end < i + width, IntParsing.digitValue(Unicode.Scalar(b[end])).map({ $0 < 16 }) == true { end += 1 }
                    try fail(start, end, "truncated \(label) escape")
                    i = end
                    continue
                }
                i += width
                guard let u = Unicode.Scalar(v) else {
                    try fail(start, i, v > 0x10FFFF ? "illegal Unicode character" : "surrogates not allowed")
                    continue
                }
                out.append(u)
            case 0x4E:
                throw PyException.make(.notImplementedError, "not supported yet: \\N{...} escapes in the unicode_escape codec")
            default:
                out.append("\\")
                out.append(Unicode.Scalar(e))
            }
        }
        return String(out)
    }

    /// Bytes literal escapes (`codecs.escape_decode`): like unicode_escape for the byte range, no \u.
    static func decodeBytes(_ b: [UInt8]) throws -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < b.count {
            guard b[i] == 0x5C, i + 1 < b.count else {
                if b[i] == 0x5C { throw PyException.make(.valueError, "Trailing \\ in string") }
                out.append(b[i])
                i += 1
                continue
            }
            let e = b[i + 1]
            i += 2
            switch e {
            case 0x0A: break
            case 0x5C, 0x27, 0x22: out.append(e)
            case 0x61: out.append(7)
            case 0x62: out.append(8)
            case 0x66: out.append(12)
            case 0x6E: out.append(10)
            case 0x72: out.append(13)
            case 0x74: out.append(9)
            case 0x76: out.append(11)
            case 0x30...0x37:
                var v = Int(e - 0x30)
                var n = 1
                while n < 3, i < b.count, (0x30...0x37).contains(b[i]) {
                    v = v * 8 + Int(b[i] - 0x30)
                    i += 1
                    n += 1
                }
                out.append(UInt8(truncatingIfNeeded: v))
            case 0x78:
                guard i + 2 <= b.count, let v = hexValue(b[i..<i + 2]) else {
                    throw PyException.make(.valueError, "invalid \\x escape at position \(i - 2)")
                }
                out.append(UInt8(v))
                i += 2
            default: out += [0x5C, e]
            }
        }
        return out
    }
}

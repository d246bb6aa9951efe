/// The text codecs our builtins need (`str.encode`, `bytes.decode`, `bytes(s, enc)`, `open(…, encoding=)`):
/// UTF-8, ASCII, Latin-1, CP1252, UTF-16 and UTF-32 (with and without a byte order), and the error handlers
/// strict, ignore, replace, backslashreplace, xmlcharrefreplace, namereplace-free — with CPython's messages
/// (Objects/unicodeobject.c, Objects/stringlib/codecs.h). Our str cannot hold lone surrogates, so
/// `surrogateescape`/`surrogatepass` decoding is refused with a clear error rather than approximated.
enum Codecs {
    enum Encoding {
        case utf8, ascii, latin1, cp1252, utf16(littleEndian: Bool?), utf32(littleEndian: Bool?)

        /// The name CPython's messages use.
        var name: String {
            switch self {
            case .utf8: "utf-8"
            case .ascii: "ascii"
            case .latin1: "latin-1"
            case .cp1252: "charmap"
            case .utf16(let le): le == nil ? "utf-16" : le! ? "utf-16-le" : "utf-16-be"
            case .utf32(let le): le == nil ? "utf-32" : le! ? "utf-32-le" : "utf-32-be"
            }
        }
    }

    /// encodings.normalize_encoding + the aliases table, for the codecs we have.
    static func lookup(_ name: String) throws -> Encoding {
        switch name {  // the common spellings, without normalising (Foundation's replacingOccurrences is slow)
        case "utf-8", "utf8", "UTF-8": return .utf8
        case "ascii": return .ascii
        case "latin-1", "latin1": return .latin1
        default: break
        }
        var n = String(String.UnicodeScalarView(name.lowercased().unicodeScalars.map { $0 == "-" || $0 == " " ? "_" : $0 }))
        if n.hasPrefix("x_") { n.removeFirst(2) }
        switch n {
        case "utf_8", "utf8", "u8", "utf", "cp65001", "utf8_ucs2", "utf8_ucs4": return .utf8
        case "ascii", "us_ascii", "646", "ansi_x3.4_1968", "cp367", "us", "iso646_us": return .ascii
        case "latin_1", "latin1", "latin", "l1", "iso_8859_1", "iso8859_1", "8859", "cp819", "iso_ir_100": return .latin1
        case "cp1252", "windows_1252", "1252": return .cp1252
        case "utf_16", "utf16", "u16": return .utf16(littleEndian: nil)
        case "utf_16_le", "utf_16le", "utf16le": return .utf16(littleEndian: true)
        case "utf_16_be", "utf_16be", "utf16be": return .utf16(littleEndian: false)
        case "utf_32", "utf32", "u32": return .utf32(littleEndian: nil)
        case "utf_32_le", "utf_32le", "utf32le": return .utf32(littleEndian: true)
        case "utf_32_be", "utf_32be", "utf32be": return .utf32(littleEndian: false)
        default: throw PyException.make(.lookupError, "unknown encoding: \(name)")
        }
    }

    /// The text of an exact str argument, else nil (the caller's general path checks and words the error).
    @inline(__always)
    static func exactText(_ v: Value) -> String? {
        guard case .object(let o) = v, o.tag == .str else { return nil }
        return unsafeDowncast(o, to: PyStr.self).value
    }

    static func checkErrors(_ errors: String) throws {
        switch errors {
        case "strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "surrogateescape", "surrogatepass": return
        default: throw PyException.make(.lookupError, "unknown error handler name '\(errors)'")
        }
    }

    // MARK: - Encoding

    static func encode(_ text: String, encoding: String = "utf-8", errors: String = "strict") throws -> [UInt8] {
        try encode(text, try lookup(encoding), errors: errors)
    }

    static func encode(_ text: String, _ enc: Encoding, errors: String) throws -> [UInt8] {
        switch enc {
        case .utf8: return Array(text.utf8)
        case .utf16(let le):
            var out: [UInt8] = le == nil ? [0xFF, 0xFE] : []
            for unit in text.utf16 { out += le == false ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
            return out
        case .utf32(let le):
            var out: [UInt8] = le == nil ? [0xFF, 0xFE, 0, 0] : []
            for s in text.unicodeScalars {
                let v = s.value
                let b = [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)]
                out += le == false ? b.reversed() : b
            }
            return out
        case .ascii, .latin1, .cp1252:
            let scalars = Array(text.unicodeScalars)
            var out: [UInt8] = []
            out.reserveCapacity(scalars.count)
            var i = 0
            while i < scalars.count {
                if let b = singleByte(scalars[i], enc) {
                    out.append(b)
                    i += 1
                    continue
                }
                var end = i + 1
                while end < scalars.count, singleByte(scalars[end], enc) == nil { end += 1 }
                let reason = enc.isASCII ? "ordinal not in range(128)" : enc.isLatin1 ? "ordinal not in range(256)" : "character maps to <undefined>"
                switch errors {
                case "ignore": break
                case "replace": out += [UInt8](repeating: 0x3F, count: end - i)
                case "backslashreplace": for s in scalars[i..<end] { out += Array(escape(s).utf8) }
                case "xmlcharrefreplace": for s in scalars[i..<end] { out += Array("&#\(s.value);".utf8) }
                default:
                    try checkErrors(errors)  // an unknown handler is only noticed when it is needed, as in CPython
                    throw UnicodeErrors.encode(enc.name, text, i, enc.isCharmap ? i + 1 : end, reason)
                }
                i = end
            }
            return out
        }
    }

    private static func singleByte(_ s: Unicode.Scalar, _ enc: Encoding) -> UInt8? {
        switch enc {
        case .ascii: return s.value < 0x80 ? UInt8(s.value) : nil
        case .latin1: return s.value < 0x100 ? UInt8(s.value) : nil
        default:
            if s.value < 0x80 || (0xA0...0xFF).contains(s.value) { return UInt8(s.value) }
            if let k = cp1252High.firstIndex(of: s.value) { return UInt8(0x80 + k) }
            return nil
        }
    }

    /// `\xNN`, `\uNNNN` or `\UNNNNNNNN` (backslashreplace).
    static func escape(_ s: Unicode.Scalar) -> String {
        let v = s.value
        let hex = String(v, radix: 16)
        if v < 0x100 { return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
        if v < 0x10000 { return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex }
        return "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// CP1252's 0x80…0x9F (0 where undefined).
    static let cp1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}

extension Codecs.Encoding {
    var isASCII: Bool { if case .ascii = self { true } else { false } }
    var isUTF8: Bool { if case .utf8 = self { true } else { false } }
    var isLatin1: Bool { if case .latin1 = self { true } else { false } }
    var isCharmap: Bool { if case .cp1252 = self { true } else { false } }
}

extension Codecs {
    /// `str.encode`: our codecs, else any codec the registry knows (CPython's code pages from Lib/encodings,
    /// found through `_codecs.lookup`).
    static func encode(_ text: String, encoding: String, errors: String, _ ctx: ExecutionContext) throws -> [UInt8] {
        if let enc = try? lookup(encoding) { return try encode(text, enc, errors: errors) }
        let r = try viaRegistry(.str(text), encoding: encoding, errors: errors, decode: false, ctx)
        guard let b = BytesLike.bytes(r) else {
            throw PyException.make(.typeError, "'\(encoding)' encoder returned '\(typeName(r))' instead of 'bytes'; use codecs.encode() to encode to arbitrary types")
        }
        return b
    }

    /// `bytes.decode`: our codecs, else the registry's.
    static func decode(_ bytes: [UInt8], encoding: String, errors: String, _ ctx: ExecutionContext) throws -> String {
        if let enc = try? lookup(encoding) { return try decodePrefix(bytes, enc, errors: errors, final: true).text }
        let r = try viaRegistry(.object(PyBytes(bytes)), encoding: encoding, errors: errors, decode: true, ctx)
        guard case .object(let s as PyStr) = r else {
            throw PyException.make(.typeError, "'\(encoding)' decoder returned '\(typeName(r))' instead of 'str'; use codecs.decode() to decode to arbitrary types")
        }
        return s.value
    }

    private static func viaRegistry(_ v: Value, encoding: String, errors: String, decode: Bool, _ ctx: ExecutionContext) throws -> Value {
        let module = try ctx.runtime.modules.load("_codecs", ctx)
        guard let f = module.get(decode ? "decode" : "encode") else { throw PyException.make(.lookupError, "unknown encoding: \(encoding)") }
        return try ctx.call(f, [v, .str(encoding), .str(errors)])
    }
}

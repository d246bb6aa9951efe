extension CodecsModule {
    static func installCodecFunctions(_ m: PyModule) {
        func text(_ v: Value, _ what: String) throws -> String {
            guard case .object(let s as PyStr) = v else { throw PyException.make(.typeError, "\(what)() argument 1 must be str, not \(typeName(v))") }
            return s.value
        }
        func errors(_ a: [Value], _ k: Int) throws -> String {
            guard k < a.count, !a[k].isNone else { return "strict" }
            return try BytesMethods.text(a[k], "errors") ?? "strict"
        }
        func final(_ a: [Value], _ k: Int, _ ctx: ExecutionContext) throws -> Bool {
            k < a.count ? try truthy(a[k], ctx) : false
        }
        func pair(_ first: Value, _ n: Int) -> Value { .object(PyTuple([first, .int(n)])) }

        let simple: [(String, Codecs.Encoding, Bool)] = [
            ("utf_8", .utf8, true), ("latin_1", .latin1, false), ("ascii", .ascii, false),
            ("utf_16_le", .utf16(littleEndian: true), true), ("utf_16_be", .utf16(littleEndian: false), true),
            ("utf_32_le", .utf32(littleEndian: true), true), ("utf_32_be", .utf32(littleEndian: false), true),
        ]
        for (name, encoding, incremental) in simple {
            m.addFunction("\(name)_encode") { a, _, _ in
                let s = try text(a.first ?? .none, "\(name)_encode")
                return pair(.object(PyBytes(try Codecs.encode(s, encoding: encoding.name, errors: try errors(a, 1)))), s.unicodeScalars.count)
            }
            m.addFunction("\(name)_decode") { a, _, ctx in
                let b = try BytesLike.required(a.first ?? .none)
                let r = try Codecs.decodePrefix(b, encoding, errors: try errors(a, 1), final: incremental ? try final(a, 2, ctx) : true)
                return pair(.str(r.text), r.consumed)
            }
        }
        for (name, unit) in [("utf_16", 2), ("utf_32", 4)] {
            /// byteorder: 0 = with a BOM, little-endian; -1 = little without; 1 = big without.
            m.addFunction("\(name)_encode") { a, _, ctx in
                let s = try text(a.first ?? .none, "\(name)_encode")
                let order = a.count > 2 ? try Index.cInt(a[2], ctx) : 0
                let codec = order == 0 ? (unit == 2 ? "utf-16" : "utf-32") : (unit == 2 ? "utf-16" : "utf-32") + (order < 0 ? "-le" : "-be")
                return pair(.object(PyBytes(try Codecs.encode(s, encoding: codec, errors: try errors(a, 1)))), s.unicodeScalars.count)
            }
            func exDecode(_ a: [Value], _ order: Int, _ isFinal: Bool) throws -> (String, Int, Int) {
                let b = try BytesLike.required(a.first ?? .none)
                var order = order
                var start = 0
                if order == 0 {
                    let bom: ([UInt8], [UInt8]) = unit == 2 ? ([0xFF, 0xFE], [0xFE, 0xFF]) : ([0xFF, 0xFE, 0, 0], [0, 0, 0xFE, 0xFF])
                    if b.starts(with: bom.0) { order = -1; start = unit } else if b.starts(with: bom.1) { order = 1; start = unit }
                }
                let le = order <= 0
                let enc: Codecs.Encoding = unit == 2 ? .utf16(littleEndian: le) : .utf32(littleEndian: le)
                let r = try Codecs.decodePrefix(Array(b[start...]), enc, errors: try errors(a, 1), final: isFinal)
                return (r.text, r.consumed + start, order)
            }
            m.addFunction("\(name)_decode") { a, _, ctx in
                let (s, n, _) = try exDecode(a, 0, try final(a, 2, ctx))
                return pair(.str(s), n)
            }
            m.addFunction("\(name)_ex_decode") { a, _, ctx in
                let order = a.count > 2 ? try Index.cInt(a[2], ctx) : 0
                let (s, n, o) = try exDecode(a, order, try final(a, 3, ctx))
                return .object(PyTuple([.str(s), .int(n), .int(o)]))
            }
        }
        m.addFunction("readbuffer_encode") { a, _, _ in
            let v = a.first ?? .none
            if case .object(let s as PyStr) = v { return pair(.object(PyBytes(Array(s.value.utf8))), s.value.utf8.count) }
            let b = try BytesLike.required(v)
            return pair(.object(PyBytes(b)), b.count)
        }
        m.addFunction("charmap_build") { a, _, _ in
            let table = try text(a.first ?? .none, "charmap_build")
            let d = PyDict()
            for (k, s) in table.unicodeScalars.enumerated() where s.value != 0xFFFE { try d.set(.int(Int(s.value)), .int(k)) }
            return .object(d)
        }
        m.addFunction("charmap_decode") { a, _, ctx in
            let b = try BytesLike.required(a.first ?? .none)
            let mapping = a.count > 2 ? a[2] : .none
            return pair(.str(try charmapDecode(b, mapping, errors: try errors(a, 1), ctx)), b.count)
        }
        m.addFunction("charmap_encode") { a, _, ctx in
            let s = try text(a.first ?? .none, "charmap_encode")
            let mapping = a.count > 2 ? a[2] : .none
            return pair(.object(PyBytes(try charmapEncode(s, mapping, errors: try errors(a, 1), ctx))), s.unicodeScalars.count)
        }
        for raw in [false, true] {
            let name = raw ? "raw_unicode_escape" : "unicode_escape"
            m.addFunction("\(name)_encode") { a, _, _ in
                let s = try text(a.first ?? .none, "\(name)_encode")
                return pair(.object(PyBytes(EscapeCodecs.encode(s, raw: raw))), s.unicodeScalars.count)
            }
            m.addFunction("\(name)_decode") { a, _, _ in
                let v = a.first ?? .none
                let b: [UInt8]
                if case .object(let s as PyStr) = v { b = Array(s.value.utf8) } else { b = try BytesLike.required(v) }
                return pair(.str(try EscapeCodecs.decode(b, raw: raw, errors: try errors(a, 1))), b.count)
            }
        }
        m.addFunction("escape_encode") { a, _, _ in
            let b = try BytesLike.required(a.first ?? .none)
            let r = bytesRepr(b)
            // The repr's content between the quotes, with both quote characters escaped as CPython does.
            var inner = Array(r.utf8.dropFirst(2).dropLast())
            if r.utf8.dropFirst().first == 34 { inner = Array(String(decoding: inner, as: UTF8.self).replacingOccurrences(of: "'", with: "\\'").utf8) }
            return pair(.object(PyBytes(inner)), b.count)
        }
        m.addFunction("escape_decode") { a, _, _ in
            let v = a.first ?? .none
            let b: [UInt8]
            if case .object(let s as PyStr) = v { b = Array(s.value.utf8) } else { b = try BytesLike.required(v) }
            return pair(.object(PyBytes(try EscapeCodecs.decodeBytes(b))), b.count)
        }
        for name in ["utf_7_encode", "utf_7_decode"] {
            m.addFunction(name) { _, _, _ in throw PyException.make(.notImplementedError, "not supported yet: the utf-7 codec") }
        }
    }

    /// charmap_decode: the mapping is a str (the byte's character; U+FFFE undefined) or a dict byte → int/str/None.
    static func charmapDecode(_ b: [UInt8], _ mapping: Value, errors: String, _ ctx: ExecutionContext) throws -> String {
        if mapping.isNone { return try Codecs.decode(b, encoding: "latin-1", errors: errors) }
        var table: [Unicode.Scalar]?
        if case .object(let s as PyStr) = mapping { table = s.scalars }
        var out = String.UnicodeScalarView()
        for (i, byte) in b.enumerated() {
            var mapped: [Unicode.Scalar]?
            if let table {
                if Int(byte) < table.count, table[Int(byte)].value != 0xFFFE { mapped = [table[Int(byte)]] }
            } else {
                switch try Subscript.getOptional(mapping, .int(Int(byte)), ctx) {
                case .int(let n)?: if let u = Unicode.Scalar(UInt32(clamping: n)), n != 0xFFFE { mapped = [u] }
                case .object(let s as PyStr)?: mapped = s.scalars
                default: break
                }
            }
            if let mapped { out.append(contentsOf: mapped); continue }
            switch errors {
            case "ignore": continue
            case "replace": out.append("\u{FFFD}")
            case "backslashreplace": out.append(contentsOf: Codecs.escape(Unicode.Scalar(byte)).unicodeScalars)
            default: throw UnicodeErrors.decode("charmap", b, i, i + 1, "character maps to <undefined>")
            }
        }
        return String(out)
    }

    /// charmap_encode: the mapping (from charmap_build, or any dict) maps code points to a byte, bytes or None.
    static func charmapEncode(_ s: String, _ mapping: Value, errors: String, _ ctx: ExecutionContext) throws -> [UInt8] {
        if mapping.isNone { return try Codecs.encode(s, encoding: "latin-1", errors: errors) }
        var out: [UInt8] = []
        let scalars = Array(s.unicodeScalars)
        for (i, c) in scalars.enumerated() {
            switch try Subscript.getOptional(mapping, .int(Int(c.value)), ctx) {
            case .int(let n)?:
                guard (0...255).contains(n) else { throw PyException.make(.typeError, "character mapping must be in range(256)") }
                out.append(UInt8(n))
                continue
            case .object(let o)? where BytesLike.bytes(.object(o)) != nil:
                out += BytesLike.bytes(.object(o))!
                continue
            default: break
            }
            switch errors {
            case "ignore": continue
            case "replace": out.append(0x3F)
            case "xmlcharrefreplace": out += Array("&#\(c.value);".utf8)
            case "backslashreplace": out += Array(Codecs.escape(c).utf8)
            default: throw UnicodeErrors.encode("charmap", s, i, i + 1, "character maps to <undefined>")
            }
        }
        return out
    }
}

extension Subscript {
    /// `mapping[key]`, nil on LookupError (the charmap codecs' "undefined").
    static func getOptional(_ mapping: Value, _ key: Value, _ ctx: ExecutionContext) throws -> Value? {
        do {
            return try get(mapping, key, ctx)
        } catch let e as PyException where e.matches(.lookupError) {
            return nil
        }
    }
}

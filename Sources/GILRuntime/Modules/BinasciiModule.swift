/// `binascii` (Modules/binascii.c): base64 (with CPython's lenient and strict decoding rules and messages),
/// hex, quoted-printable, uuencode, CRC-32 and CRC-CCITT — what base64, uu, quopri, zipfile and email use.
enum BinasciiModule {
    static let errorType = PyType(name: "Error", base: ExceptionKind.valueError.type, module: "binascii")
    static let incompleteType = PyType(name: "Incomplete", base: ExceptionKind.exception.type, module: "binascii")
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func error(_ message: String) -> PyException { PyException(PyInstance.exception(errorType, message)) }

    /// Text arguments of the a2b functions may be ASCII str as well as bytes-like.
    static func asciiData(_ v: Value) throws -> [UInt8] {
        if case .object(let s as PyStr) = v {
            guard s.value.unicodeScalars.allSatisfy({ $0.isASCII }) else {
                throw PyException.make(.valueError, "string argument should contain only ASCII characters")
            }
            return Array(s.value.utf8)
        }
        return try BytesLike.required(v)
    }

    static func make() -> PyModule {
        let m = PyModule(name: "binascii")
        m.dict["Error"] = .object(errorType)
        m.dict["Incomplete"] = .object(incompleteType)
        m.addFunction("b2a_base64") { a, kw, ctx in
            let args = try Arguments(a, kw, names: ["data"], keywordOnly: ["newline"], required: 1, function: "b2a_base64")
            let newline = try args.value(1).map { try truthy($0, ctx) } ?? true
            return .object(PyBytes(base64Encode(try BytesLike.required(args.value(0)!)) + (newline ? [10] : [])))
        }
        m.addFunction("a2b_base64") { a, kw, ctx in
            let args = try Arguments(a, kw, names: ["data"], keywordOnly: ["strict_mode"], required: 1, function: "a2b_base64")
            let strict = try args.value(1).map { try truthy($0, ctx) } ?? false
            return .object(PyBytes(try base64Decode(try asciiData(args.value(0)!), strict: strict)))
        }
        for name in ["b2a_hex", "hexlify"] {
            m.addFunction(name) { a, kw, ctx in
                let args = try Arguments(a, kw, names: ["data", "sep", "bytes_per_sep"], required: 1, function: name)
                let text = try BytesMethods.hex(try BytesLike.required(args.value(0)!), sep: args.value(1), perSep: args.value(2), ctx)
                return .object(PyBytes(Array(text.utf8)))
            }
        }
        for name in ["a2b_hex", "unhexlify"] {
            m.addFunction(name) { a, _, _ in
                let b = try asciiData(a.first ?? .none)
                if b.count % 2 != 0 { throw error("Odd-length string") }
                var out: [UInt8] = []
                out.reserveCapacity(b.count / 2)
                var i = 0
                while i < b.count {
                    guard let hi = IntParsing.digitValue(Unicode.Scalar(b[i])), hi < 16,
                        let lo = IntParsing.digitValue(Unicode.Scalar(b[i + 1])), lo < 16
                    else { throw error("Non-hexadecimal digit found") }
                    out.append(UInt8(hi << 4 | lo))
                    i += 2
                }
                return .object(PyBytes(out))
            }
        }
        m.addFunction("crc32") { a, _, ctx in
            let b = try BytesLike.required(a.first ?? .none)
            let start = a.count > 1 ? UInt32(truncatingIfNeeded: try Index.big(a[1], ctx).magnitude.words.first ?? 0) : 0
            return .int(Int(crc32(b, start)))
        }
        m.addFunction("crc_hqx") { a, _, ctx in
            let b = try BytesLike.required(a.first ?? .none)
            var crc = UInt16(truncatingIfNeeded: a.count > 1 ? try Index.value(a[1], ctx) : 0)
            for byte in b {
                crc ^= UInt16(byte) << 8
                for _ in 0..<8 { crc = crc & 0x8000 != 0 ? (crc << 1) ^ 0x1021 : crc << 1 }
            }
            return .int(Int(crc))
        }
        installQuotedPrintableAndUU(m)
        return m
    }

    static func base64Encode(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity((b.count + 2) / 3 * 4)
        var i = 0
        while i + 2 < b.count {
            let n = UInt32(b[i]) << 16 | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2])
            out += [alphabet[Int(n >> 18)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], alphabet[Int(n & 63)]]
            i += 3
        }
        if b.count - i == 1 {
            let n = UInt32(b[i]) << 16
            out += [alphabet[Int(n >> 18)], alphabet[Int(n >> 12 & 63)], 61, 61]
        } else if b.count - i == 2 {
            let n = UInt32(b[i]) << 16 | UInt32(b[i + 1]) << 8
            out += [alphabet[Int(n >> 18)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], 61]
        }
        return out
    }

    private static let decodeTable: [UInt8] = {
        var t = [UInt8](repeating: 255, count: 256)
        for (i, c) in alphabet.enumerated() { t[Int(c)] = UInt8(i) }
        return t
    }()

    /// binascii_a2b_base64_impl: characters outside the alphabet are skipped (an error in strict mode), a pad
    /// sequence ends the input once it completes a quad.
    static func base64Decode(_ b: [UInt8], strict: Bool) throws -> [UInt8] {
        var out: [UInt8] = []
        var quad = 0, left: UInt32 = 0, pads = 0, dataChars = 0
        var paddingStarted = false
        if strict, b.first == 61 { throw error("Leading padding not allowed") }
        for (i, c) in b.enumerated() {
            if c == 61 {
                paddingStarted = true
                pads += 1
                if quad >= 2 && quad + pads >= 4 {
                    if strict && i + 1 < b.count { throw error("Excess data after padding") }
                    return out
                }
                continue
            }
            let v = decodeTable[Int(c)]
            if v == 255 {
                if strict { throw error("Only base64 data is allowed") }
                continue
            }
            if strict && paddingStarted { throw error("Discontinuous padding not allowed") }
            pads = 0
            dataChars += 1
            switch quad {
            case 0: left = UInt32(v); quad = 1
            case 1: out.append(UInt8(left << 2 | UInt32(v) >> 4)); left = UInt32(v) & 0x0F; quad = 2
            case 2: out.append(UInt8(left << 4 | UInt32(v) >> 2)); left = UInt32(v) & 0x03; quad = 3
            default: out.append(UInt8(truncatingIfNeeded: left << 6 | UInt32(v))); left = 0; quad = 0
            }
        }
        if quad == 1 {
            throw error("Invalid base64-encoded string: number of data characters (\(dataChars)) cannot be 1 more than a multiple of 4")
        }
        if quad != 0 { throw error("Incorrect padding") }
        return out
    }

    static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ b: [UInt8], _ start: UInt32) -> UInt32 {
        var crc = ~start
        for byte in b { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return ~crc
    }
}

extension BinasciiModule {
    /// Quoted-printable (RFC 1521, binascii_b2a_qp_impl / a2b_qp) and uuencode.
    static func installQuotedPrintableAndUU(_ m: PyModule) {
        let hex = Array("0123456789ABCDEF".utf8)
        m.addFunction("b2a_qp") { a, kw, ctx in
            let args = try Arguments(a, kw, names: ["data", "quotetabs", "istext", "header"], required: 1, function: "b2a_qp")
            let data = try BytesLike.required(args.value(0)!)
            let quoteTabs = try args.value(1).map { try truthy($0, ctx) } ?? false
            let header = try args.value(3).map { try truthy($0, ctx) } ?? false
            var out: [UInt8] = []
            var lineLength = 0
            func emit(_ bytes: [UInt8]) {
                if lineLength + bytes.count > 75 {
                    out += [61, 10]  // soft line break "=\n"
                    lineLength = 0
                }
                out += bytes
                lineLength += bytes.count
            }
            for (i, c) in data.enumerated() {
                let atLineEnd = i + 1 == data.count || data[i + 1] == 10
                if c == 10 {
                    out.append(10)
                    lineLength = 0
                } else if c == 61 || c > 126 || (c < 32 && c != 9) || ((c == 9 || c == 32) && (atLineEnd || quoteTabs))
                    || (header && c == 95) || (c == 46 && lineLength == 0 && atLineEnd) {
                    emit([61, hex[Int(c >> 4)], hex[Int(c & 15)]])
                } else if header && c == 32 {
                    emit([95])
                } else {
                    emit([c])
                }
            }
            return .object(PyBytes(out))
        }
        m.addFunction("a2b_qp") { a, kw, ctx in
            let args = try Arguments(a, kw, names: ["data", "header"], required: 1, function: "a2b_qp")
            let data = try asciiData(args.value(0)!)
            let header = try args.value(1).map { try truthy($0, ctx) } ?? false
            var out: [UInt8] = []
            var i = 0
            while i < data.count {
                let c = data[i]
                if c == 61 {
                    if i + 1 < data.count, data[i + 1] == 10 { i += 2; continue }
                    if i + 2 < data.count, data[i + 1] == 13, data[i + 2] == 10 { i += 3; continue }
                    if i + 2 < data.count, let hi = IntParsing.digitValue(Unicode.Scalar(data[i + 1])), hi < 16,
                        let lo = IntParsing.digitValue(Unicode.Scalar(data[i + 2])), lo < 16 {
                        out.append(UInt8(hi << 4 | lo))
                        i += 3
                        continue
                    }
                    if i + 1 == data.count { i += 1; continue }
                    out.append(c)
                } else if header && c == 95 {
                    out.append(32)
                } else {
                    out.append(c)
                }
                i += 1
            }
            return .object(PyBytes(out))
        }
        m.addFunction("b2a_uu") { a, kw, ctx in
            let args = try Arguments(a, kw, names: ["data"], keywordOnly: ["backtick"], required: 1, function: "b2a_uu")
            let data = try BytesLike.required(args.value(0)!)
            let backtick = try args.value(1).map { try truthy($0, ctx) } ?? false
            if data.count > 45 { throw error("At most 45 bytes at once") }
            func ch(_ v: UInt32) -> UInt8 { v == 0 && backtick ? 96 : UInt8(32 + v) }
            var out: [UInt8] = [ch(UInt32(data.count))]
            var i = 0
            while i < data.count {
                let b0 = UInt32(data[i]), b1 = i + 1 < data.count ? UInt32(data[i + 1]) : 0, b2 = i + 2 < data.count ? UInt32(data[i + 2]) : 0
                let n = b0 << 16 | b1 << 8 | b2
                out += [ch(n >> 18 & 63), ch(n >> 12 & 63), ch(n >> 6 & 63), ch(n & 63)]
                i += 3
            }
            return .object(PyBytes(out + [10]))
        }
        m.addFunction("a2b_uu") { a, _, _ in
            let data = try asciiData(a.first ?? .none)
            guard let first = data.first else { return .object(PyBytes([UInt8](repeating: 0, count: 32))) }
            let length = Int((first &- 32) & 63)
            var out: [UInt8] = []
            var bits: UInt32 = 0, count = 0
            for c in data.dropFirst() where c != 10 && c != 13 {
                bits = bits << 6 | UInt32((c &- 32) & 63)
                count += 6
                if count >= 8 {
                    count -= 8
                    if out.count < length { out.append(UInt8(truncatingIfNeeded: bits >> UInt32(count))) }
                }
            }
            while out.count < length { out.append(0) }
            return .object(PyBytes(out))
        }
    }
}

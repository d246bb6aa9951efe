/// Source file bytes → text, as CPython's tokenizer decodes them (PEP 263, Parser/tokenizer.c
/// `check_coding_spec`, Lib/tokenize.py `detect_encoding`): a UTF-8 byte order mark, or a
/// `coding[:=]name` comment on the first line, or on the second when the first is blank or a comment;
/// UTF-8 otherwise. The codecs a source file realistically declares are decoded here; a codec CPython
/// knows and we do not is reported as such, never guessed.
public enum SourceDecoding {
    /// Decodes a whole source file. Errors are `SyntaxError`s with CPython's messages.
    public static func decode(_ bytes: [UInt8], fileName: String) throws(SyntaxError) -> String {
        var body = bytes[...]
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if hasBOM { body = body.dropFirst(3) }
        let declared = try declaredEncoding(body, fileName: fileName)
        if hasBOM, let declared, declared.normalized != "utf-8" {
            throw failure("encoding problem: \(declared.normalized) with BOM", fileName, line: declared.line)
        }
        switch declared?.normalized ?? "utf-8" {
        case "utf-8", "utf-8-sig":
            return try utf8(body, fileName: fileName)
        case "iso-8859-1":
            return String(String.UnicodeScalarView(body.map { Unicode.Scalar($0) }))
        case "ascii":
            if let (offset, byte) = body.enumerated().first(where: { $0.element >= 0x80 }) {
                let line = body.prefix(offset).filter { $0 == 0x0A }.count + 1
                throw failure(
                    "(unicode error) 'ascii' codec can't decode byte 0x\(hex(byte)) in position \(offset): ordinal not in range(128)",
                    fileName, line: line)
            }
            return String(decoding: body, as: UTF8.self)
        case "cp1252":
            return try singleByte(body, table: cp1252High, codec: "charmap", fileName: fileName)
        case "iso-8859-15":
            return String(String.UnicodeScalarView(body.map { Unicode.Scalar(latin9[$0] ?? UInt32($0))! }))
        case let other:
            let line = declared?.line ?? 1
            if knownElsewhere.contains(other) {
                throw SyntaxError.unsupported("source encoding '\(other)'", fileName: fileName, location: SourceLocation(line: Int32(line), column: 1))
            }
            throw failure("unknown encoding: \(declared?.name ?? other)", fileName, line: line)
        }
    }

    /// The declared encoding (name as written, normalized name, line), or nil.
    static func declaredEncoding(_ bytes: ArraySlice<UInt8>, fileName: String) throws(SyntaxError) -> (name: String, normalized: String, line: Int)? {
        var lines: [ArraySlice<UInt8>] = []
        var rest = bytes
        while lines.count < 2 {
            if let nl = rest.firstIndex(of: 0x0A) {
                lines.append(rest[..<nl])
                rest = rest[(nl + 1)...]
            } else {
                lines.append(rest)
                break
            }
        }
        for (k, line) in lines.enumerated() {
            if let name = cookie(line) { return (name, normalize(name), k + 1) }
            if !isBlankOrComment(line) { return nil }
        }
        return nil
    }

    /// `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)` on one line.
    static func cookie(_ line: ArraySlice<UInt8>) -> String? {
        let body = line.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0C }
        guard body.first == UInt8(ascii: "#") else { return nil }
        let text = Array(body)
        let key = Array("coding".utf8)
        var i = 0
        while i + key.count < text.count {
            if Array(text[i..<(i + key.count)]) == key, text[i + key.count] == UInt8(ascii: ":") || text[i + key.count] == UInt8(ascii: "=") {
                var j = i + key.count + 1
                while j < text.count, text[j] == 0x20 || text[j] == 0x09 { j += 1 }
                var name: [UInt8] = []
                while j < text.count, isNameByte(text[j]) {
                    name.append(text[j])
                    j += 1
                }
                if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
            }
            i += 1
        }
        return nil
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x2D || b == 0x2E
    }

    private static func isBlankOrComment(_ line: ArraySlice<UInt8>) -> Bool {
        let body = line.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0C }
        guard let first = body.first else { return true }
        return first == UInt8(ascii: "#") || first == 0x0D
    }

    /// tokenizer.c `get_normal_name`, extended with the aliases Lib/encodings/aliases.py maps to the codecs
    /// decoded here.
    static func normalize(_ name: String) -> String {
        let lower = String(name.lowercased().map { $0 == "_" ? "-" : $0 })
        func family(_ base: String) -> Bool { lower == base || lower.hasPrefix(base + "-") }
        if lower == "utf-8-sig" { return "utf-8-sig" }
        if family("utf-8") || lower == "utf8" || lower == "u8" { return "utf-8" }
        if family("latin-1") || family("iso-8859-1") || family("iso-latin-1") || ["latin1", "latin", "l1", "iso8859-1", "8859", "cp819"].contains(lower) {
            return "iso-8859-1"
        }
        if ["ascii", "us-ascii", "646", "us"].contains(lower) { return "ascii" }
        if ["cp1252", "windows-1252"].contains(lower) { return "cp1252" }
        if ["iso-8859-15", "iso8859-15", "latin9", "latin-9", "l9"].contains(lower) { return "iso-8859-15" }
        return lower
    }

    private static func utf8(_ body: ArraySlice<UInt8>, fileName: String) throws(SyntaxError) -> String {
        // Valid UTF-8 (nearly every file) is validated and copied in one pass; the scalar loop below only
        // runs to find where invalid input starts, for the error.
        if let valid = String(validating: body, as: UTF8.self) { return valid }
        var iterator = body.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        var offset = 0
        var line = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                scalars.append(s)
                if s == "\n" { line += 1 }
                offset += String(s).utf8.count
            case .emptyInput:
                return String(scalars)
            case .error:
                // The first byte that does not start a valid sequence at `offset`.
                let bad = body[body.startIndex + offset]
                throw failure(
                    "Non-UTF-8 code starting with '\\x\(hex(bad))' in file \(fileName) on line \(line), but no encoding declared; "
                        + "see https://peps.python.org/pep-0263/ for details", fileName, line: line)
            }
        }
    }

    private static func singleByte(_ body: ArraySlice<UInt8>, table: [UInt32?], codec: String, fileName: String) throws(SyntaxError) -> String {
        var scalars = String.UnicodeScalarView()
        for (offset, b) in body.enumerated() {
            if b < 0x80 {
                scalars.append(Unicode.Scalar(b))
            } else if let v = table[Int(b) - 0x80], let s = Unicode.Scalar(v) {
                scalars.append(s)
            } else {
                let line = body.prefix(offset).filter { $0 == 0x0A }.count + 1
                throw failure(
                    "(unicode error) '\(codec)' codec can't decode byte 0x\(hex(b)) in position \(offset): character maps to <undefined>",
                    fileName, line: line)
            }
        }
        return String(scalars)
    }

    private static func failure(_ message: String, _ fileName: String, line: Int) -> SyntaxError {
        SyntaxError(message, fileName: fileName, location: SourceLocation(line: Int32(line), column: 0))
    }

    private static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }

    /// Codecs CPython decodes that we do not (so the message says "not supported yet", not "unknown").
    private static let knownElsewhere: Set<String> = [
        "utf-16", "utf-16-le", "utf-16-be", "utf-32", "koi8-r", "koi8-u", "cp1251", "cp1250", "cp437", "cp850", "euc-jp",
        "shift-jis", "shift_jis", "sjis", "gbk", "gb2312", "gb18030", "big5", "euc-kr", "iso-8859-2", "iso-8859-5",
        "iso-8859-7", "iso-8859-9", "mac-roman", "utf-7",
    ]

    /// cp1252 bytes 0x80…0x9F (Lib/encodings/cp1252.py); 0xA0…0xFF are Latin-1.
    private static let cp1252High: [UInt32?] = {
        let low: [UInt32?] = [
            0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
            nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
        ]
        return low + (0xA0...0xFF).map { UInt32($0) }
    }()

    /// ISO-8859-15's eight differences from Latin-1.
    private static let latin9: [UInt8: UInt32] = [
        0xA4: 0x20AC, 0xA6: 0x0160, 0xA8: 0x0161, 0xB4: 0x017D, 0xB8: 0x017E, 0xBC: 0x0152, 0xBD: 0x0153, 0xBE: 0x0178,
    ]
}

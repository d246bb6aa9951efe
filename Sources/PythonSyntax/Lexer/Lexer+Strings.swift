/// String literals (https://docs.python.org/3/reference/lexical_analysis.html#string-and-bytes-literals):
/// every prefix, single/double/triple quotes, escapes decoded here for plain strings and bytes. An f-string
/// is found the 3.11 way (its fields may not contain its own quote), and its body is left for the parser.
extension Lexer {
    mutating func lexString(prefixStart: Int, prefix: [Unicode.Scalar]) throws(SyntaxError) {
        let quote = source[pos]
        let isTriple = pos + 2 < end && source[pos + 1] == quote && source[pos + 2] == quote
        let startLocation = location(of: prefixStart)
        pos += isTriple ? 3 : 1
        let bodyStart = pos
        let bodyLine = line
        let bodyLineStart = lineStart
        while true {
            guard pos < end else {
                let what = isTriple ? "unterminated triple-quoted string literal" : "unterminated string literal"
                throw SyntaxError(
                    "\(what) (detected at line \(line))", fileName: fileName, location: startLocation,
                    sourceLine: Lexer.lineText(in: source, containing: prefixStart))
            }
            let c = source[pos]
            if c == "\\" {
                pos += 1
                if pos < end && source[pos] == "\n" {
                    line += 1
                    lineStart = pos + 1
                }
                pos += 1
                continue
            }
            if c == "\n" {
                guard isTriple else {
                    throw SyntaxError(
                        "unterminated string literal (detected at line \(line))", fileName: fileName,
                        location: startLocation, sourceLine: Lexer.lineText(in: source, containing: prefixStart))
                }
                line += 1
                lineStart = pos + 1
                pos += 1
                continue
            }
            if c == quote && (!isTriple || (pos + 2 < end && source[pos + 1] == quote && source[pos + 2] == quote)) {
                break
            }
            pos += 1
        }
        let bodyEnd = pos
        pos += isTriple ? 3 : 1
        let isBytes = prefix.contains("b")
        let isRaw = prefix.contains("r")
        let isFormatted = prefix.contains("f")
        var token = StringToken(
            isBytes: isBytes, isRaw: isRaw, isFormatted: isFormatted, text: "", bytes: [], bodyStart: bodyStart,
            bodyEnd: bodyEnd, bodyLine: bodyLine, bodyLineStart: bodyLineStart)
        if !isFormatted {
            let decoded = try StringDecoder.decode(
                source, bodyStart..<bodyEnd, isRaw: isRaw, isBytes: isBytes, fileName: fileName,
                location: startLocation)
            if isBytes {
                token.bytes = decoded.map { UInt8(truncatingIfNeeded: $0.value) }
            } else {
                token.text = Lexer.text(decoded[...])
            }
        }
        tokens.append(Token(kind: .string(token), location: startLocation, offset: prefixStart))
    }
}

/// Escape sequences, shared by the lexer (plain literals) and the f-string splitter (literal parts).
enum StringDecoder {
    static func decode(
        _ source: [Unicode.Scalar], _ range: Range<Int>, isRaw: Bool, isBytes: Bool, fileName: String,
        location: SourceLocation
    ) throws(SyntaxError) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        func fail(_ message: String) -> SyntaxError {
            SyntaxError(message, fileName: fileName, location: location, sourceLine: Lexer.lineText(in: source, containing: range.lowerBound))
        }
        while i < range.upperBound {
            let c = source[i]
            if isBytes && c.value > 127 {
                throw fail("bytes can only contain ASCII literal characters")
            }
            guard c == "\\" && !isRaw, i + 1 < range.upperBound else {
                out.append(c)
                i += 1
                continue
            }
            let next = source[i + 1]
            i += 2
            if let control = ControlEscape.character(next) {
                out.append(control)
                continue
            }
            switch next {
            case "\n": break
            case "\\": out.append("\\")
            case "'": out.append("'")
            case "\"": out.append("\"")
            case "0"..."7":
                var value = Int(next.value - 48)
                var count = 1
                while count < 3, i < range.upperBound, source[i].value >= 48, source[i].value <= 55 {
                    value = value * 8 + Int(source[i].value - 48)
                    i += 1
                    count += 1
                }
                if isBytes { value &= 0xFF }
                guard let scalar = Unicode.Scalar(value) else { throw fail("invalid octal escape") }
                out.append(scalar)
            case "x", "u", "U":
                if isBytes && next != "x" {
                    out.append("\\")
                    out.append(next)
                    continue
                }
                let width = next == "x" ? 2 : next == "u" ? 4 : 8
                var value: UInt32 = 0
                for k in 0..<width {
                    guard i + k < range.upperBound, let digit = Character(source[i + k]).hexDigitValue,
                        source[i + k].value < 128
                    else {
                        let codec = isBytes ? "(value error) invalid \\x escape at position \(k)"
                            : "(unicode error) 'unicodeescape' codec can't decode bytes: truncated \\\(next)\(String(repeating: "X", count: width)) escape"
                        throw fail(codec)
                    }
                    value = value &* 16 &+ UInt32(digit)
                }
                i += width
                if value > 0x10FFFF {
                    throw fail("(unicode error) 'unicodeescape' codec can't decode bytes: illegal Unicode character")
                }
                // A lone surrogate (legal in Python's str) has no Swift scalar: it becomes U+FFFD.
                out.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            case "N" where !isBytes:
                // \N{NAME}: the Unicode character database's name (or name alias), case-insensitive.
                guard i < range.upperBound, source[i] == "{",
                    let close = (i + 1 ..< range.upperBound).first(where: { source[$0] == "}" }), close > i + 1
                else { throw fail("(unicode error) 'unicodeescape' codec can't decode bytes: malformed \\N character escape") }
                let name = String(String.UnicodeScalarView(source[(i + 1) ..< close])).uppercased()
                guard let scalar = scalar(named: name) else {
                    throw fail("(unicode error) 'unicodeescape' codec can't decode bytes: unknown Unicode character name")
                }
                out.append(scalar)
                i = close + 1
            default:
                out.append("\\")
                out.append(next)
            }
        }
        return out
    }

    /// The scalar whose Unicode name (or name alias) is `name`; a linear scan, only for `\N{…}` escapes.
    static func scalar(named name: String) -> Unicode.Scalar? {
        for value in UInt32(0) ... 0x10FFFF {
            guard let s = Unicode.Scalar(value) else { continue }
            if s.properties.name == name || s.properties.nameAlias == name { return s }
        }
        return nil
    }
}

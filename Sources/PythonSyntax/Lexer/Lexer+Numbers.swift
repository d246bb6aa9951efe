/// Number literals (https://docs.python.org/3/reference/lexical_analysis.html#numeric-literals):
/// underscores between digits, `0x`/`0o`/`0b`, floats with optional parts and exponent, `j` suffix.
/// Integers that overflow `Int` become `Constant.bigInt` with their decimal digits.
extension Lexer {
    mutating func lexNumber() throws(SyntaxError) {
        let start = pos
        if source[pos] == "0", pos + 1 < end {
            let marker = source[pos + 1]
            let radix: Int? = marker == "x" || marker == "X" ? 16 : marker == "o" || marker == "O" ? 8
                : marker == "b" || marker == "B" ? 2 : nil
            if let radix {
                try lexRadixInteger(start: start, radix: radix)
                return
            }
        }
        var digits = try readDecimalDigits(start: start)
        var isFloat = false
        if pos < end && source[pos] == "." {
            isFloat = true
            digits.append(".")
            pos += 1
            if pos < end && isDigit(source[pos]) { digits += try readDecimalDigits(start: start) }
        }
        if pos < end, source[pos] == "e" || source[pos] == "E" {
            var lookahead = pos + 1
            if lookahead < end, source[lookahead] == "+" || source[lookahead] == "-" { lookahead += 1 }
            if lookahead < end && isDigit(source[lookahead]) {
                isFloat = true
                digits += String(source[pos..<lookahead].map(Character.init))
                pos = lookahead
                digits += try readDecimalDigits(start: start)
            } else {
                throw error("invalid decimal literal", at: start)
            }
        }
        if pos < end, source[pos] == "j" || source[pos] == "J" {
            pos += 1
            try verifyEndOfNumber(start: start, kind: "imaginary")
            emit(.number(.imaginary(Double(digits) ?? .infinity)), from: start)
            return
        }
        try verifyEndOfNumber(start: start, kind: "decimal")
        if isFloat {
            emit(.number(.float(Double(digits) ?? .infinity)), from: start)
            return
        }
        let significant = digits.drop { $0 == "0" }
        if digits.first == "0" && !significant.isEmpty {
            throw error(
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                at: start)
        }
        if let value = Int(digits) {
            emit(.number(.int(value)), from: start)
        } else if significant.count > Self.maxStringDigits {
            // CPython 3.11+ (PEP 651 follow-up, CVE-2020-10735): decimal conversion is quadratic, so it is capped.
            throw error(
                "Exceeds the limit (\(Self.maxStringDigits) digits) for integer string conversion: value has "
                    + "\(significant.count) digits; use sys.set_int_max_str_digits() to increase the limit - "
                    + "Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
                at: start)
        } else {
            emit(.number(.bigInt(String(significant))), from: start)
        }
    }

    /// Digits with single underscores between them; an underscore not followed by a digit is
    /// "invalid decimal literal", as in CPython.
    private mutating func readDecimalDigits(start: Int) throws(SyntaxError) -> String {
        var text = ""
        while pos < end {
            let c = source[pos]
            if isDigit(c) {
                text.unicodeScalars.append(c)
                pos += 1
            } else if c == "_" {
                guard pos + 1 < end, isDigit(source[pos + 1]), !text.isEmpty else {
                    throw error("invalid decimal literal", at: pos)
                }
                pos += 1
            } else {
                break
            }
        }
        return text
    }

    private mutating func lexRadixInteger(start: Int, radix: Int) throws(SyntaxError) {
        let name = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary"
        pos += 2
        var digitValues: [Int] = []
        while pos < end {
            let c = source[pos]
            if c == "_" {
                pos += 1
                continue
            }
            guard let value = Character(c).hexDigitValue, isDigit(c) || radix == 16 else { break }
            guard value < radix else {
                throw error("invalid digit '\(c)' in \(name) literal", at: pos)
            }
            digitValues.append(value)
            pos += 1
        }
        guard !digitValues.isEmpty, source[pos - 1] != "_" else {
            throw error("invalid \(name) literal", at: start + 1)
        }
        try verifyEndOfNumber(start: start, kind: name)
        var value = 0
        var overflow = false
        for digit in digitValues {
            let (times, o1) = value.multipliedReportingOverflow(by: radix)
            let (plus, o2) = times.addingReportingOverflow(digit)
            if o1 || o2 {
                overflow = true
                break
            }
            value = plus
        }
        if overflow {
            // Our big literals travel as decimal digits (a quadratic conversion): bound them so a huge hex
            // literal is an error, not a hang.
            let bits = digitValues.count * (radix == 16 ? 4 : radix == 8 ? 3 : 1)
            if bits > Self.maxRadixLiteralBits {
                throw error("integer literal too large: \(bits) bits (gilrec takes at most \(Self.maxRadixLiteralBits))", at: start)
            }
            emit(.number(.bigInt(Self.decimalDigits(of: digitValues, radix: radix))), from: start)
        } else {
            emit(.number(.int(value)), from: start)
        }
    }

    /// CPython's `verify_end_of_number`: a letter right after a number is an error unless it starts one of
    /// the keywords that may follow a number without a space (`1if x else 2`).
    private func verifyEndOfNumber(start: Int, kind: String) throws(SyntaxError) {
        guard pos < end, isIdentifierContinue(source[pos]) else { return }
        for keyword in ["and", "else", "for", "if", "in", "is", "not", "or"] {
            let scalars = Array(keyword.unicodeScalars)
            if pos + scalars.count <= end && Array(source[pos..<pos + scalars.count]) == scalars { return }
        }
        throw error("invalid \(kind) literal", at: start)
    }

    /// CPython's default `sys.get_int_max_str_digits()`: longer decimal literals are a SyntaxError.
    static let maxStringDigits = 4300
    /// The largest hex/octal/binary literal we convert (about 4,900 decimal digits).
    static let maxRadixLiteralBits = 16384

    /// Base conversion of a big literal into decimal digits, schoolbook style (literals are short).
    static func decimalDigits(of digitValues: [Int], radix: Int) -> String {
        var decimal: [Int] = [0]  // least significant first
        for digit in digitValues {
            var carry = digit
            for i in decimal.indices {
                let v = decimal[i] * radix + carry
                decimal[i] = v % 10
                carry = v / 10
            }
            while carry > 0 {
                decimal.append(carry % 10)
                carry /= 10
            }
        }
        while decimal.count > 1 && decimal.last == 0 { decimal.removeLast() }
        return String(decimal.reversed().map { Character(String($0)) })
    }
}

/// The text `float()` accepts, exactly as CPython's PyFloat_FromString reads it: Unicode decimal digits
/// count as ASCII ones and Unicode spaces as spaces; surrounding whitespace (newlines too) is ignored; `_`
/// only between two digits; then a decimal literal (`1.`, `.5`, `1e-3`, a sign) or `inf`/`infinity`/`nan` in
/// any case with an optional sign — and nothing else: no hex, no `nan(…)`, no embedded NUL.
enum FloatText {
    /// The double `text` spells, nil when `float()` raises ValueError for it.
    static func parse(_ text: String) -> Double? {
        var ascii: [UInt8] = []
        ascii.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                ascii.append(UInt8(scalar.value))
            } else if scalar.properties.isWhitespace {
                ascii.append(0x20)
            } else if scalar.properties.numericType == .decimal, let digit = scalar.properties.numericValue {
                ascii.append(0x30 + UInt8(digit))
            } else {
                return nil
            }
        }
        return parse(ascii: ascii)
    }

    /// `float(b"…")`: the bytes as they are (only ASCII can be part of a number).
    static func parse(bytes: [UInt8]) -> Double? {
        bytes.contains { $0 >= 0x80 } ? nil : parse(ascii: bytes)
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// Py_ISSPACE.
    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }

    private static func parse(ascii raw: [UInt8]) -> Double? {
        // _Py_string_to_number_with_underscores: each `_` between two digits, then dropped.
        var chars: [UInt8] = []
        chars.reserveCapacity(raw.count)
        var previous: UInt8 = 0
        for c in raw {
            if c == 0 { return nil }
            if c == UInt8(ascii: "_") {
                guard isDigit(previous) else { return nil }
            } else {
                if previous == UInt8(ascii: "_") && !isDigit(c) { return nil }
                chars.append(c)
            }
            previous = c
        }
        if previous == UInt8(ascii: "_") { return nil }
        var start = 0
        var end = chars.count
        while start < end && isSpace(chars[start]) { start += 1 }
        while end > start && isSpace(chars[end - 1]) { end -= 1 }
        let body = chars[start..<end]
        guard !body.isEmpty else { return nil }
        var k = body.startIndex
        var negative = false
        if body[k] == UInt8(ascii: "+") || body[k] == UInt8(ascii: "-") {
            negative = body[k] == UInt8(ascii: "-")
            k += 1
        }
        let word = String(decoding: body[k...], as: UTF8.self).lowercased()
        switch word {
        case "inf", "infinity": return negative ? -.infinity : .infinity
        case "nan": return negative ? -.nan : .nan
        default: break
        }
        // digits [. digits] [e [sign] digits], at least one mantissa digit.
        var digits = 0
        while k < body.endIndex && isDigit(body[k]) { k += 1; digits += 1 }
        if k < body.endIndex && body[k] == UInt8(ascii: ".") {
            k += 1
            while k < body.endIndex && isDigit(body[k]) { k += 1; digits += 1 }
        }
        guard digits > 0 else { return nil }
        if k < body.endIndex && (body[k] == UInt8(ascii: "e") || body[k] == UInt8(ascii: "E")) {
            k += 1
            if k < body.endIndex && (body[k] == UInt8(ascii: "+") || body[k] == UInt8(ascii: "-")) { k += 1 }
            var exponentDigits = 0
            while k < body.endIndex && isDigit(body[k]) { k += 1; exponentDigits += 1 }
            guard exponentDigits > 0 else { return nil }
        }
        guard k == body.endIndex else { return nil }
        // The grammar is checked; Swift's conversion (strtod) rounds it correctly.
        return Double(String(decoding: body, as: UTF8.self))
    }
}

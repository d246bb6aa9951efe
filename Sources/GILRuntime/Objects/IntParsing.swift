import BigInt

/// `int(text, base)`: CPython's `PyLong_FromString` (Objects/longobject.c) — surrounding whitespace, a sign,
/// a `0x`/`0o`/`0b` prefix (required to match `base` 16/8/2, chosen by it when `base` is 0), single underscores
/// between digits (and right after a prefix), no leading zeros in base 0 unless the number is 0, any Unicode
/// decimal digit for 0–9. Digits are accumulated here rather than by BigInt's `init(_:radix:)`, which traps
/// for radix 36 and lets through what Python refuses ("1__0", "_1").
enum IntParsing {
    /// `int()`'s base check: 0 or 2...36.
    static func checkBase(_ base: Int) throws {
        if base != 0 && !(2...36).contains(base) {
            throw PyException.make(.valueError, "int() base must be >= 2 and <= 36, or 0")
        }
    }

    /// The value of `text` in `base`, or ValueError with CPython's message (the literal's repr, cut at 200
    /// characters like `%.200R`).
    static func parse(_ text: String, base: Int) throws -> BigInt {
        try checkBase(base)
        guard let v = try value(Array(text.unicodeScalars), base: base) else {
            var shown = quoteString(text)
            if shown.unicodeScalars.count > 200 {
                shown = String(String.UnicodeScalarView(shown.unicodeScalars.prefix(200)))
            }
            throw PyException.make(.valueError, "invalid literal for int() with base \(base): \(shown)")
        }
        return v
    }

    /// nil when `scalars` is not an int literal in `base`.
    static func value(_ scalars: [Unicode.Scalar], base requested: Int) throws -> BigInt? {
        var lo = 0, hi = scalars.count
        while lo < hi, isSpace(scalars[lo]) { lo += 1 }
        while hi > lo, isSpace(scalars[hi - 1]) { hi -= 1 }
        var i = lo
        var negative = false
        if i < hi, scalars[i] == "+" || scalars[i] == "-" {
            negative = scalars[i] == "-"
            i += 1
        }
        var base = requested
        var afterPrefix = false
        if i + 1 < hi, scalars[i] == "0" {
            let p = scalars[i + 1]
            let prefixBase: Int? = p == "x" || p == "X" ? 16 : p == "o" || p == "O" ? 8 : p == "b" || p == "B" ? 2 : nil
            if let prefixBase, base == 0 || base == prefixBase {
                base = prefixBase
                i += 2
                afterPrefix = true
            }
        }
        if base == 0 {
            // No prefix: decimal, where a leading zero is only allowed for zero itself ("00", "0_0").
            base = 10
            if i < hi, scalars[i] == "0" {
                for k in i..<hi where scalars[k] != "0" && scalars[k] != "_" { return nil }
            }
        }
        // Digits, with single underscores between them (one may also follow a prefix).
        var digits: [UInt8] = []
        digits.reserveCapacity(hi - i)
        var previousUnderscore = !afterPrefix  // an underscore first is refused unless a prefix precedes it
        if i < hi, scalars[i] == "_" {
            if previousUnderscore { return nil }
            i += 1
            previousUnderscore = true
        }
        while i < hi {
            let c = scalars[i]
            if c == "_" {
                if previousUnderscore { return nil }
                previousUnderscore = true
            } else {
                guard let d = digitValue(c), d < base else { return nil }
                digits.append(UInt8(d))
                previousUnderscore = false
            }
            i += 1
        }
        if digits.isEmpty || previousUnderscore { return nil }
        if base == 10 { try IntStringLimit.checkDigits(digits.count) }
        let magnitude = accumulate(digits, base: base)
        return negative ? -BigInt(magnitude) : BigInt(magnitude)
    }

    /// The number the digit values spell in `base`, a machine word of digits at a time.
    static func accumulate(_ digits: [UInt8], base: Int) -> BigUInt {
        var perWord = 0
        var power: UInt64 = 1
        while true {
            let (next, overflow) = power.multipliedReportingOverflow(by: UInt64(base))
            if overflow { break }
            power = next
            perWord += 1
        }
        var result = BigUInt(0)
        var k = 0
        while k < digits.count {
            let n = min(perWord, digits.count - k)
            var chunk: UInt64 = 0
            var scale: UInt64 = 1
            for d in digits[k..<k + n] {
                chunk = chunk * UInt64(base) + UInt64(d)
                scale &*= UInt64(base)
            }
            if n == perWord { result.multiply(byWord: UInt(power)) } else { result.multiply(byWord: UInt(scale)) }
            result += BigUInt(chunk)
            k += n
        }
        return result
    }

    /// 0–35 for `0`–`9`, `a`–`z`, `A`–`Z` and any Unicode decimal digit (category Nd); nil otherwise.
    static func digitValue(_ c: Unicode.Scalar) -> Int? {
        switch c.value {
        case 0x30...0x39: return Int(c.value - 0x30)
        case 0x61...0x7A: return Int(c.value - 0x61 + 10)
        case 0x41...0x5A: return Int(c.value - 0x41 + 10)
        default:
            guard c.value >= 0x80, c.properties.generalCategory == .decimalNumber,
                let n = c.properties.numericValue
            else { return nil }
            return Int(n)
        }
    }

    /// Python's `str.isspace` (`Py_UNICODE_ISSPACE`).
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0: return true
        case 0..<0x80: return false
        default: return c.properties.isWhitespace
        }
    }
}

import BigInt

/// Decimal strings: the specification's numeric-string syntax in (as the C module reads it: surrounding
/// whitespace, underscores and Unicode decimal digits allowed) and `to-scientific-string` /
/// `to-engineering-string` out.
extension DecimalNumber {
    /// The C module's `numeric_as_ascii`: whitespace at the ends stripped, underscores dropped, other
    /// Unicode decimal digits as ASCII ones; nil for any other non-ASCII character.
    static func asciiText(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for u in text.unicodeScalars {
            if u == "_" { continue }
            if u.value > 0 && u.value < 128 {
                out.append(UInt8(u.value))
            } else if u.properties.isWhitespace {
                out.append(0x20)
            } else if u.properties.numericType == .decimal, let v = u.properties.numericValue {
                out.append(0x30 + UInt8(v))
            } else {
                return nil
            }
        }
        // Python's whitespace at the ends (str.strip()).
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) || ($0 >= 0x1C && $0 <= 0x1F) }
        var start = 0, end = out.count
        while start < end && isSpace(out[start]) { start += 1 }
        while end > start && isSpace(out[end - 1]) { end -= 1 }
        return Array(out[start..<end])
    }

    /// Parses a numeric string exactly; nil for a syntax error (ConversionSyntax). The exponent saturates far
    /// outside every context (`fitsAnyContext` tells; rounding to a context overflows or underflows it).
    static func parse(_ s: [UInt8]) -> DecimalNumber? {
        var i = 0
        let n = s.count
        var negative = false
        if i < n && (s[i] == 0x2B || s[i] == 0x2D) {
            negative = s[i] == 0x2D
            i += 1
        }
        let rest = s[i...].map { $0 | 0x20 }  // lowercase letters (digits unchanged)
        func word(_ w: String) -> Bool { rest.elementsEqual(w.utf8) }
        if word("inf") || word("infinity") { return .special(.infinity, negative: negative) }
        if rest.starts(with: "nan".utf8) || rest.starts(with: "snan".utf8) {
            let signaling = rest.first == 0x73
            let payload = rest.dropFirst(signaling ? 4 : 3)
            guard payload.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            let value = payload.isEmpty ? BigUInt(0) : BigUInt(String(decoding: payload, as: UTF8.self)) ?? 0
            return .special(signaling ? .signalingNaN : .nan, negative: negative, payload: value)
        }
        var small: UInt64 = 0
        var bigDigits: [UInt8]? = nil
        var digitsSeen = 0, fractionDigits = 0, sawPoint = false
        while i < n {
            let c = s[i]
            if c >= 0x30 && c <= 0x39 {
                digitsSeen += 1
                if sawPoint { fractionDigits += 1 }
                if bigDigits != nil {
                    bigDigits!.append(c)
                } else {
                    let (m, o1) = small.multipliedReportingOverflow(by: 10)
                    let (a, o2) = m.addingReportingOverflow(UInt64(c - 0x30))
                    if o1 || o2 {
                        bigDigits = Array(String(small).utf8) + [c]
                    } else {
                        small = a
                    }
                }
            } else if c == 0x2E && !sawPoint {
                sawPoint = true
            } else {
                break
            }
            i += 1
        }
        guard digitsSeen > 0 else { return nil }
        var exponent = 0
        if i < n {
            guard s[i] == 0x65 || s[i] == 0x45 else { return nil }
            i += 1
            var expNegative = false
            if i < n && (s[i] == 0x2B || s[i] == 0x2D) {
                expNegative = s[i] == 0x2D
                i += 1
            }
            guard i < n else { return nil }
            while i < n {
                let c = s[i]
                guard c >= 0x30 && c <= 0x39 else { return nil }
                // Saturates at 4E18, far outside every context (and far from Int's overflow).
                exponent = exponent > 400_000_000_000_000_000 ? 4_000_000_000_000_000_000 : exponent * 10 + Int(c - 0x30)
                i += 1
            }
            if expNegative { exponent = -exponent }
        }
        exponent -= fractionDigits
        var d: DecimalNumber
        if let bigDigits {
            d = DecimalNumber(negative: negative, coefficient: BigUInt(String(decoding: bigDigits, as: UTF8.self))!, exponent: exponent)
        } else {
            d = DecimalNumber(negative: negative, coefficient: small, exponent: exponent)
        }
        return d
    }

    /// Whether the exact value of a parsed string is representable in libmpdec's largest context (what
    /// `Decimal(str)` converts in): else it is InvalidOperation.
    var fitsAnyContext: Bool {
        if isSpecial { return true }
        if isZero { return exponent <= DecimalSettings.maxEmax && exponent >= DecimalSettings.minEtiny }
        return adjusted <= DecimalSettings.maxEmax && exponent >= DecimalSettings.minEtiny
    }

    /// `__str__` (scientific) or `to_eng_string` (engineering); `capitals` chooses `E` or `e`.
    func text(engineering: Bool = false, capitals: Bool = true) -> String {
        if let plain = plainText { return plain }
        let sign = negative ? "-" : ""
        switch kind {
        case .infinity: return sign + "Infinity"
        case .nan: return sign + "NaN" + digits
        case .signalingNaN: return sign + "sNaN" + digits
        case .finite: break
        }
        let digits = self.digits
        let count = digits.utf8.count
        let leftDigits = exponent + count
        let dotPlace: Int
        if exponent <= 0 && leftDigits > -6 {
            dotPlace = leftDigits
        } else if !engineering {
            dotPlace = 1
        } else if isZero {
            dotPlace = (leftDigits + 1).modulo(3) - 1
        } else {
            dotPlace = (leftDigits - 1).modulo(3) + 1
        }
        var out = sign
        if dotPlace <= 0 {
            out += "0." + String(repeating: "0", count: -dotPlace) + digits
        } else if dotPlace >= count {
            out += digits + String(repeating: "0", count: dotPlace - count)
        } else {
            let cut = digits.utf8.index(digits.utf8.startIndex, offsetBy: dotPlace)
            out += String(digits[..<cut]) + "." + String(digits[cut...])
        }
        if leftDigits != dotPlace {
            let e = leftDigits - dotPlace
            out += (capitals ? "E" : "e") + (e >= 0 ? "+" : "") + String(e)
        }
        return out
    }
}

extension DecimalNumber {
    /// The text of a finite number with a word coefficient and no exponent part (`12.34`, `-0.0005`, `42`: what
    /// money code prints), written into one small buffer; nil for the other forms.
    var plainText: String? {
        guard kind == .finite, isSmall, exponent <= 0, exponent >= -26 else { return nil }
        let count = DecimalDigits.count(small)
        let leftDigits = exponent + count
        guard leftDigits > -6 else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
            var n = 0
            if negative { buffer[0] = UInt8(ascii: "-"); n = 1 }
            if leftDigits <= 0 {
                buffer[n] = UInt8(ascii: "0"); buffer[n + 1] = UInt8(ascii: ".")
                n += 2
                for _ in 0 ..< -leftDigits { buffer[n] = UInt8(ascii: "0"); n += 1 }
            }
            // Digits from the last; the point goes after the first `leftDigits` of them.
            let dot = leftDigits > 0 && leftDigits < count ? 1 : 0
            var end = n + count + dot
            var x = small
            for i in 0 ..< count {
                if dot == 1 && i == count - leftDigits {
                    end -= 1
                    buffer[end] = UInt8(ascii: ".")
                }
                end -= 1
                buffer[end] = UInt8(ascii: "0") + UInt8(x % 10)
                x /= 10
            }
            n += count + dot
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<n]), as: UTF8.self)
        }
    }
}

extension Int {
    /// Python's `%` (the result takes the divisor's sign).
    fileprivate func modulo(_ m: Int) -> Int {
        let r = self % m
        return r < 0 ? r + m : r
    }
}

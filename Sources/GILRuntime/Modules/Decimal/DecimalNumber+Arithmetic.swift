import BigInt

/// The arithmetic of the General Decimal Arithmetic specification that programs use most (add, subtract,
/// multiply, divide, quantize, compare), each exact and then rounded once by `finish`, as libmpdec does.
/// `_pydecimal` (its `__add__`, `__mul__`, `_divide`, `quantize`, `_cmp`) is the reference for the cases.
extension DecimalNumber {
    /// The NaN result when either operand is a NaN (`_check_nans`): a signaling NaN is InvalidOperation and
    /// becomes quiet; the first NaN wins. nil when neither is a NaN.
    static func propagateNaN(_ a: DecimalNumber, _ b: DecimalNumber?, _ s: DecimalSettings, _ status: inout DecimalStatus) -> DecimalNumber? {
        if a.kind == .signalingNaN || b?.kind == .signalingNaN {
            status.insert(.invalidOperation)
            var q = a.kind == .signalingNaN ? a : b!
            q.kind = .nan
            return q.finished(s, &status)
        }
        if a.kind == .nan { return a.finished(s, &status) }
        if let b, b.kind == .nan { return b.finished(s, &status) }
        return nil
    }

    static func add(_ a: DecimalNumber, _ b: DecimalNumber, _ s: DecimalSettings, _ status: inout DecimalStatus) -> DecimalNumber {
        if a.isSpecial || b.isSpecial {
            if let n = propagateNaN(a, b, s, &status) { return n }
            if a.isInfinite {
                if b.isInfinite && a.negative != b.negative {
                    status.insert(.invalidOperation)
                    return .quietNaN
                }
                return a
            }
            return b
        }
        var exponent = min(a.exponent, b.exponent)
        let negativeZero = s.rounding == .floor && a.negative != b.negative
        if a.isSmall && b.isSmall && a.small != 0 && b.small != 0 && (a.exponent - b.exponent).magnitude <= 19 {
            // Both coefficients in a word and at most 19 digits apart: the exact sum fits 128 bits, so it is
            // formed directly (no alignment to the precision needed) and rounded once.
            let x = UInt128(a.small) * DecimalDigits.powers128[a.exponent - exponent]
            let y = UInt128(b.small) * DecimalDigits.powers128[b.exponent - exponent]
            if a.negative == b.negative { return finish(negative: a.negative, .narrow(x + y), exponent: exponent, s, &status) }
            if x == y { return finish(negative: negativeZero, .narrow(0), exponent: exponent, s, &status) }
            return x > y ? finish(negative: a.negative, .narrow(x - y), exponent: exponent, s, &status)
                         : finish(negative: b.negative, .narrow(y - x), exponent: exponent, s, &status)
        }
        if a.isZero && b.isZero {
            return finish(negative: negativeZero || (a.negative && b.negative), .narrow(0), exponent: exponent, s, &status)
        }
        if a.isZero || b.isZero {
            let other = a.isZero ? b : a
            exponent = max(exponent, other.exponent - s.precision - 1)
            let c = WideCoefficient(other).shifted(by: other.exponent - exponent)
            return finish(negative: other.negative, c, exponent: exponent, s, &status)
        }
        var (x, y) = aligned(a, b, s.precision)
        exponent = min(x.exponent, y.exponent)
        let cx = WideCoefficient(x).shifted(by: x.exponent - exponent)
        let cy = WideCoefficient(y).shifted(by: y.exponent - exponent)
        if x.negative == y.negative { return finish(negative: x.negative, cx + cy, exponent: exponent, s, &status) }
        let (d, swapped) = WideCoefficient.difference(cx, cy)
        if d.isZero { return finish(negative: negativeZero, .narrow(0), exponent: exponent, s, &status) }
        if swapped { swap(&x, &y) }
        return finish(negative: x.negative, d, exponent: exponent, s, &status)
    }

    /// `_normalize`: when the exponents are far apart, the smaller operand only matters as a sticky digit
    /// below the precision, so it is replaced by 1 there (the sum rounds the same).
    private static func aligned(_ a: DecimalNumber, _ b: DecimalNumber, _ precision: Int) -> (DecimalNumber, DecimalNumber) {
        let aIsHigh = a.exponent >= b.exponent
        let high = aIsHigh ? a : b
        var low = aIsHigh ? b : a
        let e = high.exponent + min(-1, high.digitCount - precision - 2)
        if low.digitCount + low.exponent - 1 < e {
            low = DecimalNumber(negative: low.negative, coefficient: UInt64(1), exponent: e)
        }
        return aIsHigh ? (high, low) : (low, high)
    }

    static func multiply(_ a: DecimalNumber, _ b: DecimalNumber, _ s: DecimalSettings, _ status: inout DecimalStatus) -> DecimalNumber {
        let negative = a.negative != b.negative
        if a.isSpecial || b.isSpecial {
            if let n = propagateNaN(a, b, s, &status) { return n }
            if (a.isInfinite && b.isZero) || (b.isInfinite && a.isZero) {
                status.insert(.invalidOperation)
                return .quietNaN
            }
            return .special(.infinity, negative: negative)
        }
        let exponent = a.exponent + b.exponent
        let c: WideCoefficient
        if a.isSmall && b.isSmall {
            c = .narrow(UInt128(a.small) * UInt128(b.small))
        } else if a.isZero || b.isZero {
            c = .narrow(0)
        } else {
            c = .big(DecimalProduct.multiply(a.coefficient, b.coefficient))
        }
        return finish(negative: negative, c, exponent: exponent, s, &status)
    }

    /// `a / b` (`__truediv__`): the quotient to precision plus one digit, a sticky digit for a remainder,
    /// and for exact quotients the exponent closest to the ideal one.
    static func divide(_ a: DecimalNumber, _ b: DecimalNumber, _ s: DecimalSettings, _ status: inout DecimalStatus) -> DecimalNumber {
        let negative = a.negative != b.negative
        if a.isSpecial || b.isSpecial {
            if let n = propagateNaN(a, b, s, &status) { return n }
            if a.isInfinite && b.isInfinite {
                status.insert(.invalidOperation)
                return .quietNaN
            }
            if a.isInfinite { return .special(.infinity, negative: negative) }
            status.insert(.clamped)
            return DecimalNumber(negative: negative, coefficient: UInt64(0), exponent: s.etiny)
        }
        if b.isZero {
            if a.isZero {
                status.insert(.divisionUndefined)
                return .quietNaN
            }
            status.insert(.divisionByZero)
            return .special(.infinity, negative: negative)
        }
        if a.isZero { return finish(negative: negative, .narrow(0), exponent: a.exponent - b.exponent, s, &status) }
        let shift = b.digitCount - a.digitCount + s.precision + 1
        var exponent = a.exponent - b.exponent - shift
        let idealExponent = a.exponent - b.exponent
        if a.isSmall, b.isSmall, shift >= 0, shift <= 38 {
            let (n, o) = UInt128(a.small).multipliedReportingOverflow(by: DecimalDigits.powers128[shift])
            if !o {
                var (q, r) = n.quotientAndRemainder(dividingBy: UInt128(b.small))
                if r != 0 {
                    if q % 5 == 0 { q += 1 }
                } else {
                    while exponent < idealExponent && q % 10 == 0 {
                        q /= 10
                        exponent += 1
                    }
                }
                return finish(negative: negative, .narrow(q), exponent: exponent, s, &status)
            }
        }
        let n = shift >= 0 ? a.coefficient * DecimalDigits.power(shift) : a.coefficient
        let d = shift >= 0 ? b.coefficient : b.coefficient * DecimalDigits.power(-shift)
        var (q, r) = n.quotientAndRemainder(dividingBy: d)
        if !r.isZero {
            if q % 5 == 0 { q += 1 }
        } else {
            while exponent < idealExponent && q % 10 == 0 {
                q /= 10
                exponent += 1
            }
        }
        return finish(negative: negative, .big(q), exponent: exponent, s, &status)
    }

    /// `quantize` (the exponent of `e`, rounded by `rounding`): InvalidOperation when the result would not fit.
    static func quantize(_ a: DecimalNumber, _ e: DecimalNumber, rounding: DecimalRounding, _ s: DecimalSettings,
                         _ status: inout DecimalStatus) -> DecimalNumber {
        if a.isSpecial || e.isSpecial {
            if let n = propagateNaN(a, e, s, &status) { return n }
            if a.isInfinite && e.isInfinite { return a }
            status.insert(.invalidOperation)
            return .quietNaN
        }
        guard e.exponent >= s.etiny && e.exponent <= s.emax else {
            status.insert(.invalidOperation)
            return .quietNaN
        }
        if a.isZero { return finish(negative: a.negative, .narrow(0), exponent: e.exponent, s, &status) }
        let adjusted = a.adjusted
        if adjusted > s.emax || adjusted - e.exponent + 1 > s.precision {
            status.insert(.invalidOperation)
            return .quietNaN
        }
        let (result, changed) = a.rescaled(to: e.exponent, rounding: rounding)
        if result.adjusted > s.emax || result.digitCount > s.precision {
            status.insert(.invalidOperation)
            return .quietNaN
        }
        if !result.isZero && result.adjusted < s.emin { status.insert(.subnormal) }
        if result.exponent > a.exponent {
            if changed { status.insert(.inexact) }
            status.insert(.rounded)
        }
        return result.finished(s, &status)
    }

    /// The order of two non-NaN values (`_cmp`): -1, 0 or 1.
    static func compare(_ a: DecimalNumber, _ b: DecimalNumber) -> Int {
        if a.kind == .finite && b.kind == .finite && a.isSmall && b.isSmall && a.exponent == b.exponent
            && a.small <= UInt64(Int.max) && b.small <= UInt64(Int.max) {
            // One exponent, coefficients in a word (`n == m`, `m == 0` of integral values): signed words.
            let x = a.negative ? -Int(a.small) : Int(a.small), y = b.negative ? -Int(b.small) : Int(b.small)
            return x == y ? 0 : (x < y ? -1 : 1)
        }
        if a.isInfinite || b.isInfinite {
            let x = a.isInfinite ? (a.negative ? -1 : 1) : 0
            let y = b.isInfinite ? (b.negative ? -1 : 1) : 0
            return x == y ? 0 : (x < y ? -1 : 1)
        }
        if a.isZero { return b.isZero ? 0 : (b.negative ? 1 : -1) }
        if b.isZero { return a.negative ? -1 : 1 }
        if a.negative != b.negative { return a.negative ? -1 : 1 }
        let sign = a.negative ? -1 : 1
        let (ea, eb) = (a.adjusted, b.adjusted)
        if ea != eb { return ea > eb ? sign : -sign }
        let e = min(a.exponent, b.exponent)
        let (d, swapped) = WideCoefficient.difference(WideCoefficient(a).shifted(by: a.exponent - e), WideCoefficient(b).shifted(by: b.exponent - e))
        if d.isZero { return 0 }
        return swapped ? -sign : sign
    }

    /// `-x`, `+x`, `abs(x)` rounded to the context (`__neg__`/`__pos__`/`__abs__`): a zero loses its sign
    /// unless rounding is ROUND_FLOOR.
    static func unary(_ a: DecimalNumber, negate: Bool, absolute: Bool, _ s: DecimalSettings, _ status: inout DecimalStatus) -> DecimalNumber {
        if a.isNaN { return propagateNaN(a, nil, s, &status)! }
        var r = a
        if absolute {
            r.negative = false
        } else if a.isZero && s.rounding != .floor {
            r.negative = false
        } else if negate {
            r.negative.toggle()
        }
        return r.finished(s, &status)
    }
}

/// Integer division and remainder (`__floordiv__`, `__mod__`, `__divmod__` of _pydecimal over `_divide`):
/// the quotient truncated to an integer, which must fit the precision (else DivisionImpossible).
extension DecimalNumber {
    enum IntegerDivision { case quotient, remainder, both }

    static func divideInteger(_ a: DecimalNumber, _ b: DecimalNumber, _ which: IntegerDivision, _ s: DecimalSettings,
                              _ status: inout DecimalStatus) -> (DecimalNumber, DecimalNumber) {
        let negative = a.negative != b.negative
        if a.isNaN || b.isNaN {
            let n = propagateNaN(a, b, s, &status)!
            return (n, n)
        }
        if a.isInfinite {
            if b.isInfinite || which == .remainder {
                status.insert(.invalidOperation)
                return (.quietNaN, .quietNaN)
            }
            if which == .both { status.insert(.invalidOperation) }
            return (.special(.infinity, negative: negative), .quietNaN)
        }
        if b.isZero {
            if a.isZero {
                status.insert(.divisionUndefined)
                return (.quietNaN, .quietNaN)
            }
            switch which {
            case .quotient:
                status.insert(.divisionByZero)
            case .remainder:
                status.insert(.invalidOperation)
            case .both:
                status.formUnion([.divisionByZero, .invalidOperation])
            }
            return (.special(.infinity, negative: negative), .quietNaN)
        }
        let idealExponent = b.isInfinite ? a.exponent : min(a.exponent, b.exponent)
        let expDifference = b.isInfinite ? 0 : a.adjusted - b.adjusted
        if a.isZero || b.isInfinite || expDifference <= -2 {
            var r = a.rescaled(to: idealExponent, rounding: s.rounding).0
            if which != .quotient { r = r.finished(s, &status) }
            return (DecimalNumber(negative: negative, coefficient: UInt64(0), exponent: 0), r)
        }
        if expDifference <= s.precision {
            let e = min(a.exponent, b.exponent)
            let x = WideCoefficient(a).shifted(by: a.exponent - e)
            let y = WideCoefficient(b).shifted(by: b.exponent - e)
            let q: WideCoefficient, r: WideCoefficient
            if case .narrow(let p) = x, case .narrow(let d) = y {
                let (qq, rr) = p.quotientAndRemainder(dividingBy: d)
                (q, r) = (.narrow(qq), .narrow(rr))
            } else {
                let (qq, rr) = x.bigValue.quotientAndRemainder(dividingBy: y.bigValue)
                (q, r) = (.big(qq), .big(rr))
            }
            if q.digitCount <= s.precision {
                let quotient = q.number(negative: negative, exponent: 0)
                var remainder = r.number(negative: a.negative, exponent: idealExponent)
                if which != .quotient { remainder = remainder.finished(s, &status) }
                return (quotient, remainder)
            }
        }
        status.insert(.divisionImpossible)
        return (.quietNaN, .quietNaN)
    }
}

import BigInt

/// An exact intermediate coefficient: 128 bits while products of two machine-word coefficients fit there,
/// a big number beyond.
enum WideCoefficient {
    case narrow(UInt128)
    case big(BigUInt)

    init(_ d: DecimalNumber) {
        if let b = d.big { self = .big(b) } else { self = .narrow(UInt128(d.small)) }
    }

    var isZero: Bool {
        switch self {
        case .narrow(let x): x == 0
        case .big(let b): b.isZero
        }
    }

    var bigValue: BigUInt {
        switch self {
        case .narrow(let x): BigUInt(x)
        case .big(let b): b
        }
    }

    /// Digit count bounds (exact for the narrow case).
    var digitBounds: (low: Int, high: Int) {
        switch self {
        case .narrow(let x): let c = DecimalDigits.count(x); return (c, c)
        case .big(let b): return DecimalDigits.bounds(b)
        }
    }

    var digitCount: Int {
        switch self {
        case .narrow(let x): DecimalDigits.count(x)
        case .big(let b): DecimalDigits.count(b)
        }
    }

    /// `self * 10**n` (n >= 0).
    func shifted(by n: Int) -> WideCoefficient {
        if n == 0 { return self }
        if case .narrow(let x) = self, n <= 38 {
            let (p, o) = x.multipliedReportingOverflow(by: DecimalDigits.powers128[n])
            if !o { return .narrow(p) }
        }
        return .big(bigValue * DecimalDigits.power(n))
    }

    static func + (a: WideCoefficient, b: WideCoefficient) -> WideCoefficient {
        if case .narrow(let x) = a, case .narrow(let y) = b {
            let (s, o) = x.addingReportingOverflow(y)
            if !o { return .narrow(s) }
        }
        return .big(a.bigValue + b.bigValue)
    }

    /// |a - b| and whether b was larger.
    static func difference(_ a: WideCoefficient, _ b: WideCoefficient) -> (WideCoefficient, Bool) {
        if case .narrow(let x) = a, case .narrow(let y) = b { return x >= y ? (.narrow(x - y), false) : (.narrow(y - x), true) }
        let x = a.bigValue, y = b.bigValue
        return x >= y ? (.big(x - y), false) : (.big(y - x), true)
    }

    /// Keeps all but the last `drop` digits (`count` digits in all), rounded by `rounding`; whether a nonzero
    /// digit was dropped (`changed` of _pydecimal's rounding functions).
    func dropping(_ drop: Int, of count: Int, negative: Bool, rounding: DecimalRounding) -> (WideCoefficient, Bool) {
        if drop > count {
            // Less than a tenth of the last kept unit: below half, not zero (_pydecimal's '1' at exp_min-1).
            return (.narrow(rounding.roundsUp(negative: negative, lastDigit: 0, half: -1, nonzero: true) ? 1 : 0), true)
        }
        switch self {
        case .narrow(let x) where x >> 64 == 0 && drop <= 19:
            // A word and a word power of ten: the processor's division, where a 128-bit quotient and the
            // `kept % 10` after it are two calls of the runtime's software division (telco's roundings).
            let p = DecimalDigits.powers64[drop]
            let (kept, rest) = UInt64(x).quotientAndRemainder(dividingBy: p)
            let other = p - rest
            let half = rest < other ? -1 : (rest == other ? 0 : 1)
            let up = rounding.roundsUp(negative: negative, lastDigit: Int(kept % 10), half: half, nonzero: rest != 0)
            return (.narrow(UInt128(up ? kept + 1 : kept)), rest != 0)
        case .narrow(let x) where drop <= 38:
            let p = DecimalDigits.powers128[drop]
            let (kept, rest) = x.quotientAndRemainder(dividingBy: p)
            let twice = rest << 1
            let half = twice < p ? -1 : (twice == p ? 0 : 1)
            let up = rounding.roundsUp(negative: negative, lastDigit: Int(kept % 10), half: half, nonzero: rest != 0)
            return (.narrow(up ? kept + 1 : kept), rest != 0)
        default:
            let p = DecimalDigits.power(drop)
            let (kept, rest) = bigValue.quotientAndRemainder(dividingBy: p)
            let twice = rest << 1
            let half = twice < p ? -1 : (twice == p ? 0 : 1)
            let up = rounding.roundsUp(negative: negative, lastDigit: Int(kept % 10), half: half, nonzero: !rest.isZero)
            return (.big(up ? kept + 1 : kept), !rest.isZero)
        }
    }

    func number(negative: Bool, exponent: Int) -> DecimalNumber {
        switch self {
        case .narrow(let x): DecimalNumber(negative: negative, coefficient: x, exponent: exponent)
        case .big(let b): DecimalNumber(negative: negative, coefficient: b, exponent: exponent)
        }
    }
}

extension DecimalNumber {
    /// Rounds an exact result to the context (`_fix` of _pydecimal, libmpdec's `mpd_qfinalize`): precision,
    /// overflow, subnormals and clamping, with the conditions met added to `status`.
    static func finish(negative: Bool, _ c: WideCoefficient, exponent: Int, _ s: DecimalSettings,
                       _ status: inout DecimalStatus) -> DecimalNumber {
        if c.isZero {
            let top = s.clamp ? s.etop : s.emax
            let e = min(max(exponent, s.etiny), top)
            if e != exponent { status.insert(.clamped) }
            return DecimalNumber(negative: negative, coefficient: UInt64(0), exponent: e)
        }
        var (low, high) = c.digitBounds
        // Huge exact results (factorials at MAX_PREC) stay far inside the limits: no digit count needed.
        if high + exponent - s.precision > exponent || high + exponent - s.precision > s.etop || low + exponent - s.precision < s.etiny {
            low = c.digitCount
            high = low
        }
        let count = low
        var minExponent = count + exponent - s.precision
        if minExponent > s.etop { return overflow(negative: negative, s, &status) }
        let subnormal = minExponent < s.etiny
        if subnormal { minExponent = s.etiny }
        if exponent < minExponent {
            var (kept, changed) = c.dropping(minExponent - exponent, of: count, negative: negative, rounding: s.rounding)
            if kept.digitCount > s.precision {
                kept = kept.dropping(1, of: s.precision + 1, negative: negative, rounding: .down).0
                minExponent += 1
            }
            let result: DecimalNumber
            if minExponent > s.etop {
                result = overflow(negative: negative, s, &status)
            } else {
                result = kept.number(negative: negative, exponent: minExponent)
            }
            if changed && subnormal { status.insert(.underflow) }
            if subnormal { status.insert(.subnormal) }
            if changed { status.insert(.inexact) }
            status.insert(.rounded)
            if result.isZero { status.insert(.clamped) }
            return result
        }
        if subnormal { status.insert(.subnormal) }
        if s.clamp && exponent > s.etop {
            status.insert(.clamped)
            return c.shifted(by: exponent - s.etop).number(negative: negative, exponent: s.etop)
        }
        return c.number(negative: negative, exponent: exponent)
    }

    /// `finish` for a value (any kind): NaN payloads are cut to the context's precision.
    func finished(_ s: DecimalSettings, _ status: inout DecimalStatus) -> DecimalNumber {
        switch kind {
        case .finite: return Self.finish(negative: negative, WideCoefficient(self), exponent: exponent, s, &status)
        case .infinity: return self
        case .nan, .signalingNaN:
            let room = s.precision - (s.clamp ? 1 : 0)
            guard digitCount > room, !(isSmall && small == 0) else { return self }
            var d = self
            let payload = coefficient % DecimalDigits.power(max(room, 0))
            d.small = 0
            d.big = nil
            if payload.bitWidth <= 64 { d.small = UInt64(payload) } else { d.big = payload }
            return d
        }
    }

    /// The result of an overflow (`Overflow.handle`): infinity or the largest finite number, by rounding mode.
    static func overflow(negative: Bool, _ s: DecimalSettings, _ status: inout DecimalStatus) -> DecimalNumber {
        status.formUnion([.overflow, .inexact, .rounded])
        let toInfinity: Bool
        switch s.rounding {
        case .halfUp, .halfEven, .halfDown, .up: toInfinity = true
        case .down, .zeroFiveUp: toInfinity = false
        case .ceiling: toInfinity = !negative
        case .floor: toInfinity = negative
        }
        if toInfinity { return .special(.infinity, negative: negative) }
        return DecimalNumber(negative: negative, coefficient: DecimalDigits.power(s.precision) - 1, exponent: s.etop)
    }

    /// The value at exponent `e` (`_rescale`): digits below it rounded by `rounding`, zeros appended above;
    /// whether a nonzero digit was dropped.
    func rescaled(to e: Int, rounding: DecimalRounding) -> (DecimalNumber, Bool) {
        if isSpecial { return (self, false) }
        if isZero { return (DecimalNumber(negative: negative, coefficient: UInt64(0), exponent: e), false) }
        let c = WideCoefficient(self)
        if exponent >= e { return (c.shifted(by: exponent - e).number(negative: negative, exponent: e), false) }
        let (kept, changed) = c.dropping(e - exponent, of: digitCount, negative: negative, rounding: rounding)
        return (kept.number(negative: negative, exponent: e), changed)
    }
}

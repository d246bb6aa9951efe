import BigInt

/// Exact comparison of ints and floats (Objects/floatobject.c float_richcompare): an int is never rounded
/// to a double first, so `2**53 + 1 > 2.0**53` and `10**400 > 1e308` hold (and the latter raises no
/// OverflowError), while NaN is unordered.
extension Arithmetic {
    /// -1, 0 or 1 as `a` is below, equal to or above `b`; nil when a NaN is involved.
    static func order(_ a: Number, _ b: Number) -> Int? {
        switch (a, b) {
        case (.small(let x), .small(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.float(let x), .float(let y)): return floatOrder(x, y)
        case (.float(let x), _): return intVersusFloat(b, x).map { -$0 }
        case (_, .float(let y)): return intVersusFloat(a, y)
        default:
            let p = big(a)!, q = big(b)!
            return p < q ? -1 : (p == q ? 0 : 1)
        }
    }

    private static func floatOrder(_ x: Double, _ y: Double) -> Int? {
        if x.isNaN || y.isNaN { return nil }
        return x < y ? -1 : (x == y ? 0 : 1)
    }

    /// The order of an int (small or big) against a float.
    private static func intVersusFloat(_ i: Number, _ f: Double) -> Int? {
        if f.isNaN { return nil }
        if f.isInfinite { return f > 0 ? -1 : 1 }
        if case .small(let s) = i, s >= -(1 << 53), s <= 1 << 53 { return floatOrder(Double(s), f) }
        guard let n = big(i) else { return nil }
        // f = whole + fraction with |fraction| < 1 of f's sign; compare n with whole, then the fraction.
        let wholeDouble = f.rounded(.towardZero)
        let whole = BigInt(exactly: wholeDouble)!
        if n < whole { return -1 }
        if n > whole { return 1 }
        let fraction = f - wholeDouble
        return fraction > 0 ? -1 : (fraction < 0 ? 1 : 0)
    }
}

import BigInt

/// One decimal floating-point value of the General Decimal Arithmetic (libmpdec's `mpd_t`): sign, coefficient,
/// exponent, or a special (infinity, quiet or signaling NaN with a payload). Coefficients up to 64 bits
/// (19 digits, what telco and most money code use) live in `small` with no allocation; larger ones in `big`.
struct DecimalNumber {
    enum Kind: UInt8 { case finite, infinity, nan, signalingNaN }

    var negative: Bool
    var kind: Kind
    /// The exponent of a finite number (0 for specials).
    var exponent: Int
    /// The coefficient (or NaN payload) when `big` is nil.
    var small: UInt64
    /// The coefficient when it does not fit 64 bits (never holds a value that would), behind one reference:
    /// copying a small number is copying four words and a nil pointer, not an optional `BigUInt`'s enum.
    private var bigStorage: BigCoefficient?

    /// The big coefficient, nil when `small` holds it.
    var big: BigUInt? {
        get { bigStorage?.value }
        set { bigStorage = newValue.map(BigCoefficient.init) }
    }

    /// Whether the coefficient is `small` (no big one).
    var isSmall: Bool { bigStorage == nil }

    init(negative: Bool, coefficient: UInt64, exponent: Int) {
        self.negative = negative
        kind = .finite
        self.exponent = exponent
        small = coefficient
        bigStorage = nil
    }

    init(negative: Bool, coefficient: BigUInt, exponent: Int) {
        self.negative = negative
        kind = .finite
        self.exponent = exponent
        if coefficient.bitWidth <= 64 {
            small = UInt64(coefficient)
            bigStorage = nil
        } else {
            small = 0
            bigStorage = BigCoefficient(coefficient)
        }
    }

    init(negative: Bool, coefficient: UInt128, exponent: Int) {
        self.negative = negative
        kind = .finite
        self.exponent = exponent
        if coefficient >> 64 == 0 {
            small = UInt64(coefficient)
            bigStorage = nil
        } else {
            small = 0
            bigStorage = BigCoefficient(BigUInt(coefficient))
        }
    }

    static func special(_ kind: Kind, negative: Bool = false, payload: BigUInt = 0) -> DecimalNumber {
        var d = DecimalNumber(negative: negative, coefficient: payload, exponent: 0)
        d.kind = kind
        return d
    }

    static let quietNaN = special(.nan)

    var isSpecial: Bool { kind != .finite }
    var isNaN: Bool { kind == .nan || kind == .signalingNaN }
    var isInfinite: Bool { kind == .infinity }
    var isZero: Bool { kind == .finite && isSmall && small == 0 }
    var isBig: Bool { !isSmall }
    var coefficient: BigUInt { bigStorage?.value ?? BigUInt(small) }
    var signedCoefficient: BigInt { BigInt(sign: negative ? .minus : .plus, magnitude: coefficient) }

    /// The number of digits of the coefficient (1 for zero).
    var digitCount: Int { bigStorage.map { DecimalDigits.count($0.value) } ?? DecimalDigits.count(small) }

    /// The exponent of the most significant digit (`adjusted()`).
    var adjusted: Int { exponent + digitCount - 1 }

    /// The same value, positive (`copy_abs`).
    var magnitude: DecimalNumber {
        var d = self
        d.negative = false
        return d
    }

    /// The coefficient as a string of digits (`_int` of _pydecimal; "" for a NaN without payload).
    var digits: String {
        if isNaN && isSmall && small == 0 { return "" }
        if let big { return DecimalDigitText.digits(big) }
        return String(small)
    }
}

/// A coefficient of more than 64 bits, shared by the copies of its number.
final class BigCoefficient: @unchecked Sendable {
    let value: BigUInt
    init(_ value: BigUInt) { self.value = value }
}

/// Counting digits and powers of ten over the coefficient types.
enum DecimalDigits {
    static let powers64: [UInt64] = (0...19).map { e in (0..<e).reduce(UInt64(1)) { p, _ in p * 10 } }
    static let powers128: [UInt128] = (0...38).map { e in (0..<e).reduce(UInt128(1)) { p, _ in p * 10 } }

    static func count(_ x: UInt64) -> Int {
        if x == 0 { return 1 }
        let bits = 64 - x.leadingZeroBitCount
        var d = (bits * 1233) >> 12
        if d < 20 && x >= powers64[d] { d += 1 }
        return max(d, 1)
    }

    static func count(_ x: UInt128) -> Int {
        if x >> 64 == 0 { return count(UInt64(x)) }
        let bits = 128 - x.leadingZeroBitCount
        var d = (bits * 1233) >> 12
        if d < 39 && x >= powers128[d] { d += 1 }
        return d
    }

    /// Bounds on the digit count from the bit length alone (exact for most values; no power of ten needed).
    static func bounds(_ x: BigUInt) -> (low: Int, high: Int) {
        let bits = x.bitWidth
        if bits <= 64 { let c = count(UInt64(x)); return (c, c) }
        let low = Int(Double(bits - 1) * 0.30102999566398120) + 1
        let high = Int(Double(bits) * 0.30102999566398120) + 1
        return (low, high)
    }

    static func count(_ x: BigUInt) -> Int {
        let (low, high) = bounds(x)
        if low == high { return low }
        return x >= power(high - 1) ? high : low
    }

    /// 10**n as a big number (small ones from the table).
    static func power(_ n: Int) -> BigUInt {
        if n <= 19 { return BigUInt(powers64[n]) }
        if n <= 38 { return BigUInt(powers128[n]) }
        return BigUInt(10).power(n)
    }
}

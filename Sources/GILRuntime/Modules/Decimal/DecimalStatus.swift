/// The conditions an operation raises (libmpdec's status word): the nine signals of the decimal module, with
/// InvalidOperation split into the conditions the C module names in its exception lists.
struct DecimalStatus: OptionSet {
    let rawValue: UInt32

    static let invalidOperation = DecimalStatus(rawValue: 1 << 0)
    static let conversionSyntax = DecimalStatus(rawValue: 1 << 1)
    static let divisionImpossible = DecimalStatus(rawValue: 1 << 2)
    static let divisionUndefined = DecimalStatus(rawValue: 1 << 3)
    static let invalidContext = DecimalStatus(rawValue: 1 << 4)
    static let floatOperation = DecimalStatus(rawValue: 1 << 5)
    static let divisionByZero = DecimalStatus(rawValue: 1 << 6)
    static let overflow = DecimalStatus(rawValue: 1 << 7)
    static let underflow = DecimalStatus(rawValue: 1 << 8)
    static let subnormal = DecimalStatus(rawValue: 1 << 9)
    static let inexact = DecimalStatus(rawValue: 1 << 10)
    static let rounded = DecimalStatus(rawValue: 1 << 11)
    static let clamped = DecimalStatus(rawValue: 1 << 12)

    /// Every condition InvalidOperation stands for (MPD_IEEE_Invalid_operation).
    static let anyInvalid: DecimalStatus = [.invalidOperation, .conversionSyntax, .divisionImpossible, .divisionUndefined, .invalidContext]

    /// Conditions in the C module's list order (`cond_map`, then `signal_map` after InvalidOperation), with the
    /// exception class names.
    static let listOrder: [(DecimalStatus, String)] = [
        (.invalidOperation, "InvalidOperation"), (.conversionSyntax, "ConversionSyntax"),
        (.divisionImpossible, "DivisionImpossible"), (.divisionUndefined, "DivisionUndefined"),
        (.invalidContext, "InvalidContext"), (.floatOperation, "FloatOperation"), (.divisionByZero, "DivisionByZero"),
        (.overflow, "Overflow"), (.underflow, "Underflow"), (.subnormal, "Subnormal"), (.inexact, "Inexact"),
        (.rounded, "Rounded"), (.clamped, "Clamped"),
    ]

    /// The nine signals (`signal_map` order: the first trapped one is the exception raised), each with the
    /// conditions it covers.
    static let signals: [(DecimalStatus, String)] = [
        (.anyInvalid, "InvalidOperation"), (.floatOperation, "FloatOperation"), (.divisionByZero, "DivisionByZero"),
        (.overflow, "Overflow"), (.underflow, "Underflow"), (.subnormal, "Subnormal"), (.inexact, "Inexact"),
        (.rounded, "Rounded"), (.clamped, "Clamped"),
    ]
}

/// The eight rounding modes, in libmpdec's order (the C module's `rounding` strings).
enum DecimalRounding: Int, CaseIterable {
    case up, down, ceiling, floor, halfUp, halfDown, halfEven, zeroFiveUp

    var name: String {
        switch self {
        case .up: "ROUND_UP"
        case .down: "ROUND_DOWN"
        case .ceiling: "ROUND_CEILING"
        case .floor: "ROUND_FLOOR"
        case .halfUp: "ROUND_HALF_UP"
        case .halfDown: "ROUND_HALF_DOWN"
        case .halfEven: "ROUND_HALF_EVEN"
        case .zeroFiveUp: "ROUND_05UP"
        }
    }

    init?(name: String) {
        guard let r = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = r
    }

    /// Whether a coefficient whose kept part ends in `lastDigit` and whose dropped part compares to half a
    /// unit as `half` (-1 less, 0 equal, 1 more; `nonzero` when anything was dropped) goes up by one.
    @inline(__always)
    func roundsUp(negative: Bool, lastDigit: Int, half: Int, nonzero: Bool) -> Bool {
        guard nonzero else { return false }
        switch self {
        case .down: return false
        case .up: return true
        case .ceiling: return !negative
        case .floor: return negative
        case .halfUp: return half >= 0
        case .halfDown: return half > 0
        case .halfEven: return half > 0 || (half == 0 && lastDigit & 1 == 1)
        case .zeroFiveUp: return lastDigit == 0 || lastDigit == 5
        }
    }
}

/// What an operation needs of its context (the `mpd_context_t` fields).
struct DecimalSettings {
    var precision: Int
    var rounding: DecimalRounding
    var emin: Int
    var emax: Int
    var capitals: Bool
    var clamp: Bool

    static let maxPrecision = 999_999_999_999_999_999
    static let maxEmax = 999_999_999_999_999_999
    static let minEmin = -999_999_999_999_999_999
    static let minEtiny = minEmin - (maxPrecision - 1)

    /// The smallest exponent of a subnormal (`Etiny`).
    var etiny: Int { emin - precision + 1 }
    /// The largest exponent of a full-precision number (`Etop`).
    var etop: Int { emax - precision + 1 }

    static let `default` = DecimalSettings(precision: 28, rounding: .halfEven, emin: -999_999, emax: 999_999, capitals: true, clamp: false)
}

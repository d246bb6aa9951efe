import BigInt

/// CPython 3.11's cap on int ↔ decimal str conversion (`sys.get_int_max_str_digits()`, 4300 by default;
/// CVE-2020-10735): the conversion is quadratic, so `str(10**100000)` or `int('7' * 100000)` would take
/// seconds to minutes. Same limit and messages as Objects/longobject.c.
enum IntStringLimit {
    static let maxDigits = 4300
    /// Any int wider than this has more than `maxDigits` decimal digits (4300 / log10(2) ≈ 14284.5 bits).
    static let surelyTooWideBits = 14_300

    /// `str(n)` / `repr(n)` of a big int, or ValueError past the limit.
    static func decimal(_ value: BigInt) throws -> String {
        if value.magnitude.bitWidth > surelyTooWideBits { try tooLong(nil) }
        let text = value.description
        if text.count - (value.sign == .minus ? 1 : 0) > maxDigits { try tooLong(nil) }
        return text
    }

    /// `int(text)` in base 10.
    static func checkDigits(_ count: Int) throws {
        if count > maxDigits { try tooLong(count) }
    }

    private static func tooLong(_ digits: Int?) throws -> Never {
        let has = digits.map { ": value has \($0) digits" } ?? ""
        throw PyException.make(
            .valueError,
            "Exceeds the limit (\(maxDigits) digits) for integer string conversion\(has); use sys.set_int_max_str_digits() to increase the limit")
    }
}

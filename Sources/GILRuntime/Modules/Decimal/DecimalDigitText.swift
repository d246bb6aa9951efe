import BigInt

/// The decimal digits of a big coefficient. attaswift's `String(_:)` divides by 10**19 once per 19 digits, each
/// division a pass over the whole number (456,574 digits took 6 s); this splits the number at powers of ten
/// 10**(19·2**k) and converts the halves (as CPython's `_pylong.int_to_decimal_string`), dividing word arrays
/// by `BigWordArithmetic.divide` (Algorithm D over unsafe buffers; attaswift's own division was two thirds of it).
enum DecimalDigitText {
    /// At most this many words, the word-by-word conversion is faster than splitting.
    static let splitWords = 16

    static func digits(_ x: BigUInt) -> String {
        let words = trimmed(Array(x.words))
        if words.count <= splitWords { return String(x) }
        // powers[k] = 10**(19·2**k), up to the largest not above x.
        var powers: [[UInt]] = [[UInt(10_000_000_000_000_000_000)]]
        while true {
            let last = powers[powers.count - 1]
            let next = trimmed(DecimalProduct.product(last, last))
            if compare(next, words) > 0 { break }
            powers.append(next)
        }
        var out: [UInt8] = []
        out.reserveCapacity(Int(Double(x.bitWidth) * 0.30103) + 2)
        write(words, level: powers.count - 1, width: nil, powers, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the digits of `x` (a word array); with a `width` (then `x < 10**width` and
    /// `width == 19·2**(level+1)`), left-padded with zeros to exactly that many.
    private static func write(_ x: [UInt], level: Int, width: Int?, _ powers: [[UInt]], into out: inout [UInt8]) {
        if level < 0 || x.count <= splitWords {
            let text = String(BigUInt(words: x))
            if let width { out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - text.utf8.count)) }
            out.append(contentsOf: text.utf8)
            return
        }
        if width == nil && compare(x, powers[level]) < 0 {
            write(x, level: level - 1, width: nil, powers, into: &out)
            return
        }
        let half = 19 << level
        let (high, low) = BigWordArithmetic.divide(x, by: powers[level])
        write(trimmed(high), level: level - 1, width: width.map { $0 - half }, powers, into: &out)
        write(trimmed(low), level: level - 1, width: half, powers, into: &out)
    }

    private static func trimmed(_ x: [UInt]) -> [UInt] {
        var n = x.count
        while n > 0 && x[n - 1] == 0 { n -= 1 }
        return n == x.count ? x : Array(x[0..<n])
    }

    /// The order of two trimmed word arrays: -1, 0 or 1.
    private static func compare(_ a: [UInt], _ b: [UInt]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        var i = a.count - 1
        while i >= 0 {
            if a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
            i -= 1
        }
        return 0
    }
}

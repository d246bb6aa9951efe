import BigInt
import PythonSyntax

/// `+`, `-`, `*`, `//`, `%` of big ints on the word arrays their objects keep (`PyBigInt.words`).
///
/// attaswift's `BigUInt.Words` hands words out one cross-module subscript at a time, so copying an operand into
/// the `[UInt]` that `BigWordArithmetic` works on cost ~20 instructions per word: 38 % of pidigits went to those
/// copies (1.87 G of 4.90 G). A result made here keeps the words it was computed as, so the next operation on it
/// reads them as they are (CPython's ints are their digit arrays).
enum BigIntWords {
    /// `l op r` when one side is a big int and the other a big or machine int; nil otherwise (or for a
    /// zero divisor and Karatsuba-sized products, which the general path handles).
    static func binary(_ op: BinaryOperator, _ l: Value, _ r: Value) -> Value? {
        switch op {
        case .add, .subtract, .multiply, .floorDivide, .modulo: break
        default: return nil
        }
        guard isBig(l) || isBig(r), let a = operand(l), let b = operand(r) else { return nil }
        switch op {
        case .add: return sum(a, b)
        case .subtract: return sum(a, (b.words, !b.negative))
        case .multiply:
            if a.words.isEmpty || b.words.isEmpty { return .int(0) }
            let k = BigWordArithmetic.karatsubaWords
            if a.words.count >= k && b.words.count >= k { return nil }
            return value(BigWordArithmetic.product(a.words, b.words), negative: a.negative != b.negative)
        default:
            if b.words.isEmpty { return nil }
            let (q, untrimmed) = BigWordArithmetic.divide(a.words, by: b.words)
            let rem = trimmed(untrimmed)  // Algorithm D's remainder keeps the divisor's length
            // Floor division: a nonzero remainder of operands of different signs rounds the quotient down and
            // gives the remainder the divisor's sign (|y| - r).
            if a.negative != b.negative && !rem.isEmpty {
                let magnitude = trimmed(q)
                if op == .floorDivide { return value(magnitude.isEmpty ? [1] : BigWordArithmetic.added(magnitude, [1]), negative: true) }
                return value(BigWordArithmetic.subtracted(b.words, rem), negative: b.negative)
            }
            if op == .floorDivide { return value(q, negative: a.negative != b.negative) }
            return value(rem, negative: a.negative)
        }
    }

    private typealias Operand = (words: [UInt], negative: Bool)

    @inline(__always)
    private static func isBig(_ v: Value) -> Bool {
        if case .object(let o) = v { return o.tag == .bigint }
        return false
    }

    private static func operand(_ v: Value) -> Operand? {
        switch v {
        case .int(let i): return (i == 0 ? [] : [i.magnitude], i < 0)
        case .object(let o) where o.tag == .bigint:
            let b = unsafeDowncast(o, to: PyBigInt.self)
            return (b.words ?? Array(b.value.magnitude.words), b.value.sign == .minus && !b.value.isZero)
        default: return nil
        }
    }

    private static func sum(_ a: Operand, _ b: Operand) -> Value {
        if a.negative == b.negative || a.words.isEmpty || b.words.isEmpty {
            let negative = a.words.isEmpty ? b.negative : a.negative
            let w = a.words.count >= b.words.count ? BigWordArithmetic.added(a.words, b.words) : BigWordArithmetic.added(b.words, a.words)
            return value(w, negative: negative)
        }
        switch BigWordArithmetic.compare(a.words, b.words) {
        case 0: return .int(0)
        case 1: return value(BigWordArithmetic.subtracted(a.words, b.words), negative: a.negative)
        default: return value(BigWordArithmetic.subtracted(b.words, a.words), negative: b.negative)
        }
    }

    private static func trimmed(_ words: [UInt]) -> [UInt] {
        var end = words.count
        while end > 0 && words[end - 1] == 0 { end -= 1 }
        return end == words.count ? words : Array(words[0..<end])
    }

    /// The int of a magnitude and sign: a machine int when it fits, else a big int keeping its words.
    static func value(_ words: [UInt], negative: Bool) -> Value {
        let w = trimmed(words)
        if w.isEmpty { return .int(0) }
        if w.count == 1 {
            let m = w[0]
            if !negative && m <= UInt(Int.max) { return .int(Int(m)) }
            if negative && m <= UInt(Int.max) { return .int(-Int(m)) }
            if negative && m == UInt(Int.max) + 1 { return .int(.min) }
        }
        return .object(PyBigInt(BigInt(sign: negative ? .minus : .plus, magnitude: BigUInt(words: w)), words: w))
    }
}

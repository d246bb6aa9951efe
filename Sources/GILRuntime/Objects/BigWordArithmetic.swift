import BigInt

/// Multiplication and division of big ints on plain arrays of 64-bit words, for the sizes Python programs use.
///
/// Why not attaswift/BigInt's own: its loops go through `BigUInt`'s subscript, which checks the storage's
/// uniqueness and kind (inline, slice or array) on every word written; in pidigits-like code (callgrind of the
/// `gilbench interpreter` bigint row) `multiply(byWord:)` and the multiply-subtract of its division were 60 % of
/// all instructions, `swift_isUniquelyReferenced` alone 8.5 %. The algorithms here are the textbook ones
/// (Knuth, TAOCP vol. 2, 4.3.1: schoolbook multiplication and Algorithm D), as CPython's longobject.c uses them
/// on 30-bit digits, over raw buffers. From `karatsubaWords` words per operand on, attaswift's Karatsuba is kept
/// (below that it multiplies schoolbook too, only slower).
enum BigWordArithmetic {
    /// Operands at least this long on both sides go to attaswift's Karatsuba multiplication (its own limit).
    static let karatsubaWords = BigUInt.directMultiplicationLimit

    /// `x * y`.
    static func multiply(_ x: BigInt, _ y: BigInt) -> BigInt {
        let a = x.magnitude
        let b = y.magnitude
        if a.isZero || b.isZero { return 0 }
        if a.words.count >= karatsubaWords && b.words.count >= karatsubaWords { return x * y }
        let sign: BigInt.Sign = x.sign == y.sign ? .plus : .minus
        return BigInt(sign: sign, magnitude: BigUInt(words: product(Array(a.words), Array(b.words))))
    }

    /// `x + y` for operands of several words (attaswift's inline two-word values are added by it).
    static func sum(_ x: BigInt, _ y: BigInt) -> BigInt {
        let a = Array(x.magnitude.words)
        let b = Array(y.magnitude.words)
        if x.sign == y.sign || b.isEmpty || a.isEmpty {
            let sign = a.isEmpty ? y.sign : x.sign
            return BigInt(sign: sign, magnitude: BigUInt(words: a.count >= b.count ? added(a, b) : added(b, a)))
        }
        switch compare(a, b) {
        case 0: return 0
        case 1: return BigInt(sign: x.sign, magnitude: BigUInt(words: subtracted(a, b)))
        default: return BigInt(sign: y.sign, magnitude: BigUInt(words: subtracted(b, a)))
        }
    }

    /// `a + b` for `a.count >= b.count`.
    static func added(_ a: [UInt], _ b: [UInt]) -> [UInt] {
        [UInt](unsafeUninitializedCapacity: a.count + 1) { out, initialized in
            var carry = false
            for i in 0..<a.count {
                var (sum, overflow1) = a[i].addingReportingOverflow(i < b.count ? b[i] : 0)
                var overflow2 = false
                if carry { (sum, overflow2) = sum.addingReportingOverflow(1) }
                out[i] = sum
                carry = overflow1 || overflow2
            }
            out[a.count] = carry ? 1 : 0
            initialized = a.count + 1
        }
    }

    /// `a - b` for `a >= b`.
    static func subtracted(_ a: [UInt], _ b: [UInt]) -> [UInt] {
        [UInt](unsafeUninitializedCapacity: a.count) { out, initialized in
            var borrow = false
            for i in 0..<a.count {
                var (difference, borrow1) = a[i].subtractingReportingOverflow(i < b.count ? b[i] : 0)
                var borrow2 = false
                if borrow { (difference, borrow2) = difference.subtractingReportingOverflow(1) }
                out[i] = difference
                borrow = borrow1 || borrow2
            }
            initialized = a.count
        }
    }

    /// -1, 0 or 1 as `a` is below, equal to or above `b` (neither has zero words on top).
    static func compare(_ a: [UInt], _ b: [UInt]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for i in stride(from: a.count - 1, through: 0, by: -1) where a[i] != b[i] {
            return a[i] < b[i] ? -1 : 1
        }
        return 0
    }

    /// `x ** e` for `e >= 0`, by squaring (left to right over the exponent's bits).
    static func power(_ x: BigInt, _ e: Int) -> BigInt {
        precondition(e >= 0)
        if e == 0 { return 1 }
        var result = x
        for bit in stride(from: Int.bitWidth - e.leadingZeroBitCount - 2, through: 0, by: -1) {
            result = multiply(result, result)
            if e >> bit & 1 == 1 { result = multiply(result, x) }
        }
        return result
    }

    /// Truncated division, like Swift's and attaswift's `quotientAndRemainder` (the remainder has the dividend's
    /// sign); `y` is not zero.
    static func quotientAndRemainder(_ x: BigInt, _ y: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        let (q, r) = divide(Array(x.magnitude.words), by: Array(y.magnitude.words))
        let quotient = BigInt(sign: x.sign == y.sign ? .plus : .minus, magnitude: BigUInt(words: q))
        let remainder = BigInt(sign: x.sign, magnitude: BigUInt(words: r))
        return (quotient, remainder)
    }

    // MARK: - Words (least significant first, no sign)

    /// The schoolbook product of two non-empty word arrays.
    static func product(_ a: [UInt], _ b: [UInt]) -> [UInt] {
        [UInt](unsafeUninitializedCapacity: a.count + b.count) { out, initialized in
            a.withUnsafeBufferPointer { x in
                b.withUnsafeBufferPointer { y in
                    schoolbook(x.baseAddress!, x.count, y.baseAddress!, y.count, into: out.baseAddress!)
                }
            }
            initialized = a.count + b.count
        }
    }

    /// `out[0..<na + nb] = a * b` by rows (`na`, `nb` > 0; `out` uninitialized, overlapping neither). The
    /// longer operand is the inner loop (fewer passes over the result); the first row stores, the others add
    /// (a big × one-word product, pidigits' commonest, is one pass). Each step is one 128-bit sum: the
    /// carries go through add-with-carry, not through branches on the carry flags, which the processor
    /// mispredicted on half the words (decimal_factorial's products: 4× the time).
    static func schoolbook(_ a: UnsafePointer<UInt>, _ na: Int, _ b: UnsafePointer<UInt>, _ nb: Int,
                           into out: UnsafeMutablePointer<UInt>) {
        if na < nb { return schoolbook(b, nb, a, na, into: out) }
        var carry: UInt = 0
        let first = UInt128(b[0])
        for j in 0..<na {
            let t = first &* UInt128(a[j]) &+ UInt128(carry)
            (out + j).initialize(to: UInt(truncatingIfNeeded: t))
            carry = UInt(truncatingIfNeeded: t >> 64)
        }
        (out + na).initialize(to: carry)
        for i in 1..<nb {
            let word = b[i]
            (out + i + na).initialize(to: word == 0 ? 0 : multiplyAdd(a, na, word, into: out + i))
        }
    }

    /// `out[0..<n] += v[0..<n] * word`; returns the carry word. Cannot overflow: (2⁶⁴−1)² + 2 (2⁶⁴−1) < 2¹²⁸.
    @inline(__always)
    private static func multiplyAdd(_ v: UnsafePointer<UInt>, _ n: Int, _ word: UInt, into out: UnsafeMutablePointer<UInt>) -> UInt {
        let w = UInt128(word)
        var carry: UInt = 0
        for j in 0..<n {
            let t = w &* UInt128(v[j]) &+ UInt128(out[j]) &+ UInt128(carry)
            out[j] = UInt(truncatingIfNeeded: t)
            carry = UInt(truncatingIfNeeded: t >> 64)
        }
        return carry
    }

    /// Quotient and remainder of non-negative word arrays; `v` is not zero.
    static func divide(_ u: [UInt], by v: [UInt]) -> (quotient: [UInt], remainder: [UInt]) {
        let u = trimmed(u)
        let v = trimmed(v)
        precondition(!v.isEmpty, "division by zero words")
        if u.count < v.count { return ([], u) }
        if v.count == 1 {
            var quotient = [UInt](repeating: 0, count: u.count)
            var remainder: UInt = 0
            for i in stride(from: u.count - 1, through: 0, by: -1) {
                (quotient[i], remainder) = v[0].dividingFullWidth((remainder, u[i]))
            }
            return (quotient, remainder == 0 ? [] : [remainder])
        }
        return knuthD(u, v)
    }

    /// Algorithm D for a divisor of two or more words (TAOCP 4.3.1; the comments name its steps).
    private static func knuthD(_ u: [UInt], _ v: [UInt]) -> (quotient: [UInt], remainder: [UInt]) {
        let n = v.count
        let m = u.count - n
        // D1: normalise, so the divisor's top bit is set and each quotient guess is at most 2 too big.
        let shift = v[n - 1].leadingZeroBitCount
        var vn = shiftedLeft(v, by: shift, extraWord: false)
        var un = shiftedLeft(u, by: shift, extraWord: true)
        var quotient = [UInt](repeating: 0, count: m + 1)
        vn.withUnsafeMutableBufferPointer { vn in
            un.withUnsafeMutableBufferPointer { un in
                let top = vn[n - 1]
                let second = vn[n - 2]
                for j in stride(from: m, through: 0, by: -1) {
                    // D3: guess the quotient word from the top two words of the remainder and one of the divisor.
                    var qhat: UInt
                    var rhat: UInt
                    var rhatOverflowed = false
                    if un[j + n] >= top {
                        qhat = .max
                        (rhat, rhatOverflowed) = un[j + n - 1].addingReportingOverflow(top)
                    } else {
                        (qhat, rhat) = top.dividingFullWidth((un[j + n], un[j + n - 1]))
                    }
                    while !rhatOverflowed {
                        let (high, low) = qhat.multipliedFullWidth(by: second)
                        guard high > rhat || (high == rhat && low > un[j + n - 2]) else { break }
                        qhat -= 1
                        (rhat, rhatOverflowed) = rhat.addingReportingOverflow(top)
                    }
                    // D4: subtract qhat × divisor from the remainder's window.
                    var carry: UInt = 0
                    var borrow: UInt = 0
                    for i in 0..<n {
                        let (high, low) = qhat.multipliedFullWidth(by: vn[i])
                        let (product, productOverflow) = low.addingReportingOverflow(carry)
                        carry = high &+ (productOverflow ? 1 : 0)
                        let (difference1, borrow1) = un[i + j].subtractingReportingOverflow(product)
                        let (difference2, borrow2) = difference1.subtractingReportingOverflow(borrow)
                        un[i + j] = difference2
                        borrow = (borrow1 ? 1 : 0) &+ (borrow2 ? 1 : 0)
                    }
                    let (top1, borrow1) = un[j + n].subtractingReportingOverflow(carry)
                    let (top2, borrow2) = top1.subtractingReportingOverflow(borrow)
                    un[j + n] = top2
                    // D5–D6: the guess was one too big (rare): add the divisor back.
                    if borrow1 || borrow2 {
                        qhat -= 1
                        var addCarry: UInt = 0
                        for i in 0..<n {
                            let (sum1, overflow1) = un[i + j].addingReportingOverflow(vn[i])
                            let (sum2, overflow2) = sum1.addingReportingOverflow(addCarry)
                            un[i + j] = sum2
                            addCarry = (overflow1 ? 1 : 0) &+ (overflow2 ? 1 : 0)
                        }
                        un[j + n] &+= addCarry
                    }
                    quotient[j] = qhat
                }
            }
        }
        // D8: the remainder is the low n words, shifted back.
        return (quotient, shiftedRight(Array(un[0..<n]), by: shift))
    }

    private static func trimmed(_ words: [UInt]) -> [UInt] {
        var end = words.count
        while end > 0 && words[end - 1] == 0 { end -= 1 }
        return end == words.count ? words : Array(words[0..<end])
    }

    /// `words << shift` (shift < 64), with one more word on top when `extraWord` (Algorithm D's u_{m+n}).
    private static func shiftedLeft(_ words: [UInt], by shift: Int, extraWord: Bool) -> [UInt] {
        var result = [UInt](repeating: 0, count: words.count + (extraWord ? 1 : 0))
        guard shift > 0 else {
            for i in words.indices { result[i] = words[i] }
            return result
        }
        var carry: UInt = 0
        for i in words.indices {
            result[i] = (words[i] << shift) | carry
            carry = words[i] >> (UInt.bitWidth - shift)
        }
        if extraWord { result[words.count] = carry }
        return result
    }

    private static func shiftedRight(_ words: [UInt], by shift: Int) -> [UInt] {
        guard shift > 0 else { return words }
        var result = words
        for i in words.indices {
            let high = i + 1 < words.count ? words[i + 1] << (UInt.bitWidth - shift) : 0
            result[i] = (words[i] >> shift) | high
        }
        return result
    }
}

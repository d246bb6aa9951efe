import BigInt

/// Products of big coefficients: Karatsuba over raw word buffers down to `BigWordArithmetic.schoolbook`.
/// attaswift's own Karatsuba multiplies its base cases through `BigUInt`'s checked subscript: pyperformance's
/// decimal_factorial (exact products of up to 456,574 digits at MAX_PREC) spent 60 % of its time in its
/// `multiplyAndAdd`. A first version over Swift arrays spent two thirds of its time outside the word loops
/// (an array per half, sum and partial product, copied and trimmed): here each level takes one scratch
/// buffer and writes its halves' products straight into the result.
enum DecimalProduct {
    typealias Words = UnsafePointer<UInt>
    typealias MutableWords = UnsafeMutablePointer<UInt>

    /// Below this many words on the shorter side, schoolbook multiplication is faster (measured 32–48 on
    /// decimal_factorial's products; libmpdec's own Karatsuba limit is of the same order).
    static let karatsubaWords = 40

    static func multiply(_ a: BigUInt, _ b: BigUInt) -> BigUInt {
        if a.isZero || b.isZero { return 0 }
        return BigUInt(words: product(Array(a.words), Array(b.words)))
    }

    /// `a * b` as words (a.count + b.count of them; the top one may be zero).
    static func product(_ a: [UInt], _ b: [UInt]) -> [UInt] {
        if a.isEmpty || b.isEmpty { return [] }
        return [UInt](unsafeUninitializedCapacity: a.count + b.count) { out, initialized in
            a.withUnsafeBufferPointer { x in
                b.withUnsafeBufferPointer { y in
                    multiply(x.baseAddress!, x.count, y.baseAddress!, y.count, into: out.baseAddress!)
                }
            }
            initialized = a.count + b.count
        }
    }

    /// `out[0..<na + nb] = a[0..<na] * b[0..<nb]`; `out` (uninitialized words) overlaps neither operand.
    static func multiply(_ a: Words, _ na: Int, _ b: Words, _ nb: Int, into out: MutableWords) {
        if na < nb { return multiply(b, nb, a, na, into: out) }
        if nb == 0 { return out.initialize(repeating: 0, count: na) }
        if nb < karatsubaWords { return BigWordArithmetic.schoolbook(a, na, b, nb, into: out) }
        let half = (na + 1) / 2
        if na >= 2 * nb || nb <= half { return multiplyUnbalanced(a, na, b, nb, into: out) }
        // a = a1·B^half + a0, b likewise: a·b = z2·B^2half + (z1 − z0 − z2)·B^half + z0, z1 = (a0 + a1)(b0 + b1).
        let na1 = na - half, nb1 = nb - half
        multiply(a, half, b, half, into: out)
        multiply(a + half, na1, b + half, nb1, into: out + 2 * half)
        let sumWords = half + 1
        let scratch = MutableWords.allocate(capacity: 4 * sumWords)
        defer { scratch.deallocate() }
        let sa = scratch, sb = scratch + sumWords, z1 = scratch + 2 * sumWords
        let la = sum(a, half, a + half, na1, into: sa, sumWords)
        let lb = sum(b, half, b + half, nb1, into: sb, sumWords)
        multiply(sa, la, sb, lb, into: z1)
        // z1's buffer zeroed above its product: z0 is subtracted over all its 2·half words.
        (z1 + la + lb).initialize(repeating: 0, count: 2 * sumWords - la - lb)
        var lz = 2 * sumWords
        subtract(z1, lz, out, 2 * half)
        subtract(z1, lz, out + 2 * half, na1 + nb1)
        while lz > 0 && z1[lz - 1] == 0 { lz -= 1 }
        add(out + half, na + nb - half, z1, lz)
    }

    /// `a * b` when `a` is at least twice as long: pieces of `a` the length of `b`, each product added in.
    private static func multiplyUnbalanced(_ a: Words, _ na: Int, _ b: Words, _ nb: Int, into out: MutableWords) {
        out.initialize(repeating: 0, count: na + nb)
        let pieceWords = min(nb, (na + 1) / 2)
        let piece = MutableWords.allocate(capacity: pieceWords + nb)
        defer { piece.deallocate() }
        var start = 0
        while start < na {
            let n = min(pieceWords, na - start)
            multiply(a + start, n, b, nb, into: piece)
            add(out + start, na + nb - start, piece, n + nb)
            start += n
        }
    }

    /// `out[0..<count] = x[0..<nx] + y[0..<ny]` (both shorter than `count`); the length without top zeros.
    private static func sum(_ x: Words, _ nx: Int, _ y: Words, _ ny: Int, into out: MutableWords, _ count: Int) -> Int {
        out.initialize(repeating: 0, count: count)
        out.update(from: x, count: nx)
        add(out, count, y, ny)
        var n = count
        while n > 0 && out[n - 1] == 0 { n -= 1 }
        return n
    }

    /// `x[0..<n] += y[0..<m]` (m <= n; the sum fits n words). Carries through 128-bit sums: no branch
    /// on a carry flag, which the processor cannot predict.
    private static func add(_ x: MutableWords, _ n: Int, _ y: Words, _ m: Int) {
        var carry: UInt = 0
        var i = 0
        while i < m {
            let t = UInt128(x[i]) &+ UInt128(y[i]) &+ UInt128(carry)
            x[i] = UInt(truncatingIfNeeded: t)
            carry = UInt(truncatingIfNeeded: t >> 64)
            i += 1
        }
        while carry != 0 && i < n {
            let (s, o) = x[i].addingReportingOverflow(1)
            x[i] = s
            carry = o ? 1 : 0
            i += 1
        }
    }

    private static func add(_ x: MutableWords, _ n: Int, _ y: MutableWords, _ m: Int) { add(x, n, Words(y), m) }

    /// `x[0..<n] -= y[0..<m]` where x >= y.
    private static func subtract(_ x: MutableWords, _ n: Int, _ y: MutableWords, _ m: Int) {
        var borrow: UInt = 0
        var i = 0
        while i < m {
            let (d1, b1) = x[i].subtractingReportingOverflow(y[i])
            let (d2, b2) = d1.subtractingReportingOverflow(borrow)
            x[i] = d2
            borrow = UInt(b1 ? 1 : 0) | UInt(b2 ? 1 : 0)
            i += 1
        }
        while borrow != 0 && i < n {
            let (d, b) = x[i].subtractingReportingOverflow(1)
            x[i] = d
            borrow = b ? 1 : 0
            i += 1
        }
    }
}

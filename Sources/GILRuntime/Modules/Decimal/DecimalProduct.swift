import BigInt

/// Products of big coefficients: Karatsuba over plain word arrays down to `BigWordArithmetic.product`'s
/// schoolbook loops. attaswift's own Karatsuba multiplies its base cases through `BigUInt`'s checked
/// subscript: pyperformance's decimal_factorial (exact products of up to 456,574 digits at MAX_PREC)
/// spent 60 % of its time in its `multiplyAndAdd`.
enum DecimalProduct {
    /// Below this many words on the shorter side, schoolbook multiplication is faster.
    static let karatsubaWords = 40

    static func multiply(_ a: BigUInt, _ b: BigUInt) -> BigUInt {
        if a.isZero || b.isZero { return 0 }
        return BigUInt(words: trimmed(product(Array(a.words), Array(b.words))))
    }

    static func product(_ a: [UInt], _ b: [UInt]) -> [UInt] {
        if a.isEmpty || b.isEmpty { return [] }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        if short.count < karatsubaWords { return BigWordArithmetic.product(a, b) }
        if long.count >= 2 * short.count {
            // Unbalanced: the long operand in pieces the size of the short one.
            var out = [UInt](repeating: 0, count: a.count + b.count)
            var start = 0
            while start < long.count {
                let end = min(start + short.count, long.count)
                addShifted(&out, product(short, Array(long[start..<end])), by: start)
                start = end
            }
            return out
        }
        let half = long.count / 2
        let (a0, a1) = split(a, at: half)
        let (b0, b1) = split(b, at: half)
        let z0 = product(a0, b0)
        let z2 = product(a1, b1)
        var z1 = product(sum(a0, a1), sum(b0, b1))
        subtract(&z1, z0)
        subtract(&z1, z2)
        var out = [UInt](repeating: 0, count: a.count + b.count + 1)
        addShifted(&out, z0, by: 0)
        addShifted(&out, z1, by: half)
        addShifted(&out, z2, by: 2 * half)
        return out
    }

    private static func split(_ x: [UInt], at k: Int) -> ([UInt], [UInt]) {
        if x.count <= k { return (trimmed(x), []) }
        return (trimmed(Array(x[0..<k])), trimmed(Array(x[k...])))
    }

    private static func trimmed(_ x: [UInt]) -> [UInt] {
        var n = x.count
        while n > 0 && x[n - 1] == 0 { n -= 1 }
        return n == x.count ? x : Array(x[0..<n])
    }

    private static func sum(_ a: [UInt], _ b: [UInt]) -> [UInt] {
        var out = a.count >= b.count ? a : b
        let other = a.count >= b.count ? b : a
        out.append(0)
        addShifted(&out, other, by: 0)
        return trimmed(out)
    }

    /// `out += x << (64 * shift)` (out is long enough for the result).
    private static func addShifted(_ out: inout [UInt], _ x: [UInt], by shift: Int) {
        var carry: UInt = 0
        var i = 0
        out.withUnsafeMutableBufferPointer { o in
            while i < x.count {
                let (s1, c1) = o[shift + i].addingReportingOverflow(x[i])
                let (s2, c2) = s1.addingReportingOverflow(carry)
                o[shift + i] = s2
                carry = (c1 ? 1 : 0) + (c2 ? 1 : 0)
                i += 1
            }
            var k = shift + i
            while carry != 0 && k < o.count {
                let (s, c) = o[k].addingReportingOverflow(carry)
                o[k] = s
                carry = c ? 1 : 0
                k += 1
            }
        }
    }

    /// `x -= y` where x >= y.
    private static func subtract(_ x: inout [UInt], _ y: [UInt]) {
        var borrow: UInt = 0
        var i = 0
        x.withUnsafeMutableBufferPointer { o in
            while i < y.count {
                let (d1, b1) = o[i].subtractingReportingOverflow(y[i])
                let (d2, b2) = d1.subtractingReportingOverflow(borrow)
                o[i] = d2
                borrow = (b1 ? 1 : 0) + (b2 ? 1 : 0)
                i += 1
            }
            while borrow != 0 && i < o.count {
                let (d, b) = o[i].subtractingReportingOverflow(borrow)
                o[i] = d
                borrow = b ? 1 : 0
                i += 1
            }
        }
    }
}

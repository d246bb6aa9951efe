import BigInt
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The rest of `math` (Modules/mathmodule.c): the one-argument functions with CPython's domain and range
/// errors (`math_1`: a NaN from a non-NaN argument is "math domain error", an infinity from a finite one
/// "math range error" where the function can overflow), and modf, frexp, ldexp, fmod, remainder, isqrt, lcm,
/// perm, dist, nextafter, ulp.
extension MathModule {
    static func installMore(_ m: PyModule) {
        let unary: [(String, (Double) -> Double, Bool)] = [
            ("sin", sin, false), ("cos", cos, false), ("tan", tan, false), ("asin", asin, false), ("acos", acos, false),
            ("atan", atan, false), ("exp", exp, true), ("fabs", fabs, false), ("sinh", sinh, true), ("cosh", cosh, true),
            ("tanh", tanh, false), ("asinh", asinh, false), ("acosh", acosh, false), ("atanh", atanh, false),
            ("expm1", expm1, true), ("exp2", exp2, true), ("cbrt", cbrt, false), ("erf", erf, false), ("erfc", erfc, false),
        ]
        for (name, f, canOverflow) in unary {
            m.addFunction(name) { a, _, ctx in .float(try checked(try real(ctx, try one(a, name)), f, canOverflow: canOverflow)) }
        }
        for (name, f) in [("log2", log2), ("log10", log10)] as [(String, (Double) -> Double)] {
            m.addFunction(name) { a, _, ctx in .float(try logarithm(ctx, try one(a, name), f)) }
        }
        for (name, f) in [("log1p", log1p)] as [(String, (Double) -> Double)] {
            m.addFunction(name) { a, _, ctx in
                let x = try real(ctx, try one(a, name))
                let r = f(x)
                if r.isNaN && !x.isNaN || r.isInfinite && x.isFinite { throw PyException.make(.valueError, "math domain error") }
                return .float(r)
            }
        }
        m.addFunction("gamma") { a, _, ctx in
            let x = try real(ctx, try one(a, "gamma"))
            if x.isFinite && (x == x.rounded(.down) && x <= 0) { throw PyException.make(.valueError, "math domain error") }
            let r = tgamma(x)
            if r.isInfinite && x.isFinite { throw PyException.make(.overflowError, "math range error") }
            return .float(r)
        }
        m.addFunction("lgamma") { a, _, ctx in
            let x = try real(ctx, try one(a, "lgamma"))
            if x.isFinite && x == x.rounded(.down) && x <= 0 { throw PyException.make(.valueError, "math domain error") }
            let r: Double = Glibc.lgamma(x)
            if r.isInfinite && x.isFinite { throw PyException.make(.overflowError, "math range error") }
            return .float(r)
        }
        m.addFunction("modf") { a, _, ctx in
            let x = try real(ctx, try one(a, "modf"))
            if x.isInfinite { return .object(PyTuple([.float(Foundation.copysign(0, x)), .float(x)])) }
            var whole = 0.0
            let fraction = Foundation.modf(x, &whole)
            return .object(PyTuple([.float(fraction), .float(whole)]))
        }
        m.addFunction("frexp") { a, _, ctx in
            let x = try real(ctx, try one(a, "frexp"))
            if x.isNaN || x.isInfinite || x == 0 { return .object(PyTuple([.float(x), .int(0)])) }
            var e: Int32 = 0
            let mantissa = Foundation.frexp(x, &e)
            return .object(PyTuple([.float(mantissa), .int(Int(e))]))
        }
        m.addFunction("ldexp") { a, _, ctx in
            guard a.count == 2 else { throw PyException.make(.typeError, "ldexp expected 2 arguments, got \(a.count)") }
            let x = try real(ctx, a[0])
            if case .float = a[1] { throw PyException.make(.typeError, "Expected an int as second argument to ldexp.") }
            let exponent = try Index.value(a[1], ctx)
            if x == 0 || !x.isFinite { return .float(x) }
            let e = max(-100_000, min(100_000, exponent))
            let r = scalbn(x, e)
            if r.isInfinite { throw PyException.make(.overflowError, "math range error") }
            return .float(r)
        }
        m.addFunction("fmod") { a, _, ctx in
            let (x, y) = try two(a, "fmod", ctx)
            if y.isInfinite && x.isFinite { return .float(x) }
            let r = Foundation.fmod(x, y)
            if r.isNaN && !x.isNaN && !y.isNaN { throw PyException.make(.valueError, "math domain error") }
            return .float(r)
        }
        m.addFunction("remainder") { a, _, ctx in
            let (x, y) = try two(a, "remainder", ctx)
            if x.isNaN || y.isNaN { return .float(.nan) }
            if x.isInfinite || y == 0 { throw PyException.make(.valueError, "math domain error") }
            if y.isInfinite { return .float(x) }
            return .float(Foundation.remainder(x, y))
        }
        m.addFunction("nextafter") { a, _, ctx in
            let (x, y) = try two(a, "nextafter", ctx)
            return .float(Foundation.nextafter(x, y))
        }
        m.addFunction("ulp") { a, _, ctx in
            let x = Swift.abs(try real(ctx, try one(a, "ulp")))
            if x.isNaN || x.isInfinite { return .float(x) }
            let next = x.nextUp
            if next.isInfinite { return .float(x - x.nextDown) }
            return .float(next - x)
        }
        m.addFunction("isqrt") { a, _, ctx in
            let n = try bigIndex(try one(a, "isqrt"), ctx)
            if n < 0 { throw PyException.make(.valueError, "isqrt() argument must be nonnegative") }
            return .integer(n.squareRoot())
        }
        m.addFunction("lcm") { a, kw, ctx in
            if !kw.isEmpty { throw PyException.make(.typeError, "math.lcm() takes no keyword arguments") }
            var r = BigInt(1)
            for v in a {
                let n = try bigIndex(v, ctx)
                if n == 0 || r == 0 {
                    r = 0
                    continue
                }
                r = BigInt((r / r.greatestCommonDivisor(with: n) * n).magnitude)
            }
            return .integer(r)
        }
        m.addFunction("perm") { a, _, ctx in
            guard a.count == 1 || a.count == 2 else { throw PyException.make(.typeError, "perm expected at most 2 arguments, got \(a.count)") }
            let n = try bigIndex(a[0], ctx)
            let k = a.count == 2 && !a[1].isNone ? try bigIndex(a[1], ctx) : n
            if n < 0 { throw PyException.make(.valueError, "n must be a non-negative integer") }
            if k < 0 { throw PyException.make(.valueError, "k must be a non-negative integer") }
            if k > n { return .int(0) }
            var r = BigInt(1)
            var i = n - k + 1
            while i <= n {
                r *= i
                i += 1
            }
            return .integer(r)
        }
        m.addFunction("dist") { a, _, ctx in
            guard a.count == 2 else { throw PyException.make(.typeError, "dist expected 2 arguments, got \(a.count)") }
            let p = try collect(a[0], ctx).map { try real(ctx, $0) }, q = try collect(a[1], ctx).map { try real(ctx, $0) }
            guard p.count == q.count else { throw PyException.make(.valueError, "both points must have the same number of dimensions") }
            return .float(vectorNorm(zip(p, q).map { Swift.abs($0 - $1) }))
        }
    }

    /// `sqrt(sum(x * x for x in magnitudes))` for `math.hypot` and `math.dist`, computed as CPython's vector_norm
    /// so results agree to the last bit: scaled by a power of two so the largest is in [0.5, 1), squares exact
    /// (fma gives each product's rounding error), a compensated sum started at 1.0 so every addend is smaller,
    /// then one differential correction of the square root.
    static func vectorNorm(_ magnitudes: [Double]) -> Double {
        var vector = magnitudes
        // An infinity wins over a NaN (`hypot(nan, inf)` is inf); `max()` would stop at a leading NaN.
        if vector.contains(where: \.isInfinite) { return .infinity }
        if vector.contains(where: \.isNaN) { return .nan }
        let largest = vector.max() ?? 0
        if largest == 0 || vector.count <= 1 { return largest }
        let exponent = Int(largest.exponent) + 1  // frexp's: largest = m * 2**exponent, 0.5 <= m < 1
        if exponent < -1023 {
            // Subnormals: scale up into the normal range first (2**-e would overflow).
            for i in vector.indices { vector[i] /= Double.leastNormalMagnitude }
            return Double.leastNormalMagnitude * vectorNorm(vector)
        }
        let scale = Double(sign: .plus, exponent: -exponent, significand: 1)
        var sum = 1.0, productErrors = 0.0, sumErrors = 0.0
        func accumulate(_ square: Double, _ squareError: Double) {
            let total = sum + square  // |sum| >= |square|: Fast2Sum is exact
            sumErrors += (sum - total) + square
            productErrors += squareError
            sum = total
        }
        for x in vector {
            let scaled = x * scale
            let square = scaled * scaled
            accumulate(square, (-square).addingProduct(scaled, scaled))
        }
        var h = (sum - 1.0 + (productErrors + sumErrors)).squareRoot()
        let negative = -h * h
        accumulate(negative, (-negative).addingProduct(-h, h))
        let x = sum - 1.0 + (productErrors + sumErrors)
        h += x / (2.0 * h)
        return h / scale
    }

    static func checked(_ x: Double, _ f: (Double) -> Double, canOverflow: Bool) throws -> Double {
        let r = f(x)
        if r.isNaN && !x.isNaN { throw PyException.make(.valueError, "math domain error") }
        if r.isInfinite && x.isFinite {
            throw canOverflow ? PyException.make(.overflowError, "math range error") : PyException.make(.valueError, "math domain error")
        }
        return r
    }

    /// `math.gcd(*integers)`: Euclid on machine words while the arguments are small ints (the common case:
    /// `fractions.Fraction` normalises every result with it, and BigInt's gcd costs ~8,000 instructions for
    /// two words), BigInt's from the first argument that is not; every argument must be an index.
    static func gcd(_ a: [Value], _ kw: [(String, Value)], _ ctx: ExecutionContext) throws -> Value {
        if !kw.isEmpty { throw PyException.make(.typeError, "math.gcd() takes no keyword arguments") }
        var g: UInt = 0
        var index = 0
        while index < a.count, case .int(let n) = a[index] {
            g = wordGCD(g, n.magnitude)
            index += 1
        }
        if index == a.count { return g <= UInt(Int.max) ? .int(Int(g)) : .integer(BigInt(g)) }
        var big = BigInt(g)
        for v in a[index...] { big = big.greatestCommonDivisor(with: try bigIndex(v, ctx)) }
        return .integer(big)
    }

    /// Binary (Stein's) gcd of two words: shifts and subtractions, no division.
    static func wordGCD(_ x: UInt, _ y: UInt) -> UInt {
        if x == 0 { return y }
        if y == 0 { return x }
        let shift = (x | y).trailingZeroBitCount
        var a = x >> x.trailingZeroBitCount, b = y
        repeat {
            b >>= b.trailingZeroBitCount
            if a > b { swap(&a, &b) }
            b -= a
        } while b != 0
        return a << shift
    }

    static func one(_ a: [Value], _ name: String) throws -> Value {
        guard a.count == 1 else { throw PyException.make(.typeError, "math.\(name)() takes exactly one argument (\(a.count) given)") }
        return a[0]
    }

    static func two(_ a: [Value], _ name: String, _ ctx: ExecutionContext) throws -> (Double, Double) {
        guard a.count == 2 else { throw PyException.make(.typeError, "\(name) expected 2 arguments, got \(a.count)") }
        return (try real(ctx, a[0]), try real(ctx, a[1]))
    }

    static func bigIndex(_ v: Value, _ ctx: ExecutionContext) throws -> BigInt {
        guard let i = try Index.integer(v, ctx), let n = Arithmetic.number(i) else {
            throw PyException.make(.typeError, "'\(typeName(v))' object cannot be interpreted as an integer")
        }
        switch n {
        case .small(let s): return BigInt(s)
        case .int(let b): return b
        case .float: throw PyException.make(.typeError, "'float' object cannot be interpreted as an integer")
        }
    }
}

import BigInt
import Foundation

/// `math`: the functions example programs reach for.
enum MathModule {
    static func double(_ v: Value) throws -> Double {
        guard let n = Arithmetic.number(v) else { throw PyException.make(.typeError, "must be real number, not \(typeName(v))") }
        return try Arithmetic.double(n)
    }

    /// A math function's argument as a C double, as PyFloat_AsDouble takes it: a number directly, else the
    /// object's `__float__` (Fraction, Decimal, Python classes; it must return a float), else its `__index__`.
    static func real(_ ctx: ExecutionContext, _ v: Value) throws -> Double {
        // A float (subclasses too) directly; an int subclass with its own `__float__` is asked like anyone.
        if let n = Arithmetic.number(v), !isIntSubclassWithFloat(v) { return try Arithmetic.double(n) }
        if case .object(let o) = v {
            let hook = o.tag == .subclassed ? SpecialMethods.subclassHook(o, "__float__") : typeOf(v).lookup("__float__")
            if let hook {
                let f = try Interpreter.callSpecial(hook, v, ctx)
                if case .float(let d) = f { return d }
                if case .object(let r) = f, r.tag == .subclassed, let d = r as? SubclassedFloat { return d.value }
                throw PyException.make(.typeError, "\(typeName(v)).__float__ returned non-float (type \(typeName(f)))")
            }
            if let i = try Index.integer(v, ctx) { return try double(i) }
        }
        throw PyException.make(.typeError, "must be real number, not \(typeName(v))")
    }

    /// mathmodule.c loghelper: `f(v)` for a positive argument; an int too large for a double is taken as
    /// m·2^e (`_PyLong_Frexp`, m correctly rounded), so `log(10**400)` works.
    static func logarithm(_ ctx: ExecutionContext, _ v: Value, _ f: (Double) -> Double) throws -> Double {
        // Any int (subclasses too: their value, not their `__float__`, as PyLong_Check there).
        if case .object(let o) = v, o is PyBigInt, case .int(let b)? = Arithmetic.number(v) {
            if b.signum() <= 0 { throw PyException.make(.valueError, "math domain error") }
            if let x = try? Arithmetic.double(.int(b)) { return f(x) }
            let bits = b.magnitude.bitWidth
            do {
                // Keep 55 bits, the rest as a sticky bit: the double rounds once, as CPython's frexp does.
                let shift = bits - 55
                var top = b >> shift
                if (top << shift) != b { top |= 1 }
                var m = Double(UInt64(top)) / 0x1p55
                var e = shift + 55
                if m == 1.0 { m = 0.5; e += 1 }
                return f(m) + f(2.0) * Double(e)
            }
        }
        let x = try real(ctx, v)
        if x <= 0 { throw PyException.make(.valueError, "math domain error") }
        return f(x)
    }

    private static func isIntSubclassWithFloat(_ v: Value) -> Bool {
        guard case .object(let o) = v, o.tag == .subclassed, o is SubclassedInt else { return false }
        return SpecialMethods.subclassHook(o, "__float__") != nil
    }

    /// A float with no fractional part as an int; infinities and NaN cannot be (CPython's messages).
    static func integral(_ d: Double) throws -> Value {
        if d.isNaN { throw PyException.make(.valueError, "cannot convert float NaN to integer") }
        if d.isInfinite { throw PyException.make(.overflowError, "cannot convert float infinity to integer") }
        return .integer(BigInt(d))
    }

    /// `math.floor`/`ceil`/`trunc` (Modules/mathmodule.c): a float directly, an int as itself, anything else by its
    /// type's `__floor__`/`__ceil__`/`__trunc__` (Decimal, Fraction, Python classes), else (floor, ceil) by its float
    /// value. (The argument used to come back unchanged: `math.floor(Decimal("-2.5"))` was -2.5.)
    static func rounded(_ v: Value, _ method: String, _ rule: FloatingPointRoundingRule, _ ctx: ExecutionContext) throws -> Value {
        switch v {
        case .float(let d): return try integral(d.rounded(rule))
        case .int: return v
        case .bool(let b): return .int(b ? 1 : 0)
        case .object(let o):
            let hook = o.tag == .subclassed ? SpecialMethods.subclassHook(o, method) : o.tag == .bigint ? nil : typeOf(v).lookup(method)
            if let hook { return try Interpreter.callSpecial(hook, v, ctx) }
        case .none: break
        }
        switch Arithmetic.number(v) {
        case .small(let i)?: return .int(i)
        case .int(let b)?: return .integer(b)
        case .float(let d)?: return try integral(d.rounded(rule))
        case nil:
            if method == "__trunc__" { throw PyException.make(.typeError, "type \(typeName(v)) doesn't define __trunc__ method") }
            if let f = typeOf(v).lookup("__float__"), case .float(let d) = try Interpreter.callSpecial(f, v, ctx) {
                return try integral(d.rounded(rule))
            }
            // PyFloat_AsDouble's last resort: the object's `__index__`.
            if let i = try Index.integer(v, ctx) { return try integral(try real(ctx, i).rounded(rule)) }
            throw PyException.make(.typeError, "must be real number, not \(typeName(v))")
        }
    }

    static func make() -> PyModule {
        let m = PyModule(name: "math")
        m.dict["pi"] = .float(Double.pi)
        m.dict["e"] = .float(M_E)
        m.dict["tau"] = .float(2 * Double.pi)
        m.dict["inf"] = .float(.infinity)
        m.dict["nan"] = .float(.nan)
        installMore(m)  // the one-argument functions, with CPython's domain/range checks
        m.addFunction("sqrt") { a, _, ctx in
            let x = try real(ctx, a[0])
            if x < 0 { throw PyException.make(.valueError, "math domain error") }
            return .float(x.squareRoot())
        }
        m.addFunction("log") { a, _, ctx in
            let x = try logarithm(ctx, a[0], Foundation.log)
            if a.count > 1 { return .float(x / (try logarithm(ctx, a[1], Foundation.log))) }
            return .float(x)
        }
        m.addFunction("pow") { a, _, ctx in .float(Foundation.pow(try real(ctx, a[0]), try real(ctx, a[1]))) }
        m.addFunction("copysign") { a, _, ctx in .float(Foundation.copysign(try real(ctx, a[0]), try real(ctx, a[1]))) }
        m.addFunction("degrees") { a, _, ctx in .float(try real(ctx, a[0]) * 180 / Double.pi) }
        m.addFunction("radians") { a, _, ctx in .float(try real(ctx, a[0]) * Double.pi / 180) }
        m.addFunction("comb") { a, _, ctx in
            guard let n = indexValue(a[0]), let k = indexValue(a[1]), n >= 0, k >= 0 else { throw PyException.make(.valueError, "must be non-negative") }
            if k > n { return .int(0) }
            var r = BigInt(1)
            for i in 0..<min(k, n - k) { r = r * BigInt(n - i) / BigInt(i + 1) }
            return .integer(r)
        }
        m.addFunction("atan2") { a, _, ctx in .float(atan2(try real(ctx, a[0]), try real(ctx, a[1]))) }
        m.addFunction("hypot") { a, kw, ctx in
            if !kw.isEmpty { throw PyException.make(.typeError, "math.hypot() takes no keyword arguments") }
            return .float(vectorNorm(try a.map { Swift.abs(try real(ctx, $0)) }))
        }
        m.addFunction("floor") { a, _, ctx in try rounded(a[0], "__floor__", .down, ctx) }
        m.addFunction("ceil") { a, _, ctx in try rounded(a[0], "__ceil__", .up, ctx) }
        m.addFunction("trunc") { a, _, ctx in try rounded(a[0], "__trunc__", .towardZero, ctx) }
        m.addFunction("isnan") { a, _, ctx in .bool(try real(ctx, a[0]).isNaN) }
        m.addFunction("isinf") { a, _, ctx in .bool(try real(ctx, a[0]).isInfinite) }
        m.addFunction("isfinite") { a, _, ctx in .bool(try real(ctx, a[0]).isFinite) }
        m.addFunction("isclose") { a, kw, ctx in
            let x = try real(ctx, a[0]), y = try real(ctx, a[1])
            let rel = try kw.first { $0.0 == "rel_tol" }.map { try real(ctx, $0.1) } ?? 1e-9
            let abs = try kw.first { $0.0 == "abs_tol" }.map { try real(ctx, $0.1) } ?? 0
            return .bool(x == y || Swift.abs(x - y) <= max(rel * max(Swift.abs(x), Swift.abs(y)), abs))
        }
        m.addFunction("gcd") { a, kw, ctx in try gcd(a, kw, ctx) }
        m.addFunction("factorial") { a, _, ctx in
            if case .float = a[0] { throw PyException.make(.typeError, "'float' object cannot be interpreted as an integer") }
            let big = try Index.big(a[0], ctx)
            if big.sign == .minus && !big.isZero { throw PyException.make(.valueError, "factorial() not defined for negative values") }
            guard let n = Int(exactly: big) else {
                throw PyException.make(.overflowError, "factorial() argument should not exceed \(Int.max)")
            }
            // log2(n!) < n * log2(n): refuse what would exceed the object cap before multiplying for minutes.
            if n > 1 { try AllocationLimit.checkBits(Int(Double(n) * log2(Double(n)))) }
            return .integer(product(2, n))
        }
        m.addFunction("prod") { a, _, ctx in
            var r: Value = .int(1)
            for x in try collect(a[0], ctx) { r = try Arithmetic.binary(.multiply, r, x, ctx) }
            return r
        }
        m.addFunction("fsum") { a, _, ctx in .float(try exactSum(try collect(a[0], ctx).map { try real(ctx, $0) })) }
        return m
    }
}

extension MathModule {
    /// `math.fsum`: the correctly rounded sum, by Shewchuk's non-overlapping partials as CPython's
    /// mathmodule.c does it (same special cases and messages, same final half-even correction).
    static func exactSum(_ values: [Double]) throws -> Double {
        var partials: [Double] = []
        var special = 0.0
        var infinities = 0.0
        for value in values {
            var x = value
            var kept = 0
            for index in partials.indices {
                var y = partials[index]
                if abs(x) < abs(y) { swap(&x, &y) }
                let hi = x + y
                let lo = y - (hi - x)
                if lo != 0 {
                    partials[kept] = lo
                    kept += 1
                }
                x = hi
            }
            partials.removeSubrange(kept...)
            guard x != 0 else { continue }
            if x.isFinite {
                partials.append(x)
            } else {
                // Overflow of finite summands, or an inf/nan among them.
                if value.isFinite { throw PyException.make(.overflowError, "intermediate overflow in fsum") }
                if value.isInfinite { infinities += value }
                special += value
                partials.removeAll()
            }
        }
        if special != 0 {
            if infinities.isNaN { throw PyException.make(.valueError, "-inf + inf in fsum") }
            return special
        }
        guard var n = partials.indices.last else { return 0 }
        var hi = partials[n]
        var lo = 0.0
        while n > 0 {
            let x = hi
            n -= 1
            let y = partials[n]
            hi = x + y
            lo = y - (hi - x)
            if lo != 0 { break }
        }
        // Round half to even: the sum of the rest of the partials decides a tie.
        if n > 0, (lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0) {
            let y = lo * 2
            let x = hi + y
            if y == x - hi { hi = x }
        }
        return hi
    }

    /// lo * (lo + 1) * … * hi by halves, so the big multiplications are balanced (factorial(10**6) in seconds,
    /// not the minutes of a running product).
    static func product(_ lo: Int, _ hi: Int) -> BigInt {
        if lo > hi { return 1 }
        if hi - lo < 16 {
            var r = BigInt(1)
            for k in lo...hi { r *= BigInt(k) }
            return r
        }
        let mid = lo + (hi - lo) / 2
        return product(lo, mid) * product(mid + 1, hi)
    }
}

enum MonotonicNow {
    static func value() -> Int64 { TimeModule.clock(CLOCK_MONOTONIC) }
}

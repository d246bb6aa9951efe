import Foundation

/// `cmath` (Modules/cmathmodule.c): the complex functions with CPython's formulas for finite arguments
/// (`sqrt` by the scaled hypot, `log` through `log1p` near the unit circle, the inverse functions through
/// `sqrt`/`asinh`/`atan2`), so results agree with CPython's to the last digit there; infinities and NaNs
/// go through the same formulas without CPython's special-value tables.
enum CmathModule {
    typealias C = (Double, Double)

    static func make() -> PyModule {
        let m = PyModule(name: "cmath")
        m.dict["pi"] = .float(Double.pi)
        m.dict["e"] = .float(M_E)
        m.dict["tau"] = .float(2 * Double.pi)
        m.dict["inf"] = .float(.infinity)
        m.dict["nan"] = .float(.nan)
        m.dict["infj"] = .object(PyComplex(0, .infinity))
        m.dict["nanj"] = .object(PyComplex(0, .nan))
        let unary: [(String, (C) -> C)] = [
            ("sqrt", sqrt), ("exp", exp), ("log10", log10), ("sin", sin), ("cos", cos), ("tan", tan), ("sinh", sinh),
            ("cosh", cosh), ("tanh", tanh), ("asin", asin), ("acos", acos), ("atan", atan), ("asinh", asinh), ("acosh", acosh),
            ("atanh", atanh),
        ]
        for (name, f) in unary {
            m.addFunction(name) { a, _, ctx in
                guard a.count == 1 else { throw PyException.make(.typeError, "\(name)() takes exactly one argument (\(a.count) given)") }
                let z = try complexArgument(a[0], ctx)
                let r = f(z)
                if z.0.isFinite && z.1.isFinite {
                    // CPython's errno: a pole (atan(±1j), atanh(±1)) or NaN is a domain error, overflow a range error.
                    if r.0.isNaN || r.1.isNaN || ((r.0.isInfinite || r.1.isInfinite) && (name == "atan" || name == "atanh")) {
                        throw PyException.make(.valueError, "math domain error")
                    }
                    if r.0.isInfinite || r.1.isInfinite { throw PyException.make(.overflowError, "math range error") }
                }
                return .object(PyComplex(r.0, r.1))
            }
        }
        m.addFunction("log") { a, _, ctx in
            guard (1...2).contains(a.count) else { throw PyException.make(.typeError, "log expected at most 2 arguments, got \(a.count)") }
            let z = try complexArgument(a[0], ctx)
            if z == (0, 0) { throw PyException.make(.valueError, "math domain error") }
            var r = log(z)
            if a.count == 2 {
                let base = log(try complexArgument(a[1], ctx))
                guard let q = ComplexMath.quotient(r, base) else { throw PyException.make(.zeroDivisionError, "complex division by zero") }
                r = q
            }
            return .object(PyComplex(r.0, r.1))
        }
        m.addFunction("phase") { a, _, ctx in
            let z = try complexArgument(a.first ?? .none, ctx)
            return .float(atan2(z.1, z.0))
        }
        m.addFunction("polar") { a, _, ctx in
            let z = try complexArgument(a.first ?? .none, ctx)
            return .object(PyTuple([.float(hypot(z.0, z.1)), .float(atan2(z.1, z.0))]))
        }
        m.addFunction("rect") { a, _, ctx in
            guard a.count == 2 else { throw PyException.make(.typeError, "rect expected 2 arguments, got \(a.count)") }
            let r = try realArgument(a[0], ctx), phi = try realArgument(a[1], ctx)
            if phi == 0 { return .object(PyComplex(r, r.isNaN ? .nan : phi * r)) }
            return .object(PyComplex(r * Foundation.cos(phi), r * Foundation.sin(phi)))
        }
        m.addFunction("isfinite") { a, _, ctx in
            let z = try complexArgument(a.first ?? .none, ctx)
            return .bool(z.0.isFinite && z.1.isFinite)
        }
        m.addFunction("isinf") { a, _, ctx in
            let z = try complexArgument(a.first ?? .none, ctx)
            return .bool(z.0.isInfinite || z.1.isInfinite)
        }
        m.addFunction("isnan") { a, _, ctx in
            let z = try complexArgument(a.first ?? .none, ctx)
            return .bool(z.0.isNaN || z.1.isNaN)
        }
        m.addFunction("isclose") { a, kwargs, ctx in
            guard a.count == 2 else { throw PyException.make(.typeError, "isclose() takes exactly 2 positional arguments (\(a.count) given)") }
            let x = try complexArgument(a[0], ctx), y = try complexArgument(a[1], ctx)
            var relTol = 1e-09, absTol = 0.0
            for (k, v) in kwargs {
                switch k {
                case "rel_tol": relTol = try realArgument(v, ctx)
                case "abs_tol": absTol = try realArgument(v, ctx)
                default: throw PyException.make(.typeError, "isclose() got an unexpected keyword argument '\(k)'")
                }
            }
            if relTol < 0 || absTol < 0 { throw PyException.make(.valueError, "tolerances must be non-negative") }
            if x == y { return .bool(true) }
            if x.0.isInfinite || x.1.isInfinite || y.0.isInfinite || y.1.isInfinite { return .bool(false) }
            let diff = hypot(x.0 - y.0, x.1 - y.1)
            return .bool(diff <= relTol * hypot(y.0, y.1) || diff <= relTol * hypot(x.0, x.1) || diff <= absTol)
        }
        return m
    }

    /// A cmath argument: complex, a real number, or an object with `__complex__`/`__float__`/`__index__`.
    static func complexArgument(_ v: Value, _ ctx: ExecutionContext) throws -> C {
        if let p = ComplexMath.pair(v) { return p }
        if case .object(let i as PyInstance) = v, let f = i.type.lookup("__complex__") {
            guard case .object(let c as PyComplex) = try ctx.call(f, [v]) else {
                throw PyException.make(.typeError, "__complex__ returned non-complex")
            }
            return (c.real, c.imag)
        }
        do {
            guard case .float(let d) = try Conversions.float(v, ctx) else { return (0, 0) }
            return (d, 0)
        } catch let e as PyException where e.matches(.typeError) {
            throw PyException.make(.typeError, "must be real number, not \(typeName(v))")
        }
    }

    static func realArgument(_ v: Value, _ ctx: ExecutionContext) throws -> Double {
        if case .object(let o) = v, o.tag == .complex { throw PyException.make(.typeError, "must be real number, not complex") }
        guard case .float(let d) = try Conversions.float(v, ctx) else { return 0 }
        return d
    }

    // MARK: - The functions (Modules/cmathmodule.c, finite arguments)

    static func sqrt(_ z: C) -> C {
        if z.0 == 0 && z.1 == 0 { return (0, z.1) }
        var ax = abs(z.0)
        let ay = abs(z.1)
        let s: Double
        if ax < Double.leastNormalMagnitude && ay < Double.leastNormalMagnitude {
            ax = scalbn(ax, 53)
            s = scalbn(Foundation.sqrt(ax + hypot(ax, scalbn(ay, 53))), -27)
        } else {
            ax /= 8
            s = 2 * Foundation.sqrt(ax + hypot(ax, ay / 8))
        }
        let d = ay / (2 * s)
        return z.0 >= 0 ? (s, copysign(d, z.1)) : (d, copysign(s, z.1))
    }

    static func exp(_ z: C) -> C {
        let l = Foundation.exp(z.0)
        return (l * Foundation.cos(z.1), l * Foundation.sin(z.1))
    }

    static func log(_ z: C) -> C {
        let ax = abs(z.0), ay = abs(z.1)
        let h = hypot(ax, ay)
        let real: Double
        if 0.71 <= h && h <= 1.73 {
            let am = max(ax, ay), an = min(ax, ay)
            real = log1p((am - 1) * (am + 1) + an * an) / 2
        } else {
            real = Foundation.log(h)
        }
        return (real, atan2(z.1, z.0))
    }

    static func log10(_ z: C) -> C {
        let r = log(z)
        return (r.0 / M_LN10, r.1 / M_LN10)
    }

    static func sinh(_ z: C) -> C { (Foundation.cos(z.1) * Foundation.sinh(z.0), Foundation.sin(z.1) * Foundation.cosh(z.0)) }
    static func cosh(_ z: C) -> C { (Foundation.cos(z.1) * Foundation.cosh(z.0), Foundation.sin(z.1) * Foundation.sinh(z.0)) }

    static func tanh(_ z: C) -> C {
        let tx = Foundation.tanh(z.0), ty = Foundation.tan(z.1)
        let cx = 1 / Foundation.cosh(z.0)
        let txty = tx * ty
        let denominator = 1 + txty * txty
        return (tx * (1 + ty * ty) / denominator, ((ty / denominator) * cx) * cx)
    }

    static func sin(_ z: C) -> C {
        let s = sinh((-z.1, z.0))
        return (s.1, -s.0)
    }

    static func cos(_ z: C) -> C { cosh((-z.1, z.0)) }

    static func tan(_ z: C) -> C {
        let t = tanh((-z.1, z.0))
        return (t.1, -t.0)
    }

    static func acos(_ z: C) -> C {
        let s1 = sqrt((1 - z.0, -z.1)), s2 = sqrt((1 + z.0, z.1))
        return (2 * atan2(s1.0, s2.0), Foundation.asinh(s2.0 * s1.1 - s2.1 * s1.0))
    }

    static func acosh(_ z: C) -> C {
        let s1 = sqrt((z.0 - 1, z.1)), s2 = sqrt((z.0 + 1, z.1))
        return (Foundation.asinh(s1.0 * s2.0 + s1.1 * s2.1), 2 * atan2(s1.1, s2.0))
    }

    static func asin(_ z: C) -> C {
        let s = asinh((-z.1, z.0))
        return (s.1, -s.0)
    }

    static func asinh(_ z: C) -> C {
        let s1 = sqrt((1 + z.1, -z.0)), s2 = sqrt((1 - z.1, z.0))
        return (Foundation.asinh(s1.0 * s2.1 - s2.0 * s1.1), atan2(z.1, s1.0 * s2.0 - s1.1 * s2.1))
    }

    static func atan(_ z: C) -> C {
        let s = atanh((-z.1, z.0))
        return (s.1, -s.0)
    }

    static func atanh(_ z: C) -> C {
        if z.0 < 0 {
            let r = atanh((-z.0, -z.1))
            return (-r.0, -r.1)
        }
        let ay = abs(z.1)
        return (log1p(4 * z.0 / ((1 - z.0) * (1 - z.0) + ay * ay)) / 4, -atan2(-2 * z.1, (1 - z.0) * (1 + z.0) - ay * ay) / 2)
    }
}

/// Rounding a Decimal to an integer (`mpd_qround_to_int`, `_pydecimal`'s `_rescale(0, …)`): `math.floor`/`ceil`,
/// `round(x)` and `round(x, n)`, and `to_integral_value`/`to_integral`/`to_integral_exact`. Native rather than
/// through `_pydecimal`, whose `__floor__`/`__round__` raise other messages than the C module for NaN and
/// infinity ("cannot round a NaN" vs "cannot convert NaN to integer").
extension DecimalModule {
    func installIntegral() {
        let t = decimalType
        for (name, mode) in [("__floor__", DecimalRounding.floor), ("__ceil__", .ceiling)] {
            t.addMethod(name) { a, _, _ in
                guard a.count == 1 else { throw PyException.make(.typeError, "Decimal.\(name)() takes no arguments (\(a.count - 1) given)") }
                return try Self.integer(Self.integral(try Self.receiver(a), mode))
            }
        }
        t.addMethod("__round__") { [unowned self] a, kw, ctx in
            guard a.count <= 2, kw.isEmpty else { throw PyException.make(.typeError, "function takes at most 1 argument (\(a.count - 1) given)") }
            let x = try Self.receiver(a)
            guard a.count == 2 else { return try Self.integer(Self.integral(x, .halfEven)) }
            // round(x, n): quantized to 1E-n in the current context.
            let n: Int
            switch a[1] {
            case .int(let i): n = i
            case .bool(let b): n = b ? 1 : 0
            default:
                guard case .int? = Arithmetic.number(a[1]) else { throw PyException.make(.typeError, "optional arg must be an integer") }
                throw PyException.make(.overflowError, "Python int too large to convert to C ssize_t")
            }
            guard n > Int.min else { throw PyException.make(.overflowError, "Python int too large to convert to C ssize_t") }
            let c = try current(ctx)
            var st = DecimalStatus()
            let r = DecimalNumber.quantize(x, DecimalNumber(negative: false, coefficient: UInt64(1), exponent: -n),
                                           rounding: c.settings.rounding, c.settings, &st)
            try signal(st, c, ctx)
            return make(r)
        }
        for name in ["to_integral", "to_integral_value", "to_integral_exact"] {
            let exact = name == "to_integral_exact"
            t.addMethod(name) { [unowned self] a, kw, ctx in
                guard a.count <= 3 else { throw PyException.make(.typeError, "function takes at most 2 arguments (\(a.count - 1) given)") }
                let args = try Arguments(Array(a.dropFirst()), kw, names: ["rounding", "context"], function: name)
                let x = try Self.receiver(a)
                let c = try context(args.value(1), ctx)
                let mode = try args.value(0).flatMap { $0.isNone ? nil : try Self.rounding($0) } ?? c.settings.rounding
                var st = DecimalStatus()
                let r: DecimalNumber
                if x.isNaN {
                    r = DecimalNumber.propagateNaN(x, nil, c.settings, &st)!
                } else if x.isInfinite || x.exponent >= 0 {
                    r = x
                } else if exact && x.isZero {
                    r = DecimalNumber(negative: x.negative, coefficient: UInt64(0), exponent: 0)
                } else {
                    let (rounded, changed) = x.rescaled(to: 0, rounding: mode)
                    if exact {
                        if changed { st.insert(.inexact) }
                        st.insert(.rounded)
                    }
                    r = rounded
                }
                try signal(st, c, ctx)
                return make(r)
            }
        }
    }

    /// `x` rounded to an integral value by `mode` (specials as they are: `integer` raises for them).
    static func integral(_ x: DecimalNumber, _ mode: DecimalRounding) -> DecimalNumber {
        if x.isSpecial || x.exponent >= 0 { return x }
        return x.rescaled(to: 0, rounding: mode).0
    }
}

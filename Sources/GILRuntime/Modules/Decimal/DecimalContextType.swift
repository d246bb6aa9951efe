import BigInt

/// The native part of `decimal.Context`: its settings as properties with the C module's checks, the flags
/// and traps as signal bit sets (`_flags`/`_traps`, which the Python half's signal dicts read and write),
/// the arithmetic methods programs call on a context, and the module functions `getcontext`/`setcontext`.
extension DecimalModule {
    func installContext() {
        let t = contextType
        let new = PyBuiltinFunction("__new__", minimumArguments: 1) { [unowned self] args, _, _ in
            guard case .object(let cls as PyType) = args[0], cls.isSubtype(of: contextType) else {
                throw PyException.make(.typeError, "Context.__new__(X): X is not a subtype of Context")
            }
            let i = copyContext(defaultContext.flatMap { $0.native as? DecimalContextState }, type: cls)
            (i.native as! DecimalContextState).settings.capitals = true
            return .object(i)
        }
        t.dict["__new__"] = .object(PyMethodWrapper(.staticMethod, .object(new)))
        property(t, "prec", get: { .int($0.settings.precision) }) { s, v, ctx in
            let x = try Self.contextInteger(v)
            guard x >= 1 && x <= DecimalSettings.maxPrecision else { throw PyException.make(.valueError, "valid range for prec is [1, MAX_PREC]") }
            s.settings.precision = x
        }
        property(t, "Emin", get: { .int($0.settings.emin) }) { s, v, ctx in
            let x = try Self.contextInteger(v)
            guard x >= DecimalSettings.minEmin && x <= 0 else { throw PyException.make(.valueError, "valid range for Emin is [MIN_EMIN, 0]") }
            s.settings.emin = x
        }
        property(t, "Emax", get: { .int($0.settings.emax) }) { s, v, ctx in
            let x = try Self.contextInteger(v)
            guard x >= 0 && x <= DecimalSettings.maxEmax else { throw PyException.make(.valueError, "valid range for Emax is [0, MAX_EMAX]") }
            s.settings.emax = x
        }
        property(t, "rounding", get: { .str($0.settings.rounding.name) }) { s, v, _ in
            s.settings.rounding = try Self.rounding(v)
        }
        property(t, "capitals", get: { .int($0.settings.capitals ? 1 : 0) }) { s, v, ctx in
            let x = try Self.contextInteger(v)
            guard x == 0 || x == 1 else { throw PyException.make(.valueError, "valid values for capitals are 0 or 1") }
            s.settings.capitals = x == 1
        }
        property(t, "clamp", get: { .int($0.settings.clamp ? 1 : 0) }) { s, v, ctx in
            let x = try Self.contextInteger(v)
            guard x == 0 || x == 1 else { throw PyException.make(.valueError, "valid values for clamp are 0 or 1") }
            s.settings.clamp = x == 1
        }
        property(t, "_flags", get: { .int(Self.signalBits($0.flags)) }) { s, v, ctx in
            s.flags = Self.status(signalBits: try Self.contextInteger(v))
        }
        property(t, "_traps", get: { .int(Self.signalBits($0.traps)) }) { s, v, ctx in
            s.traps = Self.status(signalBits: try Self.contextInteger(v))
        }
        t.addMethod("_add_status") { [unowned self] a, _, ctx in
            guard a.count == 2, case .object(let names as PyList) = a[1] else { return .none }
            let strings = names.withItems { $0 }.compactMap { v -> String? in if case .object(let s as PyStr) = v { s.value } else { nil } }
            try signal(Self.status(named: strings), try state(a[0]), ctx)
            return .none
        }
        t.addMethod("_signal_names") { [unowned self] a, _, ctx in
            // The signals set in the flags (or, with a true argument, the traps) in libmpdec's bit order,
            // InvalidOperation at its first condition's place (Context.__repr__, mpd_lsnprint_signals).
            let c = try state(a[0])
            let wantTraps = try a.count > 1 && truthy(a[1], ctx)
            let s = wantTraps ? c.traps : c.flags
            let order: [(DecimalStatus, String)] = [(.clamped, "Clamped"), (.conversionSyntax, "InvalidOperation"),
                (.divisionByZero, "DivisionByZero"), (.divisionImpossible, "InvalidOperation"),
                (.divisionUndefined, "InvalidOperation"), (.inexact, "Inexact"), (.invalidContext, "InvalidOperation"),
                (.invalidOperation, "InvalidOperation"), (.floatOperation, "FloatOperation"), (.overflow, "Overflow"),
                (.rounded, "Rounded"), (.subnormal, "Subnormal"), (.underflow, "Underflow")]
            var names: [String] = []
            for (bit, name) in order where s.contains(bit) && !names.contains(name) { names.append(name) }
            return .object(PyList(names.map { .str($0) }))
        }
        t.addMethod("copy") { [unowned self] a, _, _ in
            let i = copyContext(try state(a[0]))
            return .object(i)
        }
        t.addMethod("clear_flags") { [unowned self] a, _, _ in
            try state(a[0]).flags = []
            return .none
        }
        t.addMethod("clear_traps") { [unowned self] a, _, _ in
            try state(a[0]).traps = []
            return .none
        }
        t.addMethod("Etiny") { [unowned self] a, _, _ in .int(try state(a[0]).settings.etiny) }
        t.addMethod("Etop") { [unowned self] a, _, _ in .int(try state(a[0]).settings.etop) }
        contextBinary(t, "add") { a, b, s, st in DecimalNumber.add(a, b, s, &st) }
        contextBinary(t, "subtract") { a, b, s, st in DecimalNumber.subtract(a, b, s, &st) }
        contextBinary(t, "multiply") { a, b, s, st in DecimalNumber.multiply(a, b, s, &st) }
        contextBinary(t, "divide") { a, b, s, st in DecimalNumber.divide(a, b, s, &st) }
        for (name, negate, absolute) in [("minus", true, false), ("plus", false, false), ("abs", false, true)] {
            t.addMethod(name) { [unowned self] a, _, ctx in
                guard a.count == 2 else { throw PyException.make(.typeError, "\(name)() takes exactly one argument (\(a.count - 1) given)") }
                let c = try state(a[0])
                var st = DecimalStatus()
                let r = DecimalNumber.unary(try Self.requiredOperand(a[1]), negate: negate, absolute: absolute, c.settings, &st)
                try signal(st, c, ctx)
                return make(r)
            }
        }
        t.addMethod("quantize") { [unowned self] a, _, ctx in
            guard a.count == 3 else { throw PyException.make(.typeError, "quantize() takes exactly 2 arguments (\(a.count - 1) given)") }
            let c = try state(a[0])
            return try quantize(try Self.requiredOperand(a[1]), a[2], rounding: nil, c, ctx)
        }
        t.addMethod("create_decimal") { [unowned self] a, _, ctx in
            let c = try state(a[0])
            let v = a.count > 1 ? a[1] : .str("0")
            let d = try exactValue(v, a[0], ctx, exact: false)
            var st = DecimalStatus()
            var r = d.finished(c.settings, &st)
            if d.isNaN && d.digitCount > c.settings.precision - (c.settings.clamp ? 1 : 0) && !(d.isSmall && d.small == 0) {
                // PyDecType_FromCString: a NaN payload longer than the precision is a syntax error.
                st = .conversionSyntax
                r = .quietNaN
            }
            try signal(st, c, ctx)
            return make(r)
        }
    }

    /// `PyLong_AsSsize_t`: an int (no `__index__`), within a machine word.
    static func contextInteger(_ v: Value) throws -> Int {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .object(let o as PyBigInt):
            guard let i = Int(exactly: o.value) else { throw PyException.make(.overflowError, "Python int too large to convert to C ssize_t") }
            return i
        default: throw PyException.make(.typeError, "an integer is required")
        }
    }

    func state(_ v: Value) throws -> DecimalContextState {
        guard case .object(let i as PyInstance) = v, let s = i.native as? DecimalContextState else {
            throw PyException.make(.typeError, "argument must be a context")
        }
        return s
    }

    private func property(_ t: PyType, _ name: String, get: @escaping (DecimalContextState) -> Value,
                          set: @escaping (DecimalContextState, Value, ExecutionContext) throws -> Void) {
        let w = PyMethodWrapper(.property, .object(PyBuiltinFunction(name) { [unowned self] a, _, _ in get(try state(a[0])) }))
        w.setter = .object(PyBuiltinFunction(name) { [unowned self] a, _, ctx in
            guard a.count == 2 else { throw PyException.make(.attributeError, "context attributes cannot be deleted") }
            try set(try state(a[0]), a[1], ctx)
            return .none
        })
        t.dict[name] = .object(w)
    }

    private func contextBinary(_ t: PyType, _ name: String,
                               _ op: @escaping (DecimalNumber, DecimalNumber, DecimalSettings, inout DecimalStatus) -> DecimalNumber) {
        t.addMethod(name) { [unowned self] a, _, ctx in
            guard a.count == 3 else { throw PyException.make(.typeError, "\(name)() takes exactly 2 arguments (\(a.count - 1) given)") }
            let c = try state(a[0])
            var st = DecimalStatus()
            let r = op(try Self.requiredOperand(a[1]), try Self.requiredOperand(a[2]), c.settings, &st)
            try signal(st, c, ctx)
            return make(r)
        }
    }

    /// Signals as bits in `DecimalStatus.signals` order (the Python half's `_SIGNALS`).
    static func signalBits(_ s: DecimalStatus) -> Int {
        var bits = 0
        for (i, (mask, _)) in DecimalStatus.signals.enumerated() where !s.intersection(mask).isEmpty { bits |= 1 << i }
        return bits
    }

    static func status(signalBits bits: Int) -> DecimalStatus {
        var s: DecimalStatus = []
        for (i, (mask, _)) in DecimalStatus.signals.enumerated() where bits & (1 << i) != 0 { s.formUnion(mask) }
        return s
    }

    /// Module-level native functions the Python half re-exports (`getcontext`, `setcontext`).
    func nativeHelpers() -> PyModule {
        let m = PyModule(name: "_decimal_native")
        m.addFunction("getcontext") { [unowned self] _, _, ctx in .object(try currentContextObject(ctx)) }
        m.addFunction("setcontext") { [unowned self] a, _, ctx in
            guard a.count == 1 else { throw PyException.make(.typeError, "setcontext() takes exactly one argument (\(a.count) given)") }
            try setCurrent(a[0], ctx)
            return .none
        }
        m.addFunction("adopt") { a, _, _ in
            // The Python-written methods of a native type (`_DecimalMethods`, `_ContextMethods`) join its dict.
            guard a.count == 2, case .object(let target as PyType) = a[0], case .object(let source as PyType) = a[1] else { return .none }
            for (k, v) in source.dict where !["__dict__", "__weakref__", "__module__", "__qualname__", "__doc__"].contains(k) {
                target.dict[k] = v
            }
            return .none
        }
        return m
    }
}

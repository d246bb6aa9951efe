import BigInt
import PythonSyntax

/// The native methods of `decimal.Decimal`: construction, the arithmetic operators, comparisons, hashing,
/// conversions and `quantize`. The rest of its methods are the Python half's (`DecimalSource`).
extension DecimalModule {
    static var notImplemented: Value { .object(BuiltinTypes.notImplemented) }

    func installDecimal() {
        let t = decimalType
        t.construct = { [unowned self] type, args, kwargs, ctx in
            try construct(type, args, kwargs, ctx)
        }
        let new = PyBuiltinFunction("__new__", minimumArguments: 1) { [unowned self] args, kwargs, ctx in
            guard case .object(let cls as PyType) = args[0], cls.isSubtype(of: decimalType) else {
                throw PyException.make(.typeError, "Decimal.__new__(X): X is not a subtype of Decimal")
            }
            return try construct(cls, Array(args.dropFirst()), kwargs, ctx)
        }
        t.dict["__new__"] = .object(PyMethodWrapper(.staticMethod, .object(new)))

        binary(t, "__add__", "__radd__") { a, b, s, st in DecimalNumber.add(a, b, s, &st) }
        binary(t, "__sub__", "__rsub__") { a, b, s, st in DecimalNumber.subtract(a, b, s, &st) }
        binary(t, "__mul__", "__rmul__") { a, b, s, st in DecimalNumber.multiply(a, b, s, &st) }
        binary(t, "__truediv__", "__rtruediv__") { a, b, s, st in DecimalNumber.divide(a, b, s, &st) }
        binary(t, "__floordiv__", "__rfloordiv__") { a, b, s, st in DecimalNumber.divideInteger(a, b, .quotient, s, &st).0 }
        binary(t, "__mod__", "__rmod__") { a, b, s, st in DecimalNumber.divideInteger(a, b, .remainder, s, &st).1 }
        operatorPair(t, "__divmod__", "__rdivmod__") { [unowned self] x, y, c, ctx in
            var st = DecimalStatus()
            let (q, r) = DecimalNumber.divideInteger(x, y, .both, c.settings, &st)
            try signal(st, c, ctx)
            return .object(PyTuple([make(q), make(r)]))
        }
        for (name, negate, absolute) in [("__neg__", true, false), ("__pos__", false, false), ("__abs__", false, true)] {
            t.addMethod(name) { [unowned self] a, _, ctx in
                let x = try receiver(a)
                let c = try current(ctx)
                var st = DecimalStatus()
                let r = DecimalNumber.unary(x, negate: negate, absolute: absolute, c.settings, &st)
                try signal(st, c, ctx)
                return make(r)
            }
        }
        for (name, op) in [("__eq__", ComparisonOperator.equal), ("__ne__", .notEqual), ("__lt__", .less),
                           ("__le__", .lessEqual), ("__gt__", .greater), ("__ge__", .greaterEqual)] {
            t.addMethod(name) { [unowned self] a, _, ctx in
                guard a.count == 2 else { throw PyException.make(.typeError, "expected 1 argument, got \(a.count - 1)") }
                return try compare(op, try receiver(a), a[1], ctx)
            }
        }
        t.addMethod("__hash__") { a, _, _ in
            let x = try Self.receiver(a)
            if x.kind == .signalingNaN { throw PyException.make(.typeError, "Cannot hash a signaling NaN value") }
            if x.kind == .nan, case .object(let o) = a[0] { return .int(objectHash(o)) }
            return .int(Self.hash(x))
        }
        t.addMethod("__bool__") { a, _, _ in .bool(!(try Self.receiver(a)).isZero) }
        t.addMethod("__str__") { [unowned self] a, _, ctx in
            .str(try Self.receiver(a).text(capitals: try current(ctx).settings.capitals))
        }
        t.addMethod("__repr__") { [unowned self] a, _, ctx in
            .str("Decimal('" + (try Self.receiver(a).text(capitals: try current(ctx).settings.capitals)) + "')")
        }
        t.addMethod("to_eng_string") { [unowned self] a, kw, ctx in
            let args = try Arguments(Array(a.dropFirst()), kw, names: ["context"], function: "to_eng_string")
            let c = try context(args.value(0), ctx)
            return .str(try Self.receiver(a).text(engineering: true, capitals: c.settings.capitals))
        }
        for name in ["__int__", "__trunc__"] {
            t.addMethod(name) { a, _, _ in try Self.integer(try Self.receiver(a)) }
        }
        t.addMethod("__float__") { a, _, _ in
            let x = try Self.receiver(a)
            switch x.kind {
            case .signalingNaN: throw PyException.make(.valueError, "cannot convert signaling NaN to float")
            case .nan: return .float(x.negative ? -Double.nan : Double.nan)
            default: return .float(Double(x.text()) ?? .nan)
            }
        }
        t.addMethod("adjusted") { a, _, _ in
            let x = try Self.receiver(a)
            return .int(x.isSpecial ? 0 : x.adjusted)
        }
        t.addMethod("quantize") { [unowned self] a, kw, ctx in
            // `x.quantize(exp)`, as money code calls it: no argument binding.
            if a.count == 2 && kw.isEmpty { return try quantize(try Self.receiver(a), a[1], rounding: nil, try current(ctx), ctx) }
            let args = try Arguments(Array(a.dropFirst()), kw, names: ["exp", "rounding", "context"], required: 1, function: "quantize")
            let c = try context(args.value(2), ctx)
            return try quantize(try Self.receiver(a), args.value(0)!, rounding: args.value(1), c, ctx)
        }
        t.addMethod("_triple") { a, _, _ in
            let x = try Self.receiver(a)
            let exponent: Value = switch x.kind {
            case .finite: .int(x.exponent)
            case .infinity: .str("F")
            case .nan: .str("n")
            case .signalingNaN: .str("N")
            }
            return .object(PyTuple([.int(x.negative ? 1 : 0), .str(x.kind == .infinity ? "0" : x.digits), exponent]))
        }
    }

    /// `l op r` when either operand is an exact Decimal of this module (the hooks' way when the thread's
    /// context is not this module's yet); nil leaves the general path to it.
    func nativeBinary(_ op: BinaryOperator, _ l: Value, _ r: Value, _ ctx: ExecutionContext) throws -> Value? {
        guard let x = exactOperand(l), let y = exactOperand(r) else { return nil }
        let c = try current(ctx)
        var st = DecimalStatus()
        guard let result = DecimalNumber.binary(op, x, y, c.settings, &st) else { return nil }
        try signal(st, c, ctx)
        return make(result)
    }

    /// An exact Decimal or an int as an operand of the VM's hooks; nil for anything else, a Decimal subclass
    /// (whose own operators come first) included.
    @inline(__always)
    func exactOperand(_ v: Value) -> DecimalNumber? { Self.exactOperand(v, ObjectIdentifier(decimalType)) }

    static func receiver(_ a: [Value]) throws -> DecimalNumber {
        guard let v = a.first, let d = value(v) else {
            throw PyException.make(.typeError, "descriptor requires a 'decimal.Decimal' object")
        }
        return d
    }

    private func receiver(_ a: [Value]) throws -> DecimalNumber { try Self.receiver(a) }

    /// An operator and its reflected form rounded to the current context.
    private func binary(_ t: PyType, _ name: String, _ reflected: String,
                        _ op: @escaping (DecimalNumber, DecimalNumber, DecimalSettings, inout DecimalStatus) -> DecimalNumber) {
        operatorPair(t, name, reflected) { [unowned self] x, y, c, ctx in
            var st = DecimalStatus()
            let r = op(x, y, c.settings, &st)
            try signal(st, c, ctx)
            return make(r)
        }
    }

    /// The methods `name(self, other)` and `reflected(self, other)` of one operation `body(left, right, context)`;
    /// operands other than Decimal and int give NotImplemented.
    private func operatorPair(_ t: PyType, _ name: String, _ reflected: String,
                              _ body: @escaping (DecimalNumber, DecimalNumber, DecimalContextState, ExecutionContext) throws -> Value) {
        for (method, swapped) in [(name, false), (reflected, true)] {
            t.addMethod(method) { [unowned self] a, _, ctx in
                guard a.count == 2 else { throw PyException.make(.typeError, "expected 1 argument, got \(a.count - 1)") }
                let x = try receiver(a)
                guard let y = Self.operand(a[1]) else { return Self.notImplemented }
                let c = try current(ctx)
                return swapped ? try body(y, x, c, ctx) : try body(x, y, c, ctx)
            }
        }
    }

    /// `Decimal(value="0", context=None)` for `type` (Decimal or a subclass).
    func construct(_ type: PyType, _ args: [Value], _ kwargs: [(String, Value)], _ ctx: ExecutionContext) throws -> Value {
        let value: Value
        let contextArgument: Value?
        if kwargs.isEmpty && args.count == 1 {
            value = args[0]
            contextArgument = nil
        } else {
            let a = try Arguments(args, kwargs, names: ["value", "context"], function: "Decimal")
            value = a.value(0) ?? .str("0")
            contextArgument = a.value(1)
        }
        if type === decimalType, let o = Self.object(value), o.type === decimalType { return value }
        let d = try exactValue(value, contextArgument, ctx)
        return make(d, type: type)
    }

    /// What `Decimal(v)` holds (exact: no rounding to the context); a ConversionSyntax or FloatOperation is
    /// signalled in the argument context.
    func exactValue(_ value: Value, _ contextArgument: Value?, _ ctx: ExecutionContext, exact: Bool = true) throws -> DecimalNumber {
        if let d = Self.operand(value) { return d }
        switch value {
        case .float(let f):
            try signal(.floatOperation, try context(contextArgument, ctx), ctx)
            return Self.exact(f)
        case .object(let o):
            if let s = o as? PyStr { return try parse(s.value, contextArgument, ctx, exact: exact) }
            if case .float(let f)? = Arithmetic.number(value) {
                try signal(.floatOperation, try context(contextArgument, ctx), ctx)
                return Self.exact(f)
            }
            if o.tag == .tuple || o.tag == .list, let helper = helpers["_tuple_text"] {
                let text = try ctx.call(helper, [value])
                if case .object(let s as PyStr) = text { return try parse(s.value, contextArgument, ctx, exact: exact) }
            }
        default: break
        }
        throw PyException.make(.typeError, "conversion from \(typeName(value)) to Decimal is not supported")
    }

    /// A numeric string; `exact` (the constructor) signals InvalidOperation for a value no context can hold,
    /// as libmpdec's conversion in its largest context does; otherwise (`create_decimal`) such a value is left
    /// for the context's rounding to overflow or underflow.
    func parse(_ text: String, _ contextArgument: Value?, _ ctx: ExecutionContext, exact: Bool = true) throws -> DecimalNumber {
        guard let ascii = DecimalNumber.asciiText(text), let d = DecimalNumber.parse(ascii) else {
            try signal(.conversionSyntax, try context(contextArgument, ctx), ctx)
            return .quietNaN
        }
        if exact && !d.fitsAnyContext {
            try signal(.invalidOperation, try context(contextArgument, ctx), ctx)
            return .quietNaN
        }
        return d
    }

    func quantize(_ x: DecimalNumber, _ target: Value, rounding: Value?, _ c: DecimalContextState, _ ctx: ExecutionContext) throws -> Value {
        let e = try Self.requiredOperand(target)
        let mode = try rounding.flatMap { $0.isNone ? nil : try Self.rounding($0) } ?? c.settings.rounding
        var st = DecimalStatus()
        let r = DecimalNumber.quantize(x, e, rounding: mode, c.settings, &st)
        try signal(st, c, ctx)
        return make(r)
    }

    static let invalidRounding = """
        valid values for rounding are:
          [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,
           ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,
           ROUND_05UP]
        """

    static func rounding(_ v: Value) throws -> DecimalRounding {
        guard case .object(let s as PyStr) = v, let r = DecimalRounding(name: s.value) else {
            throw PyException.make(.typeError, invalidRounding)
        }
        return r
    }

    /// `int(d)`: truncated toward zero.
    static func integer(_ x: DecimalNumber) throws -> Value {
        switch x.kind {
        case .nan, .signalingNaN: throw PyException.make(.valueError, "cannot convert NaN to integer")
        case .infinity: throw PyException.make(.overflowError, "cannot convert Infinity to integer")
        case .finite: break
        }
        let magnitude: BigUInt
        if x.exponent >= 0 {
            if x.isSmall && x.exponent <= 19 {
                let (p, o) = x.small.multipliedReportingOverflow(by: DecimalDigits.powers64[x.exponent])
                if !o && p <= UInt64(Int.max) { return .int(x.negative ? -Int(p) : Int(p)) }
            }
            magnitude = x.coefficient * DecimalDigits.power(x.exponent)
        } else if -x.exponent >= x.digitCount {
            return .int(0)
        } else if x.isSmall {
            let q = x.small / DecimalDigits.powers64[-x.exponent]
            if q <= UInt64(Int.max) { return .int(x.negative ? -Int(q) : Int(q)) }
            magnitude = BigUInt(q)
        } else {
            magnitude = x.coefficient / DecimalDigits.power(-x.exponent)
        }
        return .integer(BigInt(sign: x.negative ? .minus : .plus, magnitude: magnitude))
    }

    /// `_dec_hash`: the value modulo 2**61 - 1, equal to the hash of an equal int or float.
    static func hash(_ x: DecimalNumber) -> Int {
        if x.kind == .infinity { return x.negative ? -CPythonHash.infinity : CPythonHash.infinity }
        let p = CPythonHash.modulus
        let inverseOfTen: UInt64 = 2_075_258_708_292_324_556
        func mulmod(_ a: UInt64, _ b: UInt64) -> UInt64 { UInt64((UInt128(a) * UInt128(b)) % UInt128(p)) }
        var base: UInt64 = x.exponent >= 0 ? 10 : inverseOfTen
        var e = x.exponent.magnitude
        var power: UInt64 = 1
        while e > 0 {
            if e & 1 == 1 { power = mulmod(power, base) }
            base = mulmod(base, base)
            e >>= 1
        }
        let c: UInt64 = x.big.map { UInt64($0 % BigUInt(p)) } ?? (x.small % p)
        let r = Int(mulmod(c, power))
        let h = x.negative ? -r : r
        return h == -1 ? -2 : h
    }
}

extension DecimalNumber {
    static func subtract(_ a: DecimalNumber, _ b: DecimalNumber, _ s: DecimalSettings, _ status: inout DecimalStatus) -> DecimalNumber {
        if a.isNaN || b.isNaN { return propagateNaN(a, b, s, &status)! }
        var negated = b
        negated.negative.toggle()
        return add(a, negated, s, &status)
    }
}

import PythonSyntax

/// The VM's hooks into Decimal arithmetic (`PyType.nativeBinary`, `nativeCompare`): `l op r` and `l < r`
/// without a special-method lookup, an argument array or a bool object. They capture nothing: a closure
/// holding the module is a heap context the VM retains and releases on every call. What they need of the
/// module — which type is its exact Decimal, where its signals are — is in the thread's context state,
/// which `ExecutionContext.decimalState` holds unretained (its `decimalContext` keeps it alive).
extension DecimalModule {
    func installHooks() {
        decimalType.nativeBinary = { op, l, r, ctx in try DecimalModule.hookBinary(op, l, r, ctx) }
        decimalType.nativeCompare = { op, l, r, ctx in try DecimalModule.hookCompare(op, l, r, ctx) }
        decimalType.nativeStr = { v, ctx in try DecimalModule.hookStr(v, ctx) }
    }

    /// `str(v)` of an exact Decimal (telco prints every result), in the thread's context's capitals.
    static func hookStr(_ v: Value, _ ctx: ExecutionContext) throws -> String? {
        guard let d = object(v) else { return nil }
        if let state = ctx.decimalState {
            let capitals = state._withUnsafeGuaranteedRef { c -> Bool? in
                ObjectIdentifier(d.type) == c.decimalTypeID ? c.settings.capitals : nil
            }
            if let capitals { return d.value.text(capitals: capitals) }
        }
        guard let module = module(of: v, v, ctx) else { return nil }
        return d.value.text(capitals: try module.current(ctx).settings.capitals)
    }

    /// `l op r` when either operand is an exact Decimal; nil leaves the general path to it (other operand
    /// types, subclasses with their own operators, `**`).
    static func hookBinary(_ op: BinaryOperator, _ l: Value, _ r: Value, _ ctx: ExecutionContext) throws -> Value? {
        guard let state = ctx.decimalState else { return try module(of: l, r, ctx)?.nativeBinary(op, l, r, ctx) }
        // The state is used before any Python code can run (a trap's exception is made last), so the
        // thread's context, which keeps it, cannot be replaced meanwhile.
        let answer = try state._withUnsafeGuaranteedRef { c -> Value?? in
            guard let x = exactOperand(l, c.decimalTypeID), let y = exactOperand(r, c.decimalTypeID),
                  let type = decimalType(of: l) ?? decimalType(of: r) else { return .none }
            var st = DecimalStatus()
            guard let result = DecimalNumber.binary(op, x, y, c.settings, &st) else { return .some(nil) }
            try signal(st, c, ctx)
            return .object(DecimalObject(result, type: type))
        }
        if let answer { return answer }
        return try module(of: l, r, ctx)?.nativeBinary(op, l, r, ctx)
    }

    /// `l op r` when `l` is an exact Decimal and `r` a Decimal or an int, neither a NaN; the rest (floats,
    /// Rationals, NaNs, subclasses) through the module's own `nativeCompare`.
    static func hookCompare(_ op: ComparisonOperator, _ l: Value, _ r: Value, _ ctx: ExecutionContext) throws -> Bool? {
        switch op {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: break
        default: return nil
        }
        if let state = ctx.decimalState {
            let answer = state._withUnsafeGuaranteedRef { c -> Bool? in
                guard let x = exactOperand(l, c.decimalTypeID), let y = exactOperand(r, c.decimalTypeID),
                      !x.isNaN, !y.isNaN else { return nil }
                return holds(op, DecimalNumber.compare(x, y))
            }
            if let answer { return answer }
        }
        return try module(of: l, r, ctx)?.nativeCompare(op, l, r, ctx)
    }

    /// The type of `v` when it is a Decimal object.
    @inline(__always)
    private static func decimalType(of v: Value) -> PyType? {
        if case .object(let o) = v, type(of: o) == DecimalObject.self { return unsafeDowncast(o, to: DecimalObject.self).type }
        return nil
    }

    /// The module whose Decimal type `l` or `r` is, found among the runtime's native states: for a thread's
    /// first operation, or Decimals of a second `_decimal` module.
    @inline(never)
    private static func module(of l: Value, _ r: Value, _ ctx: ExecutionContext) -> DecimalModule? {
        guard let type = decimalType(of: l) ?? decimalType(of: r) else { return nil }
        guard let modules = ctx.runtime.modules else { return nil }
        return modules.lock.withLock { modules.nativeStates.first { ($0 as? DecimalModule)?.decimalType === type } } as? DecimalModule
    }

    /// An exact Decimal (of the type `decimalTypeID` names) or an int as an operand of the VM's hooks; nil
    /// for anything else, a Decimal subclass (whose own operators come first) included.
    @inline(__always)
    static func exactOperand(_ v: Value, _ decimalTypeID: ObjectIdentifier) -> DecimalNumber? {
        switch v {
        case .int(let i): return DecimalNumber(negative: i < 0, coefficient: UInt64(i.magnitude), exponent: 0)
        case .object(let o):
            if type(of: o) == DecimalObject.self {
                let d = unsafeDowncast(o, to: DecimalObject.self)
                return ObjectIdentifier(d.type) == decimalTypeID ? d.value : nil
            }
            return o.tag == .instance ? nil : operand(v)
        default: return operand(v)
        }
    }
}

extension DecimalNumber {
    /// The operators the VM's hooks compute (nil for the others: `**`, shifts…).
    @inline(__always)
    static func binary(_ op: BinaryOperator, _ x: DecimalNumber, _ y: DecimalNumber, _ s: DecimalSettings,
                       _ status: inout DecimalStatus) -> DecimalNumber? {
        switch op {
        case .add: return add(x, y, s, &status)
        case .subtract: return subtract(x, y, s, &status)
        case .multiply: return multiply(x, y, s, &status)
        case .trueDivide: return divide(x, y, s, &status)
        case .floorDivide: return divideInteger(x, y, .quotient, s, &status).0
        case .modulo: return divideInteger(x, y, .remainder, s, &status).1
        default: return nil
        }
    }
}

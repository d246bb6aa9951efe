import PythonSyntax

/// Rich comparison of Decimals (`dec_richcompare`): ints exactly, floats exactly with the FloatOperation
/// signal (only a flag for `==`/`!=`, a trap for ordering), Rationals and complex numbers through the
/// Python half, anything else NotImplemented. NaNs compare unequal; ordering them, or any comparison with
/// a signaling NaN, is InvalidOperation.
extension DecimalModule {
    func compare(_ op: ComparisonOperator, _ x: DecimalNumber, _ other: Value, _ ctx: ExecutionContext) throws -> Value {
        if let y = try comparable(op, other, ctx) { return .bool(try compare(op, x, y, ctx)) }
        if let helper = helpers["_compare_other"] {
            return try ctx.call(helper, [make(x), other, .str(op.rawValue)])
        }
        return Self.notImplemented
    }

    /// `l op r` for the VM when `l` is an exact Decimal (`PyType.nativeCompare`) and `r` a Decimal, an int or a
    /// float; nil leaves the rest (Rationals, subclasses with their own comparisons) to the general path.
    func nativeCompare(_ op: ComparisonOperator, _ l: Value, _ r: Value, _ ctx: ExecutionContext) throws -> Bool? {
        switch op {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: break
        default: return nil
        }
        guard let x = Self.object(l), x.type === decimalType else { return nil }
        if let y = exactOperand(r) { return try compare(op, x.value, y, ctx) }
        if case .object(let o) = r, o.tag == .instance { return nil }
        guard let y = try comparable(op, r, ctx) else { return nil }
        return try compare(op, x.value, y, ctx)
    }

    /// The other operand as a Decimal when it is one, an int, or a float (exactly, signalling FloatOperation).
    private func comparable(_ op: ComparisonOperator, _ other: Value, _ ctx: ExecutionContext) throws -> DecimalNumber? {
        if let o = Self.operand(other) { return o }
        guard case .float(let f)? = Arithmetic.number(other) else { return nil }
        let c = try current(ctx)
        if op == .equal || op == .notEqual { c.flags.insert(.floatOperation) } else { try signal(.floatOperation, c, ctx) }
        return Self.exact(f)
    }

    private func compare(_ op: ComparisonOperator, _ x: DecimalNumber, _ y: DecimalNumber, _ ctx: ExecutionContext) throws -> Bool {
        if x.isNaN || y.isNaN {
            if x.kind == .signalingNaN || y.kind == .signalingNaN || !(op == .equal || op == .notEqual) {
                try signal(.invalidOperation, try current(ctx), ctx)
            }
            return op == .notEqual
        }
        return Self.holds(op, DecimalNumber.compare(x, y))
    }

    /// Whether `op` holds between two values whose order (`DecimalNumber.compare`) is `order`.
    @inline(__always)
    static func holds(_ op: ComparisonOperator, _ order: Int) -> Bool {
        switch op {
        case .equal: return order == 0
        case .notEqual: return order != 0
        case .less: return order < 0
        case .lessEqual: return order <= 0
        case .greater: return order > 0
        default: return order >= 0
        }
    }
}

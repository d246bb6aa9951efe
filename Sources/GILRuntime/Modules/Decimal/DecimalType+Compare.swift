import PythonSyntax

/// Rich comparison of Decimals (`dec_richcompare`): ints exactly, floats exactly with the FloatOperation
/// signal (only a flag for `==`/`!=`, a trap for ordering), Rationals and complex numbers through the
/// Python half, anything else NotImplemented. NaNs compare unequal; ordering them, or any comparison with
/// a signaling NaN, is InvalidOperation.
extension DecimalModule {
    func compare(_ op: ComparisonOperator, _ x: DecimalNumber, _ other: Value, _ ctx: ExecutionContext) throws -> Value {
        let equality = op == .equal || op == .notEqual
        var y: DecimalNumber
        if let o = Self.operand(other) {
            y = o
        } else if case .float(let f)? = Arithmetic.number(other) {
            let c = try current(ctx)
            if equality { c.flags.insert(.floatOperation) } else { try signal(.floatOperation, c, ctx) }
            y = Self.exact(f)
        } else if let helper = helpers["_compare_other"] {
            return try ctx.call(helper, [make(x), other, .str(op.rawValue)])
        } else {
            return Self.notImplemented
        }
        if x.isNaN || y.isNaN {
            if x.kind == .signalingNaN || y.kind == .signalingNaN || !equality {
                try signal(.invalidOperation, try current(ctx), ctx)
            }
            return .bool(op == .notEqual)
        }
        let r = DecimalNumber.compare(x, y)
        switch op {
        case .equal: return .bool(r == 0)
        case .notEqual: return .bool(r != 0)
        case .less: return .bool(r < 0)
        case .lessEqual: return .bool(r <= 0)
        case .greater: return .bool(r > 0)
        case .greaterEqual: return .bool(r >= 0)
        default: return Self.notImplemented
        }
    }
}

import BigInt

/// Converting a value used as an index or a count: CPython's `PyNumber_Index` and `PyNumber_AsSsize_t`
/// (Objects/abstract.c). An int too wide for 64 bits is never a trap here: depending on the caller it is an
/// OverflowError, an IndexError, or clamped to the machine range (slice bounds).
enum Index {
    /// `operator.index(v)`: an int (small or big), from `__index__` for instances; nil for other types.
    static func integer(_ v: Value, _ ctx: ExecutionContext) throws -> Value? {
        switch v {
        case .int: return v
        case .bool(let b): return .int(b ? 1 : 0)
        case .object(let o):
            if o.tag == .bigint { return v }
            // An int subclass: its own __index__, else the int it is.
            if let b = o as? PyBigInt, SpecialMethods.hook(o, "__index__") == nil { return .integer(b.value) }
            guard let f = (o as? PyInstance)?.type.lookup("__index__") ?? SpecialMethods.hook(o, "__index__") else { return nil }
            let r = try ctx.call(f, [v])
            switch r {
            case .int: return r
            case .bool(let b): return .int(b ? 1 : 0)
            case .object(let b) where b is PyBigInt: return r
            default: throw PyException.make(.typeError, "__index__ returned non-int (type \(typeName(r)))")
            }
        default: return nil
        }
    }

    /// `operator.index(v)` as a BigInt, or TypeError.
    static func big(_ v: Value, _ ctx: ExecutionContext) throws -> BigInt {
        switch try required(v, ctx) {
        case .int(let i): return BigInt(i)
        case .object(let o as PyBigInt): return o.value
        default: return 0
        }
    }

    private static func required(_ v: Value, _ ctx: ExecutionContext) throws -> Value {
        guard let r = try integer(v, ctx) else {
            throw PyException.make(.typeError, "'\(typeName(v))' object cannot be interpreted as an integer")
        }
        return r
    }

    /// `PyNumber_AsSsize_t(v, PyExc_OverflowError)`: a count or size argument.
    static func value(_ v: Value, _ ctx: ExecutionContext) throws -> Int {
        if case .int(let i) = v { return i }
        if case .int(let i) = try required(v, ctx) { return i }
        throw PyException.make(.overflowError, "Python int too large to convert to C ssize_t")
    }

    /// A C `int` argument (`expandtabs`, `round`'s digits, `%*d` widths): OverflowError outside 32 bits.
    static func cInt(_ v: Value, _ ctx: ExecutionContext) throws -> Int {
        let r = try required(v, ctx)
        if case .int(let i) = r, let _ = Int32(exactly: i) { return i }
        throw PyException.make(.overflowError, "Python int too large to convert to C int")
    }

    /// A subscript `x[i]`: nil when `v` is not an index at all (the caller reports its own TypeError);
    /// IndexError when it does not fit a machine word.
    static func item(_ v: Value, _ ctx: ExecutionContext) throws -> Int? {
        if case .int(let i) = v { return i }
        guard let r = try integer(v, ctx) else { return nil }
        if case .int(let i) = r { return i }
        throw PyException.make(.indexError, "cannot fit '\(typeName(v))' into an index-sized integer")
    }

    /// `PyNumber_AsSsize_t(v, NULL)`: clamped to the machine range (slice bounds); nil when not an index.
    static func clamped(_ v: Value, _ ctx: ExecutionContext?) throws -> Int? {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .object(let o as PyBigInt) where o.tag == .bigint: return o.value.sign == .minus ? Int.min : Int.max
        default:
            guard let ctx, let r = try integer(v, ctx) else { return nil }
            return try clamped(r, nil)
        }
    }
}

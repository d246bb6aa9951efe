/// `x[a:b:c]` and `x[a:b:c] = v` compiled as `loadSubscript`/`storeSubscript` with `d = sliceOperands`: the
/// three bounds sit in registers `c … c+2` (load) or `b … b+2` (store) instead of a slice object. Lists,
/// tuples, str and bytes (`BytesSlicing`) with None/int bounds are sliced from there (CPython 3.12's BINARY_SLICE / STORE_SLICE, which also
/// skip the slice object); anything else builds the `PySlice` the general path expects, so `__getitem__`,
/// `__index__` bounds and every error stay as they were. Before, every `x[i:j]` allocated a slice object.
extension Interpreter {
    /// The `d` of a `loadSubscript`/`storeSubscript` whose key is three bound registers.
    static let sliceOperands: UInt16 = 1

    /// The bounds in `bounds[0…2]` as ints (nil for None), or nil when one is another type (`__index__`).
    @inline(__always)
    static func inlineSliceBounds(_ bounds: UnsafeMutablePointer<Value>) -> (Int?, Int?, Int?)? {
        @inline(__always) func int(_ v: Value) -> Int?? {
            switch v {
            case .none: return .some(nil)
            case .int(let i): return .some(i)
            default: return nil
            }
        }
        guard let lower = int(bounds[0]), let upper = int(bounds[1]), let step = int(bounds[2]) else { return nil }
        return (lower, upper, step)
    }

    /// `regs[b][regs[c]:regs[c+1]:regs[c+2]]`.
    @inline(never)
    static func loadSlice(_ regs: UnsafeMutablePointer<Value>, _ b: Int, _ c: Int, _ ctx: ExecutionContext) throws -> Value {
        if let u = regs.borrowedObject(b), let (lower, upper, step) = inlineSliceBounds(regs + c) {
            let v = try u._withUnsafeGuaranteedRef { o -> Value? in
                switch o.tag {
                case .list:
                    let items = try unsafeDowncast(o, to: PyList.self).withItems { items in
                        let (start, _, step, count) = try PySlice.adjust(lower: lower, upper: upper, step: step, length: items.count)
                        return Subscript.sliceValues(items, start: start, step: step, count: count)
                    }
                    return .object(PyList(items))
                case .tuple:
                    let t = unsafeDowncast(o, to: PyTuple.self)
                    let (start, _, step, count) = try PySlice.adjust(lower: lower, upper: upper, step: step, length: t.items.count)
                    if start == 0, step == 1, count == t.items.count { return .object(t) }  // t[:] is t
                    return .object(PyTuple(Subscript.sliceValues(t.items, start: start, step: step, count: count)))
                case .str:
                    let s = unsafeDowncast(o, to: PyStr.self)
                    let (start, _, step, count) = try PySlice.adjust(lower: lower, upper: upper, step: step, length: s.count)
                    return .object(s.sliced(start: start, step: step, count: count))
                case .bytes: return try BytesSlicing.slice(unsafeDowncast(o, to: PyBytes.self), lower: lower, upper: upper, step: step)
                default:
                    return nil
                }
            }
            if let v { return v }
        }
        let slice = PySlice(lower: regs[c], upper: regs[c + 1], step: regs[c + 2])
        return try loadSubscript(regs[b], .object(slice), ctx)
    }

    /// `regs[a][regs[b]:regs[b+1]:regs[b+2]] = regs[c]`.
    @inline(never)
    static func storeSlice(_ regs: UnsafeMutablePointer<Value>, _ a: Int, _ b: Int, _ c: Int, _ ctx: ExecutionContext) throws {
        if case .object(let o) = regs[a], o.tag == .list, let (lower, upper, step) = inlineSliceBounds(regs + b) {
            return try Subscript.assignSlice(unsafeDowncast(o, to: PyList.self), { length in
                try PySlice.adjust(lower: lower, upper: upper, step: step, length: length)
            }, extended: step != nil && step != 1, regs[c], ctx)
        }
        let slice = PySlice(lower: regs[b], upper: regs[b + 1], step: regs[b + 2])
        try storeSubscript(regs[a], .object(slice), regs[c], ctx)
    }
}

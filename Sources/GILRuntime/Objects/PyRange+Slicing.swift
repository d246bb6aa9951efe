import BigInt

extension PyRange {
    /// `len(r)`, or OverflowError when the length does not fit 64 bits (`range(-2**63, 2**63 - 1)`).
    func length() throws -> Int {
        if let n = smallLength { return n }
        let n = bigLength
        guard let i = Int(exactly: n) else { throw PyException.make(.overflowError, "Python int too large to convert to C ssize_t") }
        return i
    }

    /// The exact number of items when every step of the computation fits 64 bits (nil: use `bigLength`).
    /// Building trees by slicing ranges (`r[:i]`, async_generators) made the BigInt path a tenth of the run.
    private var smallLength: Int? {
        let (span, o1) = step > 0 ? stop.subtractingReportingOverflow(start) : start.subtractingReportingOverflow(stop)
        if o1 { return nil }
        if span <= 0 { return 0 }
        let magnitude = step > 0 ? step : (step == Int.min ? 0 : -step)
        if magnitude == 0 { return nil }
        return (span - 1) / magnitude + 1
    }

    /// The exact number of items (Objects/rangeobject.c compute_range_length).
    var bigLength: BigInt {
        if let n = smallLength { return BigInt(n) }
        let lo = BigInt(start), hi = BigInt(stop), st = BigInt(step)
        if step > 0 { return lo < hi ? (hi - lo - 1) / st + 1 : 0 }
        return lo > hi ? (lo - hi - 1) / (-st) + 1 : 0
    }

    /// `r[a:b:c]`: another range (compute_slice); OverflowError when a bound leaves 64 bits.
    func slice(_ s: PySlice) throws -> PyRange {
        let (first, last, by, _) = try s.indices(length: try length())
        func bound(_ k: Int) throws -> Int {
            let (product, o1) = step.multipliedReportingOverflow(by: k)
            if !o1 {
                let (sum, o2) = start.addingReportingOverflow(product)
                if !o2 { return sum }
            }
            guard let v = Int(exactly: BigInt(start) + BigInt(step) * BigInt(k)) else {
                throw PyException.make(.overflowError, "Python int too large to convert to C ssize_t")
            }
            return v
        }
        let (smallStep, o) = step.multipliedReportingOverflow(by: by)
        guard let newStep = !o ? smallStep : Int(exactly: BigInt(step) * BigInt(by)) else {
            throw PyException.make(.overflowError, "Python int too large to convert to C ssize_t")
        }
        return PyRange(start: try bound(first), stop: try bound(last), step: newStep)
    }
}

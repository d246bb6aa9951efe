import BigInt

extension PyRange {
    /// `len(r)`, or OverflowError when the length does not fit 64 bits (`range(-2**63, 2**63 - 1)`).
    func length() throws -> Int {
        let n = bigLength
        guard let i = Int(exactly: n) else { throw PyException.make(.overflowError, "Python int too large to convert to C ssize_t") }
        return i
    }

    /// The exact number of items (Objects/rangeobject.c compute_range_length).
    var bigLength: BigInt {
        let lo = BigInt(start), hi = BigInt(stop), st = BigInt(step)
        if step > 0 { return lo < hi ? (hi - lo - 1) / st + 1 : 0 }
        return lo > hi ? (lo - hi - 1) / (-st) + 1 : 0
    }

    /// `r[a:b:c]`: another range (compute_slice); OverflowError when a bound leaves 64 bits.
    func slice(_ s: PySlice) throws -> PyRange {
        let (first, last, by, _) = try s.indices(length: try length())
        func bound(_ k: Int) throws -> Int {
            guard let v = Int(exactly: BigInt(start) + BigInt(step) * BigInt(k)) else {
                throw PyException.make(.overflowError, "Python int too large to convert to C ssize_t")
            }
            return v
        }
        guard let newStep = Int(exactly: BigInt(step) * BigInt(by)) else {
            throw PyException.make(.overflowError, "Python int too large to convert to C ssize_t")
        }
        return PyRange(start: try bound(first), stop: try bound(last), step: newStep)
    }
}

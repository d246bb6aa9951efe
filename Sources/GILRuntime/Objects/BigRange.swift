import BigInt

/// A `range` whose bounds do not fit 64 bits (`range(1 << 1000)`; Objects/rangeobject.c keeps PyLong bounds
/// and a `longrange_iterator`). `PyRange` — the fast one the VM iterates in registers — covers every other
/// range; this one answers `len` (OverflowError past 64 bits, as CPython), iteration, indexing, `in`,
/// `start`/`stop`/`step`, `repr`, truth and equality.
final class PyBigRange: PyObject, @unchecked Sendable {
    let start: BigInt
    let stop: BigInt
    let step: BigInt

    init(start: BigInt, stop: BigInt, step: BigInt) {
        self.start = start
        self.stop = stop
        self.step = step
        super.init(tag: .cell)
    }

    /// compute_range_length.
    var length: BigInt {
        if step > 0 { return start < stop ? (stop - start - 1) / step + 1 : 0 }
        return start > stop ? (start - stop - 1) / (-step) + 1 : 0
    }

    func lengthAsInt() throws -> Int {
        guard let n = Int(exactly: length) else { throw PyException.make(.overflowError, "Python int too large to convert to C ssize_t") }
        return n
    }

    func item(_ i: BigInt) throws -> Value {
        let n = length
        let k = i < 0 ? i + n : i
        guard k >= 0, k < n else { throw PyException.make(.indexError, "range object index out of range") }
        return .integer(start + k * step)
    }

    func contains(_ v: BigInt) -> Bool {
        if step > 0 ? (v < start || v >= stop) : (v > start || v <= stop) { return false }
        return (v - start) % step == 0
    }

    func iterator() -> PyNativeIterator {
        var next = start
        let stop = stop, step = step
        return PyNativeIterator("longrange_iterator") { _ in
            guard step > 0 ? next < stop : next > stop else { return nil }
            defer { next += step }
            return .integer(next)
        }
    }

    var repr: String {
        step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))"
    }

    /// `range(...)` from arguments that are ints (any size) or have `__index__`: nil when all fit a `PyRange`.
    static func make(_ args: [Value], _ ctx: ExecutionContext) throws -> Value? {
        // Small ints (and bools) never need a big range: answered before any BigInt is built (a tenth of
        // nqueens was `range(n)` converting its bounds to BigInt and back).
        if args.allSatisfy({ if case .int = $0 { true } else if case .bool = $0 { true } else { false } }) { return nil }
        var bounds: [BigInt] = []
        var small = true
        for a in args {
            guard let v = try Index.integer(a, ctx) else {
                throw PyException.make(.typeError, "'\(typeName(a))' object cannot be interpreted as an integer")
            }
            switch v {
            case .int(let i): bounds.append(BigInt(i))
            case .object(let b as PyBigInt):
                bounds.append(b.value)
                small = false
            default: bounds.append(0)
            }
        }
        guard !small else { return nil }
        let (start, stop, step): (BigInt, BigInt, BigInt) = switch bounds.count {
        case 1: (0, bounds[0], 1)
        case 2: (bounds[0], bounds[1], 1)
        default: (bounds[0], bounds[1], bounds[2])
        }
        if step == 0 { throw PyException.make(.valueError, "range() arg 3 must not be zero") }
        return .object(PyBigRange(start: start, stop: stop, step: step))
    }
}

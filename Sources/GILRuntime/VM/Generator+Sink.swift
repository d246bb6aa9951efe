/// Consumers that take a generator's values inside the generator's own activation: `yield` hands the value to
/// `take` and the frame runs on, where a suspend, a return out of `execute` and a resume with its prologue cost
/// ~260 instructions per value. Installed only by consumers that take every value at once anyway (`collect`,
/// `set(…)`, `sum`, `any`, `all`); a value a sink does not take suspends the generator as usual and reaches the
/// consumer through `resume`. A consumer lifts its sink while it runs Python code on such a value (`__bool__`,
/// `__hash__`: `withoutSink`), so code that reaches the generator meanwhile (`next(g)`, `list(g)`) gets its
/// values as in CPython.
extension PyGenerator {
    enum Sink: UInt8 {
        case none
        /// `collect` (`tuple(genexp)`, `list(…)`, `sorted(…)`): appended to `sinkValues`. Every 65,536th value
        /// goes back through `resume`, whose caller checks the allocation limit (an endless generator).
        case array
        /// `set(genexp)`: values whose hash runs no Python code (ints, strs, bytes) go into `sinkSet`; anything
        /// else (an instance's `__hash__`, an unhashable value's TypeError) runs or raises in the consumer, after
        /// the generator suspended, as in CPython.
        case set
        /// `any(genexp)` / `all(genexp)`: values whose truth runs no Python code and does not decide the answer
        /// are dropped; the deciding value and anything with `__bool__`/`__len__` go back to the consumer.
        case dropFalsy, dropTruthy
        /// `sum(genexp)` from an int: ints added to `sinkTotal` while nothing overflows.
        case sum
    }

    /// Whether the sink took `value`; false: the generator suspends and `resume` returns `value`.
    @inline(never)
    func take(_ value: Value) -> Bool {
        switch sink {
        case .none:
            return false
        case .array:
            if (sinkValues.count + 1) & 0xFFFF == 0 { return false }
            sinkValues.append(value)
            return true
        case .set:
            switch value {
            case .int: break
            case .object(let o) where o.tag == .str || o.tag == .bytes: break
            default: return false
            }
            guard let set = sinkSet, let h = try? DictHash(value) else { return false }
            set._withUnsafeGuaranteedRef { $0.add(value, hash: h) }
            return true
        case .dropFalsy, .dropTruthy:
            let truth: Bool
            switch value {
            case .none: truth = false
            case .bool(let b): truth = b
            case .int(let i): truth = i != 0
            case .float(let d): truth = d != 0
            case .object(let o) where o.tag == .str: truth = !unsafeDowncast(o, to: PyStr.self).value.isEmpty
            default: return false
            }
            return truth == (sink == .dropTruthy)
        case .sum:
            guard case .int(let b) = value else { return false }
            let (r, overflow) = sinkTotal.addingReportingOverflow(b)
            if overflow { return false }
            sinkTotal = r
            return true
        }
    }

    /// Installs `sink` unless the generator is running (its own body collecting it fails with "already
    /// executing", keeping the running consumer's sink), already has one, or threads run free (another thread
    /// could install its sink under a running consumer): then every value comes back through `resume`.
    func installSink(_ sink: Sink) -> Bool {
        guard sink != .none, kind == .generator, !running, !ObjectLocking.enabled, self.sink == .none else { return false }
        self.sink = sink
        return true
    }

    /// Also drops what an `.array` consumer that failed had collected (a later `list(g)` starts empty).
    func removeSink() {
        sink = .none
        sinkSet = nil
        if !sinkValues.isEmpty { sinkValues = [] }
    }

    /// `body` with `g`'s sink (and the set it fills) lifted, restored afterwards: a consumer step that may run
    /// Python code. A consumer that ran meanwhile installed and removed its own.
    static func withoutSink<R>(_ g: PyGenerator?, _ body: () throws -> R) rethrows -> R {
        guard let g, g.sink != .none else { return try body() }
        let (sink, set) = (g.sink, g.sinkSet)
        g.sink = .none
        g.sinkSet = nil
        defer { (g.sink, g.sinkSet) = (sink, set) }
        return try body()
    }

    /// The generator `iterable` is with `sink` installed (removed when `body` returns), or nil for `body` when
    /// it is not a plain generator or takes no sink now.
    static func consuming<R>(_ iterable: Value, _ sink: Sink, _ body: (PyGenerator?) throws -> R) rethrows -> R {
        guard case .object(let o) = iterable, o.tag == .generator else { return try body(nil) }
        let g = unsafeDowncast(o, to: PyGenerator.self)
        guard g.installSink(sink) else { return try body(nil) }
        defer { g.removeSink() }
        return try body(g)
    }
}

/// Puts the slices of one state back into `slice_rows` key order, (ts, tid, obj, dur), as they close.
///
/// Why: `SliceBuilder` hands slices over when they close, which is not the order they start in (a later
/// waiter may get the GIL first; overlapping sleeps end in any order). Inserting in key order lets SQLite
/// append to the end of the B-tree instead of searching it from the root for every row (the cost that
/// made up most of `finish`, docs/recording-cost.md "Finish").
///
/// How, with bounded memory: a closed slice waits here until no slice still to come can sort before it,
/// i.e. until it starts before the watermark (the earliest start of an interval of this state still
/// open, or the latest event seen). If more than `2 × batch` are waiting anyway (an interval open for the
/// whole run holds the watermark back) the `batch` earliest leave regardless; a slice that closes later
/// with an earlier key is then simply out of order: stored the same, only its insert searches.
struct SliceReorderBuffer {
    static let batch = 4_096

    private var pending: [Slice] = []
    /// Slices emitted with a key below one emitted before them (a measure of how well the order held).
    private(set) var outOfOrder = 0
    private var last: Slice?

    init() {
        pending.reserveCapacity(2 * Self.batch)
    }

    var isFull: Bool { pending.count >= 2 * Self.batch }

    mutating func add(_ slice: Slice) {
        pending.append(slice)
    }

    /// Emits, in key order, every waiting slice that starts before `watermark` (at least `batch` of them
    /// when the buffer is full).
    mutating func flush(before watermark: Int64, _ emit: (Slice) throws -> Void) rethrows {
        pending.sort(by: Slice.keyOrder)
        var count = 0
        while count < pending.count, pending[count].ts < watermark { count += 1 }
        if isFull { count = max(count, Self.batch) }
        try emitFirst(count, emit)
    }

    /// Emits everything still waiting, in key order.
    mutating func flushAll(_ emit: (Slice) throws -> Void) rethrows {
        pending.sort(by: Slice.keyOrder)
        try emitFirst(pending.count, emit)
    }

    private mutating func emitFirst(_ count: Int, _ emit: (Slice) throws -> Void) rethrows {
        guard count > 0 else { return }
        for slice in pending[..<count] {
            if let last, Slice.keyOrder(slice, last) { outOfOrder += 1 }
            last = slice
            try emit(slice)
        }
        pending.removeFirst(count)
    }
}

extension Slice {
    /// `slice_rows`' key order within one state: start, thread, object, duration.
    @inline(__always)
    static func keyOrder(_ a: Slice, _ b: Slice) -> Bool {
        if a.ts != b.ts { return a.ts < b.ts }
        if a.tid != b.tid { return a.tid < b.tid }
        if a.obj != b.obj { return a.obj < b.obj }
        return a.dur < b.dur
    }
}

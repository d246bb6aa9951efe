/// Finds the slices that overlap a point or window, over slices sorted by start, in O(log n + hits) when
/// intervals rarely overlap each other (GIL holds never do). Keeps a running maximum of ends, so a
/// backward scan from the last candidate start can stop as soon as nothing earlier reaches far enough.
/// This is the Swift twin of the bounded `EXISTS` scans in `Queries/lock_contention.sql`.
struct IntervalIndex {
    let slices: [StoreSlice]
    private let maxEndSoFar: [Int64]

    init(_ sortedByStart: [StoreSlice]) {
        slices = sortedByStart
        var running = Int64.min
        maxEndSoFar = sortedByStart.map { s in
            running = max(running, s.end)
            return running
        }
    }

    /// Index of the first slice whose start is ≥ `ts` (binary search).
    func firstStart(atLeast ts: Int64) -> Int {
        var lo = 0
        var hi = slices.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if slices[mid].ts < ts { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Calls `body` for each slice with `start < startLimit` and `end > endFloor`, latest start first;
    /// `body` returns false to stop early.
    func forEach(startBefore startLimit: Int64, endAfter endFloor: Int64, _ body: (StoreSlice) -> Bool) {
        var i = firstStart(atLeast: startLimit) - 1
        while i >= 0, maxEndSoFar[i] > endFloor {
            let s = slices[i]
            if s.end > endFloor, !body(s) { return }
            i -= 1
        }
    }

    /// Whether some slice with `start < startLimit`, `end > endFloor` satisfies `predicate`.
    func contains(startBefore startLimit: Int64, endAfter endFloor: Int64, where predicate: (StoreSlice) -> Bool) -> Bool {
        var found = false
        forEach(startBefore: startLimit, endAfter: endFloor) { s in
            if predicate(s) { found = true }
            return !found
        }
        return found
    }
}

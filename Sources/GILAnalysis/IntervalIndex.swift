import TraceStore
/// Finds the slices that overlap a point or window, over slices sorted by start, in O(log n + hits) when
/// intervals rarely overlap each other (GIL holds never do). Keeps a running maximum of ends, so a
/// backward scan from the last candidate start can stop as soon as nothing earlier reaches far enough.
/// This is the Swift twin of the bounded `EXISTS` scans in `Queries/lock_contention.sql`.
struct IntervalIndex {
    let slices: [Slice]
    private let maxEndSoFar: [Int64]

    init(_ sortedByStart: [Slice]) {
        slices = sortedByStart
        var running = Int64.min
        maxEndSoFar = sortedByStart.map { s in
            running = max(running, s.end)
            return running
        }
    }

    /// Index of the first slice whose start is ≥ `ts`. `hint` (a previous answer) makes the search
    /// exponential from there: the analyses ask in nearly increasing order, so most answers are a few
    /// slots away and the search stays in cache.
    func firstStart(atLeast ts: Int64, hint: Int = 0) -> Int {
        let n = slices.count
        var lo: Int
        var hi: Int
        let h = min(max(hint, 0), n)
        if h > 0, slices[h - 1].ts >= ts {
            // Answer is before h: gallop left.
            var step = 1
            hi = h - 1
            lo = max(0, hi - step)
            while lo > 0, slices[lo].ts >= ts {
                hi = lo
                step *= 2
                lo = max(0, hi - step)
            }
        } else {
            // Answer is at or after h: gallop right.
            var step = 1
            lo = h
            hi = min(n, lo + step)
            while hi < n, slices[hi - 1].ts < ts {
                lo = hi
                step *= 2
                hi = min(n, lo + step)
            }
        }
        while lo < hi {
            let mid = (lo + hi) / 2
            if slices[mid].ts < ts { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Calls `body` for each slice with `start < startLimit` and `end > endFloor`, latest start first;
    /// `body` returns false to stop early.
    func forEach(
        startBefore startLimit: Int64, endAfter endFloor: Int64, hint: Int = 0, _ body: (Slice) -> Bool
    ) {
        var i = firstStart(atLeast: startLimit, hint: hint) - 1
        while i >= 0, maxEndSoFar[i] > endFloor {
            let s = slices[i]
            if s.end > endFloor, !body(s) { return }
            i -= 1
        }
    }

    /// Whether some slice with `start < startLimit`, `end > endFloor` satisfies `predicate`.
    func contains(
        startBefore startLimit: Int64, endAfter endFloor: Int64, hint: Int = 0, where predicate: (Slice) -> Bool
    ) -> Bool {
        var found = false
        forEach(startBefore: startLimit, endAfter: endFloor, hint: hint) { s in
            if predicate(s) { found = true }
            return !found
        }
        return found
    }
}

import GILTrace
import TraceStore

/// Contention on one object — the GIL (id 0) or a user sync object — DESIGN.md §5 "Contention".
/// Field for field the row of `Queries/lock_contention.sql`; the definitions are written there once.
package struct ObjectContention: Equatable, Sendable {
    package var objID: Int32
    package var kind: String
    package var name: String
    package var acquisitions: Int
    /// Acquisitions whose request came while another thread held the object.
    package var contended: Int
    package var wait: DurationStats
    package var hold: DurationStats
    package var ownerSwitches: Int
    /// Release → next acquisition, for releases that had a waiter.
    package var handoff: DurationStats
    /// Time-weighted mean number of waiters (Σ wait / wall).
    package var queueMean: Double?
    package var queueMax: Int
    package var utilisation: Double?
    /// Jain's index over the hold time of every thread that waited for or held the object.
    package var jainFairness: Double?
    package var threads: [ThreadContention]
}

/// One thread's share of one object, a row of `Queries/contention_threads.sql`.
package struct ThreadContention: Equatable, Sendable {
    package var tid: Int32
    package var name: String?
    package var acquisitions: Int
    package var waitCount: Int
    package var waitTotalNs: Int64
    package var waitMaxNs: Int64
    package var holdTotalNs: Int64
    package var holdShare: Double?
}

/// Contention over every object of a run.
package struct ContentionReport: Sendable {
    package var runID: Int64
    package var objects: [ObjectContention]
    /// The GIL's wait histogram (`Queries/gil_wait_distribution.sql`).
    package var gilWaitDistribution: [WaitBucket]
}

package enum ContentionAnalysis {
    /// Contention on each object that has wait or hold slices (the GIL first), or only on `objID`.
    package static func analyse(
        facts: RunFacts, slices: RunSlices, threads: [ThreadInfo], objects: [ObjectInfo], objID: Int32? = nil
    ) -> ContentionReport {
        var waitsByObj: [Int32: [Slice]] = [:]
        var holdsByObj: [Int32: [Slice]] = [:]
        if objID == nil || objID == 0 {
            if !slices.gilWaits.isEmpty { waitsByObj[0] = slices.gilWaits }
            if !slices.gilHolds.isEmpty { holdsByObj[0] = slices.gilHolds }
        }
        for s in slices.lockWaits where objID == nil || s.obj == objID { waitsByObj[s.obj, default: []].append(s) }
        for s in slices.lockHolds where objID == nil || s.obj == objID { holdsByObj[s.obj, default: []].append(s) }
        let names = Dictionary(threads.map { ($0.tid, $0.name) }, uniquingKeysWith: { a, _ in a })
        let infos = Dictionary(objects.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let ids = Set(waitsByObj.keys).union(holdsByObj.keys).sorted()
        let rows = ids.map { id in
            analyse(
                objID: id, info: infos[id], waits: waitsByObj[id] ?? [], holds: holdsByObj[id] ?? [],
                wallNs: facts.wallNs, threadNames: names)
        }
        return ContentionReport(
            runID: facts.runID, objects: rows,
            gilWaitDistribution: WaitBucket.distribution(of: slices.gilWaits))
    }

    /// One object; `waits` and `holds` sorted by (ts, tid).
    package static func analyse(
        objID: Int32, info: ObjectInfo?, waits: [Slice], holds: [Slice], wallNs: Int64, threadNames: [Int32: String]
    ) -> ObjectContention {
        let holdIndex = IntervalIndex(holds)
        let waitIndex = IntervalIndex(waits)
        var scratch = waits.map(\.dur)
        let waitStats = DurationStats(sorting: &scratch)
        scratch = holds.map(\.dur)
        let holdStats = DurationStats(sorting: &scratch)

        var contended = 0
        var atEnd = 0
        var atStart = 0
        for w in waits {
            let end = w.end
            atEnd = holdIndex.firstStart(atLeast: end, hint: atEnd)
            var i = atEnd
            var acquired = false
            while i < holds.count, holds[i].ts == end {
                if holds[i].tid == w.tid { acquired = true; break }
                i += 1
            }
            guard acquired else { continue }
            atStart = holdIndex.firstStart(atLeast: w.ts + 1, hint: atStart)
            if holdIndex.contains(startBefore: w.ts + 1, endAfter: w.ts, hint: atStart, where: { $0.tid != w.tid }) {
                contended += 1
            }
        }

        var ownerSwitches = 0
        scratch.removeAll(keepingCapacity: true)
        var waitHint = 0
        var next = 0
        for (i, h) in holds.enumerated() {
            if i > 0, holds[i - 1].tid != h.tid { ownerSwitches += 1 }
            let e = h.end
            waitHint = waitIndex.firstStart(atLeast: e, hint: waitHint)
            guard waitIndex.contains(startBefore: e, endAfter: e - 1, hint: waitHint, where: { $0.tid != h.tid })
            else { continue }
            next = holdIndex.firstStart(atLeast: e, hint: next)
            var j = next
            while j < holds.count, holds[j].tid == h.tid, holds[j].ts == h.ts { j += 1 }
            if j < holds.count { scratch.append(holds[j].ts - e) }
        }
        let handoff = DurationStats(sorting: &scratch)

        return ObjectContention(
            objID: objID, kind: info?.kind.rawValue ?? (objID == 0 ? "gil" : "?"),
            name: info?.name ?? (objID == 0 ? "GIL" : "object \(objID)"),
            acquisitions: holds.count, contended: contended, wait: waitStats, hold: holdStats,
            ownerSwitches: ownerSwitches, handoff: handoff,
            queueMean: wallNs > 0 ? Double(waitStats.totalNs) / Double(wallNs) : nil,
            queueMax: maxQueueDepth(waits),
            utilisation: wallNs > 0 ? Double(holdStats.totalNs) / Double(wallNs) : nil,
            jainFairness: nil,
            threads: []
        ).withThreads(waits: waits, holds: holds, names: threadNames)
    }

    /// Most waits open at once: +1 at each start, −1 at each end, ends first at equal times.
    static func maxQueueDepth(_ waits: [Slice]) -> Int {
        var ends = waits.map(\.end)
        RadixSort.sort(&ends)
        var depth = 0
        var best = 0
        var j = 0
        for w in waits {
            while j < ends.count, ends[j] <= w.ts { depth -= 1; j += 1 }
            depth += 1
            best = max(best, depth)
        }
        return best
    }
}

extension ObjectContention {
    /// Fills the per-thread table (top waiters first) and Jain's fairness index.
    fileprivate func withThreads(waits: [Slice], holds: [Slice], names: [Int32: String]) -> ObjectContention {
        /// Plain per-thread sums; names are attached once at the end (no String traffic per slice).
        struct Sums {
            var acquisitions = 0
            var waitCount = 0
            var waitTotal: Int64 = 0
            var waitMax: Int64 = 0
            var holdTotal: Int64 = 0
        }
        var sums: [Int32: Sums] = [:]
        var lowest = Int32.max
        var highest = Int32.min
        for s in waits { lowest = min(lowest, s.tid); highest = max(highest, s.tid) }
        for s in holds { lowest = min(lowest, s.tid); highest = max(highest, s.tid) }
        if lowest >= 0, highest < 1 << 16 {
            // Thread ids are small (UInt16 in events): an array indexed by tid instead of three hash lookups
            // per slice (16 % of a 1 M-event `gilstat contention` under callgrind).
            var dense = [Sums?](repeating: nil, count: Int(highest) + 1)
            for w in waits {
                var x = dense[Int(w.tid)] ?? Sums()
                x.waitCount += 1
                x.waitTotal += w.dur
                x.waitMax = max(x.waitMax, w.dur)
                dense[Int(w.tid)] = x
            }
            for h in holds {
                var x = dense[Int(h.tid)] ?? Sums()
                x.acquisitions += 1
                x.holdTotal += h.dur
                dense[Int(h.tid)] = x
            }
            for (tid, x) in dense.enumerated() { if let x { sums[Int32(tid)] = x } }
        } else {
            for w in waits {
                sums[w.tid, default: Sums()].waitCount += 1
                sums[w.tid]!.waitTotal += w.dur
                sums[w.tid]!.waitMax = max(sums[w.tid]!.waitMax, w.dur)
            }
            for h in holds {
                sums[h.tid, default: Sums()].acquisitions += 1
                sums[h.tid]!.holdTotal += h.dur
            }
        }
        let totalHold = hold.totalNs
        var copy = self
        copy.threads = sums.map { tid, x in
            ThreadContention(
                tid: tid, name: names[tid], acquisitions: x.acquisitions, waitCount: x.waitCount,
                waitTotalNs: x.waitTotal, waitMaxNs: x.waitMax, holdTotalNs: x.holdTotal,
                holdShare: totalHold > 0 ? Double(x.holdTotal) / Double(totalHold) : nil)
        }.sorted { ($0.waitTotalNs, $1.tid) > ($1.waitTotalNs, $0.tid) }
        var sum = 0.0
        var sumSquares = 0.0
        for (_, x) in sums.sorted(by: { $0.key < $1.key }) {
            let v = Double(x.holdTotal)
            sum += v
            sumSquares += v * v
        }
        if sumSquares > 0 { copy.jainFairness = sum * sum / (Double(sums.count) * sumSquares) }
        return copy
    }
}

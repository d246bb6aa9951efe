import GILTrace

/// The convoy effect (DESIGN.md §5 "Convoy"): a thread back from a blocking call waits for the GIL while a
/// CPU-bound thread runs out its switch interval, because CPython's GIL has no waiter queue
/// (Python/ceval_gil.c, take_gil). Field for field `Queries/convoy_episodes.sql` and
/// `Queries/convoy_culprits.sql`, where the definitions are written out.
package struct ConvoyReport: Sendable {
    package var runID: Int64
    package var switchIntervalNs: Int64
    package var ioCount: Int
    package var ioTotalNs: Int64
    /// Reacquire delay of every io slice followed by an acquisition.
    package var delay: DurationStats
    /// The delays that were episodes: longer than the switch interval, another thread holding the GIL.
    package var episodes: DurationStats
    /// (Σ io + Σ delay) / Σ io; nil without I/O time.
    package var ioSlowdown: Double?
    /// The threads that held the GIL during episodes, most time first.
    package var culprits: [ConvoyCulprit]
    /// Each episode as the I/O thread and its wait window [io end, reacquire], in time order (for timelines).
    package var episodeWindows: [ConvoyEpisode] = []
}

/// One convoy episode: `tid` came back from I/O at `startNs` and got the GIL only at `endNs`.
package struct ConvoyEpisode: Equatable, Sendable {
    package var tid: Int32
    package var startNs: Int64
    package var endNs: Int64
}

/// A row of `Queries/convoy_culprits.sql`.
package struct ConvoyCulprit: Equatable, Sendable {
    package var tid: Int32
    package var name: String?
    package var episodes: Int
    /// Its GIL hold time inside episode windows.
    package var heldNs: Int64
}

package enum ConvoyAnalysis {
    package static func analyse(facts: RunFacts, slices: RunSlices, threads: [ThreadInfo]) -> ConvoyReport {
        let holds = slices.gilHolds
        let index = IntervalIndex(holds)
        var startsByThread: [Int32: [Int64]] = [:]
        for h in holds { startsByThread[h.tid, default: []].append(h.ts) }

        var delays: [Int64] = []
        var episodeDelays: [Int64] = []
        delays.reserveCapacity(slices.io.count)
        var ioTotal: Int64 = 0
        var culprits: [Int32: ConvoyCulprit] = [:]
        var windows: [ConvoyEpisode] = []
        for io in slices.io {
            ioTotal += io.dur
            let end = io.end
            guard let starts = startsByThread[io.tid], let reacquire = firstValue(atLeast: end, in: starts) else {
                continue
            }
            let delay = reacquire - end
            delays.append(delay)
            guard delay > facts.switchIntervalNs else { continue }
            var holders: [Int32: Int64] = [:]
            index.forEach(startBefore: reacquire, endAfter: end) { h in
                if h.tid != io.tid { holders[h.tid, default: 0] += min(h.end, reacquire) - max(h.ts, end) }
                return true
            }
            guard !holders.isEmpty else { continue }
            episodeDelays.append(delay)
            windows.append(ConvoyEpisode(tid: io.tid, startNs: end, endNs: reacquire))
            for (tid, held) in holders {
                culprits[tid, default: ConvoyCulprit(tid: tid, name: nil, episodes: 0, heldNs: 0)].episodes += 1
                culprits[tid]!.heldNs += held
            }
        }
        let names = Dictionary(threads.map { ($0.tid, $0.name) }, uniquingKeysWith: { a, _ in a })
        let delayStats = DurationStats(sorting: &delays)
        var report = ConvoyReport(
            runID: facts.runID, switchIntervalNs: facts.switchIntervalNs, ioCount: slices.io.count,
            ioTotalNs: ioTotal, delay: delayStats, episodes: DurationStats(sorting: &episodeDelays),
            ioSlowdown: ioTotal > 0 ? Double(ioTotal + delayStats.totalNs) / Double(ioTotal) : nil,
            culprits: culprits.values.map { c in
                var c = c
                c.name = names[c.tid]
                return c
            }.sorted { ($0.heldNs, $1.tid) > ($1.heldNs, $0.tid) })
        report.episodeWindows = windows.sorted { $0.startNs < $1.startNs }
        return report
    }

    /// The smallest element ≥ `value` of an ascending array.
    static func firstValue(atLeast value: Int64, in sorted: [Int64]) -> Int64? {
        var lo = 0
        var hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo < sorted.count ? sorted[lo] : nil
    }
}

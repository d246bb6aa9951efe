import GILTrace
import TraceStore

/// Phases within one run (DESIGN.md §5 "Speedup"): from `gilrec.phase("name")` begin/end marks, or, when
/// the run has none, from thread lifetimes ("main alone" while only the main thread lives, "workers
/// alive" while any other does). Rows of `Queries/phases.sql`.
package struct Phase: Equatable, Sendable {
    package var name: String
    package var segments: Int
    package var startNs: Int64
    package var durNs: Int64
    package var gilHoldNs: Int64
    package var gilWaitNs: Int64
    package var ioNs: Int64
    /// (hold + io) / duration: how many threads were doing work at once, on average.
    package var concurrency: Double?
    package var gilHeldFraction: Double?
    /// First phase's duration / this phase's, for marked phases (assumes each does the same work).
    package var speedupVsFirst: Double?
}

package enum PhaseAnalysis {
    package static let mainAlone = "main alone"
    package static let workersAlive = "workers alive"

    /// Named time segments [start, end) of the run.
    package static func segments(
        marks: [EventScan.Mark], labels: [Int32: String], threads: [ThreadInfo], wallNs: Int64
    ) -> (fromMarks: Bool, segments: [(name: String, start: Int64, end: Int64)]) {
        let begins = marks.filter { $0.phase == .begin }.sorted { $0.seq < $1.seq }
        let ends = marks.filter { $0.phase == .end }.sorted { $0.seq < $1.seq }
        var out: [(name: String, start: Int64, end: Int64)] = []
        for b in begins {
            guard let e = ends.first(where: { $0.labelID == b.labelID && $0.seq > b.seq }) else { continue }
            out.append((labels[b.labelID] ?? "label \(b.labelID)", b.ts, e.ts))
        }
        if !out.isEmpty { return (true, out) }

        // Islands of "some non-main thread alive", the gaps between them are "main alone".
        let lifetimes = threads.filter { $0.tid != 1 }.map { ($0.startNs, $0.endNs ?? wallNs) }.sorted { $0 < $1 }
        var islands: [(Int64, Int64)] = []
        for (s, e) in lifetimes {
            if let last = islands.last, s <= last.1 {
                islands[islands.count - 1].1 = max(last.1, e)
            } else {
                islands.append((s, e))
            }
        }
        var cursor: Int64 = 0
        for (s, e) in islands {
            if s > cursor { out.append((mainAlone, cursor, s)) }
            out.append((workersAlive, s, e))
            cursor = max(cursor, e)
        }
        if wallNs > cursor { out.append((mainAlone, cursor, wallNs)) }
        return (false, out)
    }

    package static func analyse(
        facts: RunFacts, slices: RunSlices, scan: EventScan, labels: [Int32: String], threads: [ThreadInfo]
    ) -> [Phase] {
        let (fromMarks, segments) = segments(marks: scan.marks, labels: labels, threads: threads, wallNs: facts.wallNs)
        var phases: [Phase] = []
        for seg in segments {
            let hold = overlap(slices.gilHolds, seg.start, seg.end)
            let wait = overlap(slices.gilWaits, seg.start, seg.end)
            let io = overlap(slices.io, seg.start, seg.end)
            if let i = phases.firstIndex(where: { $0.name == seg.name }) {
                phases[i].segments += 1
                phases[i].startNs = min(phases[i].startNs, seg.start)
                phases[i].durNs += seg.end - seg.start
                phases[i].gilHoldNs += hold
                phases[i].gilWaitNs += wait
                phases[i].ioNs += io
            } else {
                phases.append(
                    Phase(
                        name: seg.name, segments: 1, startNs: seg.start, durNs: seg.end - seg.start, gilHoldNs: hold,
                        gilWaitNs: wait, ioNs: io, concurrency: nil, gilHeldFraction: nil, speedupVsFirst: nil))
            }
        }
        phases.sort { ($0.startNs, $0.name) < ($1.startNs, $1.name) }
        let firstDur = phases.first?.durNs ?? 0
        for i in phases.indices where phases[i].durNs > 0 {
            let d = Double(phases[i].durNs)
            phases[i].concurrency = Double(phases[i].gilHoldNs + phases[i].ioNs) / d
            phases[i].gilHeldFraction = Double(phases[i].gilHoldNs) / d
            if fromMarks { phases[i].speedupVsFirst = Double(firstDur) / d }
        }
        return phases
    }

    /// Σ of the parts of `slices` inside [start, end).
    static func overlap(_ slices: [Slice], _ start: Int64, _ end: Int64) -> Int64 {
        var total: Int64 = 0
        for s in slices where s.ts < end && s.end > start {
            total += min(s.end, end) - max(s.ts, start)
        }
        return total
    }
}

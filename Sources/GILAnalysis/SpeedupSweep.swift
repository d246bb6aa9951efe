import GILTrace
import TraceStore

/// One run of a `gilrec sweep` against its group's baseline (DESIGN.md §5 "Speedup … or a sweep"): a row of
/// `Queries/sweep_speedup.sql`, where the same definitions are written in SQL.
///
/// A group is the runs with the same (policy, switch interval). `threads` is the thread count the sweep
/// asked for: the last element of the run's argv (`gilrec sweep` appends it), or, for a run that lacks it,
/// `Speedup.workers(threadCount:)`. The baseline of a group is its smallest `threads`; with repeats, its
/// wall time is the nearest-rank median (docs/contracts.md) of those runs' wall times, ties by run id.
/// speedup = baseline wall / wall; efficiency = speedup × baseline threads / threads; the GIL-serialised
/// fraction and Amdahl bound are `Speedup`'s, with `threads` as the worker count.
package struct SweepSpeedupRow: Equatable, Sendable {
    package var sweepID: Int64
    package var policy: String
    package var switchIntervalNs: Int64
    package var threads: Int
    package var runID: Int64
    /// 1-based position among the group's runs with the same `threads`, by run id.
    package var repeatIndex: Int
    package var status: RunStatus
    package var wallNs: Int64
    package var baselineThreads: Int
    package var baselineWallNs: Int64
    package var speedup: Double?
    package var efficiency: Double?
    package var gilHeldNs: Int64
    package var busyNs: Int64
    package var serialisedFraction: Double?
    package var amdahlBound: Double?
}

package enum SweepSpeedup {
    /// The slice states the analysis reads.
    package static let states: [SliceState] = [.gilHold, .io]

    /// The thread count a sweep run was recorded with (see `SweepSpeedupRow`).
    package static func threads(of record: RunRecord) -> Int {
        if let last = record.info.argv.last, !last.isEmpty, last.allSatisfy({ $0.isASCII && $0.isNumber }),
           let n = Int(last), n >= 1 {
            return n
        }
        return Speedup.workers(threadCount: record.threadCount)
    }

    /// Rows ordered by group (the group's first run id), threads, run id.
    package static func analyse(_ runs: [LoadedRun]) -> [SweepSpeedupRow] {
        struct GroupKey: Hashable {
            var policy: String
            var interval: Int64
        }
        var groups: [GroupKey: [LoadedRun]] = [:]
        for run in runs {
            groups[GroupKey(policy: run.record.info.policy, interval: run.record.info.switchIntervalNs), default: []].append(run)
        }
        let ordered = groups.values
            .map { $0.sorted { $0.record.runID < $1.record.runID } }
            .sorted { $0[0].record.runID < $1[0].record.runID }
        var rows: [SweepSpeedupRow] = []
        for group in ordered {
            let byThreads = group.map { (threads: threads(of: $0.record), run: $0) }
            let baseThreads = byThreads.map(\.threads).min() ?? 1
            var baseWalls = byThreads.filter { $0.threads == baseThreads }
                .map { ($0.run.facts.wallNs, $0.run.record.runID) }
            baseWalls.sort { $0 < $1 }
            let baseWall = baseWalls.isEmpty ? 0 : baseWalls[NearestRank.rank(50, of: baseWalls.count) - 1].0
            var seen: [Int: Int] = [:]
            let sorted = byThreads.sorted { ($0.threads, $0.run.record.runID) < ($1.threads, $1.run.record.runID) }
            for (n, run) in sorted {
                seen[n, default: 0] += 1
                let held = run.slices.gilHolds.reduce(Int64(0)) { $0 + $1.dur }
                let busy = held + run.slices.io.reduce(Int64(0)) { $0 + $1.dur }
                let wall = run.facts.wallNs
                let speedup = wall > 0 && baseWall > 0 ? Double(baseWall) / Double(wall) : nil
                let s = busy > 0 ? Double(held) / Double(busy) : nil
                rows.append(SweepSpeedupRow(
                    sweepID: run.record.info.sweepId ?? 0, policy: run.record.info.policy,
                    switchIntervalNs: run.record.info.switchIntervalNs, threads: n, runID: run.record.runID,
                    repeatIndex: seen[n]!, status: run.record.status, wallNs: wall, baselineThreads: baseThreads,
                    baselineWallNs: baseWall, speedup: speedup,
                    efficiency: speedup.map { $0 * Double(baseThreads) / Double(n) }, gilHeldNs: held, busyNs: busy,
                    serialisedFraction: s, amdahlBound: s.map { 1.0 / ($0 + (1.0 - $0) / Double(n)) }))
            }
        }
        return rows
    }
}

extension Reports {
    /// `gilstat speedup --sweep ID`.
    package static func sweepSpeedup(sweepID: Int64, runs: [LoadedRun]) -> Report {
        let rows = SweepSpeedup.analyse(runs)
        var notes = runs.compactMap(\.statusNote)
        let groups = Set(rows.map { "\($0.policy)/\($0.switchIntervalNs)" }).count
        if rows.contains(where: { $0.baselineThreads != 1 }) {
            notes.append("a group without a 1-thread run is compared with its fewest-threads run")
        }
        let program = runs.first.map { " · \($0.record.info.program)" } ?? ""
        return Report(
            title: "sweep \(sweepID)\(program) · \(runs.count) run\(runs.count == 1 ? "" : "s") in \(groups) group\(groups == 1 ? "" : "s") (policy, switch interval)",
            notes: notes,
            sections: [.init(key: "sweep", title: "Speedup per (policy, switch interval) group", body: .table(rows.map(Record.init)))])
    }
}

extension Record {
    /// A row of `Queries/sweep_speedup.sql`.
    package init(_ r: SweepSpeedupRow) {
        self.init([
            ("sweep_id", .int(r.sweepID)), ("policy", .text(r.policy)), ("switch_interval_ns", .duration(r.switchIntervalNs)),
            ("threads", .int(r.threads)), ("run_id", .int(r.runID)), ("repeat", .int(r.repeatIndex)),
            ("status", .text(r.status.rawValue)), ("wall_ns", .duration(r.wallNs)),
            ("baseline_threads", .int(r.baselineThreads)), ("baseline_wall_ns", .duration(r.baselineWallNs)),
            ("speedup", .real(r.speedup)), ("efficiency", .fraction(r.efficiency)),
            ("gil_held_ns", .duration(r.gilHeldNs)), ("busy_ns", .duration(r.busyNs)),
            ("serialised_fraction", .fraction(r.serialisedFraction)), ("amdahl_bound", .real(r.amdahlBound)),
        ])
    }
}

import GILAnalysis
import GILTrace
import TraceStore

/// The table `gilrec sweep` ends with, read back from the store by `GILAnalysis` (never from live
/// counters), so `gilstat speedup --sweep ID`, `gilstat summary RUN` and `gilstat convoy RUN` show the same
/// figures: speedup as `SweepSpeedup` defines it, GIL owner switches per second as `RunSummary`, convoy
/// episodes and I/O slowdown as `ConvoyAnalysis`.
package enum SweepTable {
    package struct Row: Sendable {
        package var speedup: SweepSpeedupRow
        package var switchesPerSecond: Double?
        package var convoyEpisodes: Int
        package var ioSlowdown: Double?
    }

    package static func rows(databasePath: String, sweepID: Int64) throws -> [Row] {
        let reader = try TraceReader(path: databasePath)
        let records = try reader.runs().filter { $0.info.sweepId == sweepID }
        let runs = try records.map { try LoadedRun.load(reader, $0, states: [.gilHold, .io]) }
        let byID = Dictionary(uniqueKeysWithValues: runs.map { ($0.record.runID, $0) })
        return SweepSpeedup.analyse(runs).map { row in
            let run = byID[row.runID]!
            let summary = RunSummary.compute(facts: run.facts, slices: run.slices, threads: run.threads, dropRequests: 0)
            let convoy = ConvoyAnalysis.analyse(facts: run.facts, slices: run.slices, threads: run.threads)
            return Row(
                speedup: row, switchesPerSecond: summary.switchesPerSecond, convoyEpisodes: convoy.episodes.count,
                ioSlowdown: convoy.ioSlowdown)
        }
    }

    package static func report(databasePath: String, sweepID: Int64) throws -> Report {
        let rows = try rows(databasePath: databasePath, sweepID: sweepID)
        let records = rows.map { r in
            Record([
                ("policy", .text(r.speedup.policy)), ("switch_interval_ns", .duration(r.speedup.switchIntervalNs)),
                ("threads", .int(r.speedup.threads)), ("repeat", .int(r.speedup.repeatIndex)),
                ("run_id", .int(r.speedup.runID)), ("status", .text(r.speedup.status.rawValue)),
                ("wall_ns", .duration(r.speedup.wallNs)), ("speedup", .real(r.speedup.speedup)),
                ("switches_per_s", .real(r.switchesPerSecond)), ("convoy_episodes", .int(r.convoyEpisodes)),
                ("io_slowdown", .real(r.ioSlowdown)),
            ])
        }
        var notes: [String] = []
        if rows.contains(where: { $0.speedup.baselineThreads != 1 }) {
            notes.append("speedup is against the fewest-threads run of each (policy, switch interval): no 1-thread run was swept")
        } else {
            notes.append("speedup = wall of the 1-thread run of the same policy and switch interval / wall")
        }
        return Report(
            title: "sweep \(sweepID): \(rows.count) run\(rows.count == 1 ? "" : "s") in \(databasePath)", notes: notes,
            sections: [.init(key: "sweep", title: "Runs", body: .table(records))])
    }
}

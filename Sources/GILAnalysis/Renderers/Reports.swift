import GILTrace
import TraceStore

/// The report of each `gilstat` command, built from analysis results. Section keys and record keys are
/// the JSON contract (and the `Queries/` column names).
package enum Reports {
    package static func runs(_ records: [RunRecord]) -> Report {
        Report(
            title: "\(records.count) run\(records.count == 1 ? "" : "s")",
            sections: [.init(key: "runs", title: "Runs", body: .table(records.map(Record.init)))])
    }

    package static func summary(_ run: LoadedRun, scan: EventScan) -> Report {
        let s = RunSummary.compute(
            facts: run.facts, slices: run.slices, threads: run.threads, dropRequests: scan.dropRequests)
        let info = run.record.info
        return Report(
            title: "run \(run.record.runID) · \(info.label) · \(info.program) · \(info.engineDescription)",
            notes: (run.statusNote.map { [$0] } ?? []) + run.recorderNotes,
            sections: [
                .init(key: "summary", title: "Summary", body: .record(Record(s))),
                .init(key: "threads", title: "Threads", body: .table(s.threads.map(Record.init))),
                .init(
                    key: "switch_rate", title: "GIL switches per second",
                    body: .table(
                        SwitchRateBucket.buckets(holds: run.slices.gilHolds, wallNs: run.facts.wallNs).map(Record.init)),
                    tableLimit: 30),
            ])
    }

    package static func contention(_ run: LoadedRun, objID: Int32?) -> Report {
        let c = ContentionAnalysis.analyse(
            facts: run.facts, slices: run.slices, threads: run.threads, objects: run.objects, objID: objID)
        var sections: [Report.Section] = [
            .init(key: "objects", title: "Contention", body: .table(c.objects.map(Record.init)), transposed: true),
            .init(
                key: "threads", title: "Per thread (top waiters first)",
                body: .table(c.objects.flatMap { o in o.threads.map { Record(objID: o.objID, $0) } })),
        ]
        if objID == nil || objID == 0 {
            sections.append(
                .init(
                    key: "gil_wait_distribution", title: "GIL wait distribution",
                    body: .table(c.gilWaitDistribution.map(Record.init))))
        }
        var notes = run.statusNote.map { [$0] } ?? []
        if c.objects.isEmpty { notes.append("no GIL or lock activity recorded in run \(run.record.runID)") }
        return Report(title: "run \(run.record.runID) · contention", notes: notes, sections: sections)
    }

    package static func convoy(_ run: LoadedRun) -> Report {
        let c = ConvoyAnalysis.analyse(facts: run.facts, slices: run.slices, threads: run.threads)
        var notes = run.statusNote.map { [$0] } ?? []
        if c.ioCount == 0 {
            notes.append("run \(run.record.runID) did no blocking I/O: no convoy effect to measure")
        } else if c.episodes.count == 0 {
            notes.append("no convoy episodes: no reacquire delay exceeded the switch interval while another thread held the GIL")
        }
        return Report(
            title: "run \(run.record.runID) · convoy", notes: notes,
            sections: [
                .init(key: "convoy", title: "Convoy", body: .record(Record(c))),
                .init(key: "culprits", title: "GIL holders during episodes", body: .table(c.culprits.map(Record.init))),
            ])
    }

    /// `runs[0]` is the serial baseline, each other run is compared with it.
    package static func speedup(_ runs: [LoadedRun]) -> Report {
        let base = runs[0]
        let rows = runs.dropFirst().map {
            Speedup.compute(serial: base.facts, threaded: $0.facts, threadedSlices: $0.slices)
        }
        var notes = runs.compactMap(\.statusNote)
        if base.facts.threadCount > 1 {
            notes.append("baseline run \(base.record.runID) has \(base.facts.threadCount) threads, not 1")
        }
        return Report(
            title: "speedup over run \(base.record.runID)", notes: notes,
            sections: [.init(key: "speedup", title: "Speedup", body: .table(rows.map(Record.init)))])
    }

    package static func phases(_ run: LoadedRun, scan: EventScan, labels: [Int32: String]) -> Report {
        let phases = PhaseAnalysis.analyse(
            facts: run.facts, slices: run.slices, scan: scan, labels: labels, threads: run.threads)
        var notes = run.statusNote.map { [$0] } ?? []
        if !scan.marks.contains(where: { $0.phase == .begin }) {
            notes.append("no gilrec.phase marks: phases from thread lifetimes")
        }
        return Report(
            title: "run \(run.record.runID) · phases", notes: notes,
            sections: [.init(key: "phases", title: "Phases", body: .table(phases.map(Record.init)))])
    }

    /// `gilstat compare`: two runs, or two groups of repeated runs (`--group`), side by side.
    package static func compare(_ a: [(LoadedRun, EventScan)], _ b: [(LoadedRun, EventScan)]) -> Report {
        func figures(_ pair: (LoadedRun, EventScan)) -> Comparison.Figures {
            let (r, scan) = pair
            var holds = r.slices.gilHolds.map(\.dur)
            return Comparison.Figures(
                summary: RunSummary.compute(facts: r.facts, slices: r.slices, threads: r.threads, dropRequests: scan.dropRequests),
                convoy: ConvoyAnalysis.analyse(facts: r.facts, slices: r.slices, threads: r.threads),
                holds: DurationStats(sorting: &holds))
        }
        let c = Comparison.compare(a.map(figures), b.map(figures))
        func side(_ runs: [(LoadedRun, EventScan)], _ letter: String) -> String {
            let first = runs[0].0.record
            let ids = runs.count == 1 ? "run \(first.runID)" : "\(runs.count) runs (\(runs.map { String($0.0.record.runID) }.joined(separator: ", ")))"
            return "\(ids) (\(letter): \(first.info.label), \(first.info.engineDescription))"
        }
        var notes = (a + b).compactMap(\.0.statusNote)
        if a.count >= 2 && b.count >= 2 {
            let differing = c.metrics.filter { $0.differs == true }.map(\.name)
            notes.append(differing.isEmpty
                ? "no figure differs by more than its repeats' spread"
                : "differ beyond the repeats' spread (ranges do not overlap): " + differing.joined(separator: ", "))
        } else {
            notes.append("one run a side: no noise estimate (`gilstat compare --group LABEL_A LABEL_B` compares repeats)")
        }
        return Report(
            title: side(a, "a") + " vs " + side(b, "b"), notes: notes,
            sections: [.init(key: "metrics", title: "Compare", body: .table(c.metrics.map(\.record)))])
    }

    /// A `gilstat query` result: columns as returned; `_ns` integer columns humanised in tables.
    package static func query(name: String, columns: [String], rows: [[SQLValue]]) -> Report {
        let records = rows.map { row in
            Record(
                zip(columns, row).map { column, value -> (String, Value) in
                    switch value {
                    case .null: (column, .text(nil))
                    case .integer(let i): (column, column.hasSuffix("_ns") ? .duration(i) : .int(i))
                    case .real(let d): (column, .real(d))
                    case .text(let s): (column, .text(s))
                    case .blob(let b): (column, .text("<\(b.count) bytes>"))
                    }
                })
        }
        return Report(
            title: "\(name): \(rows.count) row\(rows.count == 1 ? "" : "s")",
            sections: [.init(key: "rows", title: name, body: .table(records))])
    }
}

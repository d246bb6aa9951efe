import ArgumentParser
import GILAnalysis
import TraceStore

/// `gilstat speedup RUN… | --label L | --phases RUN | --sweep ID` (DESIGN.md §5 "Speedup").
struct SpeedupCommand: ReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "speedup",
        abstract: "Speedup, efficiency and the Amdahl bound across runs, or phase by phase within one run.",
        discussion: """
            With runs: the first is the serial baseline, each other is compared with it. With --label: every \
            run of that label, the one with the fewest threads (then the oldest) as baseline. With --phases: \
            the phases of one run, from gilrec.phase marks or else from thread lifetimes. With --sweep: every \
            run of one `gilrec sweep`, per (policy, switch interval) group ordered by threads, against the \
            group's 1-thread run (Queries/sweep_speedup.sql).
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "Run ids or labels: the serial baseline first.")
    var runs: [String] = []

    @Option(name: .long, help: "Compare every run with this label.")
    var label: String?

    @Option(name: .long, help: "Phases within this run instead.")
    var phases: String?

    @Option(name: .long, help: "Every run of this sweep (the sweep id `gilrec sweep` printed; see `gilstat runs`).")
    var sweep: Int64?

    func validate() throws {
        let modes = [!runs.isEmpty, label != nil, phases != nil, sweep != nil].filter { $0 }.count
        guard modes == 1 else { throw ValidationError("give runs, --label L, --phases RUN or --sweep ID (exactly one)") }
        if !runs.isEmpty, runs.count < 2 {
            throw ValidationError("give at least two runs: the serial baseline and a threaded run")
        }
    }

    func output() throws -> String {
        let reader = try store.reader()
        if let phases {
            let run = try LoadedRun.load(reader, try reader.resolveRun(phases))
            return store.render(
                Reports.phases(run, scan: try run.scanEvents(reader), labels: try reader.labels(runID: run.record.runID)))
        }
        if let sweep {
            let all = try reader.runs()
            let members = all.filter { $0.info.sweepId == sweep }
            guard !members.isEmpty else {
                let known = Set(all.compactMap(\.info.sweepId)).sorted().map(String.init)
                let which = known.isEmpty ? "it holds no sweeps (record one with gilrec sweep)" : "its sweeps are \(known.joined(separator: ", "))"
                throw AnalysisError("no sweep \(sweep) in \(store.db): \(which)")
            }
            return store.render(
                Reports.sweepSpeedup(
                    sweepID: sweep, runs: try members.map { try LoadedRun.load(reader, $0, states: SweepSpeedup.states) }))
        }
        var records: [RunRecord]
        if let label {
            records = try reader.runs().filter { $0.info.label == label }
            records.sort { ($0.threadCount, $0.runID) < ($1.threadCount, $1.runID) }
            guard records.count >= 2 else {
                throw AnalysisError("label '\(label)' has \(records.count) run\(records.count == 1 ? "" : "s"); speedup needs two or more")
            }
        } else {
            records = try runs.map { try reader.resolveRun($0) }
        }
        return store.render(Reports.speedup(try records.map { try LoadedRun.load(reader, $0) }))
    }
}

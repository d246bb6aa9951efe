import ArgumentParser
import GILAnalysis
import TraceStore

/// `gilstat speedup RUN… | --label L | --phases RUN` (DESIGN.md §5 "Speedup").
struct SpeedupCommand: ReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "speedup",
        abstract: "Speedup, efficiency and the Amdahl bound across runs, or phase by phase within one run.",
        discussion: """
            With runs: the first is the serial baseline, each other is compared with it. With --label: every \
            run of that label, the one with the fewest threads (then the oldest) as baseline. With --phases: \
            the phases of one run, from gilrec.phase marks or else from thread lifetimes.
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "Run ids or labels: the serial baseline first.")
    var runs: [String] = []

    @Option(name: .long, help: "Compare every run with this label.")
    var label: String?

    @Option(name: .long, help: "Phases within this run instead.")
    var phases: String?

    func validate() throws {
        let modes = [!runs.isEmpty, label != nil, phases != nil].filter { $0 }.count
        guard modes == 1 else { throw ValidationError("give runs, --label L, or --phases RUN (exactly one)") }
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

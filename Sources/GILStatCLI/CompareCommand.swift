import ArgumentParser
import GILAnalysis
import TraceStore

/// `gilstat compare RUN_A RUN_B`: headline figures side by side; `--group`: two labels' repeated runs, with
/// the figures that differ by more than the repeats' spread.
struct CompareCommand: ReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare", abstract: "Two runs (or two labels' repeated runs) side by side with b − a and b / a.",
        discussion: """
        With --group, A and B are labels and every run with that label is a repeat: each figure is the median \
        of its side, and the `noise` column says whether the two sides' ranges overlap — e.g. the model's runs \
        of a program (gilrec run --label model … ×5) against the real interpreter's (gilrec run --python python3 \
        --label real … ×5).
        """)

    @Flag(help: "A and B are labels; all runs with each label are repeats of one side.")
    var group = false

    @OptionGroup var store: StoreOptions

    @Argument(help: "Run id or label of run a.")
    var runA: String

    @Argument(help: "Run id or label of run b.")
    var runB: String

    func output() throws -> String {
        let reader = try store.reader()
        func side(_ selector: String) throws -> [(LoadedRun, EventScan)] {
            let records = group
                ? try reader.runs().filter { $0.info.label == selector }
                : [try reader.resolveRun(selector)]
            guard !records.isEmpty else { throw AnalysisError("no run is labelled \(selector)") }
            return try records.map { record in
                let run = try LoadedRun.load(reader, record)
                return (run, try run.scanEvents(reader))
            }
        }
        return store.render(Reports.compare(try side(runA), try side(runB)))
    }
}

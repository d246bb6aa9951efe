import ArgumentParser
import GILAnalysis
import TraceStore

/// `gilstat summary [RUN]`: the headline figures of one run.
struct SummaryCommand: ReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary", abstract: "Wall/CPU time, GIL acquisitions, switches, waits and a per-thread table.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "Run id or label (default: the latest run).")
    var run: String?

    func output() throws -> String {
        let reader = try store.reader()
        let loaded = try LoadedRun.load(reader, try reader.resolveRun(run))
        return store.render(Reports.summary(loaded, scan: try loaded.scanEvents(reader)))
    }
}

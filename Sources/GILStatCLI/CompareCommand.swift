import ArgumentParser
import GILAnalysis
import TraceStore

/// `gilstat compare RUN_A RUN_B`: headline figures side by side.
struct CompareCommand: ReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare", abstract: "Two runs side by side with b − a and b / a.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "Run id or label of run a.")
    var runA: String

    @Argument(help: "Run id or label of run b.")
    var runB: String

    func output() throws -> String {
        let reader = try store.reader()
        let a = try LoadedRun.load(reader, try reader.resolveRun(runA))
        let b = try LoadedRun.load(reader, try reader.resolveRun(runB))
        return store.render(
            Reports.compare(a, scanA: try a.scanEvents(reader), b, scanB: try b.scanEvents(reader)))
    }
}

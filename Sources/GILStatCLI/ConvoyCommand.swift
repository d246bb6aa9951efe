import ArgumentParser
import GILAnalysis
import TraceStore

/// `gilstat convoy [RUN]`: I/O threads waiting behind CPU-bound GIL holders.
struct ConvoyCommand: ReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "convoy", abstract: "Reacquire delays after I/O, convoy episodes and the I/O slowdown.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "Run id or label (default: the latest run).")
    var run: String?

    func output() throws -> String {
        let reader = try store.reader()
        let loaded = try LoadedRun.load(reader, try reader.resolveRun(run), states: LoadedRun.convoyStates)
        return store.render(Reports.convoy(loaded))
    }
}

import ArgumentParser
import GILAnalysis
import TraceStore

/// `gilstat contention [RUN] [--object NAME|ID]`: contention on the GIL and user locks.
struct ContentionCommand: ReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "contention",
        abstract: "Acquisitions, waits, holds, handoffs, queue depth and fairness for the GIL and each lock.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "Run id or label (default: the latest run).")
    var run: String?

    @Option(name: .long, help: "Only this object: its name or id (0 or GIL = the GIL).")
    var object: String?

    func output() throws -> String {
        let reader = try store.reader()
        let loaded = try LoadedRun.load(reader, try reader.resolveRun(run), states: LoadedRun.contentionStates)
        return store.render(Reports.contention(loaded, objID: try object.map { try resolveObject($0, in: loaded) }))
    }

    func resolveObject(_ selector: String, in run: LoadedRun) throws -> Int32 {
        if selector.lowercased() == "gil" { return 0 }
        if let id = Int32(selector), id == 0 || run.objects.contains(where: { $0.id == id }) { return id }
        if let match = run.objects.first(where: { $0.name == selector }) { return match.id }
        let known = run.objects.filter { $0.id != 0 }.map { "\($0.name) (\($0.id))" }
        let shown = known.prefix(10).joined(separator: ", ") + (known.count > 10 ? ", … (\(known.count) objects)" : "")
        throw AnalysisError(
            "run \(run.record.runID) has no object '\(selector)'; known: GIL (0)" + (known.isEmpty ? "" : ", " + shown))
    }
}

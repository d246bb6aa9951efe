import ArgumentParser
import GILAnalysis
import TraceStore

/// `gilstat runs`: the runs stored in the file.
struct RunsCommand: ReportingCommand {
    static let configuration = CommandConfiguration(commandName: "runs", abstract: "List the recorded runs.")

    @OptionGroup var store: StoreOptions

    func output() throws -> String {
        let runs = try store.reader().runs()
        guard !runs.isEmpty else { throw AnalysisError("\(store.db) holds no runs yet (record one with gilrec run)") }
        return store.render(Reports.runs(runs))
    }
}

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
        let loaded = try LoadedRun.load(reader, try reader.resolveRun(run))
        return store.render(Reports.contention(loaded, objID: try object.map { try resolveObject($0, in: loaded) }))
    }

    func resolveObject(_ selector: String, in run: LoadedRun) throws -> Int32 {
        if selector.lowercased() == "gil" { return 0 }
        if let id = Int32(selector), id == 0 || run.objects.contains(where: { $0.id == id }) { return id }
        if let match = run.objects.first(where: { $0.name == selector }) { return match.id }
        let known = run.objects.filter { $0.id != 0 }.map { "\($0.name) (\($0.id))" }
        throw AnalysisError(
            "run \(run.record.runID) has no object '\(selector)'; known: GIL (0)"
                + (known.isEmpty ? "" : ", " + known.joined(separator: ", ")))
    }
}

/// `gilstat convoy [RUN]`: I/O threads waiting behind CPU-bound GIL holders.
struct ConvoyCommand: ReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "convoy", abstract: "Reacquire delays after I/O, convoy episodes and the I/O slowdown.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "Run id or label (default: the latest run).")
    var run: String?

    func output() throws -> String {
        let reader = try store.reader()
        return store.render(Reports.convoy(try LoadedRun.load(reader, try reader.resolveRun(run))))
    }
}

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

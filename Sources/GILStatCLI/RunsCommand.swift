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

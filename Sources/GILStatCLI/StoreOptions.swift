import ArgumentParser
import GILAnalysis
import TraceStore

/// Options every subcommand shares: which database, which output format.
package struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The SQLite file gilrec wrote.")
    package var db: String = "gil.db"

    @Option(name: .long, help: "Output format: table, json or csv.")
    package var format: Format = .table

    package init() {}

    /// The CLI spelling of `OutputFormat`.
    package enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        case table, json, csv
        var outputFormat: OutputFormat {
            switch self {
            case .table: .table
            case .json: .json
            case .csv: .csv
            }
        }
    }

    /// Opens the database read-only; a missing, foreign or newer file is a one-line `StoreError`.
    func reader() throws -> TraceReader { try TraceReader(path: db) }

    func render(_ report: Report) -> String { report.render(format.outputFormat) }
}

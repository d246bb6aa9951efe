import ArgumentParser
import GILAnalysis

/// `gilstat`: offline analysis of the runs `gilrec` stored in a SQLite file.
public struct GilstatCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "gilstat",
        abstract: "Analyse GIL, lock and I/O behaviour of runs recorded by gilrec.",
        discussion: """
            Every figure is reproducible with the SQL files in Queries/ (`gilstat query NAME`, or \
            `sqlite3 gil.db < Queries/NAME.sql`).
            """,
        version: "0.1.0",
        subcommands: [
            RunsCommand.self, SummaryCommand.self, QueryCommand.self, ContentionCommand.self, ConvoyCommand.self,
            SpeedupCommand.self, CompareCommand.self, WhereCommand.self, TimelineCommand.self, ReportCommand.self,
            ExportCommand.self,
        ]
    )

    public init() {}

    /// Parses `arguments` as a command line and returns what the command would print — tests use this
    /// instead of spawning the binary.
    package static func output(_ arguments: [String]) throws -> String {
        let command = try parseAsRoot(arguments)
        guard let reporting = command as? any ReportingCommand else {
            throw AnalysisError("not a reporting command: \(arguments.joined(separator: " "))")
        }
        return try reporting.output()
    }
}

/// A subcommand whose whole effect is the text it prints; `output()` is what tests call.
package protocol ReportingCommand: ParsableCommand {
    func output() throws -> String
}

extension ReportingCommand {
    package func run() throws {
        print(try output(), terminator: "")
    }
}

import ArgumentParser
import Foundation
import GILAnalysis
import TraceStore

/// `gilstat export [RUN] --format perfetto -o FILE.json`: the run as a trace for ui.perfetto.dev / chrome://tracing.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a run as Chrome/Perfetto trace-event JSON (open it in ui.perfetto.dev or chrome://tracing).")

    enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
        case perfetto
    }

    @Option(name: .long, help: "The SQLite file gilrec wrote.")
    var db: String = "gil.db"

    @Option(name: .long, help: "Export format (perfetto: Chrome trace-event JSON).")
    var format: ExportFormat = .perfetto

    @Option(name: .shortAndLong, help: "The file to write.")
    var output: String

    @Argument(help: "Run id or label (default: the latest run).")
    var selector: String?

    func run() throws {
        do {
            let summary = try Self.export(db: db, run: selector, to: output)
            FileHandle.standardError.write(Data((summary + "\n").utf8))
        } catch {
            FileHandle.standardError.write(Data("gilstat: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// Writes the trace of `run` to `path`; returns the one-line summary the command prints.
    package static func export(db: String, run: String?, to path: String) throws -> String {
        let reader = try TraceReader(path: db)
        let loaded = try LoadedRun.load(reader, try reader.resolveRun(run))
        guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path) else {
            throw AnalysisError("cannot write \(path)")
        }
        defer { try? file.close() }
        var bytes = 0
        PerfettoTrace(loaded).write { chunk in
            bytes += chunk.utf8.count
            file.write(Data(chunk.utf8))
        }
        var line = "exported run \(loaded.record.runID) (\(loaded.record.info.label)) → \(path), \(bytes) bytes"
        if let note = loaded.statusNote { line += "\nnote: \(note)" }
        return line
    }
}

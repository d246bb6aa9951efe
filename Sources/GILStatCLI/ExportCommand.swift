import ArgumentParser
import Foundation
import GILAnalysis
import TraceStore

/// `gilstat export [RUN] --format perfetto|collapsed|speedscope -o FILE`: the run as a trace for
/// ui.perfetto.dev / chrome://tracing, or as a flame graph of where it waited (flamegraph.pl, speedscope).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a run as a Perfetto/Chrome trace, or as a flame graph (collapsed stacks, speedscope).",
        discussion: """
            perfetto: Chrome trace-event JSON (ui.perfetto.dev, chrome://tracing), stacks in each slice's args. \
            collapsed: `frame;frame;leaf NANOSECONDS` lines of --metric (flamegraph.pl, speedscope and Perfetto \
            read them); the lines sum to the metric's total. speedscope: speedscope's JSON, one profile per \
            thread (--metric all, the default: every state in time order). -o - writes to standard output.
            """)

    enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
        case perfetto, collapsed, speedscope
    }

    @Option(name: .long, help: "The SQLite file gilrec wrote.")
    var db: String = "gil.db"

    @Option(name: .long, help: "Export format: perfetto, collapsed or speedscope.")
    var format: ExportFormat = .perfetto

    @Option(name: .long, help: "Flame graphs: gil_wait (collapsed default), lock_wait, gil_hold, io; speedscope also all.")
    var metric: FlameGraph.Metric?

    @Flag(name: .long, help: "Collapsed stacks: one tower per thread (its name as the root frame).")
    var threads = false

    @Option(name: .shortAndLong, help: "The file to write (- for standard output).")
    var output: String

    @Argument(help: "Run id or label (default: the latest run).")
    var selector: String?

    func validate() throws {
        if metric == .all, format != .speedscope { throw ValidationError("--metric all is for --format speedscope") }
        if metric != nil, format == .perfetto { throw ValidationError("--metric applies to --format collapsed and speedscope") }
    }

    func run() throws {
        do {
            let summary = try Self.export(db: db, run: selector, to: output, format: format, metric: metric, threadRoots: threads)
            FileHandle.standardError.write(Data((summary + "\n").utf8))
        } catch {
            FileHandle.standardError.write(Data("gilstat: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// Writes the export of `run` to `path` (`-`: standard output); returns the summary line the command prints
    /// on standard error.
    package static func export(
        db: String, run: String?, to path: String, format: ExportFormat = .perfetto, metric: FlameGraph.Metric? = nil,
        threadRoots: Bool = false
    ) throws -> String {
        let reader = try TraceReader(path: db)
        let loaded = try LoadedRun.load(reader, try reader.resolveRun(run))
        let names = try StackNames.load(reader, runID: loaded.record.runID)
        let file: FileHandle
        if path == "-" {
            file = FileHandle.standardOutput
        } else {
            guard FileManager.default.createFile(atPath: path, contents: nil), let opened = FileHandle(forWritingAtPath: path) else {
                throw AnalysisError("cannot write \(path)")
            }
            file = opened
        }
        defer { if path != "-" { try? file.close() } }
        var bytes = 0
        func write(_ chunk: String) {
            bytes += chunk.utf8.count
            file.write(Data(chunk.utf8))
        }
        let info = loaded.record.info
        var notes: [String] = loaded.statusNote.map { [$0] } ?? []
        switch format {
        case .perfetto:
            PerfettoTrace(loaded, names: names).write(to: write)
        case .collapsed:
            write(FlameGraph(loaded, names: names).collapsed(metric ?? .gilWait, threadRoots: threadRoots))
        case .speedscope:
            write(FlameGraph(loaded, names: names).speedscope(metric ?? .all, title: "gilrec run \(loaded.record.runID): \(info.label)"))
        }
        if format != .perfetto, names.isEmpty { notes.append("no stacks for this run: every sample is \"(no Python frame)\"") }
        var line = "exported run \(loaded.record.runID) (\(info.label)) → \(path), \(bytes) bytes"
        for note in notes { line += "\nnote: \(note)" }
        return line
    }
}

extension FlameGraph.Metric: ExpressibleByArgument {}

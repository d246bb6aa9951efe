import ArgumentParser
import Foundation
import GILAnalysis
import TraceStore

/// `gilstat timeline [RUN] -o FILE.svg`: one lane per thread, the GIL lane coloured by holder.
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline", abstract: "Draw a run as an SVG timeline (thread states, GIL holder, drop requests).")

    @Option(name: .long, help: "The SQLite file gilrec wrote.")
    var db: String = "gil.db"

    @Option(name: .shortAndLong, help: "The SVG file to write.")
    var output: String

    @Option(name: .long, help: "Width of the time axis in pixels (time is aggregated per pixel column).")
    var width: Int = 1200

    @Argument(help: "Run id or label (default: the latest run).")
    var selector: String?

    func validate() throws {
        guard (100...20_000).contains(width) else { throw ValidationError("--width must be between 100 and 20000 pixels") }
    }

    func run() throws {
        try VisualFiles.report {
            let reader = try TraceReader(path: db)
            let loaded = try LoadedRun.load(reader, try reader.resolveRun(selector))
            try VisualFiles.write(try RunTimeline.svg(loaded, reader: reader, width: width), to: output)
            return VisualFiles.line(loaded, wrote: output)
        }
    }
}

/// `gilstat report [RUN] -o FILE.html`: one self-contained page — where the threads waited, the timeline with a
/// tooltip on every slice, per-thread state bars, the wait histogram and the tables.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report of a run (where it waited, timeline, threads, histogram, tables).",
        discussion: """
            The page needs no network: styles, pictures and its small script (sortable tables, tooltips) are \
            inline. Source lines are read from the recorded program's files when they are still where the run \
            named them.
            """)

    @Option(name: .long, help: "The SQLite file gilrec wrote.")
    var db: String = "gil.db"

    @Option(name: .shortAndLong, help: "The HTML file to write.")
    var output: String

    @Option(name: .long, help: "Width of the timeline in pixels.")
    var width: Int = 1100

    @Argument(help: "Run id or label (default: the latest run).")
    var selector: String?

    func validate() throws {
        guard (200...20_000).contains(width) else { throw ValidationError("--width must be between 200 and 20000 pixels") }
    }

    func run() throws {
        try VisualFiles.report {
            let reader = try TraceReader(path: db)
            let loaded = try LoadedRun.load(reader, try reader.resolveRun(selector))
            try VisualFiles.write(try Self.html(loaded, reader: reader, width: width), to: output)
            return VisualFiles.line(loaded, wrote: output)
        }
    }

    /// The page of `run`.
    package static func html(_ run: LoadedRun, reader: TraceReader, width: Int = 1100) throws -> String {
        let input = HTMLReport.Input(
            run: run, scan: try run.scanEvents(reader), names: try StackNames.load(reader, runID: run.record.runID))
        return HTMLReport.render(input, timelineWidth: width)
    }
}

/// What the file-writing commands share: errors as one line, the confirmation line on stderr.
enum VisualFiles {
    static func report(_ body: () throws -> String) throws {
        do {
            FileHandle.standardError.write(Data((try body() + "\n").utf8))
        } catch {
            FileHandle.standardError.write(Data("gilstat: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    static func write(_ text: String, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw AnalysisError("cannot write \(path)")
        }
    }

    static func line(_ run: LoadedRun, wrote path: String) -> String {
        var line = "wrote \(path) for run \(run.record.runID) (\(run.record.info.label))"
        if let note = run.statusNote { line += "\nnote: \(note)" }
        return line
    }
}

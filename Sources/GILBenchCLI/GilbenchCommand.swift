import ArgumentParser
import Foundation
import GILRecorder

/// `gilbench`: timing claims as ratios measured side by side in one run (never asserted in `swift test`).
package struct GilbenchCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "gilbench",
        abstract: "Measure gilrec against python3 and against its own goals; print one table of ratios.",
        subcommands: [Measure.self, Probe.self, Rederive.self],
        defaultSubcommand: Measure.self
    )

    package init() {}

    /// `gilbench [--repeats N] [--keep] [NAME…]`: every measure, or the named subsets.
    struct Measure: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "measure",
            abstract: "Run the benchmarks (all of them, or the named subsets) and print the table.",
            discussion: "Names: \((Benchmarks.names + ["fidelity"]).joined(separator: ", ")). Without a name, every measure but fidelity goes into one table."
        )

        @Option(help: "Runs per timed measure (fidelity: runs per engine and scenario); the median is shown. Raise it on a busy machine.")
        var repeats = 3

        @Flag(help: "Leave the scratch databases (ingest.db: 1 M events, recorded.db: 10 M) for profiling gilstat on them.")
        var keep = false

        @Argument(help: "Which measures to run.")
        var names: [String] = []

        func validate() throws {
            guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1, got \(repeats)") }
            let known = Set(Benchmarks.names + ["fidelity"])
            if let unknown = names.first(where: { !known.contains($0) }) {
                throw ValidationError("unknown benchmark \(unknown); choose from \(known.sorted().joined(separator: ", "))")
            }
        }

        func run() throws {
            if names.isEmpty {
                try Benchmarks.runAll(repeats: repeats) { print($0) }
            } else {
                try Benchmarks.run(names, repeats: repeats, keepDirectory: keep) { print($0) }
            }
        }
    }

    /// `gilbench probe untraced|rings FILE`: one in-process run of FILE, for callgrind and strace.
    struct Probe: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run one file once in this process (for profilers); process and program-thread CPU go to stderr.")

        @Argument(help: "untraced (the bare interpreter) or rings (events recorded into the rings, no store).")
        var mode: Benchmarks.ProbeMode

        @Argument(help: "The Python file.")
        var file: String

        func run() throws {
            let (exitCode, report) = try Benchmarks.probe(mode: mode, path: file)
            FileHandle.standardError.write(Data((report + "\n").utf8))
            if exitCode != 0 { throw ExitCode(exitCode) }
        }
    }

    /// `gilbench rederive FILE RUN_ID`: the slice derivation of a recording's finish alone, on a stored run.
    struct Rederive: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Re-derive a stored run's slices (to profile the finish step).")

        @Argument(help: "The store.")
        var file: String

        @Argument(help: "The run id.")
        var runID: Int64

        func run() throws {
            try Benchmarks.rederive(path: file, runID: runID) { print($0) }
        }
    }
}

extension Benchmarks.ProbeMode: ExpressibleByArgument {}

import Foundation
import GILRecCLI

// gilbench [--repeats N] [NAME…]: timing ratios measured in one run (see GILRecCLI/Benchmarks.swift). No name:
// one table of every measure; names (seed, interpreter, overhead, ingest, storage, memory, analysis, fidelity): subsets.
// --repeats (default 3): runs per timed measure (fidelity: seed and echo runs per engine), the median is shown;
// raise it on a busy machine. `probe untraced|rings FILE` runs one file once, for profilers (see below).
// --keep: leave the scratch databases (ingest.db: 1 M events, recorded.db: 10 M) for profiling gilstat on them;
// `rederive FILE RUN_ID` runs the slice derivation of a recording's finish alone, on a stored run.
var arguments = Array(CommandLine.arguments.dropFirst())
var repeats = 3
if let flag = arguments.firstIndex(of: "--repeats"), flag + 1 < arguments.count, let n = Int(arguments[flag + 1]), n > 0 {
    repeats = n
    arguments.removeSubrange(flag...(flag + 1))
}
let keep = arguments.contains("--keep")
arguments.removeAll { $0 == "--keep" }
do {
    // gilbench probe untraced|rings FILE: one run of FILE, for profilers (Benchmarks.probe).
    if arguments.first == "probe" {
        guard arguments.count == 3, let mode = Benchmarks.ProbeMode(rawValue: arguments[1]) else {
            FileHandle.standardError.write(Data("usage: gilbench probe untraced|rings FILE\n".utf8))
            exit(64)
        }
        let (exitCode, report) = try Benchmarks.probe(mode: mode, path: arguments[2])
        FileHandle.standardError.write(Data((report + "\n").utf8))
        exit(exitCode)
    }
    if arguments.first == "rederive" {
        // gilbench rederive FILE RUN_ID: profile the slice derivation alone (see Benchmarks.rederive).
        guard arguments.count == 3, let runID = Int64(arguments[2]) else {
            FileHandle.standardError.write(Data("usage: gilbench rederive FILE RUN_ID\n".utf8))
            exit(64)
        }
        try Benchmarks.rederive(path: arguments[1], runID: runID) { print($0) }
    } else if arguments.isEmpty {
        try Benchmarks.runAll(repeats: repeats) { print($0) }
    } else {
        try Benchmarks.run(arguments, repeats: repeats, keepDirectory: keep) { print($0) }
    }
} catch {
    FileHandle.standardError.write(Data("gilbench: \(error)\n".utf8))
    exit(1)
}

import Foundation
import GILRecCLI

// gilbench [--repeats N] [NAME…]: timing ratios measured in one run (see GILRecCLI/Benchmarks.swift). No name:
// one table of every measure; names (seed, interpreter, overhead, ingest, storage, memory, analysis, fidelity): subsets.
// --repeats (default 3): runs per timed measure (fidelity: seed and echo runs per engine), the median is shown;
// raise it on a busy machine.
var arguments = Array(CommandLine.arguments.dropFirst())
var repeats = 3
if let flag = arguments.firstIndex(of: "--repeats"), flag + 1 < arguments.count, let n = Int(arguments[flag + 1]), n > 0 {
    repeats = n
    arguments.removeSubrange(flag...(flag + 1))
}
do {
    if arguments.isEmpty {
        try Benchmarks.runAll(repeats: repeats) { print($0) }
    } else {
        try Benchmarks.run(arguments, repeats: repeats) { print($0) }
    }
} catch {
    FileHandle.standardError.write(Data("gilbench: \(error)\n".utf8))
    exit(1)
}

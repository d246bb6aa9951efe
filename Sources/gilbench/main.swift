import Foundation
import GILRecCLI

// gilbench [NAME…]: timing ratios measured in one run (see GILRecCLI/Benchmarks.swift). No name: one
// table of every measure; names (seed, interpreter, overhead, ingest, storage, memory, analysis): subsets.
let names = Array(CommandLine.arguments.dropFirst())
do {
    if names.isEmpty {
        try Benchmarks.runAll { print($0) }
    } else {
        try Benchmarks.run(names) { print($0) }
    }
} catch {
    FileHandle.standardError.write(Data("gilbench: \(error)\n".utf8))
    exit(1)
}

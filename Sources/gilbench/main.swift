import Foundation
import GILRecCLI

// gilbench [NAME…]: timing ratios measured in one run (see GILRecCLI/Benchmarks.swift).
let names = CommandLine.arguments.dropFirst().isEmpty ? Benchmarks.names : Array(CommandLine.arguments.dropFirst())
do {
    for name in names { try Benchmarks.run(name) { print($0) } }
} catch {
    FileHandle.standardError.write(Data("gilbench: \(error)\n".utf8))
    exit(1)
}

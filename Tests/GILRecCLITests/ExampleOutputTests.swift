import Foundation
import Testing
@testable import GILRecCLI

/// The examples print under gilrec what CPython prints (where their output is deterministic).
@Suite(.serialized)
struct ExampleOutputTests {
    @Test(arguments: [("race", ["20000"]), ("primitives", [])])
    func deterministicExampleMatchesCPython(example: String, arguments: [String]) throws {
        let source = try ExampleLibrary.load(example).source
        guard let expected = runCPython(source, arguments: arguments) else { return }  // no CPython here: nothing to compare
        let database = TemporaryDatabase()
        let recorded = try recordCaptured(source, name: "\(example).py", arguments: arguments, into: database)
        #expect(recorded.stdout == expected)
        #expect(recorded.result.outcome.exitCode == 0)
    }

    @Test func cpuBoundPrintsBothPhases() throws {
        let database = TemporaryDatabase()
        let recorded = try recordCaptured(try shrunkExample("cpu_bound"), name: "cpu_bound.py", into: database)
        let lines = recorded.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("Serial: ") == true)
        #expect(lines.last?.hasPrefix("Threaded: ") == true)
    }

    @Test func ioFetchUsesTheLoopbackServer() throws {
        let database = TemporaryDatabase()
        let recorded = try recordCaptured(try shrunkExample("io_fetch"), name: "io_fetch.py", arguments: ["threaded"], into: database)
        #expect(recorded.stdout.hasPrefix("Threaded: 8 fetches in "), "stderr: \(recorded.stderr)")
    }
}

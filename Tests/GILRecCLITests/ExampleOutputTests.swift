import Foundation
import Testing
import GILRuntime
import TraceStore
@testable import GILRecCLI
@testable import GILRecorder

/// The examples print under gilrec what CPython prints (where their output is deterministic).
@Suite(.serialized)
struct ExampleOutputTests {
    @Test(.enabled(if: cpythonIsInstalled, "needs python3"), arguments: [("race", ["20000"]), ("primitives", [])])
    func deterministicExampleMatchesCPython(example: String, arguments: [String]) throws {
        let source = try ExampleLibrary.load(example).source
        let expected = try #require(runCPython(source, arguments: arguments))
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

/// `--check-points every` brings back the ≤ 3.9 race; the default never loses an update.
@Suite(.serialized)
struct CheckPointModeTests {
    func lost(_ mode: CheckMode, iterations: Int) throws -> Int {
        let database = TemporaryDatabase()
        let capture = OutputCapture()
        let request = Recording.Request(
            programPath: "race.py", source: try ExampleLibrary.load("race").source, arguments: [String(iterations)],
            databasePath: database.path, checkMode: mode, output: .capture(capture))
        _ = try Recording.record(request)
        // "counter = N (expected M), lost L updates (P%)"
        let words = capture.standardOutput.split(separator: " ")
        guard let index = words.firstIndex(of: "lost"), let value = Int(words[index + 1].replacingOccurrences(of: ",", with: "")) else {
            Issue.record("unexpected race output: \(capture.standardOutput)")
            return -1
        }
        return value
    }

    @Test func py310LosesNothing() throws {
        #expect(try lost(.py310, iterations: 50_000) == 0)
    }

    @Test func everyInstructionLosesUpdates() throws {
        // Interleavings are up to the OS: try a few times before calling it a failure.
        var losses: [Int] = []
        for _ in 0..<3 {
            losses.append(try lost(.every, iterations: 100_000))
            if losses.last! > 0 { break }
        }
        #expect(losses.contains { $0 > 0 }, "lost per try: \(losses)")
    }

    @Test func recordedRunNamesItsCheckMode() throws {
        let database = TemporaryDatabase()
        let request = Recording.Request(
            programPath: "p.py", source: "print(1)\n", databasePath: database.path, checkMode: .every,
            output: .capture(OutputCapture()))
        let result = try Recording.record(request)
        #expect(try TraceReader(path: database.path).resolveRun(String(result.runID)).info.checkMode == "every")
    }
}

import Foundation
import GILAnalysis
import GILCore
import GILRuntime
import TraceStore

/// The demo's script: which example runs with which arguments under which label, then the lesson
/// drawn from the stored runs. Separate from the command so tests can run a small version of it.
package struct Demo: Sendable {
    package var databasePath: String
    package var switchIntervalNs: Int64
    package var raceIterations: Int
    /// Check points of every recording; the lesson's race paragraph explains either mode.
    package var checkMode: CheckMode = .py310
    /// Rewrites each example's source before it runs (tests shrink the 10**7 loops for a debug build).
    package var adaptSource: @Sendable (String) -> String = { $0 }
    /// The real interpreter part 7 records beside the model (skipped, with one line, when it cannot run).
    package var python = "python3"

    package init(databasePath: String, switchIntervalNs: Int64 = 5_000_000, raceIterations: Int = 1_000_000) {
        self.databasePath = databasePath
        self.switchIntervalNs = switchIntervalNs
        self.raceIterations = raceIterations
    }

    /// One recording of the demo: an example, its arguments and the label it is stored under.
    struct Step {
        var example: String
        var arguments: [String]
        var label: String
        var title: String
        var policy: GILPolicy = .cpython3
        /// Recorded under the real CPython (`gilrec run --python`) instead of gilrec's runtime.
        var realCPython = false
    }

    static let steps: [Step] = [
        Step(example: "race", arguments: [], label: "demo-race", title: "1. `counter += 1` from 4 threads"),
        Step(example: "cpu_bound", arguments: ["serial"], label: "demo-cpu-serial", title: "2a. cpu_bound() twice, serially"),
        Step(example: "cpu_bound", arguments: ["threaded"], label: "demo-cpu-threaded", title: "2b. cpu_bound() on two threads"),
        Step(example: "io_fetch", arguments: ["serial"], label: "demo-io-serial", title: "3a. 8 loopback fetches of 100 ms, serially"),
        Step(example: "io_fetch", arguments: ["threaded"], label: "demo-io-threaded", title: "3b. 8 loopback fetches of 100 ms, on 8 threads"),
        Step(example: "primitives", arguments: [], label: "demo-primitives", title: "4. Lock, Event, Semaphore(3), Barrier(4)"),
        Step(example: "convoy", arguments: [], label: "demo-convoy", title: "5. short sleeps beside a CPU-bound thread"),
        Step(example: "cpu_bound", arguments: ["serial"], label: "demo-ft-cpu-serial",
             title: "6a. cpu_bound() twice, serially, without a GIL (--policy free-threaded)", policy: .freeThreaded),
        Step(example: "cpu_bound", arguments: ["threaded"], label: "demo-ft-cpu-threaded",
             title: "6b. cpu_bound() on two threads, without a GIL", policy: .freeThreaded),
        Step(example: "race", arguments: [], label: "demo-ft-race",
             title: "6c. `counter += 1` from 4 threads, without a GIL", policy: .freeThreaded),
        Step(example: "cpu_bound", arguments: ["serial"], label: "demo-cpython-cpu-serial",
             title: "7a. cpu_bound() twice, serially, in the real python3", realCPython: true),
        Step(example: "cpu_bound", arguments: ["threaded"], label: "demo-cpython-cpu-threaded",
             title: "7b. cpu_bound() on two threads, in the real python3", realCPython: true),
        Step(example: "convoy", arguments: [], label: "demo-cpython-convoy",
             title: "7c. short sleeps beside a CPU-bound thread, in the real python3", realCPython: true),
    ]

    /// Records every step (echoing each program's output), then prints the lesson.
    package func run(print emit: (String) -> Void) throws {
        var runs: [String: RecordingResult] = [:]
        var outputs: [String: String] = [:]
        var interpreter: PythonInterpreter?
        var skippedReal: String?
        for step in Self.steps {
            if step.realCPython && interpreter == nil && skippedReal == nil {
                do {
                    interpreter = try PythonInterpreter.probe(python)
                } catch {
                    skippedReal = "\(error)"
                    emit("== 7. The real CPython: skipped (\(error))")
                }
            }
            if step.realCPython && skippedReal != nil { continue }
            emit("== \(step.title)   [run label \(step.label)]")
            let example = try ExampleLibrary.load(step.example)
            let capture = OutputCapture()
            var arguments = step.arguments
            if step.example == "race" { arguments = [String(raceIterations)] }
            var request = Recording.Request(
                programPath: example.path, source: adaptSource(example.source), arguments: arguments, label: step.label,
                databasePath: databasePath, switchIntervalNs: switchIntervalNs, checkMode: checkMode, output: .capture(capture)
            )
            request.policy = step.policy
            if step.realCPython { request.python = python }
            let result = try Recording.record(request)
            for line in capture.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                emit("   | \(line)")
            }
            outputs[step.label] = capture.standardOutput
            guard result.outcome.exitCode == 0 else {
                throw DemoError(description: "\(example.path) \(arguments.joined(separator: " ")) failed with exit code \(result.outcome.exitCode):\n\(capture.standardError)")
            }
            emit("   recorded run \(result.runID): \(result.eventCount) events")
            runs[step.label] = result
        }
        emit("")
        let lesson = try DemoLesson(
            databasePath: databasePath, runIDs: runs.mapValues(\.runID), outputs: outputs, checkMode: checkMode,
            realCPython: interpreter.map { .recorded($0.engine) } ?? .skipped(skippedReal ?? "not run"))
        for line in lesson.lines { emit(line) }
    }
}

struct DemoError: Error, CustomStringConvertible {
    var description: String
}

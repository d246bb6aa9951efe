import ArgumentParser
import Foundation
import GILAnalysis
import GILCore
import GILRuntime
import Synchronization
import Testing
import TraceStore
@testable import GILRecCLI
@testable import GILRecorder

/// `gilrec sweep`: every combination stored once with one sweep id, the thread count reaching the program
/// through argv and the environment, bad lists refused before anything is recorded.
@Suite(.serialized)
struct SweepTests {
    /// Starts N threads that each do a little work; prints what it was told, so the test can check both
    /// channels.
    static let program = """
        import os
        import sys
        import threading

        n = int(sys.argv[-1])
        env = os.environ.get("GILREC_THREADS")

        def work():
            c = 0
            for _ in range(2000):
                c += 1

        ts = [threading.Thread(target=work) for _ in range(n)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        print("argv", sys.argv[1:], "env", env)
        """

    func write(_ source: String, in database: TemporaryDatabase, name: String = "tiny.py") throws -> String {
        let path = database.directory.appendingPathComponent(name).path
        try source.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func everyCombinationIsOneRunOfOneSweep() throws {
        let database = TemporaryDatabase()
        let path = try write(Self.program, in: database)
        // A run recorded before the sweep keeps no sweep id.
        _ = try recordCaptured("print(1)\n", into: database)
        let plan = SweepPlan(threads: [1, 3], policies: [.cpython3, .fifo], switchIntervalsNs: [5_000_000, 1_000_000], repeats: 2)
        var sweep = Sweep(programPath: path, source: Self.program, databasePath: database.path, plan: plan)
        sweep.arguments = ["extra"]
        let outcome = try sweep.run()
        #expect(outcome.stoppedEarly == nil)
        let sweepID = try #require(outcome.sweepID)
        #expect(outcome.steps.count == 2 * 2 * 2 * 2)

        let reader = try TraceReader(path: database.path)
        let runs = try reader.runs()
        #expect(runs.count == 1 + 16)
        #expect(runs[0].info.sweepId == nil)
        let swept = runs.filter { $0.info.sweepId == sweepID }
        #expect(swept.count == 16)
        for (step, run) in zip(outcome.steps, swept) {
            #expect(run.runID == step.runID)
            #expect(run.status == .ok)
            #expect(run.info.policy == step.point.policy.name)
            #expect(run.info.switchIntervalNs == step.point.switchIntervalNs)
            #expect(run.info.argv == ["extra", String(step.point.threads)])
            // main + N workers.
            #expect(run.threadCount == step.point.threads + 1)
            #expect(step.standardOutput == "argv ['extra', '\(step.point.threads)'] env \(step.point.threads)\n")
        }
        // Every point of the plan exactly `repeats` times.
        for point in plan.points where point.repeatIndex == 1 {
            let matching = swept.filter {
                $0.info.policy == point.policy.name && $0.info.switchIntervalNs == point.switchIntervalNs
                    && $0.info.argv.last == String(point.threads)
            }
            #expect(matching.count == 2, "\(point)")
        }

        // A second sweep in the same file gets the next id.
        var small = sweep
        small.plan = SweepPlan(threads: [2], policies: [.cpython2], switchIntervalsNs: [5_000_000])
        let second = try small.run()
        #expect(second.sweepID == sweepID + 1)
        #expect(try TraceReader(path: database.path).runs().filter { $0.info.sweepId == sweepID + 1 }.map(\.info.policy) == ["cpython2"])

        // The table at the end: one row per run, read back from the store.
        let rows = try SweepTable.rows(databasePath: database.path, sweepID: sweepID)
        #expect(rows.map(\.speedup.runID).sorted() == swept.map(\.runID))
        #expect(rows.allSatisfy { $0.speedup.baselineThreads == 1 })
        #expect(rows.filter { $0.speedup.threads == 1 && $0.speedup.repeatIndex == 1 }.count == 4)
        #expect(rows.allSatisfy { ($0.speedup.speedup ?? 0) > 0 && ($0.switchesPerSecond ?? 0) > 0 })
    }

    @Test func theCommandPrintsProgressAndTheTable() throws {
        let database = TemporaryDatabase()
        let path = try write(Self.program, in: database)
        let command = try #require(
            try GilrecCommand.parseAsRoot([
                "sweep", "--db", database.path, "--threads", "1,2", "--policy", "io-priority", "--switch-interval", "2ms",
                path,
            ]) as? SweepCommand)
        let lines = Mutex<[String]>([])
        let bar = SweepProgressBar(interactive: false) { text in lines.withLock { $0.append(text) } }
        var printed = ""
        let status = try command.execute(signals: nil, progress: bar) { printed += $0 }
        #expect(status == 0)
        let progress = lines.withLock { $0 }
        #expect(progress.count == 2)
        #expect(progress.first?.hasPrefix("[1/2] io-priority si=2ms t=1: run 1,") == true)
        #expect(printed.contains("sweep 1: 2 runs"))
        #expect(printed.contains("gilstat speedup --sweep 1"))
        // The programs' output was captured, not printed.
        #expect(!printed.contains("argv"))
        #expect(try TraceReader(path: database.path).runs().map(\.info.switchIntervalNs) == [2_000_000, 2_000_000])
    }

    @Test(arguments: [
        ["--threads", "0"], ["--threads", "1,,2"], ["--threads", "two"], ["--threads", "1,1"], ["--threads", "-1"],
        ["--policy", "nope"], ["--policy", "cpython3,"], ["--switch-interval", "-1"], ["--switch-interval", "0"],
        ["--switch-interval", "11"], ["--switch-interval", "5 parsecs"], ["--repeat", "0"],
    ])
    func badListsAreUsageErrorsAndRecordNothing(arguments: [String]) throws {
        let database = TemporaryDatabase()
        let path = try write(Self.program, in: database)
        do {
            _ = try GilrecCommand.parseAsRoot(["sweep", "--db", database.path] + arguments + [path])
            Issue.record("\(arguments) was accepted")
        } catch {
            #expect(GilrecCommand.exitCode(for: error) == .validationFailure, "\(arguments)")
            let message = GilrecCommand.message(for: error)
            #expect(message.contains(arguments[0]), "\(message)")
        }
        #expect(!FileManager.default.fileExists(atPath: database.path))
    }

    @Test func listsParse() throws {
        #expect(try SweepPlan.parseThreads(" 1, 2,4") == [1, 2, 4])
        #expect(try SweepPlan.parsePolicies("all") == GILPolicy.allCases)
        #expect(try SweepPlan.parsePolicies("io-priority,cpython2") == [.ioPriority, .cpython2])
        #expect(try SweepPlan.parseIntervals("0.005,1ms,500us") == [5_000_000, 1_000_000, 500_000])
        #expect(SweepPlan.intervalText(5_000_000) == "5ms")
        #expect(SweepPlan.intervalText(500_000) == "500us")
        let plan = SweepPlan(threads: [1, 2], policies: [.cpython3], switchIntervalsNs: [1, 2], repeats: 3)
        #expect(plan.points.count == 12)
        #expect(plan.points.map(\.repeatIndex).prefix(4) == [1, 2, 3, 1])
    }

    @Test func aFailingProgramStopsTheSweepAndKeepsItsRun() throws {
        let database = TemporaryDatabase()
        let source = "import sys\nif int(sys.argv[-1]) > 1:\n    raise ValueError('too many')\n"
        let path = try write(source, in: database)
        let plan = SweepPlan(threads: [1, 2, 4], policies: [.cpython3], switchIntervalsNs: [5_000_000])
        let outcome = try Sweep(programPath: path, source: source, databasePath: database.path, plan: plan).run()
        #expect(outcome.steps.map(\.status) == [.ok, .error])
        #expect(outcome.stoppedEarly != nil)
        #expect(outcome.steps.last?.standardError.contains("ValueError: too many") == true)
        #expect(try TraceReader(path: database.path).runs().count == 2)
    }

    @Test func aSyntaxErrorRecordsNothing() throws {
        let database = TemporaryDatabase()
        let plan = SweepPlan(threads: [1, 2], policies: [.cpython3], switchIntervalsNs: [5_000_000])
        #expect(throws: (any Error).self) {
            try Sweep(programPath: "bad.py", source: "def f(:\n", databasePath: database.path, plan: plan).run()
        }
        #expect(!FileManager.default.fileExists(atPath: database.path))
    }

    /// The example the README shows: reads N from argv, or from GILREC_THREADS when run without arguments.
    @Test func sweepCPUExampleReadsItsThreadCount() throws {
        let database = TemporaryDatabase()
        let example = try ExampleLibrary.load("sweep_cpu")
        let plan = SweepPlan(threads: [1, 2], policies: [.cpython3], switchIntervalsNs: [5_000_000])
        var sweep = Sweep(programPath: example.path, source: example.source, databasePath: database.path, plan: plan)
        sweep.arguments = ["20000"]
        let outcome = try sweep.run()
        #expect(outcome.steps.map { $0.standardOutput.split(separator: ":").first.map(String.init) } == ["1 threads x 20000 iterations", "2 threads x 10000 iterations"])

        let capture = OutputCapture()
        var request = Recording.Request(
            programPath: example.path, source: example.source.replacingOccurrences(of: "4000000", with: "3000"),
            databasePath: database.path, output: .capture(capture))
        request.environment = [Sweep.threadsVariable: "3"]
        _ = try Recording.record(request)
        #expect(capture.standardOutput.hasPrefix("3 threads x 1000 iterations"))
    }

    @Test func programNamesResolveToExamples() throws {
        #expect(try SweepProgram.resolve("sweep_cpu").path == "Examples/sweep_cpu.py")
        #expect(try SweepProgram.resolve("Examples/sweep_cpu.py").text.contains("GILREC_THREADS"))
        #expect(throws: (any Error).self) { try SweepProgram.resolve("no_such_program.py") }
    }
}

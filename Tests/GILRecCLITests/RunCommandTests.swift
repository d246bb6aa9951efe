import Foundation
import GILRuntime
import Testing
import TraceStore
@testable import GILRecCLI
@testable import GILRecorder

/// `gilrec run`'s handling of bad input: clear message, non-zero status, no run created.
@Suite(.serialized)
struct RunCommandTests {
    func write(_ text: String, to database: TemporaryDatabase, name: String = "bad.py") throws -> String {
        let path = database.directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func options(_ database: TemporaryDatabase) throws -> RecordOptions {
        try RecordOptions.parse(["--db", database.path])
    }

    @Test func syntaxErrorCreatesNoRun() throws {
        let database = TemporaryDatabase()
        let path = try write("x = (1,\nprint(x\n", to: database)
        let status = try RunCommand.execute(program: path, arguments: [], label: nil, options: try options(database), signals: nil)
        #expect(status == 1)
        if FileManager.default.fileExists(atPath: database.path) {
            #expect(try TraceReader(path: database.path).runs().isEmpty)
        }
    }

    @Test func missingProgramIsAnError() throws {
        let database = TemporaryDatabase()
        let status = try RunCommand.execute(
            program: database.directory.appendingPathComponent("nope.py").path, arguments: [], label: nil,
            options: try options(database), signals: nil)
        #expect(status == 1)
    }

    @Test func uncaughtExceptionStoresAnErrorRun() throws {
        let database = TemporaryDatabase()
        let recorded = try recordCaptured("def f():\n    return 1 / 0\nf()\n", into: database)
        #expect(recorded.result.outcome.exitCode == 1)
        #expect(recorded.stderr.contains("ZeroDivisionError: division by zero"))
        let run = try TraceReader(path: database.path).resolveRun(nil)
        #expect(run.status == .error)
    }

    @Test func sysExitCodeIsTheProcessStatus() throws {
        let database = TemporaryDatabase()
        let recorded = try recordCaptured("import sys\nprint('bye')\nsys.exit(3)\n", into: database)
        #expect(recorded.result.outcome.exitCode == 3)
        #expect(recorded.stdout == "bye\n")
    }

    @Test func foreignDatabaseIsRefusedAndUntouched() throws {
        let database = TemporaryDatabase()
        let text = "this is not a database\n"
        try text.write(toFile: database.path, atomically: true, encoding: .utf8)
        let path = try write("print(1)\n", to: database, name: "ok.py")
        let status = try RunCommand.execute(program: path, arguments: [], label: nil, options: try options(database), signals: nil)
        #expect(status == 1)
        #expect(try String(contentsOfFile: database.path, encoding: .utf8) == text)
    }

    @Test func badSwitchIntervalIsAUsageError() {
        #expect(throws: (any Error).self) { try RecordOptions.parse(["--switch-interval", "0"]) }
        #expect(throws: (any Error).self) { try RecordOptions.parse(["--switch-interval", "-1"]) }
    }
}

/// `--timeout`: a runaway program is stopped, its trace kept, its run stored as `timeout`.
@Suite(.serialized)
struct TimeoutTests {
    @Test func runawayMainThreadIsStoppedAndStored() throws {
        let database = TemporaryDatabase()
        let capture = OutputCapture()
        let request = Recording.Request(
            programPath: "forever.py", source: "print('start', flush=True)\nn = 0\nwhile True:\n    n += 1\n",
            databasePath: database.path, timeoutSeconds: 0.3, output: .capture(capture))
        let result = try Recording.record(request)
        #expect(result.outcome.exitCode == 124)
        #expect(capture.standardOutput == "start\n")
        let run = try TraceReader(path: database.path).resolveRun(nil)
        #expect(run.status == .timeout)
        #expect(run.eventCount > 0)
    }

    @Test func programEndingBeforeTheTimeoutIsUntouched() throws {
        let database = TemporaryDatabase()
        let request = Recording.Request(
            programPath: "quick.py", source: "print('done')\n", databasePath: database.path, timeoutSeconds: 0.2,
            output: .capture(OutputCapture()))
        let result = try Recording.record(request)
        Thread.sleep(forTimeInterval: 0.3)  // the timer fires after the run: it must do nothing
        #expect(result.outcome.exitCode == 0)
        #expect(try TraceReader(path: database.path).resolveRun(nil).status == .ok)
    }

    @Test func nonPositiveTimeoutIsAUsageError() {
        #expect(throws: (any Error).self) { try RunCommand.parse(["p.py", "--timeout", "0"]) }
    }
}

/// The built `gilrec` on a deadlocking program: report with the cycle, run stored as `deadlock`, exit 3.
/// Runs the binary (the process must end by itself, which an in-process test cannot show).
@Suite(.serialized)
struct DeadlockEndToEndTests {
    static let program = """
        import threading
        import time
        lock_a = threading.Lock()
        lock_b = threading.Lock()
        def one():
            with lock_a:
                time.sleep(0.05)
                with lock_b:
                    pass
        def two():
            with lock_b:
                time.sleep(0.05)
                with lock_a:
                    pass
        t1 = threading.Thread(target=one)
        t2 = threading.Thread(target=two)
        t1.start(); t2.start()
        t1.join(); t2.join()
        """

    static let binary = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug/gilrec")

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary.path), "needs .build/debug/gilrec"))
    func deadlockIsReportedAndStored() throws {
        let binary = Self.binary
        let database = TemporaryDatabase()
        let script = database.directory.appendingPathComponent("deadlock.py")
        try Self.program.write(to: script, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["run", "--db", database.path, script.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(data: errors.fileHandleForReading.readDataToEndOfFile(), encoding: .utf8) ?? ""
        process.waitUntilExit()
        #expect(process.terminationStatus == 3, "stderr: \(stderr)")
        #expect(stderr.contains("deadlock"))
        #expect(stderr.contains("cycle: Thread-1 (one) → lock_b → Thread-2 (two) → lock_a → Thread-1 (one)"))
        // Where the main thread was stopped, not a KeyboardInterrupt nobody typed.
        #expect(stderr.contains("MainThread was stopped here (deadlock), most recent call last:\n  File "))
        #expect(stderr.contains("line 18, in <module>\n    t1.join(); t2.join()\n"))
        #expect(!stderr.contains("KeyboardInterrupt"))
        #expect(try TraceReader(path: database.path).resolveRun(nil).status == .deadlock)
    }
}

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

/// Ctrl-C as CPython has it, through the built `gilrec`: every SIGINT raises KeyboardInterrupt in the main
/// thread, also while it waits (Event, Lock, join), the program may catch it and go on, and what it printed is
/// all there; a SIGINT the main thread cannot take still ends the run after the grace period, stored.
@Suite(.serialized)
struct InterruptEndToEndTests {
    static let program = """
        import os, signal, threading, time
        def later(seconds):
            threading.Thread(target=lambda: (time.sleep(seconds), os.kill(os.getpid(), signal.SIGINT)), daemon=True).start()
        later(0.2)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            print("interrupted wait")
        lock = threading.Lock()
        lock.acquire()
        later(0.2)
        try:
            lock.acquire()
        except KeyboardInterrupt:
            print("interrupted acquire")
        t = threading.Thread(target=time.sleep, args=(30,), daemon=True)
        t.start()
        later(0.2)
        try:
            t.join()
        except KeyboardInterrupt:
            print("interrupted join")
        print("done")
        """

    func run(_ source: String, name: String) throws -> (status: Int32, stdout: String, database: TemporaryDatabase) {
        let database = TemporaryDatabase()
        let script = database.directory.appendingPathComponent(name)
        try source.write(to: script, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = DeadlockEndToEndTests.binary
        process.arguments = ["run", "--db", database.path, script.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let stdout = String(data: output.fileHandleForReading.readDataToEndOfFile(), encoding: .utf8) ?? ""
        process.waitUntilExit()
        return (process.terminationStatus, stdout, database)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: DeadlockEndToEndTests.binary.path), "needs .build/debug/gilrec"))
    func everyInterruptIsTheProgramsToCatch() throws {
        let result = try run(Self.program, name: "interrupts.py")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("interrupted wait\ninterrupted acquire\ninterrupted join\ndone\n"), "\(result.stdout)")
        #expect(try TraceReader(path: result.database.path).resolveRun(nil).status == .ok)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: DeadlockEndToEndTests.binary.path), "needs .build/debug/gilrec"))
    func anInterruptNobodyTakesEndsTheRunStored() throws {
        // The main thread blocks in os.read on a pipe nobody writes, where it cannot take the interrupt: the run
        // ends after the grace period, stored as interrupted, with what the program printed.
        let result = try run("""
            import os, signal, threading, time
            print("started", flush=False)
            threading.Thread(target=lambda: (time.sleep(0.2), os.kill(os.getpid(), signal.SIGINT)), daemon=True).start()
            r, w = os.pipe()
            os.read(r, 1)
            """, name: "stuck.py")
        #expect(result.status == 130)
        #expect(result.stdout.hasPrefix("started\n"), "\(result.stdout)")
        #expect(try TraceReader(path: result.database.path).resolveRun(nil).status == .interrupted)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: DeadlockEndToEndTests.binary.path), "needs .build/debug/gilrec"))
    func anInterruptDuringShutdownLeavesLingeringThreadsAsCPythonDoes() throws {
        // The main thread has ended and waits for a non-daemon thread: CPython abandons it and exits 0.
        let result = try run("""
            import os, signal, threading, time
            print("started", flush=False)
            threading.Thread(target=time.sleep, args=(30,)).start()
            threading.Thread(target=lambda: (time.sleep(0.2), os.kill(os.getpid(), signal.SIGINT)), daemon=True).start()
            """, name: "lingering.py")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("started\n"), "\(result.stdout)")
    }
}

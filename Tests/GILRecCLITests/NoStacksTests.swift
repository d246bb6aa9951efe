import ArgumentParser
import Foundation
import Testing
import TraceStore
@testable import GILRecCLI
@testable import GILRecorder

/// `gilrec run --no-stacks`: the events are all there, without `stack` events or stacks, and the run says why
/// (`gilstat where` prints its notes). On both engines; the demo refuses it.
@Suite(.serialized) struct NoStacksTests {
    static let program = """
        import threading
        lock = threading.Lock()
        def work():
            for _ in range(2000):
                with lock:
                    pass
        threads = [threading.Thread(target=work) for _ in range(2)]
        for t in threads: t.start()
        for t in threads: t.join()
        """

    func record(python: String?, stacks: Bool, into database: TemporaryDatabase) throws -> Int64 {
        let script = database.directory.appendingPathComponent("locks.py")
        try Self.program.write(to: script, atomically: true, encoding: .utf8)
        let options = try RecordOptions.parse(["--db", database.path] + (stacks ? [] : ["--no-stacks"]))
        #expect(options.noStacks == !stacks)
        let status = try RunCommand.execute(
            program: script.path, arguments: [], label: stacks ? "with" : "without", options: options, python: python,
            signals: nil)
        #expect(status == 0)
        return try TraceReader(path: database.path).resolveRun(stacks ? "with" : "without").runID
    }

    func check(python: String?) throws {
        let database = TemporaryDatabase()
        let with = try record(python: python, stacks: true, into: database)
        let without = try record(python: python, stacks: false, into: database)
        let reader = try TraceReader(path: database.path)
        func count(_ sql: String, _ run: Int64) throws -> Int64 {
            guard case .integer(let n)? = try reader.query(sql, parameters: ["run": .integer(run)]).rows.first?.first else { return -1 }
            return n
        }
        let stackEvents = "SELECT count(*) FROM events WHERE run_id = :run AND kind = 14"
        let stacks = "SELECT count(*) FROM stacks WHERE run_id = :run"
        let lockAcquires = "SELECT count(*) FROM events WHERE run_id = :run AND kind = 8"
        #expect(try count(stackEvents, with) > 0)
        #expect(try count(stacks, with) > 0)
        #expect(try count(stackEvents, without) == 0)
        #expect(try count(stacks, without) == 0)
        if python == nil {
            // Our runtime records every acquire (the workers' 4,000 and whatever the joins took); CPython's engine
            // only the contended ones, a matter of timing.
            #expect(try count(lockAcquires, without) >= 4000)
            #expect(try count(lockAcquires, with) >= 4000)
        }
        #expect(try reader.resolveRun(String(without)).notes?.contains("no stacks for this run: turned off (--no-stacks)") == true)
        #expect(try reader.resolveRun(String(with)).notes?.contains("no stacks") != true)
    }

    @Test func ourRuntime() throws {
        try check(python: nil)
    }

    @Test(.enabled(if: InstalledPython.python3 != nil, "needs python3 (CPython 3.8–3.13)"))
    func realCPython() throws {
        try check(python: InstalledPython.python3)
    }

    @Test func theDemoRefusesIt() {
        for flag in ["--no-stacks", "--no-trace"] {
            #expect(throws: (any Error).self) { _ = try GilrecCommand.parseAsRoot(["demo", flag]) }
        }
    }
}

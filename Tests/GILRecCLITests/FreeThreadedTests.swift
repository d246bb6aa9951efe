import Foundation
import GILCore
import GILRuntime
import Testing
import TraceStore
@testable import GILRecCLI
@testable import GILRecorder

/// The `free-threaded` policy (PEP 703): no GIL events, Python code really runs in parallel, containers stay
/// consistent under concurrent mutation, and `counter += 1` loses updates as in CPython 3.13t.
@Suite(.serialized)
struct FreeThreadedTests {
    func record(_ source: String, arguments: [String] = [], policy: GILPolicy = .freeThreaded, name: String = "ft.py")
        throws -> (run: Int64, stdout: String, stderr: String, exitCode: Int32, database: TemporaryDatabase)
    {
        let database = TemporaryDatabase()
        let capture = OutputCapture()
        var request = Recording.Request(
            programPath: name, source: source, arguments: arguments, databasePath: database.path, output: .capture(capture))
        request.policy = policy
        let result = try Recording.record(request)
        return (result.runID, capture.standardOutput, capture.standardError, result.outcome.exitCode, database)
    }

    static let race = """
        import threading
        counter = 0
        def work():
            global counter
            for i in range(100000):
                counter += 1
        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads: t.start()
        for t in threads: t.join()
        print(400000 - counter)
        """

    /// Lost updates need two threads between a load and a store at once: likely on every try, certain over
    /// several (each try is ~0.1 s of a release build's work on two cores).
    @Test func counterIncrementsLoseUpdatesWithoutAGIL() throws {
        var lost: [Int] = []
        for _ in 0..<8 {
            let run = try record(Self.race)
            #expect(run.exitCode == 0, "stderr: \(run.stderr)")
            lost.append(Int(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1)
            if lost.last! > 0 { break }
        }
        #expect(lost.allSatisfy { $0 >= 0 }, "lost per try: \(lost)")
        #expect(lost.contains { $0 > 0 }, "free-threaded never lost an update in \(lost.count) tries: \(lost)")
    }

    @Test func theSameRaceUnderTheGILLosesNothing() throws {
        let run = try record(Self.race, policy: .cpython3)
        #expect(run.stdout == "0\n")
    }

    /// list.append, dict stores, set.add and instance attributes from four threads at once: every element
    /// arrives, nothing crashes (CPython 3.13t makes each of these operations atomic).
    @Test func containersStayConsistentUnderConcurrentMutation() throws {
        let source = """
            import threading
            items = []
            table = {}
            seen = set()
            class Box:
                pass
            box = Box()
            def work(k):
                for i in range(5000):
                    items.append(i)
                    table[(k, i)] = i
                    seen.add(k * 100000 + i)
                    setattr(box, "f%d" % (i % 50), i)
                    if i % 7 == 0 and items:
                        items.pop()
                    _ = len(items), items[-1] if items else None, table.get((k, i - 1))
            threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
            for t in threads: t.start()
            for t in threads: t.join()
            pops = 4 * len(range(0, 5000, 7))
            print(len(items) + pops, len(table), len(seen), sum(1 for i in range(50) if hasattr(box, "f%d" % i)))
            """
        let run = try record(source)
        #expect(run.exitCode == 0, "stderr: \(run.stderr)")
        #expect(run.stdout == "20000 20000 20000 50\n", "stderr: \(run.stderr)")
    }

    /// Closures shared by threads (`nonlocal`) go through locked cells: values are lost, never torn.
    @Test func sharedClosureCellsAreSafe() throws {
        let source = """
            import threading
            def make():
                total = 0
                def add():
                    nonlocal total
                    for i in range(20000):
                        total += 1
                def read():
                    return total
                return add, read
            add, read = make()
            threads = [threading.Thread(target=add) for _ in range(3)]
            for t in threads: t.start()
            for t in threads: t.join()
            print(0 < read() <= 60000)
            """
        let run = try record(source)
        #expect(run.stdout == "True\n", "stderr: \(run.stderr)")
    }

    /// Imports from several threads at once share one module object each (the registry's import lock).
    @Test func concurrentImportsAreSafe() throws {
        let source = """
            import threading
            seen = []
            def work():
                for i in range(50):
                    import collections, functools, queue
                    seen.append(id(collections))
            threads = [threading.Thread(target=work) for _ in range(4)]
            for t in threads: t.start()
            for t in threads: t.join()
            print(len(seen), len(set(seen)))
            """
        let run = try record(source)
        #expect(run.stdout == "200 1\n", "stderr: \(run.stderr)")
    }

    /// No GIL means no GIL events at all; per-object lock waits, when they happen, are paired.
    @Test func storedRunHasNoGILEventsAndPairedObjectLockWaits() throws {
        let run = try record(Self.race)
        let reader = try TraceReader(path: run.database.path)
        #expect(try reader.resolveRun(nil).info.policy == "free-threaded")
        func count(_ sql: String) throws -> Int64 {
            guard case .integer(let n) = try reader.query(sql, parameters: ["run": .integer(run.run)]).rows[0][0] else { return -1 }
            return n
        }
        #expect(try count("SELECT count(*) FROM events WHERE run_id = :run AND kind BETWEEN 3 AND 6") == 0)
        #expect(try count("""
            SELECT count(*) FROM (
              SELECT e.tid, e.obj, sum(e.kind = 7) AS requests, sum(e.kind = 8) AS acquires, sum(e.kind = 9) AS releases
              FROM events e JOIN objects o ON o.run_id = e.run_id AND o.obj_id = e.obj AND o.kind = 'object_lock'
              WHERE e.run_id = :run AND e.kind IN (7, 8, 9) GROUP BY e.tid, e.obj)
            WHERE requests != acquires OR acquires != releases
            """) == 0)
        #expect(try TraceInvariantTests.violations(in: run.database, run: run.run) == [])
    }

    /// Every shipped example runs to completion without a GIL.
    @Test(arguments: [("race", ["20000"]), ("cpu_bound", ["both"]), ("primitives", []), ("convoy", []), ("no_convoy", []),
                      ("io_fetch", ["threaded"])])
    func examplesRunWithoutAGIL(example: String, arguments: [String]) throws {
        let run = try record(try shrunkExample(example), arguments: arguments, name: "\(example).py")
        #expect(run.exitCode == 0, "stderr: \(run.stderr)")
        #expect(try TraceInvariantTests.violations(in: run.database, run: run.run) == [])
    }

    /// `sys.setswitchinterval` still round-trips (CPython 3.13t keeps the API although nothing switches).
    @Test func switchIntervalCallsAreHarmlessWithoutAGIL() throws {
        let source = """
            import sys
            sys.setswitchinterval(0.001)
            print(sys.getswitchinterval())
            """
        let run = try record(source)
        #expect(run.stdout == "0.001\n")
    }
}

import Foundation
import Testing
import GILTrace
import TraceStore
@testable import GILRecCLI
@testable import GILRecorder

/// Invariants every recorded run must satisfy, checked in SQL against the stored events and slices,
/// on recordings of the shipped examples (shrunk for a debug build).
@Suite(.serialized)
struct TraceInvariantTests {
    /// SQL that counts violations; each must return 0 for a run bound as :run.
    static let invariants: [(name: String, sql: String)] = [
        ("GIL holds never overlap", """
            SELECT count(*) FROM (
              SELECT ts, LAG(ts + dur) OVER (ORDER BY ts, tid) AS previous_end
              FROM slices WHERE run_id = :run AND state = 'gil_hold')
            WHERE previous_end > ts
            """),
        ("every gil_acquire has one gil_release", """
            SELECT count(*) FROM (
              SELECT tid, sum(kind = 4) AS acquires, sum(kind = 6) AS releases
              FROM events WHERE run_id = :run GROUP BY tid)
            WHERE acquires != releases
            """),
        ("each thread's events are time-ordered", """
            SELECT count(*) FROM (
              SELECT ts, LAG(ts) OVER (PARTITION BY tid ORDER BY seq) AS previous_ts
              FROM events WHERE run_id = :run)
            WHERE previous_ts > ts
            """),
        ("gil_hold slices match gil_acquire events", """
            SELECT abs((SELECT count(*) FROM slices WHERE run_id = :run AND state = 'gil_hold')
                     - (SELECT count(*) FROM events WHERE run_id = :run AND kind = 4))
            """),
        ("gil_wait slices match gil_request events", """
            SELECT abs((SELECT count(*) FROM slices WHERE run_id = :run AND state = 'gil_wait')
                     - (SELECT count(*) FROM events WHERE run_id = :run AND kind = 3))
            """),
        ("io slices match io_begin events", """
            SELECT abs((SELECT count(*) FROM slices WHERE run_id = :run AND state = 'io')
                     - (SELECT count(*) FROM events WHERE run_id = :run AND kind = 10))
            """),
        ("every thread started also ended", """
            SELECT abs((SELECT count(*) FROM events WHERE run_id = :run AND kind = 1)
                     - (SELECT count(*) FROM events WHERE run_id = :run AND kind = 2))
            """),
        ("runs.event_count matches the events table", """
            SELECT abs((SELECT event_count FROM runs WHERE run_id = :run)
                     - (SELECT count(*) FROM events WHERE run_id = :run))
            """),
    ]

    static func violations(in database: TemporaryDatabase, run: Int64) throws -> [String] {
        let reader = try TraceReader(path: database.path)
        var failed: [String] = []
        for (name, sql) in invariants {
            let result = try reader.query(sql, parameters: ["run": .integer(run)])
            if result.rows.first?.first != .integer(0) {
                failed.append("\(name): \(result.rows)")
            }
        }
        return failed
    }

    @Test(arguments: [("race", ["20000"]), ("cpu_bound", ["both"]), ("primitives", []), ("convoy", []), ("io_fetch", ["threaded"])])
    func exampleRunSatisfiesInvariants(example: String, arguments: [String]) throws {
        let database = TemporaryDatabase()
        let recorded = try recordCaptured(try shrunkExample(example), name: "\(example).py", arguments: arguments, into: database)
        #expect(recorded.result.outcome.exitCode == 0, "stderr: \(recorded.stderr)")
        #expect(recorded.result.eventCount > 0)
        #expect(try Self.violations(in: database, run: recorded.result.runID) == [])
    }

    @Test func twoCPUThreadsSwitchTheGILManyTimes() throws {
        let database = TemporaryDatabase()
        let source = """
            import threading
            import time
            started = []
            def spin():
                started.append(1)
                while len(started) < 2:
                    pass
                # Both threads now spin together for 60 ms of wall time, however loaded the machine is.
                end = time.time() + 0.06
                n = 0
                while time.time() < end:
                    n += 1
            threads = [threading.Thread(target=spin) for _ in range(2)]
            for t in threads: t.start()
            for t in threads: t.join()
            """
        let recorded = try recordCaptured(source, into: database)
        let reader = try TraceReader(path: database.path)
        let acquires = try reader.query(
            "SELECT count(*) FROM events WHERE run_id = :run AND kind = 4", parameters: ["run": .integer(recorded.result.runID)])
        let drops = try reader.query(
            "SELECT count(*) FROM events WHERE run_id = :run AND kind = 5", parameters: ["run": .integer(recorded.result.runID)])
        guard case .integer(let acquireCount) = acquires.rows[0][0], case .integer(let dropCount) = drops.rows[0][0] else {
            Issue.record("unexpected query result")
            return
        }
        // Generous shape: two threads spinning together for 12 switch intervals must be switched by drop requests.
        #expect(acquireCount >= 4)
        #expect(dropCount >= 1)
        #expect(try Self.violations(in: database, run: recorded.result.runID) == [])
    }
}

/// `Thread.start()` as in CPython (Lib/threading.py: `self._started.wait()`): the starter releases the GIL
/// until the new thread holds it, then waits for the GIL behind it (issue #13 7b).
@Suite(.serialized)
struct ThreadStartTests {
    @Test func startReturnsOnceTheNewThreadHoldsTheGIL() throws {
        let database = TemporaryDatabase()
        let recorded = try recordCaptured("""
            import threading
            def spin():
                n = 0
                for i in range(200000):
                    n += i
            t = threading.Thread(target=spin)
            t.start()
            t.join()
            """, into: database)
        #expect(recorded.result.outcome.status == .ok)
        let reader = try TraceReader(path: database.path)
        let events = try reader.query(
            "SELECT tid, kind, arg FROM events WHERE run_id = :run AND kind IN (3, 4, 6) ORDER BY seq",
            parameters: ["run": .integer(recorded.result.runID)]
        ).rows.map { row -> (Int64, Int64, Int64) in
            guard case .integer(let tid) = row[0], case .integer(let kind) = row[1], case .integer(let arg) = row[2] else { return (0, 0, 0) }
            return (tid, kind, arg)
        }
        // The child's first acquire comes before the main thread's first blocking-call release is over:
        // main released (blocking_call), the child acquired (start), and only then main asked again.
        let childAcquire = try #require(events.firstIndex { $0.0 == 2 && $0.1 == 4 })
        let mainRelease = try #require(events.firstIndex { $0.0 == 1 && $0.1 == 6 && $0.2 == GILReleaseReason.blockingCall.rawValue })
        let mainRequestAfter = try #require(events[mainRelease...].firstIndex { $0.0 == 1 && $0.1 == 3 })
        #expect(mainRelease < childAcquire && childAcquire < mainRequestAfter,
                "release \(mainRelease), child acquire \(childAcquire), main request \(mainRequestAfter)")
    }
}

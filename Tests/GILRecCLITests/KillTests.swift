import Foundation
import Testing
import TraceStore

/// SIGKILL at random moments of a busy multi-threaded recording: the database must open, pass SQLite's
/// integrity check, show the run `incomplete`, and its committed events must satisfy the trace invariants.
/// 3 kills by default; `GILREC_SLOW_TESTS=1` makes it 20.
@Suite(.serialized)
struct KillTests {
    static let busyProgram = """
        import threading
        import time
        lock = threading.Lock()
        total = 0
        def work():
            global total
            while True:
                with lock:
                    total += 1
                if total % 1000 == 0:
                    time.sleep(0.0001)
        for _ in range(3):
            threading.Thread(target=work, daemon=True).start()
        while True:
            time.sleep(0.01)
        """

    static var kills: Int { ProcessInfo.processInfo.environment["GILREC_SLOW_TESTS"] == "1" ? 20 : 3 }

    /// Returns once run `runID` has committed its first events (at most 60 s), so that on a loaded machine,
    /// where start-up can take longer than the whole random delay, the kill still lands mid-recording.
    static func waitForCommittedEvents(run runID: Int64, in path: String) throws {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let reader = try? TraceReader(path: path),
                let latest = try? reader.query("SELECT max(run_id) FROM event_blocks", parameters: [:]),
                latest.rows.first?.first == .integer(runID)
            {
                return
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        Issue.record("run \(runID) committed no events within 60 s")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: DeadlockEndToEndTests.binary.path), "needs .build/debug/gilrec"))
    func killedRecordingsLeaveIntactDatabases() throws {
        let database = TemporaryDatabase()
        let script = database.directory.appendingPathComponent("busy.py")
        try Self.busyProgram.write(to: script, atomically: true, encoding: .utf8)
        var generator = SystemRandomNumberGenerator()
        for attempt in 0..<Self.kills {
            let process = Process()
            process.executableURL = DeadlockEndToEndTests.binary
            process.arguments = ["run", "--db", database.path, script.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            try Self.waitForCommittedEvents(run: Int64(attempt + 1), in: database.path)
            Thread.sleep(forTimeInterval: Double.random(in: 0...0.9, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        let reader = try TraceReader(path: database.path)
        let check = try reader.query("PRAGMA integrity_check", parameters: [:])
        #expect(check.rows.first?.first == .text("ok"))
        let runs = try reader.runs()
        #expect(runs.count == Self.kills)
        for run in runs {
            #expect(run.status == .incomplete)
            let committed = try reader.query(
                "SELECT count(*) FROM events WHERE run_id = :run", parameters: ["run": .integer(run.runID)])
            guard case .integer(let events) = committed.rows[0][0] else { continue }
            #expect(events > 0, "run \(run.runID) committed no events")
            // Each thread's committed events are in time order.
            let disorder = try reader.query("""
                SELECT count(*) FROM (
                  SELECT ts, LAG(ts) OVER (PARTITION BY tid ORDER BY seq) AS previous FROM events WHERE run_id = :run)
                WHERE previous > ts
                """, parameters: ["run": .integer(run.runID)])
            #expect(disorder.rows[0][0] == .integer(0))
            // GIL acquisitions and releases alternate in seq order: holds never overlap. Rings drain per
            // thread, so a killed run committed a prefix of each thread's events, not of the global sequence:
            // check the consistent cut, every event before the first missing seq.
            let overlap = try reader.query("""
                WITH cut AS (
                  SELECT min(seq + 1) AS seq FROM (
                    SELECT seq, LEAD(seq) OVER (ORDER BY seq) AS next FROM events WHERE run_id = :run)
                  WHERE next IS NULL OR next != seq + 1)
                SELECT count(*) FROM (
                  SELECT kind, LAG(kind) OVER (ORDER BY seq) AS previous FROM events
                  WHERE run_id = :run AND kind IN (4, 6) AND seq < (SELECT seq FROM cut))
                WHERE kind = previous
                """, parameters: ["run": .integer(run.runID)])
            #expect(overlap.rows[0][0] == .integer(0))
        }
    }
}

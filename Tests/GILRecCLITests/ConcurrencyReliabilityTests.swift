import Foundation
import Testing
import TraceStore

/// Two `gilrec run` processes recording into one file at the same time, and `gilstat` reading it meanwhile:
/// both runs complete and are stored whole; every read succeeds and sees a consistent store.
@Suite(.serialized, .enabled(if: BuiltBinary.available, "needs .build/debug/gilrec"))
struct ConcurrencyReliabilityTests {
    static let busy = """
        import threading
        lock = threading.Lock()
        total = 0
        def work():
            global total
            for _ in range(6000):
                with lock:
                    total += 1
        threads = [threading.Thread(target=work) for _ in range(3)]
        for t in threads: t.start()
        for t in threads: t.join()
        print(total)
        """

    @Test func twoRecordersAndAReaderShareOneFile() throws {
        let database = TemporaryDatabase()
        let script = database.directory.appendingPathComponent("busy.py")
        try Self.busy.write(to: script, atomically: true, encoding: .utf8)
        // A first run so readers have something to read from the start.
        let seed = try BuiltBinary.run(BuiltBinary.gilrec, ["run", "--db", database.path, "--label", "seed", script.path])
        #expect(seed.status == 0, "\(seed.stderr)")

        let recorders = (0..<2).map { index -> Process in
            let process = Process()
            process.executableURL = BuiltBinary.gilrec
            process.arguments = ["run", "--db", database.path, "--label", "parallel\(index)", script.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
        for process in recorders { try process.run() }
        var reads = 0
        while recorders.contains(where: \.isRunning) {
            let runs = try BuiltBinary.run(BuiltBinary.gilstat, ["runs", "--db", database.path, "--format", "json"])
            #expect(runs.status == 0, "gilstat runs during recording: \(runs.stderr)")
            let summary = try BuiltBinary.run(BuiltBinary.gilstat, ["summary", "seed", "--db", database.path])
            #expect(summary.status == 0, "gilstat summary during recording: \(summary.stderr)")
            reads += 1
        }
        for process in recorders { process.waitUntilExit() }
        #expect(reads >= 1)
        #expect(recorders.allSatisfy { $0.terminationStatus == 0 && $0.terminationReason == .exit })

        let reader = try TraceReader(path: database.path)
        #expect(try reader.query("PRAGMA integrity_check", parameters: [:]).rows.first?.first == .text("ok"))
        let runs = try reader.runs()
        #expect(runs.count == 3)
        for run in runs {
            #expect(run.status == .ok, "run \(run.runID) \(run.info.label)")
            #expect(run.droppedEvents == 0)
            // Stored whole: seq runs 1...n with no gap, and n is the run's event count.
            let shape = try reader.query(
                "SELECT count(*), min(seq), max(seq) FROM events WHERE run_id = :run", parameters: ["run": .integer(run.runID)])
            #expect(shape.rows[0] == [.integer(run.eventCount), .integer(1), .integer(run.eventCount)], "run \(run.runID)")
            #expect(run.eventCount > 50_000)
        }
    }
}

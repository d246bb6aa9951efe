import Foundation
import Testing
import TraceStore

@testable import GILRecCLI
@testable import GILRecorder

/// Events are never lost silently: by default nothing is dropped (a full ring or writer queue makes the
/// producer wait — back-pressure), so every run's `seq` is 1...n without a gap and `dropped_events` is 0.
@Suite(.serialized)
struct BufferReliabilityTests {
    /// Whole and gapless: the stored events are exactly 1...eventCount.
    static func expectWhole(_ reader: TraceReader, _ run: RunRecord) throws {
        #expect(run.droppedEvents == 0, "\(run.info.label) dropped \(run.droppedEvents)")
        let shape = try reader.query(
            "SELECT count(*), min(seq), max(seq) FROM events WHERE run_id = :run", parameters: ["run": .integer(run.runID)])
        #expect(shape.rows[0] == [.integer(run.eventCount), .integer(1), .integer(run.eventCount)], "\(run.info.label)")
    }

    @Test(arguments: ExampleLibrary.names)
    func examplesDropNothing(example: String) throws {
        let database = TemporaryDatabase()
        var source = try shrunkExample(example)
        source = source.replacingOccurrences(of: "range(1_000_000)", with: "range(20_000)")
        let arguments = example == "race" ? ["20000"] : example == "cpu_bound" ? ["both"] : []
        let recorded = try recordCaptured(source, name: "\(example).py", arguments: arguments, into: database)
        #expect(recorded.result.droppedEvents == 0)
        let reader = try TraceReader(path: database.path)
        try Self.expectWhole(reader, try reader.resolveRun(String(recorded.result.runID)))
    }

    static var slow: Bool { ProcessInfo.processInfo.environment["GILREC_SLOW_TESTS"] == "1" }

    /// Eight threads hammering one Lock produce events far faster than SQLite stores them: the recording keeps
    /// every one, and the recorder's memory stays bounded (rings of 2 MiB per thread plus a 32 MiB writer
    /// queue) however many events pass through. Peak RSS is read from the built binary under /usr/bin/time.
    @Test(.enabled(if: BuiltBinary.available && FileManager.default.isExecutableFile(atPath: "/usr/bin/time")))
    func lockHammeringKeepsEveryEventInBoundedMemory() throws {
        let rounds = Self.slow ? 200_000 : 15_000
        let database = TemporaryDatabase()
        let script = database.directory.appendingPathComponent("hammer.py")
        try """
            import threading
            lock = threading.Lock()
            def hammer():
                for _ in range(\(rounds)):
                    lock.acquire()
                    lock.release()
            threads = [threading.Thread(target=hammer) for _ in range(8)]
            for t in threads: t.start()
            for t in threads: t.join()
            """.write(to: script, atomically: true, encoding: .utf8)
        let result = try BuiltBinary.run(
            URL(fileURLWithPath: "/usr/bin/time"),
            ["-f", "peak-kb %M", BuiltBinary.gilrec.path, "run", "--db", database.path, script.path], limit: 600)
        #expect(result.status == 0, "\(result.stderr.suffix(500))")
        #expect(!result.stderr.contains("dropped"))
        let reader = try TraceReader(path: database.path)
        let run = try reader.resolveRun(nil)
        try Self.expectWhole(reader, run)
        #expect(run.eventCount >= Int64(8 * rounds * 3))
        let peakKB = result.stderr.split(separator: "\n").compactMap { line -> Int? in
            line.hasPrefix("peak-kb ") ? Int(line.dropFirst(8)) : nil
        }.last ?? 0
        print("lock hammering: \(run.eventCount) events (\(run.eventCount * 32 / 1_048_576) MiB raw), peak RSS \(peakKB / 1024) MiB")
        // Bounded: well under what holding the events would take in the slow case (200k rounds ≈ 150 MiB raw).
        #expect(peakKB > 0 && peakKB < 400 * 1024)
    }
}

import Foundation
import GILTrace
import Testing
@testable import TraceStore

/// Schema version 2 (`event_rows` behind an `events` view): old stores migrate in one transaction and keep
/// their runs; the packed layout round-trips every field.
@Suite struct SchemaMigrationTests {
    let dir = TemporaryDirectory()

    /// A version 1 store as the first session wrote it: migration1 only, one run with events and slices.
    func makeVersion1Store(_ path: String, run: CraftedRun) throws {
        let db = try Database(path: path, mode: .create)
        defer { db.close() }
        try db.inTransaction {
            try db.execute(Schema.migration1)
            try db.execute(Schema.setUserVersion(1))
            try db.execute("INSERT INTO runs(run_id, label, program, argv, status) VALUES (1, 'old', 'old.py', '[]', 'ok')")
            let insert = try db.cachedStatement(Schema.insertEventVersion1)
            for event in run.events {
                insert.bind(Int64(1), at: 1)
                insert.bind(event.seq, at: 2)
                insert.bind(event.ts, at: 3)
                insert.bind(Int64(event.tid), at: 4)
                insert.bind(Int64(event.kindCode), at: 5)
                insert.bind(Int64(event.obj), at: 6)
                insert.bind(event.arg, at: 7)
                try insert.run()
            }
            let slice = try db.cachedStatement(
                "INSERT INTO slice_rows(run_id, state, ts, tid, obj, dur) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
            for s in SliceBuilder.slices(of: run.events) {
                slice.bind(Int64(1), at: 1)
                slice.bind(s.state.code, at: 2)
                slice.bind(s.ts, at: 3)
                slice.bind(Int64(s.tid), at: 4)
                slice.bind(Int64(s.obj), at: 5)
                slice.bind(s.dur, at: 6)
                try slice.run()
            }
        }
    }

    func contents(_ path: String, run runID: Int64 = 1) throws -> ([Event], [Slice], [[SQLValue]]) {
        let reader = try TraceReader(path: path)
        var events: [Event] = []
        try reader.forEachEvent(runID: runID) { events.append($0) }
        var slices: [Slice] = []
        try reader.forEachSlice(runID: runID, state: nil) { slices.append($0) }
        let viewRows = try reader.query(
            "SELECT seq, ts, tid, kind, obj, arg FROM events WHERE run_id = :run ORDER BY seq",
            parameters: ["run": .integer(runID)]).rows
        return (events, slices, viewRows)
    }

    func rows(_ events: [Event]) -> [[SQLValue]] {
        events.map { e in
            [.integer(e.seq), .integer(e.ts), .integer(Int64(e.tid)), .integer(Int64(e.kindCode)), .integer(Int64(e.obj)),
             .integer(e.arg)]
        }
    }

    @Test func version1StoreIsReadableThenMigratedByItsNextWriter() throws {
        let path = dir.path("old.db")
        let run = CraftedRun(threads: 3, rounds: 300)
        try makeVersion1Store(path, run: run)

        // Readers never write: the version 1 file is read as it is.
        let before = try contents(path)
        #expect(before.0 == run.events)
        #expect(before.2 == rows(run.events))
        #expect(!before.1.isEmpty)

        // The next writer migrates it, then records a second run next to the old one.
        let writer = try RunWriter.begin(path: path, info: RunInfo(label: "new", program: "new.py"))
        let newer = CraftedRun(threads: 2, rounds: 50)
        newer.events.withUnsafeBufferPointer { writer.submit($0) }
        try writer.finish(RunOutcome(status: .ok, exitCode: 0, wallNs: 1, cpuNs: 1), droppedEvents: 0)

        let db = try Database(path: path, mode: .readOnly)
        #expect(try db.scalarInt(Schema.userVersion) == Int64(Schema.version))
        #expect(try db.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'events' AND type = 'view'") == 1)
        #expect(try db.scalarInt("SELECT count(*) FROM event_rows") == Int64(run.events.count + newer.events.count))
        db.close()
        let after = try contents(path)
        #expect(after.0 == before.0)
        #expect(after.1 == before.1)
        #expect(after.2 == before.2)
        let second = try contents(path, run: writer.runID)
        #expect(second.0 == newer.events)
        #expect(second.1 == SliceBuilder.slices(of: newer.events))
    }

    @Test func failedMigrationLeavesTheVersion1StoreUntouched() throws {
        let path = dir.path("broken.db")
        try makeVersion1Store(path, run: CraftedRun(threads: 2, rounds: 20))
        // A table named like the one migration 2 creates makes it fail halfway: nothing of it may stay.
        let db = try Database(path: path, mode: .readWrite)
        try db.execute("CREATE TABLE event_rows(x)")
        db.close()
        #expect(throws: SQLiteError.self) { _ = try StoreFile.openForWriting(path: path) }
        let check = try Database(path: path, mode: .readOnly)
        defer { check.close() }
        #expect(try check.scalarInt(Schema.userVersion) == 1)
        #expect(try check.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'events' AND type = 'table'") == 1)
        let expected = Int64(CraftedRun(threads: 2, rounds: 20).events.count)
        #expect(try check.scalarInt("SELECT count(*) FROM events") == expected)
    }

    @Test func packedFieldsRoundTrip() {
        let first = Event(seq: 0, ts: 0, tid: 1, kind: .gilAcquire)
        let widest = Event(
            seq: EventRow.seqLimit - 1, ts: Int64.max, tid: UInt16.max, kind: .mark, obj: Int32.max, arg: Int64.min)
        let negative = Event(seq: 17, ts: 5, tid: 300, kind: .lockRelease, obj: -7, arg: -1)
        let lowest = Event(seq: 18, ts: 6, tid: 2, kind: .ioEnd, obj: Int32.min, arg: Int64.max)
        let samples: [Event] = [first, widest, negative, lowest]
        for event in samples {
            let id = EventRow.id(run: 9, seq: event.seq)
            #expect(id >> 32 == 9)
            #expect(EventRow.decode(id: id, ts: event.ts, tk: EventRow.tk(event), arg: event.arg) == event)
        }
        // kind has five bits: a new EventKind beyond 31 must change the layout (and add a migration).
        #expect(EventKind.allCases.allSatisfy { Int64($0.rawValue) <= EventRow.kindMask })
        // GIL events of the first threads are one byte: tk < 128.
        #expect(EventRow.tk(Event(seq: 1, ts: 1, tid: 3, kind: .gilRelease)) < 128)
    }

    @Test func viewTriggersInsertAndDeleteLikeATable() throws {
        let path = dir.path("view.db")
        let writer = try RunWriter.begin(path: path, info: RunInfo(label: "v", program: "v.py"))
        try writer.finish(RunOutcome(status: .ok, exitCode: 0, wallNs: 0, cpuNs: 0), droppedEvents: 0)
        let db = try Database(path: path, mode: .readWrite)
        defer { db.close() }
        let run = writer.runID
        try db.execute("INSERT INTO events(run_id, seq, ts, tid, kind, obj, arg) VALUES (\(run), 1, 10, 2, 8, 3, -1), (\(run), 2, 20, 1, 13, 0, 4)")
        #expect(try db.scalarInt("SELECT count(*) FROM events WHERE run_id = \(run) AND tid = 2 AND kind = 8 AND obj = 3 AND arg = -1") == 1)
        try db.execute("DELETE FROM events WHERE seq = 1")
        #expect(try db.scalarInt("SELECT count(*) FROM event_rows") == 1)
        #expect(try db.scalarInt("SELECT seq FROM events") == 2)
    }

    @Test func eventsWhoseSeqDoesNotFitTheKeyAreCountedNotMisfiled() throws {
        let path = dir.path("seq.db")
        let writer = try RunWriter.begin(path: path, info: RunInfo(label: "s", program: "s.py"))
        let events = [
            Event(seq: 1, ts: 1, tid: 1, kind: .gilRequest), Event(seq: EventRow.seqLimit, ts: 2, tid: 1, kind: .gilAcquire),
            Event(seq: -1, ts: 3, tid: 1, kind: .gilRelease),
        ]
        events.withUnsafeBufferPointer { writer.submit($0) }
        try writer.finish(RunOutcome(status: .ok, exitCode: 0, wallNs: 0, cpuNs: 0), droppedEvents: 0)
        let record = try TraceReader(path: path).resolveRun(nil)
        #expect(record.eventCount == 1)
        #expect(record.droppedEvents == 2)
    }
}

import Foundation
import GILTrace
import Testing
@testable import TraceStore

/// Schema versions 2 and 6 (`event_rows` behind an `events` view, then in blocks): old stores migrate in one
/// transaction and keep their runs; the packed layout round-trips every field.
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
        let widest = Event(seq: Int64.max, ts: Int64.max, tid: UInt16.max, kind: .mark, obj: Int32.max, arg: Int64.min)
        let negative = Event(seq: 17, ts: 5, tid: 300, kind: .lockRelease, obj: -7, arg: -1)
        let lowest = Event(seq: 18, ts: 6, tid: 2, kind: .ioEnd, obj: Int32.min, arg: Int64.max)
        for event in [first, widest, negative, lowest] {
            #expect(EventRow.decode(seq: event.seq, ts: event.ts, tk: EventRow.tk(event), arg: event.arg) == event)
        }
        // kind has five bits: a new EventKind beyond 31 must change the layout (and add a migration).
        #expect(EventKind.allCases.allSatisfy { Int64($0.rawValue) <= EventRow.kindMask })
        // GIL events of the first threads are one byte: tk < 128.
        #expect(EventRow.tk(Event(seq: 1, ts: 1, tid: 3, kind: .gilRelease)) < 128)
    }

    /// A block takes the next `seq` only, and offsets that fit 4 bytes either side of its base.
    @Test func blocksTakeConsecutiveEventsWithinFourByteOffsets() {
        let base = Int64(1) << 40
        var block = EventBlock(runID: 1, opening: Event(seq: 7, ts: base, tid: 1, kind: .gilRequest), firstID: 100)
        block.lastID = 100
        #expect(block.nextSeq == 8)
        #expect(block.takes(Event(seq: 8, ts: base + Int64(Int32.max), tid: 1, kind: .gilAcquire)))
        #expect(block.takes(Event(seq: 8, ts: base - 40, tid: 2, kind: .gilAcquire)))
        #expect(!block.takes(Event(seq: 8, ts: base + Int64(Int32.max) + 1, tid: 1, kind: .gilAcquire)))
        #expect(!block.takes(Event(seq: 9, ts: base, tid: 1, kind: .gilAcquire)))
        #expect(!block.takes(Event(seq: 8, ts: Int64.min, tid: 1, kind: .gilAcquire)))
        let far = EventBlock(runID: 1, opening: Event(seq: 0, ts: Int64.min, tid: 1, kind: .mark), firstID: 1)
        #expect(!far.takes(Event(seq: 0, ts: Int64.max, tid: 1, kind: .mark)))
    }

    /// What the writer stores reads back exactly, across block boundaries: the run's first event, a `seq`
    /// gap (dropped events), timestamps jumping by more than a 4-byte offset, an event published late,
    /// extreme values, and a second recorder's run written in between.
    @Test func runsReadBackAcrossBlocks() throws {
        let path = dir.path("blocks.db")
        let writer = try RunWriter.begin(path: path, info: RunInfo(label: "a", program: "a.py"))
        var events: [Event] = []
        var ts: Int64 = 1 << 45
        for seq in Int64(0)..<20_000 where seq != 5_000 {
            ts += seq % 4_000 == 0 ? 3 << 31 : 1_234
            events.append(Event(seq: seq, ts: ts, tid: UInt16(seq % 3 + 1), kind: .gilAcquire, obj: Int32(seq % 5) - 2, arg: seq * 7))
        }
        let late = Event(seq: 5_000, ts: 1, tid: 9, kind: .mark, obj: Int32.min, arg: Int64.min)
        let extreme = Event(seq: 20_000, ts: Int64.max, tid: UInt16.max, kind: .ioEnd, obj: Int32.max, arg: Int64.max)
        events.withUnsafeBufferPointer { writer.submit(UnsafeBufferPointer(rebasing: $0[..<9_000])) }
        writer.waitUntilDrained()
        let other = try RunWriter.begin(path: path, info: RunInfo(label: "b", program: "b.py"))
        let otherEvents = CraftedRun(threads: 2, rounds: 40).events
        otherEvents.withUnsafeBufferPointer { other.submit($0) }
        try other.finish(RunOutcome(status: .ok, exitCode: 0, wallNs: 1, cpuNs: 1), droppedEvents: 0)
        events.withUnsafeBufferPointer { writer.submit(UnsafeBufferPointer(rebasing: $0[9_000...])) }
        [late, extreme].withUnsafeBufferPointer { writer.submit($0) }
        try writer.finish(RunOutcome(status: .ok, exitCode: 0, wallNs: 1, cpuNs: 1), droppedEvents: 0)

        let expected = (events + [late, extreme]).sorted { $0.seq < $1.seq }
        let stored = try contents(path, run: writer.runID)
        #expect(stored.0 == expected)
        #expect(stored.2 == rows(expected))
        #expect(try contents(path, run: other.runID).0 == otherEvents)
        let db = try Database(path: path, mode: .readOnly)
        defer { db.close() }
        // Blocks: the first, after the gap, one per ~2.1 s jump, after the other run, the late and the extreme
        // event, and the event after the late one — a handful, not one per event.
        let blocks = try db.scalarInt("SELECT count(*) FROM event_blocks WHERE run_id = \(writer.runID)") ?? 0
        #expect(blocks >= 8 && blocks <= 16)
        #expect(try db.scalarInt("SELECT max(abs(ts)) FROM event_rows") ?? .max <= Int64(Int32.max))
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

    @Test func eventsWithANegativeSeqAreCountedNotStored() throws {
        let path = dir.path("seq.db")
        let writer = try RunWriter.begin(path: path, info: RunInfo(label: "s", program: "s.py"))
        let events = [
            Event(seq: 1, ts: 1, tid: 1, kind: .gilRequest), Event(seq: 1 << 40, ts: 2, tid: 1, kind: .gilAcquire),
            Event(seq: -1, ts: 3, tid: 1, kind: .gilRelease),
        ]
        events.withUnsafeBufferPointer { writer.submit($0) }
        try writer.finish(RunOutcome(status: .ok, exitCode: 0, wallNs: 0, cpuNs: 0), droppedEvents: 0)
        let record = try TraceReader(path: path).resolveRun(nil)
        #expect(record.eventCount == 2)
        #expect(record.droppedEvents == 1)
    }
}

import GILTrace

/// The end of a recording: derives `slices` from a run's stored events and writes the run's outcome.
/// Slices are computed from the table, not from the queue, because chunks from per-thread buffers reach
/// the writer out of `seq` order; the primary key hands them back in order. Deriving them at the end, not
/// while recording, also keeps the writer thread's CPU use (which competes with the traced program's
/// threads for the cores) to the bare inserts: measured here, deriving during recording cut the writer's
/// ingest rate to ~65 % of the C-loop ceiling, while the finish pass costs ~1.5 µs per event afterwards.
enum SliceDeriver {
    /// Rows per transaction while inserting slices, so a concurrent recorder into the same file is never
    /// locked out longer than its busy timeout.
    static let slicesPerTransaction = 50_000

    static func finishRun(_ db: Database, runID: Int64, outcome: RunOutcome, droppedEvents: Int64) throws {
        let (slices, eventCount) = try derive(db, runID: runID)
        try write(slices, db, runID: runID)
        try recordOutcome(db, runID: runID, outcome: outcome, eventCount: eventCount, droppedEvents: droppedEvents)
    }

    /// The `runs` row's outcome alone (also used when the slices could not be stored).
    static func recordOutcome(_ db: Database, runID: Int64, outcome: RunOutcome, eventCount: Int64, droppedEvents: Int64) throws {
        try db.inTransaction {
            let s = try db.cachedStatement(Schema.finishRun)
            s.bind(runID, at: 1)
            s.bind(outcome.status.rawValue, at: 2)
            s.bind(Int64(outcome.exitCode), at: 3)
            s.bind(outcome.wallNs, at: 4)
            s.bind(outcome.cpuNs, at: 5)
            s.bind(eventCount, at: 6)
            s.bind(droppedEvents, at: 7)
            try s.run()
        }
    }

    /// One pass over the run's events in `seq` order; slices sorted in primary-key order for insertion.
    static func derive(_ db: Database, runID: Int64) throws -> ([Slice], Int64) {
        let s = try db.prepare(Schema.selectEvents)
        s.bind(runID, at: 1)
        var builder = SliceBuilder()
        var slices: [Slice] = []
        var count: Int64 = 0
        while try s.step() {
            var event = Event(
                seq: s.int64(0), ts: s.int64(1), tid: UInt16(truncatingIfNeeded: s.int64(2)), kind: .mark,
                obj: Int32(truncatingIfNeeded: s.int64(4)), arg: s.int64(5))
            event.kindCode = UInt8(truncatingIfNeeded: s.int64(3))
            if let slice = builder.add(event) { slices.append(slice) }
            count += 1
        }
        slices.append(contentsOf: builder.finish())
        slices.sort { ($0.state.code, $0.ts, $0.tid, $0.obj, $0.dur) < ($1.state.code, $1.ts, $1.tid, $1.obj, $1.dur) }
        return (slices, count)
    }

    static func write(_ slices: [Slice], _ db: Database, runID: Int64) throws {
        try db.inTransaction {
            let delete = try db.cachedStatement(Schema.deleteSlices)
            delete.bind(runID, at: 1)
            try delete.run()
        }
        var start = 0
        repeat {
            let end = min(start + slicesPerTransaction, slices.count)
            try db.inTransaction {
                let s = try db.cachedStatement(Schema.insertSlice)
                s.bind(runID, at: 1)
                for slice in slices[start..<end] {
                    s.bind(Int64(slice.tid), at: 2)
                    s.bind(Int64(slice.obj), at: 3)
                    s.bind(slice.state.code, at: 4)
                    s.bind(slice.ts, at: 5)
                    s.bind(slice.dur, at: 6)
                    try s.step()
                    s.reset()
                }
            }
            start = end
        } while start < slices.count
    }
}

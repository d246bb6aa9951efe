import GILTrace

/// The end of a recording: derives `slices` from a run's stored events and writes the run's outcome.
/// Slices are computed from the table, not from the queue, because chunks from per-thread buffers reach
/// the writer out of `seq` order; the rowid hands them back in order. Deriving them at the end, not
/// while recording, also keeps the writer thread's CPU use (which competes with the traced program's
/// threads for the cores) to the bare inserts: measured here, deriving during recording cut the writer's
/// ingest rate to ~65 % of the C-loop ceiling.
///
/// One streaming pass over the events with bounded memory: the builder holds only the intervals open right
/// now, each state's `SliceReorderBuffer` a few thousand slices. Slices are staged packed in temporary
/// tables in key order per state, then inserted into `slice_rows` state by state (`SliceStaging`), so the
/// inserts append instead of searching the B-tree from the root (docs/recording-cost.md "Finish").
enum SliceDeriver {
    /// Rows per transaction while inserting slices, so a concurrent recorder into the same file is never
    /// locked out longer than its busy timeout.
    static let slicesPerTransaction = 50_000

    static func finishRun(_ db: Database, runID: Int64, outcome: RunOutcome, droppedEvents: Int64) throws {
        let eventCount = try rederive(db, runID: runID)
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
            s.bind(outcome.notes, at: 8)
            try s.run()
        }
    }

    /// Replaces the run's slices with ones derived from its stored events, in one pass.
    /// - Returns: the number of events read.
    @discardableResult
    static func rederive(_ db: Database, runID: Int64) throws -> Int64 {
        do {
            let staging = try SliceStaging(db)
            // Deriving writes only the temp database: the store stays unlocked for other writers.
            try db.execute(Schema.begin)
            var builder = SliceBuilder()
            var buffers = Array(repeating: SliceReorderBuffer(), count: SliceState.allCases.count)
            let count = try forEachEventWithoutSeq(db, runID: runID) { event in
                guard let slice = builder.add(event) else { return }
                let state = Int(slice.state.code)
                buffers[state].add(slice)
                guard buffers[state].isFull else { return }
                let watermark = min(builder.earliestOpenStart(slice.state) ?? .max, builder.latestTimestamp ?? .max)
                try buffers[state].flush(before: watermark, staging.append)
            }
            for slice in builder.finish() { buffers[Int(slice.state.code)].add(slice) }
            for state in buffers.indices { try buffers[state].flushAll(staging.append) }
            try db.execute(Schema.commit)
            try staging.copy(runID: runID, rowsPerTransaction: slicesPerTransaction)
            try staging.drop()
            return count
        } catch {
            if db.isInTransaction { try? db.execute(Schema.rollback) }
            SliceStaging.dropQuietly(db)
            throw error
        }
    }

    /// Streams a run's events in `seq` order from `event_rows`: through its blocks (version 6; writers
    /// migrate first), or the run's rowid range of a version 2–5 store that a reader opened.
    /// - Returns: the number of events.
    @discardableResult
    static func forEachEvent(
        _ db: Database, runID: Int64, version: Int = Schema.version, _ body: (Event) throws -> Void
    ) throws -> Int64 {
        let s = try db.prepare(version >= 6 ? Schema.selectEventsOfRun : Schema.selectEventRowsVersion2)
        s.bind(runID, at: 1)
        var count: Int64 = 0
        while try s.step() {
            try body(EventRow.decode(seq: s.int64(0), ts: s.int64(1), tk: s.int64(2), arg: s.int64(3)))
            count += 1
        }
        return count
    }

    /// `forEachEvent` for slice derivation: the events' `seq` is left 0 (not read).
    private static func forEachEventWithoutSeq(_ db: Database, runID: Int64, _ body: (Event) throws -> Void) throws -> Int64 {
        let s = try db.prepare(Schema.selectEventsOfRunUnkeyed)
        s.bind(runID, at: 1)
        var count: Int64 = 0
        while try s.step() {
            try body(EventRow.decode(seq: 0, ts: s.int64(0), tk: s.int64(1), arg: s.int64(2)))
            count += 1
        }
        return count
    }

    /// All slices of a stored run in primary-key order (tests compare them with `SliceBuilder.slices(of:)`).
    static func derive(_ db: Database, runID: Int64) throws -> ([Slice], Int64) {
        var builder = SliceBuilder()
        var slices: [Slice] = []
        let count = try forEachEvent(db, runID: runID) { event in
            if let slice = builder.add(event) { slices.append(slice) }
        }
        slices.append(contentsOf: builder.finish())
        slices.sort { ($0.state.code, $0.ts, $0.tid, $0.obj, $0.dur) < ($1.state.code, $1.ts, $1.tid, $1.obj, $1.dur) }
        return (slices, count)
    }
}

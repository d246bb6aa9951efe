import GILTrace

/// One `event_blocks` row (schema version 6): a run's events with consecutive `seq` stored in consecutive
/// `event_rows`, their timestamps relative to the block's `base_ts`.
///
/// Why blocks: the key used to be `run_id << 32 | seq` (a 5–6-byte varint in every row) and the timestamp
/// absolute (6 bytes, 8 after 39 hours of uptime). A block lets each row keep only a file-wide rowid (3 bytes
/// below 2 M rows, 4 below 268 M) and a 4-byte offset: ~4 bytes less per event (docs/recording-cost.md).
/// The `events` view adds the block's columns back, so Queries/ and readers see the same events.
struct EventBlock: Equatable {
    let runID: Int64
    let firstSeq: Int64
    /// The block's first and last rowid in `event_rows` (inclusive).
    let firstID: Int64
    var lastID: Int64
    let baseTs: Int64

    /// An empty block whose first row will be `firstID`, opened by `event`.
    init(runID: Int64, opening event: Event, firstID: Int64) {
        self.init(runID: runID, firstSeq: event.seq, firstID: firstID, lastID: firstID - 1, baseTs: event.ts)
    }

    init(runID: Int64, firstSeq: Int64, firstID: Int64, lastID: Int64, baseTs: Int64) {
        self.runID = runID
        self.firstSeq = firstSeq
        self.firstID = firstID
        self.lastID = lastID
        self.baseTs = baseTs
    }

    /// The `seq` the block's next row must have.
    var nextSeq: Int64 { firstSeq &+ (lastID &- firstID) &+ 1 }

    /// Whether `event` can be the block's next row: its `seq` follows and its offset fits 4 bytes on disk
    /// (SQLite stores an integer in 1, 2, 3, 4, 6 or 8 bytes: https://sqlite.org/fileformat2.html#record_format).
    /// A block therefore spans at most ~2.1 s of the program; the next one starts with a new base. Offsets
    /// may be slightly negative: threads read their clocks after taking their sequence numbers, so `seq`
    /// order and time order can differ by a few ns between threads.
    @inline(__always)
    func takes(_ event: Event) -> Bool {
        guard event.seq == nextSeq else { return false }
        let (offset, overflow) = event.ts.subtractingReportingOverflow(baseTs)
        return !overflow && offset >= Int64(Int32.min) && offset <= Int64(Int32.max)
    }

    /// The stored timestamp of `event` in this block (`takes(event)` was true, or the block's first row).
    @inline(__always)
    func offset(_ event: Event) -> Int64 { event.ts &- baseTs }
}

/// Holds a run's slices outside `slice_rows` while they are derived, then inserts them one state after the
/// other, each state in key order.
///
/// Why: `slice_rows` is keyed (run_id, state, ts, tid, obj, dur), so the five states are five separate
/// ranges of the B-tree. Inserted as they closed, every slice landed in one of five places and each INSERT
/// searched the tree from the root (~5,600 instructions per event at finish, docs/recording-cost.md). Staged
/// per state in key order (`SliceReorderBuffer`) and inserted state by state, in multi-row INSERTs, each row
/// goes right after the previous one: for the newest run at the end of the table, where SQLite finds its
/// place without a search.
///
/// Where: each state's slices are packed (`SlicePacker`, ~8 bytes each); every full chunk of 64 KiB becomes
/// one blob row of a connection-private temporary table per state (one insert per ~8,000 slices; the temp
/// database spills to an unlinked file), so memory stays bounded for any run length and the store itself
/// is neither written nor locked while deriving.
final class SliceStaging {
    private let db: Database
    private static let states = SliceState.allCases.count
    static let chunkBytes = 64 << 10
    /// The chunk being filled, per state (index: `SliceState.code`).
    private var packers: [SlicePacker]
    /// Slices staged per state.
    private(set) var counts = [Int](repeating: 0, count: states)

    init(_ db: Database) throws {
        self.db = db
        packers = Array(repeating: SlicePacker(capacity: Self.chunkBytes + 64), count: Self.states)
        for state in 0..<Self.states {
            try db.execute(Schema.dropSliceStaging(state))
            try db.execute(Schema.createSliceStaging(state))
        }
    }

    /// Stages one slice; slices of one state must come in the order they are to be inserted.
    func append(_ slice: Slice) throws {
        let state = Int(slice.state.code)
        packers[state].append(slice)
        counts[state] += 1
        if packers[state].bytes.count >= Self.chunkBytes {
            let insert = try db.cachedStatement(Schema.stageSliceChunk(state))
            insert.bind(packers[state].bytes, at: 1)
            try insert.run()
            packers[state].removeAll()
        }
    }

    /// Every staged slice of `state`, in the order staged: the stored chunks, then the one being filled.
    private func forEachStaged(_ state: Int, _ body: (Slice) throws -> Void) throws {
        var unpacker = SliceUnpacker(state: SliceState(code: Int64(state))!)
        let chunks = try db.cachedStatement(Schema.selectStagedSliceChunks(state))
        defer { chunks.reset() }
        while try chunks.step() {
            try chunks.withBlob(0) { try unpacker.forEach(in: $0, body) }
        }
        try packers[state].bytes.withUnsafeBytes { try unpacker.forEach(in: $0, body) }
    }

    /// Replaces the run's slices in `slice_rows` with the staged ones, state by state in key order, in
    /// IMMEDIATE transactions of about `rowsPerTransaction` rows (a concurrent recorder into the same file
    /// waits no longer than that for its own commits). Call outside a transaction.
    func copy(runID: Int64, rowsPerTransaction: Int) throws {
        try db.execute(Schema.beginImmediate)
        let delete = try db.cachedStatement(Schema.deleteSlices)
        delete.bind(runID, at: 1)
        try delete.run()
        let blockInsert = try db.cachedStatement(Schema.insertSliceBlock)
        var rowsInTransaction = 0
        var block: [Slice] = []
        block.reserveCapacity(Schema.slicesPerInsert)
        func insert(_ rows: [Slice], _ statement: Statement, state: Int) throws {
            statement.bind(runID, at: 1)
            statement.bind(Int64(state), at: 2)
            var parameter: Int32 = 3
            for slice in rows {
                statement.bind(slice.ts, at: parameter)
                statement.bind(Int64(slice.tid), at: parameter + 1)
                statement.bind(Int64(slice.obj), at: parameter + 2)
                statement.bind(slice.dur, at: parameter + 3)
                if slice.stack != 0 { statement.bind(Int64(slice.stack), at: parameter + 4) } else { statement.bindNull(at: parameter + 4) }
                parameter += 5
            }
            try statement.run()
            rowsInTransaction += rows.count
            if rowsInTransaction >= rowsPerTransaction {
                try db.execute(Schema.commit)
                try db.execute(Schema.beginImmediate)
                rowsInTransaction = 0
            }
        }
        for state in 0..<Self.states {
            try forEachStaged(state) { slice in
                block.append(slice)
                if block.count == Schema.slicesPerInsert {
                    try insert(block, blockInsert, state: state)
                    block.removeAll(keepingCapacity: true)
                }
            }
            if !block.isEmpty {
                try insert(block, try db.cachedStatement(Schema.insertSlices(block.count)), state: state)
                block.removeAll(keepingCapacity: true)
            }
        }
        try db.execute(Schema.commit)
    }

    /// Drops the staging tables (their pages go back to the temp file's free list).
    func drop() throws {
        for state in 0..<Self.states { try db.execute(Schema.dropSliceStaging(state)) }
    }

    /// The same, after a failure (nothing to report if it fails too).
    static func dropQuietly(_ db: Database) {
        for state in 0..<states { try? db.execute(Schema.dropSliceStaging(state)) }
    }
}

/// SQL of `SliceStaging`: per state, a connection-private temporary table of packed slice chunks, and the
/// multi-row INSERT into `slice_rows`. Temporary tables live in the connection's temp database
/// (https://sqlite.org/lang_createtable.html): nothing here is stored in, or locks, the store file.
extension Schema {
    static func sliceStagingTable(_ state: Int) -> String { "temp.slice_staging_\(state)" }

    /// One state's chunks (`SlicePacker` bytes) in the order staged: rowids, assigned on append.
    static func createSliceStaging(_ state: Int) -> String {
        "CREATE TEMP TABLE slice_staging_\(state)(chunk BLOB NOT NULL)"
    }

    static func dropSliceStaging(_ state: Int) -> String { "DROP TABLE IF EXISTS \(sliceStagingTable(state))" }
    static func stageSliceChunk(_ state: Int) -> String { "INSERT INTO \(sliceStagingTable(state))(chunk) VALUES (?1)" }
    static func selectStagedSliceChunks(_ state: Int) -> String {
        "SELECT chunk FROM \(sliceStagingTable(state)) ORDER BY rowid"
    }

    /// Rows per multi-row INSERT into `slice_rows` (5 parameters each, plus the run and state).
    static let slicesPerInsert = 64

    /// `rows` slices of run ?1 and state ?2 into `slice_rows`. OR IGNORE: exact duplicates (same thread,
    /// state, object, start and duration: only possible for zero-length intervals at one clock tick)
    /// collapse into one row, the first one's stack kept. Stack 0 (none known) is stored as NULL.
    static func insertSlices(_ rows: Int) -> String {
        "INSERT OR IGNORE INTO slice_rows(run_id, state, ts, tid, obj, dur, stack) VALUES "
            + (0..<rows).map { row in
                let p = 3 + 5 * row
                return "(?1, ?2, ?\(p), ?\(p + 1), ?\(p + 2), ?\(p + 3), ?\(p + 4))"
            }.joined(separator: ", ")
    }

    static let insertSliceBlock = insertSlices(slicesPerInsert)
}

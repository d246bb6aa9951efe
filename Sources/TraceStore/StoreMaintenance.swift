/// Repairs that need a write connection, for `gilrec`/`gilstat` to run on demand.
public enum StoreMaintenance {
    /// Marks runs stored as `running` whose recorder process is gone (killed: `kill(pid, 0)` → ESRCH) as
    /// `incomplete`, so the file itself says so, not only readers. Returns the run ids changed.
    /// Their committed events stay; slices are derived for them so the analysis can use what was recorded.
    @discardableResult
    public static func markStaleRunsIncomplete(path: String) throws -> [Int64] {
        let db = try StoreFile.openForWriting(path: path)
        defer { db.close() }
        let candidates = try db.cachedStatement(Schema.markStaleCandidates)
        var stale: [Int64] = []
        while try candidates.step() {
            if ProcessLiveness.isGone(Int32(truncatingIfNeeded: candidates.int64(1))) { stale.append(candidates.int64(0)) }
        }
        candidates.reset()
        for runID in stale {
            let eventCount = try SliceDeriver.rederive(db, runID: runID)
            try db.inTransaction {
                let s = try db.cachedStatement(Schema.markRunIncomplete)
                s.bind(runID, at: 1)
                s.bind(eventCount, at: 2)
                try s.run()
            }
        }
        return stale
    }

    /// Derives a stored run's slices again from its events, replacing the stored ones (a repair, and how
    /// `gilbench rederive` profiles the end of a recording on an existing file). Returns the events read.
    @discardableResult
    public static func rederiveSlices(path: String, runID: Int64) throws -> Int64 {
        let db = try StoreFile.openForWriting(path: path)
        defer { db.close() }
        return try SliceDeriver.rederive(db, runID: runID)
    }
}

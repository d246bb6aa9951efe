import GILTrace

/// Schema version 2 (replaced by version 6's blocks, `Schema+EventBlocks.swift`): events move from the `WITHOUT ROWID` table `events` to the rowid table `event_rows`
/// (layout in `EventRow`), and `events` becomes a view with the same columns, so Queries/, `events_named`
/// and hand-written SQL keep working. Measured on the ingest benchmark's synthetic run: 36.5 → ~32 B/event
/// with slices, and a faster insert (rowid appends, several rows per INSERT).
extension Schema {
    static let migration2 = """
        CREATE TABLE event_rows(
          id INTEGER PRIMARY KEY, ts INTEGER NOT NULL, tk INTEGER NOT NULL, arg INTEGER NOT NULL);
        INSERT INTO event_rows(id, ts, tk, arg)
          SELECT (run_id << 32) + seq, ts, (obj << \(EventRow.objShift)) | (tid << \(EventRow.kindBits)) | kind, arg
          FROM events ORDER BY run_id, seq;
        DROP TABLE events;
        -- events(run_id, seq, ts, tid, kind, obj, arg) of docs/contracts.md, decoded from event_rows. Joining
        -- runs makes `WHERE run_id = ?` a rowid range search of event_rows; events of a run without a runs
        -- row are not shown.
        CREATE VIEW events AS
        SELECT r.run_id AS run_id, e.id - (r.run_id << 32) AS seq, e.ts AS ts,
          (e.tk >> \(EventRow.kindBits)) & 65535 AS tid, e.tk & \(EventRow.kindMask) AS kind,
          e.tk >> \(EventRow.objShift) AS obj, e.arg AS arg
        FROM runs r JOIN event_rows e ON e.id >= (r.run_id << 32) AND e.id < ((r.run_id + 1) << 32);
        -- Hand-made stores (test fixtures, repairs) may still insert into and delete from `events`.
        CREATE TRIGGER events_insert INSTEAD OF INSERT ON events BEGIN
          INSERT INTO event_rows(id, ts, tk, arg) VALUES ((NEW.run_id << 32) + NEW.seq, NEW.ts,
            (NEW.obj << \(EventRow.objShift)) | (NEW.tid << \(EventRow.kindBits)) | NEW.kind, NEW.arg);
        END;
        CREATE TRIGGER events_delete INSTEAD OF DELETE ON events BEGIN
          DELETE FROM event_rows WHERE id = (OLD.run_id << 32) + OLD.seq;
        END;
        """

    /// A version 2–5 store's run (not migrated yet: readers never write) in `seq` order: the rowid range
    /// `[run_id << 32, (run_id + 1) << 32)`.
    static let selectEventRowsVersion2 = """
        SELECT id & 4294967295, ts, tk, arg FROM event_rows WHERE id >= (?1 << 32) AND id < ((?1 + 1) << 32) ORDER BY id
        """
    /// The same from a version 1 store.
    static let selectEventsVersion1 = "SELECT seq, ts, tid, kind, obj, arg FROM events WHERE run_id = ?1 ORDER BY seq"
}

import GILTrace

/// Schema version 2: events move from the `WITHOUT ROWID` table `events` to the rowid table `event_rows`
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

    /// Rows per multi-row INSERT: one statement step stores this many events (fewer VDBE round trips and
    /// resets per row); 4 parameters each, well under SQLITE_MAX_VARIABLE_NUMBER.
    static let eventsPerInsert = 64

    /// `INSERT INTO event_rows … VALUES (?,?,?,?)` repeated `rows` times.
    static func insertEventRows(_ rows: Int) -> String {
        "INSERT INTO event_rows(id, ts, tk, arg) VALUES "
            + Array(repeating: "(?, ?, ?, ?)", count: rows).joined(separator: ", ")
    }

    static let insertEventRowsBlock = insertEventRows(eventsPerInsert)
    static let insertEventRow = insertEventRows(1)

    /// `INSERT INTO event_rows(ts, tk, arg) …` repeated `rows` times: without the key SQLite gives each row
    /// `max(id) + 1` (https://sqlite.org/autoinc.html), an append with no uniqueness search. The writer uses
    /// it only when that is exactly the event's key (`IngestWorker.insert`).
    static func appendEventRows(_ rows: Int) -> String {
        "INSERT INTO event_rows(ts, tk, arg) VALUES " + Array(repeating: "(?, ?, ?)", count: rows).joined(separator: ", ")
    }

    static let appendEventRowsBlock = appendEventRows(eventsPerInsert)
    static let appendEventRow = appendEventRows(1)
    static let maxEventRowID = "SELECT max(id) FROM event_rows"

    /// A run's events in `seq` order: the rowid range `[?1, ?2)` (bind `EventRow.firstID` of the run and
    /// of the next run).
    static let selectEventRows = "SELECT id, ts, tk, arg FROM event_rows WHERE id >= ?1 AND id < ?2 ORDER BY id"
    /// The same without the key, for slice derivation (`SliceBuilder` does not use `seq`): one column less
    /// per event read at finish.
    static let selectEventRowsUnkeyed = "SELECT ts, tk, arg FROM event_rows WHERE id >= ?1 AND id < ?2 ORDER BY id"
    /// The same from a version 1 store that no writer has migrated yet (readers never write).
    static let selectEventsVersion1 = "SELECT seq, ts, tid, kind, obj, arg FROM events WHERE run_id = ?1 ORDER BY seq"
    static let countEventRows = "SELECT count(*) FROM event_rows WHERE id >= ?1 AND id < ?2"
}

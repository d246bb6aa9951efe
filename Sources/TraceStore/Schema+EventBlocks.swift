import GILTrace

/// Schema version 6: events are stored in blocks (`EventBlock`). `event_rows` keeps a file-wide rowid and a
/// timestamp relative to its block; `event_blocks` says which run, which `seq` and which base each range of
/// rows has. The `events` view and its triggers keep the columns of docs/contracts.md.
extension Schema {
    static let migration6 = """
        DROP TRIGGER events_insert;
        DROP TRIGGER events_delete;
        DROP VIEW events;
        -- Old rows are numbered in key order (run, seq); a block is a run's stretch of consecutive seq (gaps
        -- and islands: seq - n is constant along one), cut every 65,536 seq, based at its earliest timestamp.
        CREATE TEMP TABLE gilrec_moved AS
        SELECT n, run_id, ts, tk, arg, min(seq) OVER w AS first_seq, min(ts) OVER w AS base_ts
        FROM (SELECT row_number() OVER (ORDER BY id) AS n, id >> 32 AS run_id, id & 4294967295 AS seq, ts, tk, arg
              FROM event_rows)
        WINDOW w AS (PARTITION BY run_id, seq - n, seq >> 16);
        DROP TABLE event_rows;
        \(eventTables)
        INSERT INTO event_rows(id, ts, tk, arg) SELECT n, ts - base_ts, tk, arg FROM temp.gilrec_moved ORDER BY n;
        INSERT INTO event_blocks(run_id, first_seq, first_id, last_id, base_ts)
          SELECT run_id, first_seq, min(n), max(n), base_ts FROM temp.gilrec_moved GROUP BY run_id, first_seq;
        DROP TABLE temp.gilrec_moved;
        \(eventsView)
        """

    static let eventTables = """
        CREATE TABLE event_rows(
          id INTEGER PRIMARY KEY, ts INTEGER NOT NULL, tk INTEGER NOT NULL, arg INTEGER NOT NULL);
        CREATE TABLE event_blocks(
          run_id INTEGER NOT NULL, first_seq INTEGER NOT NULL, first_id INTEGER NOT NULL, last_id INTEGER NOT NULL,
          base_ts INTEGER NOT NULL,
          PRIMARY KEY(run_id, first_seq)) WITHOUT ROWID;
        -- New rows go after every block's range, even one whose last rows were deleted (`nextEventRowID`).
        CREATE INDEX event_blocks_by_last_id ON event_blocks(last_id);
        """

    /// The first rowid a new block may use: after every stored row and every block's range.
    private static let nextEventRowID = """
        (SELECT max(coalesce((SELECT max(id) FROM event_rows), 0),
                    coalesce((SELECT max(last_id) FROM event_blocks), 0)) + 1)
        """

    static let eventsView = """
        -- events(run_id, seq, ts, tid, kind, obj, arg) of docs/contracts.md, decoded from event_blocks and
        -- event_rows. `WHERE run_id = ?` reads the run's blocks, each a rowid range of event_rows.
        CREATE VIEW events AS
        SELECT b.run_id AS run_id, b.first_seq + (e.id - b.first_id) AS seq, b.base_ts + e.ts AS ts,
          (e.tk >> \(EventRow.kindBits)) & 65535 AS tid, e.tk & \(EventRow.kindMask) AS kind,
          e.tk >> \(EventRow.objShift) AS obj, e.arg AS arg
        FROM event_blocks b JOIN event_rows e ON e.id BETWEEN b.first_id AND b.last_id;
        -- Hand-made stores (test fixtures, repairs) may still insert into and delete from `events`: an event
        -- extends the run's block that ends at the last row when its seq follows, else opens a block.
        CREATE TRIGGER events_insert INSTEAD OF INSERT ON events BEGIN
          -- An empty block (last_id = first_id - 1) unless the run's block ending at the last row continues.
          INSERT INTO event_blocks(run_id, first_seq, first_id, last_id, base_ts)
            SELECT NEW.run_id, NEW.seq, tail + 1, tail, NEW.ts FROM (SELECT \(nextEventRowID) - 1 AS tail)
            WHERE NOT EXISTS (
              SELECT 1 FROM event_blocks WHERE run_id = NEW.run_id AND last_id = tail
                AND first_seq + (last_id - first_id) + 1 = NEW.seq);
          UPDATE event_blocks SET last_id = last_id + 1
            WHERE run_id = NEW.run_id AND last_id = \(nextEventRowID) - 1
              AND first_seq + (last_id - first_id) + 1 = NEW.seq;
          INSERT INTO event_rows(id, ts, tk, arg)
            SELECT last_id, NEW.ts - base_ts,
              (NEW.obj << \(EventRow.objShift)) | (NEW.tid << \(EventRow.kindBits)) | NEW.kind, NEW.arg
            FROM event_blocks WHERE run_id = NEW.run_id AND last_id = \(nextEventRowID) - 1
              AND first_seq + (last_id - first_id) = NEW.seq;
        END;
        CREATE TRIGGER events_delete INSTEAD OF DELETE ON events BEGIN
          DELETE FROM event_rows WHERE id = (
            SELECT first_id + (OLD.seq - first_seq) FROM event_blocks
            WHERE run_id = OLD.run_id AND first_seq <= OLD.seq AND OLD.seq - first_seq <= last_id - first_id
            ORDER BY first_seq DESC LIMIT 1);
        END;
        """

    // MARK: - Recording (IngestWorker)

    /// `INSERT INTO event_rows(ts, tk, arg) …` repeated `rows` times: without the key SQLite gives each row
    /// `max(id) + 1` (https://sqlite.org/autoinc.html), an append with no uniqueness search. The writer uses
    /// it only while it continues a block whose last row is the table's last row.
    static func appendEventRows(_ rows: Int) -> String {
        "INSERT INTO event_rows(ts, tk, arg) VALUES " + Array(repeating: "(?, ?, ?)", count: rows).joined(separator: ", ")
    }

    /// Rows per multi-row INSERT: one statement step stores this many events (fewer VDBE round trips and
    /// resets per row); 3 parameters each, well under SQLITE_MAX_VARIABLE_NUMBER.
    static let eventsPerInsert = 64
    static let appendEventRowsBlock = appendEventRows(eventsPerInsert)
    static let appendEventRow = appendEventRows(1)
    /// A block's first row, at the rowid the block was opened with.
    static let insertEventRow = "INSERT INTO event_rows(id, ts, tk, arg) VALUES (?1, ?2, ?3, ?4)"
    static let lastEventRowID = "SELECT \(nextEventRowID) - 1"
    static let insertEventBlock = """
        INSERT INTO event_blocks(run_id, first_seq, first_id, last_id, base_ts) VALUES (?1, ?2, ?3, ?4, ?5)
        """
    static let extendEventBlock = "UPDATE event_blocks SET last_id = ?3 WHERE run_id = ?1 AND first_seq = ?2"

    // MARK: - Reading

    /// A run's events in `seq` order: its blocks in `seq` order (they never overlap), each a rowid range.
    static let selectEventsOfRun = """
        SELECT b.first_seq + (e.id - b.first_id), b.base_ts + e.ts, e.tk, e.arg
        FROM event_blocks b JOIN event_rows e ON e.id BETWEEN b.first_id AND b.last_id
        WHERE b.run_id = ?1 ORDER BY b.first_seq, e.id
        """
    /// The same without `seq`, for slice derivation (`SliceBuilder` does not use it).
    static let selectEventsOfRunUnkeyed = """
        SELECT b.base_ts + e.ts, e.tk, e.arg
        FROM event_blocks b JOIN event_rows e ON e.id BETWEEN b.first_id AND b.last_id
        WHERE b.run_id = ?1 ORDER BY b.first_seq, e.id
        """
}

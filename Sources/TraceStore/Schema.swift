import GILTrace

/// Every SQL string of the store (STYLE.md habit 5: values are bound, never interpolated; the only
/// interpolations here are compile-time constants: event-kind codes from GILTrace's enums).
///
/// The schema is docs/contracts.md "Store schema". Layout choices, for ingest speed and file size:
/// - events (version 6) live in the rowid table `event_rows`, in blocks of consecutive `seq` described by
///   `event_blocks` (`EventBlock`), with tid, kind and obj packed into one integer (`EventRow`); `events` is
///   a view decoding them. Versions 2–5 keyed `event_rows` by `run_id << 32 | seq` with absolute timestamps. Version 1 kept them in
///   a `WITHOUT ROWID` table `events` keyed `(run_id, seq)` (migration1 below, rewritten by migration2).
/// - slices are stored in `slice_rows`, `WITHOUT ROWID` keyed `(run_id, state, ts, tid, obj, dur)` with the
///   state as a code: per-run, per-state scans in time order are range scans of the table itself, with no
///   second index. The contract's `slices` (state by name) is a view over it.
/// - Names live in lookup tables; the hot tables hold small integers (varints on disk).
enum Schema {
    /// `PRAGMA user_version` of the newest schema this build writes and reads.
    static let version = 6

    /// Ordered migrations: `migrations[n - 1]` brings a store from version n - 1 to n, in one IMMEDIATE
    /// transaction that also sets `PRAGMA user_version = n` (GRDB/Migration/Migration.swift).
    /// Version 2 (`Schema+EventRows.swift`) stores events in `event_rows` behind an `events` view.
    /// Version 3 adds the recording engine, the real interpreter's path, the parent run and notes to `runs`.
    /// Version 4 (`Schema+Stacks.swift`) adds code locations, stacks and each slice's stack.
    /// Version 5 adds the `native` slice state to the `slices` view (its `slice_states` row comes with every
    /// writer's lookup rows).
    /// Version 6 (`Schema+EventBlocks.swift`) stores events in blocks: a file-wide rowid and block-relative
    /// timestamps, ~4 bytes less per event.
    static let migrations: [String] = [migration1, migration2, migration3, migration4, migration5, migration6]

    static let migration5 = """
        DROP VIEW slices;
        CREATE VIEW slices AS
        \(slicesViewWithStacks);
        """

    static let migration3 = """
        ALTER TABLE runs ADD COLUMN engine TEXT NOT NULL DEFAULT 'gilrec';
        ALTER TABLE runs ADD COLUMN python TEXT;
        ALTER TABLE runs ADD COLUMN parent_run_id INTEGER;
        ALTER TABLE runs ADD COLUMN notes TEXT;
        """

    static let migration1 = """
        CREATE TABLE runs(
          run_id INTEGER PRIMARY KEY, label TEXT NOT NULL, program TEXT NOT NULL, argv TEXT NOT NULL,
          policy TEXT, switch_interval_ns INTEGER, check_mode TEXT, started_at TEXT,
          wall_ns INTEGER, cpu_ns INTEGER, status TEXT NOT NULL DEFAULT 'running', exit_code INTEGER,
          dropped_events INTEGER NOT NULL DEFAULT 0, event_count INTEGER NOT NULL DEFAULT 0,
          host TEXT, cpu_count INTEGER, gilrec_version TEXT, sweep_id INTEGER, pid INTEGER);
        CREATE INDEX runs_by_label ON runs(label, run_id);
        CREATE TABLE threads(
          run_id INTEGER NOT NULL, tid INTEGER NOT NULL, name TEXT, parent_tid INTEGER, start_ns INTEGER,
          end_ns INTEGER, daemon INTEGER, cpu_ns INTEGER, vol_ctx INTEGER, invol_ctx INTEGER,
          PRIMARY KEY(run_id, tid)) WITHOUT ROWID;
        CREATE TABLE objects(
          run_id INTEGER NOT NULL, obj_id INTEGER NOT NULL, kind TEXT, name TEXT, source_line INTEGER,
          PRIMARY KEY(run_id, obj_id)) WITHOUT ROWID;
        CREATE TABLE labels(
          run_id INTEGER NOT NULL, label_id INTEGER NOT NULL, text TEXT NOT NULL,
          PRIMARY KEY(run_id, label_id)) WITHOUT ROWID;
        CREATE TABLE event_kinds(code INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
        CREATE TABLE io_kinds(code INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
        CREATE TABLE gil_request_reasons(code INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
        CREATE TABLE gil_release_reasons(code INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
        CREATE TABLE events(
          run_id INTEGER NOT NULL, seq INTEGER NOT NULL, ts INTEGER NOT NULL, tid INTEGER NOT NULL,
          kind INTEGER NOT NULL, obj INTEGER NOT NULL, arg INTEGER NOT NULL,
          PRIMARY KEY(run_id, seq)) WITHOUT ROWID;
        CREATE TABLE slice_states(code INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
        -- Slices with the state as a small code (0 and 1 take no bytes on disk); read them through `slices`.
        CREATE TABLE slice_rows(
          run_id INTEGER NOT NULL, state INTEGER NOT NULL, ts INTEGER NOT NULL, tid INTEGER NOT NULL,
          obj INTEGER NOT NULL, dur INTEGER NOT NULL,
          PRIMARY KEY(run_id, state, ts, tid, obj, dur)) WITHOUT ROWID;
        -- slices(run_id, tid, obj, state, ts, dur) of docs/contracts.md, state by name. One UNION ALL branch
        -- per state, so `WHERE run_id = ? AND state = 'gil_hold' ORDER BY ts` is pushed into the branches:
        -- a primary-key range scan, no sort.
        CREATE VIEW slices AS
        \(slicesView);
        \(lookupTableRows)
        -- Events with names: thread, kind, object (user object, I/O kind or label) and GIL reason.
        CREATE VIEW events_named AS
        SELECT e.run_id, e.seq, e.ts, e.tid, t.name AS thread, e.kind AS kind_code, k.name AS kind, e.obj,
          CASE WHEN e.kind IN (\(io)) THEN io.name WHEN e.kind = \(mark) THEN l.text ELSE o.name END AS object,
          e.arg,
          CASE e.kind WHEN \(gilRequest) THEN rq.name WHEN \(gilRelease) THEN rl.name END AS reason
        FROM events e
        LEFT JOIN event_kinds k ON k.code = e.kind
        LEFT JOIN threads t ON t.run_id = e.run_id AND t.tid = e.tid
        LEFT JOIN objects o ON o.run_id = e.run_id AND o.obj_id = e.obj AND e.kind NOT IN (\(io), \(mark))
        LEFT JOIN io_kinds io ON io.code = e.obj AND e.kind IN (\(io))
        LEFT JOIN labels l ON l.run_id = e.run_id AND l.label_id = e.obj AND e.kind = \(mark)
        LEFT JOIN gil_request_reasons rq ON rq.code = e.arg AND e.kind = \(gilRequest)
        LEFT JOIN gil_release_reasons rl ON rl.code = e.arg AND e.kind = \(gilRelease);
        -- Each time a thread held the GIL: start, duration, end.
        CREATE VIEW gil_holds AS
        SELECT s.run_id, s.tid, t.name AS thread, s.ts, s.dur, s.ts + s.dur AS end_ts
        FROM slice_rows s LEFT JOIN threads t ON t.run_id = s.run_id AND t.tid = s.tid
        WHERE s.state = \(SliceState.gilHold.code) AND s.obj = 0;
        -- Each time a thread waited for the GIL: from gil_request to its gil_acquire.
        CREATE VIEW gil_waits AS
        SELECT s.run_id, s.tid, t.name AS thread, s.ts, s.dur, s.ts + s.dur AS end_ts
        FROM slice_rows s LEFT JOIN threads t ON t.run_id = s.run_id AND t.tid = s.tid
        WHERE s.state = \(SliceState.gilWait.code) AND s.obj = 0;
        """

    private static let slicesView = SliceState.allCases.map { state in
        "SELECT run_id, tid, obj, '\(state.rawValue)' AS state, ts, dur FROM slice_rows WHERE state = \(state.code)"
    }.joined(separator: "\n  UNION ALL ")

    private static let io = "\(EventKind.ioBegin.rawValue), \(EventKind.ioEnd.rawValue)"
    private static let mark = EventKind.mark.rawValue
    private static let gilRequest = EventKind.gilRequest.rawValue
    private static let gilRelease = EventKind.gilRelease.rawValue

    /// `INSERT` of a lookup table's rows from a GILTrace enum (names are snake_case identifiers: no quotes).
    private static func lookupRows(_ table: String, _ rows: [(Int64, String)]) -> String {
        "INSERT OR IGNORE INTO \(table)(code, name) VALUES " + rows.map { "(\($0.0), '\($0.1)')" }.joined(separator: ", ") + ";"
    }

    /// Every lookup table's rows. Run by migration 1 and again by every writer that opens a store: codes a
    /// newer build added (an I/O kind, say) appear in an older store without a schema version of their own;
    /// rows already there are kept (`OR IGNORE`).
    static let lookupTableRows = [
        lookupRows("event_kinds", EventKind.allCases.map { (Int64($0.rawValue), $0.name) }),
        lookupRows("io_kinds", IOKind.allCases.map { (Int64($0.rawValue), $0.name) }),
        lookupRows("gil_request_reasons", GILRequestReason.allCases.map { ($0.rawValue, $0.name) }),
        lookupRows("gil_release_reasons", GILReleaseReason.allCases.map { ($0.rawValue, $0.name) }),
        lookupRows("slice_states", SliceState.allCases.map { ($0.code, $0.rawValue) }),
    ].joined(separator: "\n")

    // MARK: - Transactions

    /// IMMEDIATE takes the write lock at BEGIN, so waiting for another writer happens under the busy
    /// timeout there, never as SQLITE_BUSY halfway through (https://sqlite.org/lang_transaction.html).
    static let beginImmediate = "BEGIN IMMEDIATE"
    static let begin = "BEGIN"
    static let commit = "COMMIT"
    static let rollback = "ROLLBACK"

    // MARK: - Opening

    static let userVersion = "PRAGMA user_version"
    static func setUserVersion(_ version: Int) -> String { "PRAGMA user_version = \(version)" }
    static let tableCount = "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
    static let hasRunsTable = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'runs'"
    /// WAL lets readers run while a recording writes (https://sqlite.org/wal.html); NORMAL sync is safe in WAL
    /// (a power loss may lose the last commits, never corrupt).
    static let writerPragmas = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL"
    static let checkpoint = "PRAGMA wal_checkpoint(TRUNCATE)"
    /// While a run records, commits skip even the checkpoint's fsyncs (https://sqlite.org/pragma.html#pragma_synchronous):
    /// a killed gilrec loses nothing it committed (the data is in the OS page cache), only a power loss or an
    /// OS crash mid-run could. `recordingDone` restores NORMAL and checkpoints with fsyncs at the end of the run.
    static let recordingPragmas = "PRAGMA synchronous = OFF"
    /// PASSIVE never waits for readers (a `gilstat` may be reading the file); the rest is checkpointed later.
    static let recordingDone = "PRAGMA synchronous = NORMAL; PRAGMA wal_checkpoint(PASSIVE)"

    // MARK: - Recording

    static let insertRun = """
        INSERT INTO runs(label, program, argv, policy, switch_interval_ns, check_mode, started_at, status,
          host, cpu_count, gilrec_version, sweep_id, pid, engine, python, parent_run_id)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'running', ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
        """
    static let upsertThread = """
        INSERT INTO threads(run_id, tid, name, parent_tid, start_ns, end_ns, daemon, cpu_ns, vol_ctx, invol_ctx)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
        ON CONFLICT(run_id, tid) DO UPDATE SET name = excluded.name, parent_tid = excluded.parent_tid,
          start_ns = excluded.start_ns, end_ns = excluded.end_ns, daemon = excluded.daemon,
          cpu_ns = excluded.cpu_ns, vol_ctx = excluded.vol_ctx, invol_ctx = excluded.invol_ctx
        """
    static let upsertObject = """
        INSERT INTO objects(run_id, obj_id, kind, name, source_line) VALUES (?1, ?2, ?3, ?4, ?5)
        ON CONFLICT(run_id, obj_id) DO UPDATE SET kind = excluded.kind, name = excluded.name,
          source_line = excluded.source_line
        """
    static let upsertLabel = """
        INSERT INTO labels(run_id, label_id, text) VALUES (?1, ?2, ?3)
        ON CONFLICT(run_id, label_id) DO UPDATE SET text = excluded.text
        """
    static let deleteSlices = "DELETE FROM slice_rows WHERE run_id = ?1"
    static let finishRun = """
        UPDATE runs SET status = ?2, exit_code = ?3, wall_ns = ?4, cpu_ns = ?5, event_count = ?6,
          dropped_events = ?7, notes = ?8 WHERE run_id = ?1
        """
    static let markStaleCandidates = "SELECT run_id, pid FROM runs WHERE status = 'running'"

    static let markRunIncomplete = """
        UPDATE runs SET status = 'incomplete', event_count = ?2 WHERE run_id = ?1 AND status = 'running'
        """

    // MARK: - Benchmark (IngestBenchmark: the same rows through a bare C-API loop)

    static let baselineWithoutRowIDTable = """
        CREATE TABLE events(run_id INTEGER NOT NULL, seq INTEGER NOT NULL, ts INTEGER NOT NULL, tid INTEGER NOT NULL,
          kind INTEGER NOT NULL, obj INTEGER NOT NULL, arg INTEGER NOT NULL, PRIMARY KEY(run_id, seq)) WITHOUT ROWID
        """
    static let baselineRowidTable = """
        CREATE TABLE events(run_id INTEGER, seq INTEGER, ts INTEGER, tid INTEGER, kind INTEGER, obj INTEGER, arg INTEGER)
        """
    static let countSlices = "SELECT count(*) FROM slice_rows WHERE run_id = ?1"
    /// The version 1 table and insert, for the baseline loop.
    static let insertEventVersion1 = "INSERT INTO events(run_id, seq, ts, tid, kind, obj, arg) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
    static let baselineEventRowsTable = """
        CREATE TABLE event_rows(id INTEGER PRIMARY KEY, ts INTEGER NOT NULL, tk INTEGER NOT NULL, arg INTEGER NOT NULL)
        """

    // MARK: - Reading

    /// The runs' columns; a store older than version 3 (read-only until its next writer migrates it) has no
    /// engine columns: they read as our runtime's.
    static func selectRuns(version: Int) -> String {
        let engineColumns = version >= 3 ? "r.engine, r.python, r.parent_run_id, r.notes" : "'gilrec', NULL, NULL, NULL"
        return """
            SELECT r.run_id, r.label, r.program, r.argv, r.policy, r.switch_interval_ns, r.check_mode, r.started_at,
              r.host, r.cpu_count, r.gilrec_version, r.sweep_id, r.pid, r.status, r.exit_code, r.wall_ns, r.cpu_ns,
              r.event_count, r.dropped_events,
              (SELECT count(*) FROM threads t WHERE t.run_id = r.run_id), \(engineColumns)
            FROM runs r
            """
    }
    static func selectAllRuns(version: Int) -> String { selectRuns(version: version) + " ORDER BY r.run_id" }
    static func selectRunByID(version: Int) -> String { selectRuns(version: version) + " WHERE r.run_id = ?1" }
    static func selectLatestRun(version: Int) -> String { selectRuns(version: version) + " ORDER BY r.run_id DESC LIMIT 1" }
    static func selectLatestRunByLabel(version: Int) -> String {
        selectRuns(version: version) + " WHERE r.label = ?1 ORDER BY r.run_id DESC LIMIT 1"
    }
    static let selectThreads = """
        SELECT tid, name, parent_tid, start_ns, end_ns, daemon, cpu_ns, vol_ctx, invol_ctx
        FROM threads WHERE run_id = ?1 ORDER BY tid
        """
    static let selectObjects = "SELECT obj_id, kind, name, source_line FROM objects WHERE run_id = ?1 ORDER BY obj_id"
    static let selectLabels = "SELECT label_id, text FROM labels WHERE run_id = ?1 ORDER BY label_id"
    /// One state's slices: the state is not read back (the caller knows it; one column less per row). A store
    /// older than version 4 has no stacks: they read as 0.
    static func selectSlicesOfState(version: Int) -> String {
        "SELECT tid, obj, ts, dur, \(version >= 4 ? "coalesce(stack, 0)" : "0") FROM slice_rows "
            + "WHERE run_id = ?1 AND state = ?2 ORDER BY ts, tid, obj, dur"
    }
    static func selectAllSlices(version: Int) -> String {
        "SELECT tid, obj, state, ts, dur, \(version >= 4 ? "coalesce(stack, 0)" : "0") FROM slice_rows "
            + "WHERE run_id = ?1 ORDER BY ts, tid, obj, state"
    }
}

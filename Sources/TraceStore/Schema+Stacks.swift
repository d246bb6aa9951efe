import GILTrace

/// Schema version 4: where in the Python code events happened (docs/contracts.md, "Stacks").
/// - `code_locations`: one row per (file, line, function) a run's stacks use — Perfetto's `stack_profile_frame`.
/// - `stacks`: interned stacks as parent-linked frames — Perfetto's `stack_profile_callsite`: a stack is its
///   innermost location plus the stack of its callers (`parent_id`, NULL for the outermost frame).
/// - `slice_rows.stack`: each slice's stack (rules in `SliceBuilder`). Waits and I/O: where the thread asked;
///   a GIL hold: where it let go; a lock hold: the critical section (the holder's last event before the
///   release). NULL when none is known: the run recorded no stacks, or the thread had no Python code on its
///   stack.
/// Events refer to stacks through `stack` events (`EventKind.stack`, arg = stack id), recorded only when a
/// thread's stack changed, so a loop that waits at one line costs one row, not one per event.
extension Schema {
    static let migration4 = """
        CREATE TABLE code_locations(
          run_id INTEGER NOT NULL, location_id INTEGER NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL,
          function TEXT NOT NULL, first_line INTEGER NOT NULL,
          PRIMARY KEY(run_id, location_id)) WITHOUT ROWID;
        CREATE TABLE stacks(
          run_id INTEGER NOT NULL, stack_id INTEGER NOT NULL, parent_id INTEGER, location_id INTEGER NOT NULL,
          depth INTEGER NOT NULL,
          PRIMARY KEY(run_id, stack_id)) WITHOUT ROWID;
        ALTER TABLE slice_rows ADD COLUMN stack INTEGER;
        DROP VIEW slices;
        CREATE VIEW slices AS
        \(slicesViewWithStacks);
        DROP VIEW gil_holds;
        DROP VIEW gil_waits;
        \(gilViewsVersion4)
        -- Every frame of every stack, innermost first (level 0): what `--stacks` and flame graphs print.
        CREATE VIEW stack_frames AS
        WITH RECURSIVE walk(run_id, stack_id, level, frame_stack, location_id, parent_id) AS (
          SELECT run_id, stack_id, 0, stack_id, location_id, parent_id FROM stacks
          UNION ALL
          SELECT w.run_id, w.stack_id, w.level + 1, s.stack_id, s.location_id, s.parent_id
          FROM walk w JOIN stacks s ON s.run_id = w.run_id AND s.stack_id = w.parent_id
        )
        SELECT w.run_id, w.stack_id, w.level, l.file, l.line, l.function, l.first_line
        FROM walk w JOIN code_locations l ON l.run_id = w.run_id AND l.location_id = w.location_id;
        -- A stack's innermost frame: the site `gilstat where` ranks.
        CREATE VIEW stack_sites AS
        SELECT s.run_id, s.stack_id, l.file, l.line, l.function, l.first_line, s.depth
        FROM stacks s JOIN code_locations l ON l.run_id = s.run_id AND l.location_id = s.location_id;
        """

    /// The `slices` view with the stack column: one UNION ALL branch per state of this build (migration 5
    /// re-creates it for the `native` state).
    static let slicesViewWithStacks = SliceState.allCases.map { state in
        "SELECT run_id, tid, obj, '\(state.rawValue)' AS state, ts, dur, stack FROM slice_rows WHERE state = \(state.code)"
    }.joined(separator: "\n  UNION ALL ")

    static let gilViewsVersion4 = """
        -- Each time a thread held the GIL: start, duration, end, and where it let go.
        CREATE VIEW gil_holds AS
        SELECT s.run_id, s.tid, t.name AS thread, s.ts, s.dur, s.ts + s.dur AS end_ts, s.stack
        FROM slice_rows s LEFT JOIN threads t ON t.run_id = s.run_id AND t.tid = s.tid
        WHERE s.state = \(SliceState.gilHold.code) AND s.obj = 0;
        -- Each time a thread waited for the GIL: from gil_request to its gil_acquire, and where it asked.
        CREATE VIEW gil_waits AS
        SELECT s.run_id, s.tid, t.name AS thread, s.ts, s.dur, s.ts + s.dur AS end_ts, s.stack
        FROM slice_rows s LEFT JOIN threads t ON t.run_id = s.run_id AND t.tid = s.tid
        WHERE s.state = \(SliceState.gilWait.code) AND s.obj = 0;
        """

    // MARK: - Recording

    static let upsertLocation = """
        INSERT INTO code_locations(run_id, location_id, file, line, function, first_line) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
        ON CONFLICT(run_id, location_id) DO UPDATE SET file = excluded.file, line = excluded.line,
          function = excluded.function, first_line = excluded.first_line
        """
    static let upsertStack = """
        INSERT INTO stacks(run_id, stack_id, parent_id, location_id, depth) VALUES (?1, ?2, ?3, ?4, ?5)
        ON CONFLICT(run_id, stack_id) DO UPDATE SET parent_id = excluded.parent_id,
          location_id = excluded.location_id, depth = excluded.depth
        """

    // MARK: - Reading

    static let selectLocations = """
        SELECT location_id, file, line, function, first_line FROM code_locations WHERE run_id = ?1 ORDER BY location_id
        """
    static let selectStacks = """
        SELECT stack_id, coalesce(parent_id, 0), location_id, depth FROM stacks WHERE run_id = ?1 ORDER BY stack_id
        """
}

-- The store schema (TraceStore's Schema.migration1, the tables and views Queries/ read), for checking
-- Queries/ with the sqlite3 shell alone: `cat schema.sql cpu.sql | sqlite3 x.db`. Swift tests do not use
-- this file: they create the database through TraceStore and load only the fixture rows.
PRAGMA user_version = 1;
CREATE TABLE runs(run_id INTEGER PRIMARY KEY, label TEXT NOT NULL, program TEXT NOT NULL, argv TEXT NOT NULL,
  policy TEXT, switch_interval_ns INTEGER, check_mode TEXT, started_at TEXT, wall_ns INTEGER, cpu_ns INTEGER,
  status TEXT NOT NULL DEFAULT 'running', exit_code INTEGER, dropped_events INTEGER NOT NULL DEFAULT 0,
  event_count INTEGER NOT NULL DEFAULT 0, host TEXT, cpu_count INTEGER, gilrec_version TEXT, sweep_id INTEGER,
  pid INTEGER);
CREATE TABLE threads(run_id INTEGER NOT NULL, tid INTEGER NOT NULL, name TEXT, parent_tid INTEGER,
  start_ns INTEGER, end_ns INTEGER, daemon INTEGER, cpu_ns INTEGER, vol_ctx INTEGER, invol_ctx INTEGER,
  PRIMARY KEY(run_id, tid)) WITHOUT ROWID;
CREATE TABLE objects(run_id INTEGER NOT NULL, obj_id INTEGER NOT NULL, kind TEXT, name TEXT, source_line INTEGER,
  PRIMARY KEY(run_id, obj_id)) WITHOUT ROWID;
CREATE TABLE labels(run_id INTEGER NOT NULL, label_id INTEGER NOT NULL, text TEXT NOT NULL,
  PRIMARY KEY(run_id, label_id)) WITHOUT ROWID;
CREATE TABLE events(run_id INTEGER NOT NULL, seq INTEGER NOT NULL, ts INTEGER NOT NULL, tid INTEGER NOT NULL,
  kind INTEGER NOT NULL, obj INTEGER NOT NULL, arg INTEGER NOT NULL, PRIMARY KEY(run_id, seq)) WITHOUT ROWID;
CREATE TABLE slice_states(code INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
INSERT INTO slice_states(code, name) VALUES (0, 'gil_wait'), (1, 'gil_hold'), (2, 'lock_wait'), (3, 'lock_hold'), (4, 'io');
CREATE TABLE slice_rows(run_id INTEGER NOT NULL, state INTEGER NOT NULL, ts INTEGER NOT NULL, tid INTEGER NOT NULL,
  obj INTEGER NOT NULL, dur INTEGER NOT NULL, PRIMARY KEY(run_id, state, ts, tid, obj, dur)) WITHOUT ROWID;
CREATE VIEW slices AS
  SELECT run_id, tid, obj, 'gil_wait' AS state, ts, dur FROM slice_rows WHERE state = 0
  UNION ALL SELECT run_id, tid, obj, 'gil_hold' AS state, ts, dur FROM slice_rows WHERE state = 1
  UNION ALL SELECT run_id, tid, obj, 'lock_wait' AS state, ts, dur FROM slice_rows WHERE state = 2
  UNION ALL SELECT run_id, tid, obj, 'lock_hold' AS state, ts, dur FROM slice_rows WHERE state = 3
  UNION ALL SELECT run_id, tid, obj, 'io' AS state, ts, dur FROM slice_rows WHERE state = 4;

-- The store schema of docs/contracts.md (user_version 1), for checking Queries/ with the sqlite3 shell
-- before and independently of TraceStore: `cat schema.sql cpu.sql > x.sql && sqlite3 x.db < x.sql`.
-- Swift tests do not use this file: they create the database through TraceStore and load only the
-- fixture rows (cpu.sql, convoy.sql, locks.sql, interrupted.sql).
PRAGMA user_version = 1;
CREATE TABLE runs(run_id INTEGER PRIMARY KEY, label TEXT, program TEXT, argv TEXT, policy TEXT,
  switch_interval_ns INTEGER, check_mode TEXT, started_at TEXT, wall_ns INTEGER, cpu_ns INTEGER,
  status TEXT, exit_code INTEGER, dropped_events INTEGER, event_count INTEGER, host TEXT, cpu_count INTEGER,
  gilrec_version TEXT, sweep_id INTEGER, pid INTEGER);
CREATE TABLE threads(run_id INTEGER, tid INTEGER, name TEXT, parent_tid INTEGER, start_ns INTEGER, end_ns INTEGER,
  daemon INTEGER, cpu_ns INTEGER, vol_ctx INTEGER, invol_ctx INTEGER, PRIMARY KEY(run_id, tid));
CREATE TABLE objects(run_id INTEGER, obj_id INTEGER, kind TEXT, name TEXT, source_line INTEGER,
  PRIMARY KEY(run_id, obj_id));
CREATE TABLE labels(run_id INTEGER, label_id INTEGER, text TEXT, PRIMARY KEY(run_id, label_id));
CREATE TABLE events(run_id INTEGER, seq INTEGER, ts INTEGER, tid INTEGER, kind INTEGER, obj INTEGER, arg INTEGER,
  PRIMARY KEY(run_id, seq)) WITHOUT ROWID;
CREATE TABLE slices(run_id INTEGER, tid INTEGER, obj INTEGER, state TEXT, ts INTEGER, dur INTEGER);
CREATE INDEX slices_by_state ON slices(run_id, state, ts);

-- speedup: a threaded run against a serial one (`gilstat speedup`; DESIGN.md §5 "Speedup").
--
-- speedup = serial wall / threaded wall; workers = the threaded run's threads minus the main thread when
-- it started others (else 1); efficiency = speedup / workers. The GIL-serialised fraction s = Σ gil_hold /
-- Σ busy, busy = gil_hold + io (the threads' working time; only the GIL part runs one at a time), and
-- Amdahl's bound = 1 / (s + (1 − s) / workers). Wall time as in gil_summary.sql.
--
-- Parameters:
--   :serial    run id of the serial (baseline) run.
--   :threaded  run id of the threaded run; NULL = the latest run.
--
-- Columns:
--   serial_run           INTEGER  :serial.
--   threaded_run         INTEGER  The threaded run.
--   serial_wall_ns       INTEGER  Wall time of the serial run.
--   threaded_wall_ns     INTEGER  Wall time of the threaded run.
--   speedup              REAL     serial_wall_ns / threaded_wall_ns.
--   workers              INTEGER  Threads doing the work in the threaded run.
--   efficiency           REAL     speedup / workers.
--   gil_held_ns          INTEGER  Σ gil_hold of the threaded run.
--   busy_ns              INTEGER  Σ gil_hold + Σ io of the threaded run.
--   serialised_fraction  REAL     gil_held_ns / busy_ns (NULL when nothing was busy).
--   amdahl_bound         REAL     The largest speedup that fraction allows on `workers` threads.
WITH _r AS (
  SELECT r.run_id,
         coalesce(r.wall_ns, (SELECT max(s.ts + s.dur) FROM slices s WHERE s.run_id = r.run_id), 0) AS wall_ns,
         (SELECT count(*) FROM threads t WHERE t.run_id = r.run_id) AS threads
  FROM runs r
),
_s AS (SELECT * FROM _r WHERE run_id = :serial),
_t AS (SELECT * FROM _r WHERE run_id = coalesce(:threaded, (SELECT max(run_id) FROM runs))),
_busy AS (
  SELECT coalesce(sum(CASE WHEN x.state = 'gil_hold' THEN x.dur ELSE 0 END), 0) AS held,
         coalesce(sum(x.dur), 0) AS busy
  FROM slices x, _t
  WHERE x.run_id = _t.run_id AND x.state IN ('gil_hold', 'io')
),
_n AS (SELECT CASE WHEN threads > 1 THEN threads - 1 ELSE 1 END AS workers FROM _t)
SELECT _s.run_id AS serial_run,
       _t.run_id AS threaded_run,
       _s.wall_ns AS serial_wall_ns,
       _t.wall_ns AS threaded_wall_ns,
       CASE WHEN _t.wall_ns > 0 THEN _s.wall_ns * 1.0 / _t.wall_ns END AS speedup,
       _n.workers,
       CASE WHEN _t.wall_ns > 0 THEN _s.wall_ns * 1.0 / _t.wall_ns / _n.workers END AS efficiency,
       _busy.held AS gil_held_ns,
       _busy.busy AS busy_ns,
       CASE WHEN _busy.busy > 0 THEN _busy.held * 1.0 / _busy.busy END AS serialised_fraction,
       CASE WHEN _busy.busy > 0
            THEN 1.0 / (_busy.held * 1.0 / _busy.busy + (1.0 - _busy.held * 1.0 / _busy.busy) / _n.workers)
       END AS amdahl_bound
FROM _s, _t, _busy, _n;

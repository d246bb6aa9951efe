-- per_thread_gil: what each Python thread of a run did with the GIL (`gilstat summary`, thread table).
--
-- Parameters:
--   :run  run id; NULL = the latest run.
--
-- Columns:
--   tid                 INTEGER  Thread id (1 = main, then start order).
--   name                TEXT     Thread name.
--   gil_acquisitions    INTEGER  gil_hold slices of the thread.
--   gil_hold_ns         INTEGER  Σ gil_hold duration.
--   gil_wait_ns         INTEGER  Σ gil_wait duration.
--   io_ns               INTEGER  Σ io duration (blocking calls with the GIL released).
--   lock_wait_ns        INTEGER  Σ lock_wait duration (user locks, joins, events…).
--   native_ns           INTEGER  Σ native duration: real CPython only, C code running with the GIL released
--                                for neither I/O nor a lock wait (zlib, hashlib, numpy…); 0 under gilrec's runtime.
--   cpu_ns              INTEGER  CPU time of the OS thread (0 when unknown).
--   vol_ctx             INTEGER  Voluntary context switches (getrusage RUSAGE_THREAD).
--   invol_ctx           INTEGER  Involuntary context switches.
WITH _run AS (
  SELECT coalesce(:run, (SELECT max(run_id) FROM runs)) AS run_id
),
_per AS (
  SELECT s.tid,
         sum(s.state = 'gil_hold') AS acquisitions,
         sum(CASE WHEN s.state = 'gil_hold' THEN s.dur ELSE 0 END) AS hold_ns,
         sum(CASE WHEN s.state = 'gil_wait' THEN s.dur ELSE 0 END) AS wait_ns,
         sum(CASE WHEN s.state = 'io' THEN s.dur ELSE 0 END) AS io_ns,
         sum(CASE WHEN s.state = 'lock_wait' THEN s.dur ELSE 0 END) AS lock_wait_ns,
         sum(CASE WHEN s.state = 'native' THEN s.dur ELSE 0 END) AS native_ns
  FROM slices s, _run
  WHERE s.run_id = _run.run_id
  GROUP BY s.tid
)
SELECT t.tid,
       t.name,
       coalesce(p.acquisitions, 0) AS gil_acquisitions,
       coalesce(p.hold_ns, 0) AS gil_hold_ns,
       coalesce(p.wait_ns, 0) AS gil_wait_ns,
       coalesce(p.io_ns, 0) AS io_ns,
       coalesce(p.lock_wait_ns, 0) AS lock_wait_ns,
       coalesce(p.native_ns, 0) AS native_ns,
       coalesce(t.cpu_ns, 0) AS cpu_ns,
       coalesce(t.vol_ctx, 0) AS vol_ctx,
       coalesce(t.invol_ctx, 0) AS invol_ctx
FROM threads t
JOIN _run ON t.run_id = _run.run_id
LEFT JOIN _per p ON p.tid = t.tid
ORDER BY t.tid;

-- contention_threads: per-thread breakdown of contention on each object, top waiters first
-- (`gilstat contention`, thread table). Definitions as in lock_contention.sql.
--
-- Parameters:
--   :run  run id; NULL = the latest run.
--   :obj  object id; NULL = every object with slices.
--
-- Columns:
--   obj_id          INTEGER  Object id (0 = the GIL).
--   tid             INTEGER  Thread id.
--   name            TEXT     Thread name.
--   acquisitions    INTEGER  Hold slices of this thread on the object.
--   wait_count      INTEGER  Wait slices.
--   wait_total_ns   INTEGER  Σ wait.
--   wait_max_ns     INTEGER  Longest wait (0 without waits).
--   hold_total_ns   INTEGER  Σ hold.
--   hold_share      REAL     This thread's share of the object's total hold time (NULL if never held).
WITH _run AS (
  SELECT coalesce(:run, (SELECT max(run_id) FROM runs)) AS run_id
),
_s AS (
  SELECT s.obj, s.tid, s.state IN ('gil_hold', 'lock_hold') AS is_hold, s.dur
  FROM slices s, _run
  WHERE s.run_id = _run.run_id AND s.state IN ('gil_wait', 'lock_wait', 'gil_hold', 'lock_hold')
    AND (:obj IS NULL OR s.obj = :obj)
),
_per AS (
  SELECT obj, tid,
         sum(is_hold) AS acquisitions,
         sum(NOT is_hold) AS wait_count,
         sum(CASE WHEN is_hold THEN 0 ELSE dur END) AS wait_total_ns,
         max(CASE WHEN is_hold THEN 0 ELSE dur END) AS wait_max_ns,
         sum(CASE WHEN is_hold THEN dur ELSE 0 END) AS hold_total_ns
  FROM _s
  GROUP BY obj, tid
)
SELECT p.obj AS obj_id, p.tid, t.name, p.acquisitions, p.wait_count, p.wait_total_ns, p.wait_max_ns,
       p.hold_total_ns,
       CASE WHEN sum(p.hold_total_ns) OVER (PARTITION BY p.obj) > 0
            THEN p.hold_total_ns * 1.0 / sum(p.hold_total_ns) OVER (PARTITION BY p.obj) END AS hold_share
FROM _per p
JOIN _run
LEFT JOIN threads t ON t.run_id = _run.run_id AND t.tid = p.tid
ORDER BY p.obj, p.wait_total_ns DESC, p.tid;

-- convoy_culprits: the threads that held the GIL while I/O threads waited in convoy episodes
-- (`gilstat convoy`). Episodes as in convoy_episodes.sql.
--
-- Parameters:
--   :run  run id; NULL = the latest run.
--
-- Columns:
--   tid          INTEGER  The holding thread.
--   name         TEXT     Its name.
--   episodes     INTEGER  Episodes during which it held the GIL.
--   held_ns      INTEGER  Σ of its GIL hold time inside episode windows [io end, reacquire).
WITH _run AS MATERIALIZED (
  SELECT r.run_id, r.switch_interval_ns FROM runs r
  WHERE r.run_id = coalesce(:run, (SELECT max(run_id) FROM runs))
),
_max_hold AS MATERIALIZED (
  SELECT coalesce(max(s.dur), 0) AS d FROM slices s, _run
  WHERE s.run_id = _run.run_id AND s.state = 'gil_hold'
),
_io AS MATERIALIZED (
  SELECT s.run_id, s.tid, s.ts + s.dur AS io_end,
         (SELECT h.ts FROM slices h
          WHERE h.run_id = s.run_id AND h.state = 'gil_hold' AND h.ts >= s.ts + s.dur AND h.tid = s.tid
          ORDER BY h.ts LIMIT 1) AS reacquire_ts
  FROM _run CROSS JOIN slices s
  WHERE s.run_id = _run.run_id AND s.state = 'io'
),
_windows AS MATERIALIZED (
  SELECT i.run_id, i.tid, i.io_end, i.reacquire_ts, m.d
  FROM _io i, _run, _max_hold m
  WHERE i.reacquire_ts - i.io_end > _run.switch_interval_ns
),
_overlap AS (
  SELECT i.io_end, i.tid AS io_tid, h.tid,
         min(h.ts + h.dur, i.reacquire_ts) - max(h.ts, i.io_end) AS held
  FROM _windows i
  CROSS JOIN slices h
  WHERE h.run_id = i.run_id AND h.state = 'gil_hold' AND h.ts BETWEEN i.io_end - i.d AND i.reacquire_ts - 1
    AND h.tid != i.tid AND h.ts + h.dur > i.io_end
)
SELECT o.tid, t.name, count(DISTINCT o.io_tid || ':' || o.io_end) AS episodes, sum(o.held) AS held_ns
FROM _overlap o
JOIN _run
LEFT JOIN threads t ON t.run_id = _run.run_id AND t.tid = o.tid
GROUP BY o.tid
ORDER BY held_ns DESC, o.tid;

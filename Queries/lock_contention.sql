-- lock_contention: contention on the GIL (obj 0) and on every user sync object of a run
-- (`gilstat contention`). DESIGN.md §5 "Contention"; the slices are docs/contracts.md "Slice rules".
--
-- An acquisition is a hold slice (gil_hold for obj 0, lock_hold otherwise). A wait is a wait slice
-- (gil_wait / lock_wait, including timed-out lock waits and re-entrant RLock requests). A contended
-- acquisition is a wait that ends where a hold of the same thread and object starts, and at whose start
-- another thread's hold of the object covered it (h.ts <= w.ts < h.ts + h.dur). An owner switch is an
-- acquisition by another thread than the previous one (ordered by ts, then tid). A handoff is a release
-- (end e of a hold) while another thread was waiting (w.ts < e <= w.ts + w.dur); its latency is the next
-- acquisition's start (the first hold starting at or after e, other than the hold itself) minus e.
-- Queue depth counts open waits: +1 at a wait's start, −1 at its end, ends first on equal timestamps;
-- mean = Σ wait / wall, max = the running sum's maximum. Jain fairness = (Σx)² / (n·Σx²) over the hold
-- time x of each thread that waited for or held the object. Percentiles: nearest rank,
-- pP = v[max(1, (P*n + 99) / 100)] of the ascending values v[1..n].
-- Cost: "another thread held it / was waiting" is found by sweeps (window sums), O(n log n) whatever the
-- wait and hold lengths; on a 10 M-event run the shell needs about two minutes (gilstat: seconds).
--
-- Parameters:
--   :run  run id; NULL = the latest run.
--   :obj  object id; NULL = all objects that have slices (the GIL first).
--
-- Columns:
--   obj_id            INTEGER  Object id (0 = the GIL).
--   kind              TEXT     objects.kind: gil, lock, rlock, semaphore, condition, event, queue, thread…
--   name              TEXT     objects.name.
--   acquisitions      INTEGER  Hold slices.
--   contended         INTEGER  Acquisitions requested while another thread held the object.
--   wait_count        INTEGER  Wait slices.
--   wait_total_ns     INTEGER  Σ wait.
--   wait_p50_ns … wait_max_ns   INTEGER  Wait percentiles (p50, p90, p99) and maximum; NULL without waits.
--   hold_total_ns     INTEGER  Σ hold.
--   hold_p50_ns … hold_max_ns   INTEGER  Hold percentiles and maximum; NULL without holds.
--   owner_switches    INTEGER  Acquisitions by another thread than the previous acquirer.
--   handoffs          INTEGER  Releases with a waiter that were followed by an acquisition.
--   handoff_total_ns  INTEGER  Σ handoff latency.
--   handoff_p50_ns … handoff_max_ns  INTEGER  Handoff latency percentiles and maximum.
--   queue_mean        REAL     Time-weighted mean number of waiters (Σ wait / wall).
--   queue_max         INTEGER  Most waiters at once.
--   utilisation       REAL     hold_total_ns / wall.
--   jain_fairness     REAL     Jain's index over per-thread hold time (1 = equal; NULL if nobody held it).
WITH _run AS MATERIALIZED (
  SELECT r.run_id,
         coalesce(r.wall_ns, (SELECT max(s.ts + s.dur) FROM slices s WHERE s.run_id = r.run_id), 0) AS wall_ns
  FROM runs r
  WHERE r.run_id = coalesce(:run, (SELECT max(run_id) FROM runs))
),
_w AS MATERIALIZED (
  SELECT s.obj, s.tid, s.ts, s.dur
  FROM slices s, _run
  WHERE s.run_id = _run.run_id AND s.state IN ('gil_wait', 'lock_wait')
    AND (:obj IS NULL OR s.obj = :obj)
),
_h AS MATERIALIZED (
  SELECT s.obj, s.tid, s.ts, s.dur
  FROM slices s, _run
  WHERE s.run_id = _run.run_id AND s.state IN ('gil_hold', 'lock_hold')
    AND (:obj IS NULL OR s.obj = :obj)
),
_objs AS (
  SELECT obj FROM _w UNION SELECT obj FROM _h
),
_wait_stats AS (
  SELECT obj, count(*) AS n_w, sum(dur) AS total,
         max(CASE WHEN rn = max(1, (50 * n + 99) / 100) THEN dur END) AS p50,
         max(CASE WHEN rn = max(1, (90 * n + 99) / 100) THEN dur END) AS p90,
         max(CASE WHEN rn = max(1, (99 * n + 99) / 100) THEN dur END) AS p99,
         max(dur) AS mx
  FROM (SELECT obj, dur, row_number() OVER (PARTITION BY obj ORDER BY dur) AS rn,
               count(*) OVER (PARTITION BY obj) AS n FROM _w)
  GROUP BY obj
),
_hold_stats AS (
  SELECT obj, count(*) AS n_h, sum(dur) AS total,
         max(CASE WHEN rn = max(1, (50 * n + 99) / 100) THEN dur END) AS p50,
         max(CASE WHEN rn = max(1, (90 * n + 99) / 100) THEN dur END) AS p90,
         max(CASE WHEN rn = max(1, (99 * n + 99) / 100) THEN dur END) AS p99,
         max(dur) AS mx,
         sum(prev_tid IS NOT NULL AND prev_tid != tid) AS owner_switches
  FROM (SELECT obj, tid, dur, row_number() OVER (PARTITION BY obj ORDER BY dur) AS rn,
               count(*) OVER (PARTITION BY obj) AS n,
               lag(tid) OVER (PARTITION BY obj ORDER BY ts, tid) AS prev_tid FROM _h)
  GROUP BY obj
),
-- Contended: at each wait's start t, count the other threads' holds with h.ts <= t < h.end as a running
-- sum over hold starts (+1) and ends (−1), all of them ordered before a probe at the same t; the same sum
-- per thread gives the waiter's own holds, and the difference is the others'. A sweep, not a pairwise scan.
_hold_sweep AS MATERIALIZED (
  SELECT obj, tid, t, delta, probe_end,
         sum(delta) OVER (PARTITION BY obj ORDER BY t, is_probe, tid ROWS UNBOUNDED PRECEDING) AS open_all,
         sum(delta) OVER (PARTITION BY obj, tid ORDER BY t, is_probe ROWS UNBOUNDED PRECEDING) AS open_own,
         is_probe
  FROM (SELECT obj, tid, ts AS t, 1 AS delta, 0 AS is_probe, NULL AS probe_end FROM _h
        UNION ALL SELECT obj, tid, ts + dur, -1, 0, NULL FROM _h
        UNION ALL SELECT obj, tid, ts, 0, 1, ts + dur FROM _w)
),
_contended AS MATERIALIZED (
  SELECT p.obj, count(*) AS n
  FROM _hold_sweep p, _run
  WHERE p.is_probe AND p.open_all - p.open_own > 0
    AND EXISTS (SELECT 1 FROM slices a
                WHERE a.run_id = _run.run_id AND a.state = CASE WHEN p.obj = 0 THEN 'gil_hold' ELSE 'lock_hold' END
                  AND a.ts = p.probe_end AND a.tid = p.tid AND a.obj = p.obj)
  GROUP BY p.obj
),
-- Handoffs: at each release e, the waits of other threads with w.ts < e <= w.end, by the same kind of sweep
-- (probes first at equal times: a wait starting at e is not waiting yet, one ending at e still is).
_wait_sweep AS MATERIALIZED (
  SELECT obj, tid, t, is_probe, probe_start,
         sum(delta) OVER (PARTITION BY obj ORDER BY t, is_probe DESC, tid ROWS UNBOUNDED PRECEDING) AS open_all,
         sum(delta) OVER (PARTITION BY obj, tid ORDER BY t, is_probe DESC ROWS UNBOUNDED PRECEDING) AS open_own
  FROM (SELECT obj, tid, ts AS t, 1 AS delta, 0 AS is_probe, NULL AS probe_start FROM _w
        UNION ALL SELECT obj, tid, ts + dur, -1, 0, NULL FROM _w
        UNION ALL SELECT obj, tid, ts + dur, 0, 1, ts FROM _h)
),
_handoff AS MATERIALIZED (
  SELECT p.obj,
         (SELECT n.ts FROM slices n
          WHERE n.run_id = _run.run_id AND n.state = CASE WHEN p.obj = 0 THEN 'gil_hold' ELSE 'lock_hold' END
            AND n.ts >= p.t AND n.obj = p.obj AND NOT (n.tid = p.tid AND n.ts = p.probe_start)
          ORDER BY n.ts LIMIT 1) - p.t AS lat
  FROM _wait_sweep p, _run
  WHERE p.is_probe AND p.open_all - p.open_own > 0
),
_handoff_stats AS (
  SELECT obj, count(*) AS n_x, sum(lat) AS total,
         max(CASE WHEN rn = max(1, (50 * n + 99) / 100) THEN lat END) AS p50,
         max(CASE WHEN rn = max(1, (90 * n + 99) / 100) THEN lat END) AS p90,
         max(CASE WHEN rn = max(1, (99 * n + 99) / 100) THEN lat END) AS p99,
         max(lat) AS mx
  FROM (SELECT obj, lat, row_number() OVER (PARTITION BY obj ORDER BY lat) AS rn,
               count(*) OVER (PARTITION BY obj) AS n FROM _handoff WHERE lat IS NOT NULL)
  GROUP BY obj
),
_queue AS (
  SELECT obj, max(depth) AS mx
  FROM (SELECT obj, sum(delta) OVER (PARTITION BY obj ORDER BY t, delta ROWS UNBOUNDED PRECEDING) AS depth
        FROM (SELECT obj, ts AS t, 1 AS delta FROM _w UNION ALL SELECT obj, ts + dur, -1 FROM _w))
  GROUP BY obj
),
_per_thread AS (
  SELECT obj, tid, sum(hold) AS x
  FROM (SELECT obj, tid, 0 AS hold FROM _w UNION ALL SELECT obj, tid, dur FROM _h)
  GROUP BY obj, tid
),
_jain AS (
  SELECT obj, CASE WHEN sum(x * 1.0 * x) > 0
                   THEN (sum(x) * 1.0) * sum(x) / (count(*) * sum(x * 1.0 * x)) END AS j
  FROM _per_thread
  GROUP BY obj
)
SELECT o.obj AS obj_id,
       coalesce(ob.kind, CASE WHEN o.obj = 0 THEN 'gil' END) AS kind,
       coalesce(ob.name, CASE WHEN o.obj = 0 THEN 'GIL' END) AS name,
       coalesce(hs.n_h, 0) AS acquisitions,
       coalesce(c.n, 0) AS contended,
       coalesce(ws.n_w, 0) AS wait_count,
       coalesce(ws.total, 0) AS wait_total_ns,
       ws.p50 AS wait_p50_ns, ws.p90 AS wait_p90_ns, ws.p99 AS wait_p99_ns, ws.mx AS wait_max_ns,
       coalesce(hs.total, 0) AS hold_total_ns,
       hs.p50 AS hold_p50_ns, hs.p90 AS hold_p90_ns, hs.p99 AS hold_p99_ns, hs.mx AS hold_max_ns,
       coalesce(hs.owner_switches, 0) AS owner_switches,
       coalesce(x.n_x, 0) AS handoffs,
       coalesce(x.total, 0) AS handoff_total_ns,
       x.p50 AS handoff_p50_ns, x.p90 AS handoff_p90_ns, x.p99 AS handoff_p99_ns, x.mx AS handoff_max_ns,
       CASE WHEN _run.wall_ns > 0 THEN coalesce(ws.total, 0) * 1.0 / _run.wall_ns END AS queue_mean,
       coalesce(q.mx, 0) AS queue_max,
       CASE WHEN _run.wall_ns > 0 THEN coalesce(hs.total, 0) * 1.0 / _run.wall_ns END AS utilisation,
       j.j AS jain_fairness
FROM _objs o
CROSS JOIN _run
LEFT JOIN objects ob ON ob.run_id = _run.run_id AND ob.obj_id = o.obj
LEFT JOIN _wait_stats ws ON ws.obj = o.obj
LEFT JOIN _hold_stats hs ON hs.obj = o.obj
LEFT JOIN _contended c ON c.obj = o.obj
LEFT JOIN _handoff_stats x ON x.obj = o.obj
LEFT JOIN _queue q ON q.obj = o.obj
LEFT JOIN _jain j ON j.obj = o.obj
ORDER BY o.obj;

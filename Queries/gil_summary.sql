-- gil_summary: the headline figures of one run (`gilstat summary`).
--
-- Wall time is runs.wall_ns, or for a run that did not finish the end of its last slice. GIL figures come
-- from the slices of obj 0 (docs/contracts.md "Slice rules"): an acquisition is a gil_hold slice, an owner
-- switch is an acquisition by a different thread than the previous one (ordered by ts, then tid).
-- Percentiles are nearest rank: sorted v[1..n], pP = v[max(1, (P*n + 99) / 100)] in integer arithmetic.
--
-- Parameters:
--   :run  run id; NULL = the latest run.
--
-- Columns:
--   run_id              INTEGER  The run analysed.
--   status              TEXT     runs.status.
--   wall_ns             INTEGER  Wall time, ns (see above).
--   cpu_ns              INTEGER  Process CPU time, ns (NULL when unknown).
--   threads             INTEGER  Python threads.
--   events              INTEGER  Events stored.
--   gil_acquisitions    INTEGER  gil_hold slices.
--   owner_switches      INTEGER  Acquisitions whose thread differs from the previous acquirer's.
--   switches_per_s      REAL     owner_switches per second of wall time (NULL when wall_ns is 0).
--   gil_held_ns         INTEGER  Σ gil_hold duration.
--   gil_held_fraction   REAL     gil_held_ns / wall_ns.
--   drop_requests       INTEGER  gil_drop_request events.
--   wait_count          INTEGER  gil_wait slices.
--   wait_total_ns       INTEGER  Σ gil_wait duration.
--   wait_p50_ns         INTEGER  Median GIL wait (NULL without waits).
--   wait_p99_ns         INTEGER  99th percentile GIL wait.
--   wait_max_ns         INTEGER  Longest GIL wait.
WITH _run AS (
  SELECT r.run_id, r.status, r.cpu_ns, coalesce(r.event_count, 0) AS events,
         coalesce(r.wall_ns, (SELECT max(s.ts + s.dur) FROM slices s WHERE s.run_id = r.run_id), 0) AS wall_ns
  FROM runs r
  WHERE r.run_id = coalesce(:run, (SELECT max(run_id) FROM runs))
),
_holds AS (
  SELECT s.tid, s.dur, lag(s.tid) OVER (ORDER BY s.ts, s.tid) AS prev_tid
  FROM slices s, _run
  WHERE s.run_id = _run.run_id AND s.state = 'gil_hold' AND s.obj = 0
),
_waits AS (
  SELECT s.dur, row_number() OVER (ORDER BY s.dur) AS rn, count(*) OVER () AS n
  FROM slices s, _run
  WHERE s.run_id = _run.run_id AND s.state = 'gil_wait' AND s.obj = 0
),
_h AS (
  SELECT count(*) AS acquisitions,
         coalesce(sum(prev_tid IS NOT NULL AND prev_tid != tid), 0) AS owner_switches,
         coalesce(sum(dur), 0) AS held_ns
  FROM _holds
),
_w AS (
  SELECT count(*) AS wait_count,
         coalesce(sum(dur), 0) AS wait_total_ns,
         max(CASE WHEN rn = max(1, (50 * n + 99) / 100) THEN dur END) AS wait_p50_ns,
         max(CASE WHEN rn = max(1, (99 * n + 99) / 100) THEN dur END) AS wait_p99_ns,
         max(dur) AS wait_max_ns
  FROM _waits
)
SELECT _run.run_id,
       _run.status,
       _run.wall_ns,
       _run.cpu_ns,
       (SELECT count(*) FROM threads t WHERE t.run_id = _run.run_id) AS threads,
       _run.events,
       _h.acquisitions AS gil_acquisitions,
       _h.owner_switches,
       CASE WHEN _run.wall_ns > 0 THEN _h.owner_switches * 1e9 / _run.wall_ns END AS switches_per_s,
       _h.held_ns AS gil_held_ns,
       CASE WHEN _run.wall_ns > 0 THEN _h.held_ns * 1.0 / _run.wall_ns END AS gil_held_fraction,
       (SELECT count(*) FROM events e WHERE e.run_id = _run.run_id AND e.kind = 5) AS drop_requests,
       _w.wait_count,
       _w.wait_total_ns,
       _w.wait_p50_ns,
       _w.wait_p99_ns,
       _w.wait_max_ns
FROM _run, _h, _w;

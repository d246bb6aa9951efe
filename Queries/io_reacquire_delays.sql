-- io_reacquire_delays: for each blocking call (io slice), how long its thread then waited to get the GIL
-- back, and whether that wait was a convoy episode (`gilstat convoy`; DESIGN.md §5 "Convoy").
--
-- reacquire = the start of the thread's first gil_hold at or after the io slice's end; delay = reacquire −
-- io end. An episode is a delay longer than the run's switch interval while another thread held the GIL
-- during the delay window [io end, reacquire) — the CPU-bound holder that CPython's GIL, having no waiter
-- queue, lets run a whole interval (Python/ceval_gil.c, take_gil). Calls never followed by an acquisition
-- (the run ended) have NULL reacquire and delay.
--
-- Parameters:
--   :run  run id; NULL = the latest run.
--
-- Columns:
--   tid            INTEGER  Thread that made the call.
--   io_kind        INTEGER  IOKind code (io_kinds table): 1 sleep, 2 file_read, … 6 recv, 7 send, 8 urlopen, 9 hash.
--   io_ts          INTEGER  Start of the call, ns since the run started.
--   io_ns          INTEGER  Duration of the call.
--   reacquire_ts   INTEGER  When the thread held the GIL again (NULL if never).
--   delay_ns       INTEGER  reacquire_ts − (io_ts + io_ns).
--   is_episode     INTEGER  1 for a convoy episode, else 0.
--   holders        TEXT     Comma-separated tids of the other threads that held the GIL during the delay.
WITH _run AS MATERIALIZED (
  SELECT r.run_id, r.switch_interval_ns FROM runs r
  WHERE r.run_id = coalesce(:run, (SELECT max(run_id) FROM runs))
),
_max_hold AS MATERIALIZED (
  SELECT coalesce(max(s.dur), 0) AS d FROM slices s, _run
  WHERE s.run_id = _run.run_id AND s.state = 'gil_hold'
),
_io AS MATERIALIZED (
  SELECT s.run_id, s.tid, s.obj AS io_kind, s.ts AS io_ts, s.dur AS io_ns, s.ts + s.dur AS io_end, m.d,
         (SELECT h.ts FROM slices h
          WHERE h.run_id = s.run_id AND h.state = 'gil_hold' AND h.ts >= s.ts + s.dur AND h.tid = s.tid
          ORDER BY h.ts LIMIT 1) AS reacquire_ts
  FROM _run CROSS JOIN slices s, _max_hold m
  WHERE s.run_id = _run.run_id AND s.state = 'io'
),
_d AS (
  SELECT i.*, i.reacquire_ts - i.io_end AS delay_ns,
         (SELECT group_concat(tid, ',') FROM (
            SELECT DISTINCT h.tid FROM slices h
            WHERE h.run_id = i.run_id AND h.state = 'gil_hold' AND h.ts BETWEEN i.io_end - i.d AND i.reacquire_ts - 1
              AND h.tid != i.tid AND h.ts + h.dur > i.io_end ORDER BY h.tid)) AS holders
  FROM _io i
)
SELECT _d.tid, _d.io_kind, _d.io_ts, _d.io_ns, _d.reacquire_ts, _d.delay_ns,
       (_d.delay_ns > _run.switch_interval_ns AND _d.holders IS NOT NULL) AS is_episode,
       _d.holders
FROM _d, _run
ORDER BY _d.io_ts, _d.tid;

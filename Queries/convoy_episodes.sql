-- convoy_episodes: the convoy effect of one run in one row (`gilstat convoy`; DESIGN.md §5 "Convoy").
--
-- Per blocking call (io slice): delay = the thread's first gil_hold start at or after the call's end −
-- that end. An episode is a delay > runs.switch_interval_ns while another thread held the GIL during
-- [io end, reacquire). I/O slowdown = (Σ io + Σ delay) / Σ io: how much longer the blocking calls took
-- from the program's point of view. Percentiles: nearest rank, v[max(1, (P*n + 99) / 100)].
--
-- Parameters:
--   :run  run id; NULL = the latest run.
--
-- Columns:
--   run_id              INTEGER  The run analysed.
--   switch_interval_ns  INTEGER  The threshold for an episode.
--   io_count            INTEGER  io slices (0: the run did no blocking I/O).
--   io_total_ns         INTEGER  Σ io duration.
--   reacquires          INTEGER  io slices followed by a GIL acquisition.
--   delay_total_ns      INTEGER  Σ reacquire delay.
--   delay_p50_ns        INTEGER  Median reacquire delay (NULL without reacquires).
--   delay_p99_ns        INTEGER  99th percentile reacquire delay.
--   delay_max_ns        INTEGER  Longest reacquire delay.
--   episodes            INTEGER  Convoy episodes.
--   episode_total_ns    INTEGER  Σ delay of the episodes.
--   episode_p50_ns      INTEGER  Median episode delay (NULL without episodes).
--   episode_p99_ns      INTEGER  99th percentile episode delay.
--   episode_max_ns      INTEGER  Longest episode delay.
--   io_slowdown         REAL     (io_total_ns + delay_total_ns) / io_total_ns (NULL without I/O time).
WITH _run AS MATERIALIZED (
  SELECT r.run_id, r.switch_interval_ns FROM runs r
  WHERE r.run_id = coalesce(:run, (SELECT max(run_id) FROM runs))
),
_max_hold AS MATERIALIZED (
  SELECT coalesce(max(s.dur), 0) AS d FROM slices s, _run
  WHERE s.run_id = _run.run_id AND s.state = 'gil_hold'
),
_io AS MATERIALIZED (
  SELECT s.run_id, s.tid, s.dur AS io_ns, s.ts + s.dur AS io_end, m.d,
         (SELECT h.ts FROM slices h
          WHERE h.run_id = s.run_id AND h.state = 'gil_hold' AND h.ts >= s.ts + s.dur AND h.tid = s.tid
          ORDER BY h.ts LIMIT 1) AS reacquire_ts
  FROM _run CROSS JOIN slices s, _max_hold m
  WHERE s.run_id = _run.run_id AND s.state = 'io'
),
_d AS (
  SELECT i.io_ns, i.reacquire_ts - i.io_end AS delay_ns,
         (i.reacquire_ts - i.io_end > _run.switch_interval_ns AND EXISTS (
            SELECT 1 FROM slices h
            WHERE h.run_id = i.run_id AND h.state = 'gil_hold' AND h.ts BETWEEN i.io_end - i.d AND i.reacquire_ts - 1
              AND h.tid != i.tid AND h.ts + h.dur > i.io_end)) AS is_episode
  FROM _io i, _run
),
_delays AS (
  SELECT delay_ns, row_number() OVER (ORDER BY delay_ns) AS rn, count(*) OVER () AS n
  FROM _d WHERE delay_ns IS NOT NULL
),
_episodes AS (
  SELECT delay_ns, row_number() OVER (ORDER BY delay_ns) AS rn, count(*) OVER () AS n
  FROM _d WHERE is_episode
),
_ds AS (
  SELECT count(*) AS reacquires, coalesce(sum(delay_ns), 0) AS total,
         max(CASE WHEN rn = max(1, (50 * n + 99) / 100) THEN delay_ns END) AS p50,
         max(CASE WHEN rn = max(1, (99 * n + 99) / 100) THEN delay_ns END) AS p99,
         max(delay_ns) AS mx
  FROM _delays
),
_es AS (
  SELECT count(*) AS episodes, coalesce(sum(delay_ns), 0) AS total,
         max(CASE WHEN rn = max(1, (50 * n + 99) / 100) THEN delay_ns END) AS p50,
         max(CASE WHEN rn = max(1, (99 * n + 99) / 100) THEN delay_ns END) AS p99,
         max(delay_ns) AS mx
  FROM _episodes
),
_is AS (SELECT count(*) AS io_count, coalesce(sum(io_ns), 0) AS io_total FROM _d)
SELECT _run.run_id, _run.switch_interval_ns,
       _is.io_count, _is.io_total AS io_total_ns,
       _ds.reacquires, _ds.total AS delay_total_ns, _ds.p50 AS delay_p50_ns, _ds.p99 AS delay_p99_ns,
       _ds.mx AS delay_max_ns,
       _es.episodes, _es.total AS episode_total_ns, _es.p50 AS episode_p50_ns, _es.p99 AS episode_p99_ns,
       _es.mx AS episode_max_ns,
       CASE WHEN _is.io_total > 0 THEN (_is.io_total + _ds.total) * 1.0 / _is.io_total END AS io_slowdown
FROM _run, _is, _ds, _es;

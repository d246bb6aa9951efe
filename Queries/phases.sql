-- phases: where the time of one run went, phase by phase (`gilstat speedup --phases`).
--
-- Phases come from `with gilrec.phase("name"):` — each begin mark paired with the next end mark (by seq)
-- of the same label — or, when the run has none, from thread lifetimes: 'workers alive' while any thread
-- other than main (tid 1) lives (overlapping or touching lifetimes merged), 'main alone' in the gaps up to
-- the wall time. Repeated phases of one name are summed. Slices are clipped to each segment.
--
-- Parameters:
--   :run  run id; NULL = the latest run.
--
-- Columns:
--   name              TEXT     Phase name.
--   segments          INTEGER  How many [start, end) segments it has.
--   start_ns          INTEGER  Start of its first segment.
--   dur_ns            INTEGER  Σ segment durations.
--   gil_hold_ns       INTEGER  Σ gil_hold inside the segments.
--   gil_wait_ns       INTEGER  Σ gil_wait inside.
--   io_ns             INTEGER  Σ io inside.
--   concurrency       REAL     (gil_hold_ns + io_ns) / dur_ns: threads doing work at once, on average.
--   gil_held_fraction REAL     gil_hold_ns / dur_ns.
--   speedup_vs_first  REAL     First phase's dur_ns / this one's, for marked phases (NULL for lifetimes).
WITH _run AS (
  SELECT r.run_id,
         coalesce(r.wall_ns, (SELECT max(s.ts + s.dur) FROM slices s WHERE s.run_id = r.run_id), 0) AS wall_ns
  FROM runs r
  WHERE r.run_id = coalesce(:run, (SELECT max(run_id) FROM runs))
),
_marked AS (
  SELECT coalesce(l.text, 'label ' || b.obj) AS name, b.ts AS s,
         (SELECT x.ts FROM events x
          WHERE x.run_id = b.run_id AND x.kind = 13 AND x.arg = 2 AND x.obj = b.obj AND x.seq > b.seq
          ORDER BY x.seq LIMIT 1) AS e
  FROM events b
  JOIN _run ON b.run_id = _run.run_id
  LEFT JOIN labels l ON l.run_id = b.run_id AND l.label_id = b.obj
  WHERE b.kind = 13 AND b.arg = 1
),
_life AS (
  SELECT t.start_ns AS s, coalesce(t.end_ns, _run.wall_ns) AS e
  FROM threads t, _run
  WHERE t.run_id = _run.run_id AND t.tid != 1
),
_grouped AS (
  SELECT s, e, sum(CASE WHEN prev_max IS NULL OR s > prev_max THEN 1 ELSE 0 END)
                 OVER (ORDER BY s, e ROWS UNBOUNDED PRECEDING) AS grp
  FROM (SELECT s, e, max(e) OVER (ORDER BY s, e ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_max
        FROM _life)
),
_islands AS (SELECT min(s) AS s, max(e) AS e FROM _grouped GROUP BY grp),
_lifetime AS (
  SELECT 'workers alive' AS name, s, e FROM _islands
  UNION ALL
  SELECT 'main alone', coalesce(lag(e) OVER (ORDER BY s), 0), s FROM _islands
  UNION ALL
  SELECT 'main alone', coalesce((SELECT max(e) FROM _islands), 0), _run.wall_ns FROM _run
),
_from_marks AS (SELECT EXISTS (SELECT 1 FROM _marked WHERE e IS NOT NULL) AS yes),
_segments AS (
  SELECT name, s, e FROM _marked WHERE e IS NOT NULL
  UNION ALL
  SELECT name, s, e FROM _lifetime, _from_marks WHERE NOT _from_marks.yes AND e > s
),
_clipped AS (
  SELECT g.name, g.s, g.e,
         (SELECT coalesce(sum(min(x.ts + x.dur, g.e) - max(x.ts, g.s)), 0) FROM slices x, _run
          WHERE x.run_id = _run.run_id AND x.state = 'gil_hold' AND x.ts < g.e AND x.ts + x.dur > g.s) AS hold,
         (SELECT coalesce(sum(min(x.ts + x.dur, g.e) - max(x.ts, g.s)), 0) FROM slices x, _run
          WHERE x.run_id = _run.run_id AND x.state = 'gil_wait' AND x.ts < g.e AND x.ts + x.dur > g.s) AS wait,
         (SELECT coalesce(sum(min(x.ts + x.dur, g.e) - max(x.ts, g.s)), 0) FROM slices x, _run
          WHERE x.run_id = _run.run_id AND x.state = 'io' AND x.ts < g.e AND x.ts + x.dur > g.s) AS io
  FROM _segments g
),
_phases AS (
  SELECT name, count(*) AS segments, min(s) AS start_ns, sum(e - s) AS dur_ns,
         sum(hold) AS gil_hold_ns, sum(wait) AS gil_wait_ns, sum(io) AS io_ns
  FROM _clipped
  GROUP BY name
),
_first AS (SELECT dur_ns FROM _phases ORDER BY start_ns, name LIMIT 1)
SELECT p.name, p.segments, p.start_ns, p.dur_ns, p.gil_hold_ns, p.gil_wait_ns, p.io_ns,
       CASE WHEN p.dur_ns > 0 THEN (p.gil_hold_ns + p.io_ns) * 1.0 / p.dur_ns END AS concurrency,
       CASE WHEN p.dur_ns > 0 THEN p.gil_hold_ns * 1.0 / p.dur_ns END AS gil_held_fraction,
       CASE WHEN p.dur_ns > 0 AND _from_marks.yes THEN _first.dur_ns * 1.0 / p.dur_ns END AS speedup_vs_first
FROM _phases p, _first, _from_marks
ORDER BY p.start_ns, p.name;

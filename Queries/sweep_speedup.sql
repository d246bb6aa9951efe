-- sweep_speedup: every run of one `gilrec sweep` against its group's baseline (`gilstat speedup --sweep`;
-- DESIGN.md §5 "Speedup").
--
-- A group is the sweep's runs with the same (policy, switch_interval_ns). threads = the thread count the
-- sweep asked for: the last element of the run's argv (gilrec sweep appends it), or, when that is not a
-- positive integer, the run's threads minus the main thread when it started others (else 1). The group's
-- baseline is its smallest threads; its wall time is the nearest-rank median, v[max(1, (50*n + 99) / 100)],
-- of those runs' wall times (ascending, ties by run_id). speedup = baseline wall / wall; efficiency =
-- speedup * baseline threads / threads; GIL-serialised fraction s = Σ gil_hold / (Σ gil_hold + Σ io) and
-- Amdahl's bound 1 / (s + (1 − s) / threads), as in speedup.sql. Wall time as in gil_summary.sql.
--
-- Parameters:
--   :sweep  the sweep id; NULL = the latest sweep.
--
-- Columns:
--   sweep_id             INTEGER  :sweep.
--   policy               TEXT     GIL policy of the group.
--   switch_interval_ns   INTEGER  Switch interval of the group, ns.
--   threads              INTEGER  Thread count the sweep asked for.
--   run_id               INTEGER  The run.
--   repeat               INTEGER  1, 2, … among the group's runs with the same threads, by run_id.
--   status               TEXT     runs.status (a killed recorder's run stays 'running' here; gilstat says 'incomplete').
--   wall_ns              INTEGER  Wall time of the run.
--   baseline_threads     INTEGER  The group's smallest threads (1 when the sweep included 1).
--   baseline_wall_ns     INTEGER  Median wall time of the group's baseline runs.
--   speedup              REAL     baseline_wall_ns / wall_ns.
--   efficiency           REAL     speedup * baseline_threads / threads.
--   gil_held_ns          INTEGER  Σ gil_hold of the run.
--   busy_ns              INTEGER  Σ gil_hold + Σ io of the run.
--   serialised_fraction  REAL     gil_held_ns / busy_ns (NULL when nothing was busy).
--   amdahl_bound         REAL     The largest speedup that fraction allows on `threads` threads.
WITH _r AS (
  SELECT r.run_id, r.sweep_id, r.policy, r.switch_interval_ns, r.status,
         coalesce(r.wall_ns, (SELECT max(s.ts + s.dur) FROM slices s WHERE s.run_id = r.run_id), 0) AS wall_ns,
         json_extract(r.argv, '$[#-1]') AS last_arg,
         (SELECT count(*) FROM threads t WHERE t.run_id = r.run_id) AS thread_rows
  FROM runs r
  WHERE r.sweep_id = coalesce(:sweep, (SELECT max(sweep_id) FROM runs))
),
_t AS (
  SELECT _r.*,
         CASE WHEN typeof(last_arg) = 'text' AND last_arg GLOB '[0-9]*' AND last_arg NOT GLOB '*[^0-9]*'
                   AND CAST(last_arg AS INTEGER) >= 1
              THEN CAST(last_arg AS INTEGER)
              WHEN thread_rows > 1 THEN thread_rows - 1
              ELSE 1
         END AS threads
  FROM _r
),
_g AS (
  SELECT policy, switch_interval_ns, min(run_id) AS first_run, min(threads) AS baseline_threads
  FROM _t GROUP BY policy, switch_interval_ns
),
_b AS (
  SELECT t.policy, t.switch_interval_ns, t.wall_ns,
         row_number() OVER (PARTITION BY t.policy, t.switch_interval_ns ORDER BY t.wall_ns, t.run_id) AS k,
         count(*) OVER (PARTITION BY t.policy, t.switch_interval_ns) AS n
  FROM _t t JOIN _g g
    ON g.policy IS t.policy AND g.switch_interval_ns IS t.switch_interval_ns AND t.threads = g.baseline_threads
),
_base AS (
  SELECT policy, switch_interval_ns, wall_ns AS baseline_wall_ns FROM _b WHERE k = max(1, (50 * n + 99) / 100)
),
_busy AS (
  SELECT x.run_id,
         sum(CASE WHEN x.state = 'gil_hold' THEN x.dur ELSE 0 END) AS held,
         sum(x.dur) AS busy
  FROM slices x
  WHERE x.run_id IN (SELECT run_id FROM _t) AND x.state IN ('gil_hold', 'io')
  GROUP BY x.run_id
)
SELECT t.sweep_id,
       t.policy,
       t.switch_interval_ns,
       t.threads,
       t.run_id,
       row_number() OVER (PARTITION BY t.policy, t.switch_interval_ns, t.threads ORDER BY t.run_id) AS "repeat",
       t.status,
       t.wall_ns,
       g.baseline_threads,
       b.baseline_wall_ns,
       CASE WHEN t.wall_ns > 0 AND b.baseline_wall_ns > 0 THEN b.baseline_wall_ns * 1.0 / t.wall_ns END AS speedup,
       CASE WHEN t.wall_ns > 0 AND b.baseline_wall_ns > 0
            THEN b.baseline_wall_ns * 1.0 / t.wall_ns * g.baseline_threads / t.threads
       END AS efficiency,
       coalesce(u.held, 0) AS gil_held_ns,
       coalesce(u.busy, 0) AS busy_ns,
       CASE WHEN u.busy > 0 THEN u.held * 1.0 / u.busy END AS serialised_fraction,
       CASE WHEN u.busy > 0 THEN 1.0 / (u.held * 1.0 / u.busy + (1.0 - u.held * 1.0 / u.busy) / t.threads) END AS amdahl_bound
FROM _t t
JOIN _g g ON g.policy IS t.policy AND g.switch_interval_ns IS t.switch_interval_ns
LEFT JOIN _base b ON b.policy IS t.policy AND b.switch_interval_ns IS t.switch_interval_ns
LEFT JOIN _busy u ON u.run_id = t.run_id
ORDER BY g.first_run, t.threads, t.run_id;

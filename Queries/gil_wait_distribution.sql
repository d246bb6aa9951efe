-- gil_wait_distribution: how long threads waited for the GIL (or a lock), in fixed buckets.
--
-- The buckets are fixed so that runs compare: 1 µs, 10 µs, 100 µs, 1 ms, 5 ms (the default switch
-- interval), 10 ms, 100 ms, 1 s. Every bucket is returned, empty ones with count 0.
--
-- Parameters:
--   :run  run id; NULL = the latest run.
--   :obj  object id; NULL or 0 = the GIL (gil_wait slices), else that object's lock_wait slices.
--
-- Columns:
--   bucket               INTEGER  0-based bucket index.
--   lo_ns                INTEGER  Inclusive lower bound, ns.
--   hi_ns                INTEGER  Exclusive upper bound, ns (NULL for the last bucket).
--   count                INTEGER  Waits in the bucket.
--   total_ns             INTEGER  Σ their durations.
--   cumulative_fraction  REAL     Fraction of all waits in this bucket or below (NULL without waits).
WITH _run AS (
  SELECT coalesce(:run, (SELECT max(run_id) FROM runs)) AS run_id, coalesce(:obj, 0) AS obj
),
_buckets(bucket, lo_ns, hi_ns) AS (
  VALUES (0, 0, 1000), (1, 1000, 10000), (2, 10000, 100000), (3, 100000, 1000000), (4, 1000000, 5000000),
         (5, 5000000, 10000000), (6, 10000000, 100000000), (7, 100000000, 1000000000), (8, 1000000000, NULL)
),
_waits AS (
  SELECT s.dur
  FROM slices s, _run
  WHERE s.run_id = _run.run_id AND s.obj = _run.obj
    AND s.state = CASE WHEN _run.obj = 0 THEN 'gil_wait' ELSE 'lock_wait' END
),
_counts AS (
  SELECT b.bucket, b.lo_ns, b.hi_ns, count(w.dur) AS count, coalesce(sum(w.dur), 0) AS total_ns
  FROM _buckets b
  LEFT JOIN _waits w ON w.dur >= b.lo_ns AND (b.hi_ns IS NULL OR w.dur < b.hi_ns)
  GROUP BY b.bucket
)
SELECT bucket, lo_ns, hi_ns, count, total_ns,
       CASE WHEN (SELECT count(*) FROM _waits) > 0
            THEN sum(count) OVER (ORDER BY bucket) * 1.0 / (SELECT count(*) FROM _waits) END AS cumulative_fraction
FROM _counts
ORDER BY bucket;

-- gil_switches_per_second: GIL owner switches over time, in fixed buckets (`gilstat summary`, switch rate).
--
-- Buckets of :bucket_ns (default 1 s) cover [0, wall); the last one is shorter when the wall time is not a
-- multiple. An acquisition (gil_hold slice) and its owner switch (a different thread than the previous
-- acquirer, ordered by ts then tid) count in the bucket where the hold starts; held time is clipped to each
-- bucket. CPython 3 with two CPU-bound threads switches about every 5 ms, ~190/s (DESIGN.md §6).
--
-- Parameters:
--   :run        run id; NULL = the latest run.
--   :bucket_ns  bucket width in ns; NULL = 1 000 000 000.
--
-- Columns:
--   bucket             INTEGER  0-based bucket index.
--   start_ns           INTEGER  Bucket start, ns since the run started.
--   dur_ns             INTEGER  Bucket length (the last may be shorter).
--   acquisitions       INTEGER  GIL acquisitions starting in the bucket.
--   owner_switches     INTEGER  Of those, acquisitions by another thread than the previous acquirer.
--   switches_per_s     REAL     owner_switches per second of the bucket (NULL for an empty bucket).
--   gil_held_ns        INTEGER  GIL hold time inside the bucket.
--   gil_held_fraction  REAL     gil_held_ns / dur_ns.
WITH RECURSIVE _run AS (
  SELECT r.run_id,
         coalesce(r.wall_ns, (SELECT max(s.ts + s.dur) FROM slices s WHERE s.run_id = r.run_id), 0) AS wall_ns,
         coalesce(:bucket_ns, 1000000000) AS width
  FROM runs r
  WHERE r.run_id = coalesce(:run, (SELECT max(run_id) FROM runs))
),
_buckets(i) AS (
  SELECT 0
  UNION ALL
  SELECT i + 1 FROM _buckets, _run WHERE (i + 1) * _run.width < _run.wall_ns
),
_holds AS (
  SELECT s.tid, s.ts, s.dur, lag(s.tid) OVER (ORDER BY s.ts, s.tid) AS prev_tid
  FROM slices s, _run
  WHERE s.run_id = _run.run_id AND s.state = 'gil_hold' AND s.obj = 0
),
_b AS (
  SELECT i AS bucket, i * width AS start_ns, (i + 1) * width AS end_ns, min(width, wall_ns - i * width) AS dur_ns
  FROM _buckets, _run
),
_counts AS (
  SELECT _b.*,
         (SELECT count(*) FROM _holds h WHERE h.ts >= _b.start_ns AND h.ts < _b.end_ns) AS acquisitions,
         (SELECT count(*) FROM _holds h WHERE h.ts >= _b.start_ns AND h.ts < _b.end_ns
            AND h.prev_tid IS NOT NULL AND h.prev_tid != h.tid) AS owner_switches,
         (SELECT coalesce(sum(min(h.ts + h.dur, _b.end_ns) - max(h.ts, _b.start_ns)), 0) FROM _holds h
          WHERE h.ts < _b.end_ns AND h.ts + h.dur > _b.start_ns) AS gil_held_ns
  FROM _b
)
SELECT bucket, start_ns, dur_ns, acquisitions, owner_switches,
       CASE WHEN dur_ns > 0 THEN owner_switches * 1e9 / dur_ns END AS switches_per_s,
       gil_held_ns,
       CASE WHEN dur_ns > 0 THEN gil_held_ns * 1.0 / dur_ns END AS gil_held_fraction
FROM _counts
ORDER BY bucket;

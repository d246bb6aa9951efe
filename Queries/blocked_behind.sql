-- blocked_behind: for each waiting site, the sites that held what it waited for, while it waited
-- (`gilstat where`'s "behind"): the convoy's culprit line, a lock's hot critical section. A wait for the GIL
-- is credited to the GIL holds (gil_hold, stack where the holder let go) of other threads that overlap it; a
-- wait for a lock to that lock's holds (lock_hold, stack inside the critical section). Sites are innermost
-- frames of the program, one per source line, as in where.sql; a run recorded without stacks returns no rows.
--
-- Parameters:
--   :run  run id; NULL = the latest run.
--
-- Columns:
--   file, line, function                       The waiting site.
--   holder_file, holder_line, holder_function  The holding site (NULL file: no Python frame).
--   obj_id    INTEGER  What was waited for: 0 = the GIL, else the lock's object id.
--   "on"      TEXT     'GIL' or the lock's name.
--   ns        INTEGER  Σ overlap of the site's waits with that site's holds.
--   share     REAL     ns / the waiting site's wait for that object (its GIL wait, or its wait for that
--                      lock); can pass 1 for objects held by several threads at once, such as a Semaphore.
-- Ordered by waiting site (as where.sql), then ns, largest first.
WITH RECURSIVE _run AS MATERIALIZED (
  SELECT run_id FROM runs WHERE run_id = coalesce(:run, (SELECT max(run_id) FROM runs))
),
_locs AS MATERIALIZED (
  -- A location's site: the smallest id with its file, line, function and first line (a recorder may intern a
  -- line under several ids); NULL for the CPython engine's own wrappers (its startup sitecustomize.py), whose
  -- callers are the program's frames (gilstat's StackNames does the same).
  SELECT l.location_id, CASE WHEN l.file GLOB '*/gilrec-*/startup/sitecustomize.py' THEN NULL
    ELSE min(l.location_id) OVER (PARTITION BY l.file, l.line, l.function, l.first_line) END AS site
  FROM _run CROSS JOIN code_locations l WHERE l.run_id = _run.run_id
),
_walk(stack_id, at, site) AS (
  SELECT st.stack_id, st.parent_id, l.site
  FROM _run CROSS JOIN stacks st LEFT JOIN _locs l ON l.location_id = st.location_id
  WHERE st.run_id = _run.run_id
  UNION ALL
  SELECT w.stack_id, p.parent_id, l.site
  FROM _walk w CROSS JOIN _run JOIN stacks p ON p.run_id = _run.run_id AND p.stack_id = w.at
  LEFT JOIN _locs l ON l.location_id = p.location_id
  WHERE w.site IS NULL
),
_stack_site AS MATERIALIZED (
  -- Each stack's site: its innermost frame that is the program's (0: none).
  SELECT stack_id, coalesce(max(site), 0) AS loc FROM _walk GROUP BY stack_id
),
_max_hold AS MATERIALIZED (
  SELECT s.state, coalesce(max(s.dur), 0) AS d FROM _run CROSS JOIN slices s
  WHERE s.run_id = _run.run_id AND s.state IN ('gil_hold', 'lock_hold') GROUP BY s.state
),
_waits AS MATERIALIZED (
  SELECT w.tid, w.obj, w.ts, w.dur, coalesce(ss.loc, 0) AS loc,
    CASE w.state WHEN 'gil_wait' THEN 'gil_hold' ELSE 'lock_hold' END AS hold_state
  FROM _run CROSS JOIN slices w
  LEFT JOIN _stack_site ss ON ss.stack_id = w.stack
  WHERE w.run_id = _run.run_id AND w.state IN ('gil_wait', 'lock_wait') AND w.dur > 0
    AND EXISTS (SELECT 1 FROM stacks s WHERE s.run_id = _run.run_id)
),
_site_wait AS (
  SELECT coalesce(ss.loc, 0) AS loc, w.obj, sum(w.dur) AS wait_ns
  FROM _run CROSS JOIN slices w
  LEFT JOIN _stack_site ss ON ss.stack_id = w.stack
  WHERE w.run_id = _run.run_id AND w.state IN ('gil_wait', 'lock_wait')
  GROUP BY 1, 2
),
_site_total AS (
  SELECT loc, sum(wait_ns) AS wait_ns FROM _site_wait GROUP BY loc
),
_overlaps AS (
  SELECT w.loc, w.obj, coalesce(hs.loc, 0) AS holder_loc,
    min(h.ts + h.dur, w.ts + w.dur) - max(h.ts, w.ts) AS ns
  FROM _waits w
  CROSS JOIN _run
  JOIN slices h ON h.run_id = _run.run_id AND h.state = w.hold_state AND h.obj = w.obj AND h.tid != w.tid
    AND h.ts BETWEEN w.ts - (SELECT d FROM _max_hold m WHERE m.state = w.hold_state) AND w.ts + w.dur - 1
    AND h.ts + h.dur > w.ts
  LEFT JOIN _stack_site hs ON hs.stack_id = h.stack
),
_behind AS (
  SELECT loc, obj, holder_loc, sum(ns) AS ns FROM _overlaps WHERE ns > 0 GROUP BY loc, obj, holder_loc
)
SELECT l.file, l.line, coalesce(l.function, '(no Python frame)') AS function,
  hl.file AS holder_file, hl.line AS holder_line, coalesce(hl.function, '(no Python frame)') AS holder_function,
  b.obj AS obj_id, CASE WHEN b.obj = 0 THEN 'GIL' ELSE coalesce(o.name, 'object ' || b.obj) END AS "on",
  b.ns, CAST(b.ns AS REAL) / nullif(sw.wait_ns, 0) AS share
FROM _behind b
JOIN _site_wait sw ON sw.loc = b.loc AND sw.obj = b.obj
JOIN _site_total st ON st.loc = b.loc
LEFT JOIN code_locations l ON l.run_id = (SELECT run_id FROM _run) AND l.location_id = b.loc
LEFT JOIN code_locations hl ON hl.run_id = (SELECT run_id FROM _run) AND hl.location_id = b.holder_loc
LEFT JOIN objects o ON o.run_id = (SELECT run_id FROM _run) AND o.obj_id = b.obj AND b.obj != 0
ORDER BY st.wait_ns DESC, coalesce(l.file, ''), coalesce(l.line, 0), b.loc, b.ns DESC, b.holder_loc, b.obj;

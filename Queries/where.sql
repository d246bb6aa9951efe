-- where: GIL wait, lock wait, I/O and GIL hold time per source site (`gilstat where`, `--format json`'s
-- "sites"). A site is the innermost frame of a slice's stack (docs/contracts.md "Stacks": waits and I/O where
-- the thread asked, GIL holds where it let go); slices without a stack form the site "(no Python frame)".
-- A run recorded without stacks returns no rows.
--
-- Parameters:
--   :run  run id; NULL = the latest run.
--
-- Columns:
--   file          TEXT     Source file of the site (NULL: no Python frame).
--   line          INTEGER  Its line.
--   function      TEXT     Its function's qualified name.
--   gil_wait_ns   INTEGER  Σ GIL waits that began here.
--   lock_wait_ns  INTEGER  Σ lock waits that began here (per lock: blocked_behind.sql, gilstat where's "locks").
--   io_ns         INTEGER  Σ blocking calls made here.
--   gil_hold_ns   INTEGER  Σ GIL holds that ended here.
--   gil_waits, lock_waits, ios, gil_holds  INTEGER  How many of each.
--   unheld_ns     INTEGER  Of this site's waits, the time no other thread held the GIL or lock they waited
--                          for (per wait: duration − Σ overlapping holds, floored at 0): wake-up latency.
--   native_ns     INTEGER  Real CPython: Σ C code run with the GIL released after letting go of it here
--                          (hashlib, zlib, numpy…); 0 under gilrec's runtime.
-- Ordered by GIL + lock wait, then I/O, then hold, then native, largest first (gilstat where --sort wait).
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
_has_stacks AS MATERIALIZED (
  SELECT EXISTS (SELECT 1 FROM stacks s, _run WHERE s.run_id = _run.run_id) AS yes
),
_slices AS MATERIALIZED (
  SELECT s.state, s.tid, s.obj, s.ts, s.dur, s.stack, coalesce(ss.loc, 0) AS loc
  FROM _run CROSS JOIN slices s
  LEFT JOIN _stack_site ss ON ss.stack_id = s.stack
  WHERE s.run_id = _run.run_id AND s.state != 'lock_hold'
),
_max_hold AS MATERIALIZED (
  SELECT s.state, coalesce(max(s.dur), 0) AS d FROM _run CROSS JOIN slices s
  WHERE s.run_id = _run.run_id AND s.state IN ('gil_hold', 'lock_hold') GROUP BY s.state
),
_waits AS MATERIALIZED (
  SELECT w.state, w.tid, w.obj, w.ts, w.dur, w.loc, CASE w.state WHEN 'gil_wait' THEN 'gil_hold' ELSE 'lock_hold' END AS hold_state
  FROM _slices w WHERE w.state IN ('gil_wait', 'lock_wait') AND w.dur > 0
),
_unheld AS (
  SELECT w.loc,
    max(0, w.dur - coalesce((
      SELECT sum(min(h.ts + h.dur, w.ts + w.dur) - max(h.ts, w.ts))
      FROM _run CROSS JOIN slices h
      WHERE h.run_id = _run.run_id AND h.state = w.hold_state AND h.obj = w.obj AND h.tid != w.tid
        AND h.ts BETWEEN w.ts - (SELECT d FROM _max_hold m WHERE m.state = w.hold_state) AND w.ts + w.dur - 1
        AND h.ts + h.dur > w.ts), 0)) AS ns
  FROM _waits w
),
_unheld_by_site AS (
  SELECT loc, sum(ns) AS ns FROM _unheld GROUP BY loc
),
_sites AS (
  SELECT s.loc,
    sum(CASE WHEN s.state = 'gil_wait' THEN s.dur ELSE 0 END) AS gil_wait_ns,
    sum(CASE WHEN s.state = 'lock_wait' THEN s.dur ELSE 0 END) AS lock_wait_ns,
    sum(CASE WHEN s.state = 'io' THEN s.dur ELSE 0 END) AS io_ns,
    sum(CASE WHEN s.state = 'gil_hold' THEN s.dur ELSE 0 END) AS gil_hold_ns,
    sum(s.state = 'gil_wait') AS gil_waits, sum(s.state = 'lock_wait') AS lock_waits,
    sum(s.state = 'io') AS ios, sum(s.state = 'gil_hold') AS gil_holds,
    sum(CASE WHEN s.state = 'native' THEN s.dur ELSE 0 END) AS native_ns
  FROM _slices s GROUP BY s.loc
)
SELECT l.file, l.line, coalesce(l.function, '(no Python frame)') AS function,
  s.gil_wait_ns, s.lock_wait_ns, s.io_ns, s.gil_hold_ns, s.gil_waits, s.lock_waits, s.ios, s.gil_holds,
  coalesce(u.ns, 0) AS unheld_ns, s.native_ns
FROM _sites s
CROSS JOIN _has_stacks
LEFT JOIN code_locations l ON l.run_id = (SELECT run_id FROM _run) AND l.location_id = s.loc
LEFT JOIN _unheld_by_site u ON u.loc = s.loc
WHERE _has_stacks.yes
  AND (s.gil_wait_ns + s.lock_wait_ns + s.io_ns + s.gil_hold_ns + s.native_ns > 0 OR s.gil_waits + s.lock_waits > 0)
ORDER BY s.gil_wait_ns + s.lock_wait_ns DESC, s.io_ns DESC, s.gil_hold_ns DESC, s.native_ns DESC, coalesce(l.file, ''), coalesce(l.line, 0), s.loc;

-- runs: every run stored in the file, oldest first.
--
-- Answers "what is in this database?" (`gilstat runs`). A run recorded by a process that was killed stays
-- 'running' here; gilstat reports it as 'incomplete' when its pid is gone (SQL cannot see pids).
--
-- Parameters: none.
--
-- Columns:
--   run_id              INTEGER  Run id (increasing in recording order).
--   label               TEXT     The label given with `gilrec run --label` (default: the program name).
--   program             TEXT     Program path or demo name.
--   engine              TEXT     What ran it: gilrec (our runtime) or the real interpreter, e.g. 'cpython 3.11.7'.
--   policy              TEXT     GIL policy: cpython3, cpython2, free-threaded, fifo, io-priority (real CPython
--                                runs: cpython3, the algorithm of their own GIL).
--   switch_interval_ns  INTEGER  GIL switch interval (sys.setswitchinterval), ns.
--   status              TEXT     running | ok | error | interrupted | incomplete | timeout | deadlock.
--   started_at          TEXT     ISO 8601 UTC start time.
--   wall_ns             INTEGER  Wall time of the program, ns (NULL when the run did not finish).
--   cpu_ns              INTEGER  Process CPU time (user + system), ns (NULL when the run did not finish).
--   threads             INTEGER  Python threads seen.
--   events              INTEGER  Events stored.
--   dropped_events      INTEGER  Events lost to full buffers (0 unless drops were enabled).
--   sweep_id            INTEGER  The `gilrec sweep` that recorded the run (NULL for a single run).
--   parent_run_id       INTEGER  The run of the process that started this one (a fork, multiprocessing or
--                                subprocess child of a real-CPython program); NULL otherwise.
SELECT r.run_id,
       r.label,
       r.program,
       r.engine,
       r.policy,
       r.switch_interval_ns,
       r.status,
       r.started_at,
       r.wall_ns,
       r.cpu_ns,
       (SELECT count(*) FROM threads t WHERE t.run_id = r.run_id) AS threads,
       coalesce(r.event_count, 0) AS events,
       coalesce(r.dropped_events, 0) AS dropped_events,
       r.sweep_id,
       r.parent_run_id
FROM runs r
ORDER BY r.run_id;

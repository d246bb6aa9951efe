#!/usr/bin/env python3
"""Writes the fixture runs (cpu.sql, convoy.sql, locks.sql, interrupted.sql) from hand-made event lists.

Each scenario is written as events with explicit timestamps; slices are derived here by the slice rules of
docs/contracts.md, and GILAnalysisTests checks that TraceStore's SliceBuilder derives the very same slices
from the stored events. Run from this directory: `python3 make_fixtures.py`.
"""

K = dict(thread_start=1, thread_end=2, gil_request=3, gil_acquire=4, gil_drop_request=5, gil_release=6,
         lock_request=7, lock_acquire=8, lock_release=9, io_begin=10, io_end=11, os_ctx=12, mark=13)


class Run:
    def __init__(self, run_id, label, program, interval=5_000_000, status="ok", wall=None, cpu=None, argv="[]"):
        self.run_id, self.label, self.program, self.interval = run_id, label, program, interval
        self.status, self.wall, self.cpu, self.argv = status, wall, cpu, argv
        self.events, self.threads, self.objects, self.labels = [], {}, [], []
        self.switch = 0

    def ev(self, ts, tid, kind, obj=0, arg=0):
        if kind == "gil_acquire":
            self.switch += 1
            arg = self.switch
        self.events.append((len(self.events) + 1, ts, tid, K[kind], obj, arg))

    def thread(self, tid, name, parent, start, end, cpu, vol, invol):
        self.threads[tid] = (name, parent, start, end, cpu, vol, invol)

    def slices(self):
        out, req, hold, lreq, lhold, io = [], {}, {}, {}, {}, {}
        for (_, ts, tid, kind, obj, arg) in self.events:
            if kind == K["gil_request"]:
                req[tid] = ts
            elif kind == K["gil_acquire"]:
                if tid in req:
                    out.append((tid, 0, "gil_wait", req.pop(tid), ts))
                hold[tid] = ts
            elif kind == K["gil_release"] and tid in hold:
                out.append((tid, 0, "gil_hold", hold.pop(tid), ts))
            elif kind == K["lock_request"]:
                lreq[(tid, obj)] = ts
            elif kind == K["lock_acquire"]:
                if (tid, obj) in lreq:
                    out.append((tid, obj, "lock_wait", lreq.pop((tid, obj)), ts))
                if arg != 0 and (tid, obj) not in lhold:
                    lhold[(tid, obj)] = ts
            elif kind == K["lock_release"] and arg == 0 and (tid, obj) in lhold:
                out.append((tid, obj, "lock_hold", lhold.pop((tid, obj)), ts))
            elif kind == K["io_begin"]:
                io[tid] = (obj, ts)
            elif kind == K["io_end"] and tid in io:
                o, start = io.pop(tid)
                out.append((tid, o, "io", start, ts))
        last = self.events[-1][1]
        for tid, ts in req.items(): out.append((tid, 0, "gil_wait", ts, last))
        for tid, ts in hold.items(): out.append((tid, 0, "gil_hold", ts, last))
        for (tid, obj), ts in lreq.items(): out.append((tid, obj, "lock_wait", ts, last))
        for (tid, obj), ts in lhold.items(): out.append((tid, obj, "lock_hold", ts, last))
        for tid, (o, ts) in io.items(): out.append((tid, o, "io", ts, last))
        return sorted(out, key=lambda s: (s[3], s[0], s[2]))

    def sql(self):
        r = self.run_id
        def q(v): return "NULL" if v is None else (f"'{v}'" if isinstance(v, str) else str(v))
        lines = [f"-- run {r}: {self.label} ({self.program})"]
        lines.append("INSERT INTO runs(run_id, label, program, argv, policy, switch_interval_ns, check_mode, started_at, "
                     "wall_ns, cpu_ns, status, exit_code, dropped_events, event_count, host, cpu_count, gilrec_version, "
                     "sweep_id, pid) VALUES (" + ", ".join(map(q, [
                         r, self.label, self.program, self.argv, "cpython3", self.interval, "py310",
                         f"2026-11-25T06:{r:02d}:00Z", self.wall, self.cpu, self.status,
                         0 if self.status == "ok" else None, 0, len(self.events), "fixture", 2, "0.1.0", None, 0])) + ");")
        for tid, (name, parent, start, end, cpu, vol, invol) in sorted(self.threads.items()):
            lines.append(f"INSERT INTO threads(run_id, tid, name, parent_tid, start_ns, end_ns, daemon, cpu_ns, vol_ctx, "
                         f"invol_ctx) VALUES ({r}, {tid}, {q(name)}, {parent}, {start}, {q(end)}, 0, "
                         f"{cpu}, {vol}, {invol});")
        lines.append(f"INSERT INTO objects(run_id, obj_id, kind, name, source_line) VALUES ({r}, 0, 'gil', 'GIL', 0);")
        for (oid, kind, name, line) in self.objects:
            lines.append(f"INSERT INTO objects(run_id, obj_id, kind, name, source_line) VALUES ({r}, {oid}, {q(kind)}, {q(name)}, {line});")
        for (lid, text) in self.labels:
            lines.append(f"INSERT INTO labels(run_id, label_id, text) VALUES ({r}, {lid}, {q(text)});")
        lines.append("INSERT INTO events(run_id, seq, ts, tid, kind, obj, arg) VALUES")
        lines.append(",\n".join(f"  ({r}, {s}, {ts}, {tid}, {k}, {o}, {a})" for (s, ts, tid, k, o, a) in self.events) + ";")
        # The store keeps slices in slice_rows with the state as a code (slice_states); `slices` is a view.
        lines.append("INSERT INTO slice_rows(run_id, tid, obj, state, ts, dur)")
        lines.append("SELECT v.column1, v.column2, v.column3, k.code, v.column5, v.column6 FROM (VALUES")
        lines.append(",\n".join(f"  ({r}, {tid}, {o}, '{st}', {a}, {b - a})" for (tid, o, st, a, b) in self.slices())
                     + ") AS v JOIN slice_states k ON k.name = v.column4;")
        return "\n".join(lines) + "\n"


def ctx(vol, invol): return (vol << 32) | invol


def cpu_runs():
    """Run 1: one thread computes alone inside a `serial` phase. Run 2: two workers share the GIL by
    5 ms intervals with drop requests while main joins them, inside a `threaded` phase."""
    s = Run(1, "cpu", "cpu_bound.py", wall=24_700_000, cpu=24_600_000, argv='["serial"]')
    s.labels = [(1, "serial")]
    s.thread(1, "MainThread", 0, 0, 24_600_500, 24_550_000, 3, 9)
    s.ev(0, 1, "thread_start"); s.ev(1_000, 1, "gil_request", arg=1); s.ev(2_000, 1, "gil_acquire")
    s.ev(10_000, 1, "mark", obj=1, arg=1); s.ev(24_510_000, 1, "mark", obj=1, arg=2)
    s.ev(24_600_000, 1, "os_ctx", arg=ctx(3, 9)); s.ev(24_600_000, 1, "gil_release", arg=4)
    s.ev(24_600_500, 1, "thread_end")

    t = Run(2, "cpu", "cpu_bound.py", wall=25_300_000, cpu=24_900_000, argv='["threads"]')
    t.labels = [(1, "threaded")]
    t.objects = [(1, "thread", "Thread-1", 12), (2, "thread", "Thread-2", 12)]
    t.thread(1, "MainThread", 0, 0, 25_200_500, 300_000, 4, 1)
    t.thread(2, "Thread-1", 1, 200_000, 22_000_500, 11_300_000, 5, 20)
    t.thread(3, "Thread-2", 1, 300_000, 25_000_500, 13_100_000, 6, 22)
    e = t.ev
    e(0, 1, "thread_start"); e(1_000, 1, "gil_request", arg=1); e(2_000, 1, "gil_acquire")
    e(100_000, 1, "mark", obj=1, arg=1)
    e(200_000, 2, "thread_start", arg=1); e(210_000, 2, "gil_request", arg=1)
    e(300_000, 3, "thread_start", arg=1); e(310_000, 3, "gil_request", arg=1)
    e(400_000, 1, "lock_request", obj=1, arg=-1); e(400_000, 1, "os_ctx", arg=ctx(2, 0)); e(400_500, 1, "gil_release", arg=3)
    e(410_000, 2, "gil_acquire")
    e(5_310_000, 3, "gil_drop_request", arg=2); e(5_400_000, 2, "os_ctx", arg=ctx(1, 5)); e(5_400_000, 2, "gil_release", arg=1)
    e(5_410_000, 2, "gil_request", arg=3); e(5_420_000, 3, "gil_acquire")
    e(10_410_000, 2, "gil_drop_request", arg=3); e(10_500_000, 3, "gil_release", arg=1)
    e(10_510_000, 3, "gil_request", arg=3); e(10_520_000, 2, "gil_acquire")
    e(15_510_000, 3, "gil_drop_request", arg=2); e(15_600_000, 2, "gil_release", arg=1)
    e(15_605_000, 2, "gil_request", arg=3); e(15_610_000, 3, "gil_acquire")
    e(20_605_000, 2, "gil_drop_request", arg=3); e(20_700_000, 3, "gil_release", arg=1)
    e(20_705_000, 3, "gil_request", arg=3); e(20_710_000, 2, "gil_acquire")
    e(22_000_000, 2, "gil_release", arg=4); e(22_000_500, 2, "thread_end")
    e(22_005_000, 1, "gil_request", arg=4); e(22_010_000, 3, "gil_acquire")
    e(25_000_000, 3, "gil_release", arg=4); e(25_000_500, 3, "thread_end")
    e(25_010_000, 1, "gil_acquire"); e(25_020_000, 1, "lock_acquire", obj=1, arg=1)
    e(25_100_000, 1, "mark", obj=1, arg=2)
    e(25_200_000, 1, "gil_release", arg=4); e(25_200_500, 1, "thread_end")
    return [s, t]


def convoy_run():
    """Run 3: a CPU-bound thread (2) and an I/O thread (3) doing recv, recv, sleep, send: the first two
    wait more than a switch interval to get the GIL back (convoy episodes), the last two do not."""
    r = Run(3, "convoy", "convoy.py", wall=18_500_000, cpu=18_300_000)
    r.objects = [(1, "thread", "cpu", 20), (2, "thread", "io", 21)]
    r.thread(1, "MainThread", 0, 0, 18_400_500, 200_000, 3, 0)
    r.thread(2, "cpu", 1, 100_000, 18_000_500, 15_500_000, 4, 30)
    r.thread(3, "io", 1, 200_000, 18_300_500, 600_000, 9, 1)
    e = r.ev
    e(0, 1, "thread_start"); e(1_000, 1, "gil_request", arg=1); e(2_000, 1, "gil_acquire")
    e(100_000, 2, "thread_start", arg=1); e(110_000, 2, "gil_request", arg=1)
    e(200_000, 3, "thread_start", arg=1); e(210_000, 3, "gil_request", arg=1)
    e(300_000, 1, "lock_request", obj=1, arg=-1); e(301_000, 1, "gil_release", arg=3)
    e(310_000, 2, "gil_acquire")
    e(5_210_000, 3, "gil_drop_request", arg=2); e(5_300_000, 2, "gil_release", arg=1)
    e(5_305_000, 2, "gil_request", arg=3); e(5_310_000, 3, "gil_acquire")
    e(5_400_000, 3, "io_begin", obj=6, arg=1024); e(5_401_000, 3, "gil_release", arg=2); e(5_410_000, 2, "gil_acquire")
    e(5_600_000, 3, "io_end", obj=6, arg=1024); e(5_601_000, 3, "gil_request", arg=2)
    e(10_601_000, 3, "gil_drop_request", arg=2); e(10_700_000, 2, "gil_release", arg=1)
    e(10_705_000, 2, "gil_request", arg=3); e(10_710_000, 3, "gil_acquire")
    e(10_800_000, 3, "io_begin", obj=6, arg=1024); e(10_801_000, 3, "gil_release", arg=2); e(10_810_000, 2, "gil_acquire")
    e(11_000_000, 3, "io_end", obj=6, arg=512); e(11_001_000, 3, "gil_request", arg=2)
    e(16_001_000, 3, "gil_drop_request", arg=2); e(16_050_000, 2, "gil_release", arg=1)
    e(16_055_000, 2, "gil_request", arg=3); e(16_060_000, 3, "gil_acquire")
    e(16_100_000, 3, "io_begin", obj=1, arg=200_000); e(16_101_000, 3, "gil_release", arg=2); e(16_110_000, 2, "gil_acquire")
    e(16_301_000, 3, "io_end", obj=1, arg=0); e(16_302_000, 3, "gil_request", arg=2)
    e(18_000_000, 2, "gil_release", arg=4); e(18_000_500, 2, "thread_end")
    e(18_001_000, 1, "gil_request", arg=4); e(18_010_000, 3, "gil_acquire")
    e(18_100_000, 3, "io_begin", obj=7, arg=512); e(18_101_000, 3, "gil_release", arg=2); e(18_110_000, 1, "gil_acquire")
    e(18_111_000, 1, "lock_acquire", obj=1, arg=1)
    e(18_150_000, 3, "io_end", obj=7, arg=512); e(18_151_000, 3, "gil_request", arg=2)
    e(18_200_000, 1, "lock_request", obj=2, arg=-1); e(18_201_000, 1, "gil_release", arg=3)
    e(18_210_000, 3, "gil_acquire")
    e(18_300_000, 3, "gil_release", arg=4); e(18_300_500, 3, "thread_end")
    e(18_301_000, 1, "gil_request", arg=4); e(18_302_000, 1, "gil_acquire"); e(18_303_000, 1, "lock_acquire", obj=2, arg=1)
    e(18_400_000, 1, "gil_release", arg=4); e(18_400_500, 1, "thread_end")
    return r


def locks_run():
    """Run 4: two threads contend on a Lock (1): thread 2 holds it across a sleep while thread 3 waits;
    thread 2 nests an RLock (2) and holds it across a sleep while thread 3 times out on it."""
    r = Run(4, "locks", "primitives.py", wall=2_600_000, cpu=1_200_000)
    r.objects = [(1, "lock", "lock", 5), (2, "rlock", "rlock", 6), (3, "thread", "Thread-1", 30),
                 (4, "thread", "Thread-2", 30)]
    r.thread(1, "MainThread", 0, 0, 2_500_500, 100_000, 2, 0)
    r.thread(2, "Thread-1", 1, 10_000, 2_400_500, 300_000, 3, 0)
    r.thread(3, "Thread-2", 1, 20_000, 2_000_500, 250_000, 3, 1)
    e = r.ev
    e(0, 1, "thread_start"); e(1_000, 1, "gil_request", arg=1); e(2_000, 1, "gil_acquire")
    e(10_000, 2, "thread_start", arg=1); e(11_000, 2, "gil_request", arg=1)
    e(20_000, 3, "thread_start", arg=1); e(21_000, 3, "gil_request", arg=1)
    e(30_000, 1, "lock_request", obj=3, arg=-1); e(31_000, 1, "gil_release", arg=3)
    e(40_000, 2, "gil_acquire")
    e(50_000, 2, "lock_request", obj=1, arg=-1); e(50_500, 2, "lock_acquire", obj=1, arg=1)
    e(60_000, 2, "io_begin", obj=1, arg=1_000_000); e(61_000, 2, "gil_release", arg=2)
    e(70_000, 3, "gil_acquire")
    e(80_000, 3, "lock_request", obj=1, arg=-1); e(81_000, 3, "gil_release", arg=3)
    e(1_061_000, 2, "io_end", obj=1, arg=0); e(1_062_000, 2, "gil_request", arg=2); e(1_063_000, 2, "gil_acquire")
    e(1_100_000, 2, "lock_release", obj=1, arg=0)
    e(1_101_000, 3, "gil_request", arg=4)
    e(1_200_000, 2, "lock_request", obj=2, arg=-1); e(1_200_500, 2, "lock_acquire", obj=2, arg=1)
    e(1_210_000, 2, "lock_request", obj=2, arg=-1); e(1_210_500, 2, "lock_acquire", obj=2, arg=1)
    e(1_220_000, 2, "lock_release", obj=2, arg=1)
    e(1_300_000, 2, "io_begin", obj=1, arg=1_000_000); e(1_301_000, 2, "gil_release", arg=2)
    e(1_310_000, 3, "gil_acquire"); e(1_311_000, 3, "lock_acquire", obj=1, arg=1)
    e(1_320_000, 3, "lock_request", obj=2, arg=500_000); e(1_321_000, 3, "gil_release", arg=3)
    e(1_821_000, 3, "gil_request", arg=4); e(1_822_000, 3, "gil_acquire"); e(1_823_000, 3, "lock_acquire", obj=2, arg=0)
    e(1_900_000, 3, "lock_release", obj=1, arg=0)
    e(2_000_000, 3, "gil_release", arg=4); e(2_000_500, 3, "thread_end")
    e(2_301_000, 2, "io_end", obj=1, arg=0); e(2_302_000, 2, "gil_request", arg=2); e(2_303_000, 2, "gil_acquire")
    e(2_310_000, 2, "lock_release", obj=2, arg=0)
    e(2_400_000, 2, "gil_release", arg=4); e(2_400_500, 2, "thread_end")
    e(2_401_000, 1, "gil_request", arg=4); e(2_402_000, 1, "gil_acquire"); e(2_403_000, 1, "lock_acquire", obj=3, arg=1)
    e(2_500_000, 1, "gil_release", arg=4); e(2_500_500, 1, "thread_end")
    return r


def interrupted_run():
    """Run 5: stopped by SIGINT during a sleep: no wall time stored, the open I/O slice ends at the last event."""
    r = Run(5, "sleepy", "sleepy.py", status="interrupted", wall=None, cpu=None)
    r.thread(1, "MainThread", 0, 0, None, 0, 0, 0)
    r.ev(0, 1, "thread_start"); r.ev(1_000, 1, "gil_request", arg=1); r.ev(2_000, 1, "gil_acquire")
    r.ev(10_000, 1, "io_begin", obj=1, arg=1_000_000_000); r.ev(11_000, 1, "gil_release", arg=2)
    return r


if __name__ == "__main__":
    for name, runs in [("cpu", cpu_runs()), ("convoy", [convoy_run()]), ("locks", [locks_run()]),
                       ("interrupted", [interrupted_run()])]:
        with open(f"{name}.sql", "w") as f:
            f.write(f"-- Generated by make_fixtures.py; edit the scenario there, not here.\n")
            for r in runs:
                f.write(r.sql())

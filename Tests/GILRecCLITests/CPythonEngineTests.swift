import Foundation
import Testing
import GILRuntime
import GILTrace
import TraceStore
@testable import GILRecCLI
@testable import GILRecorder

/// `gilrec run --python`: the real CPython, recorded from inside its process. Invariants only (no timings):
/// what the GIL's algorithm guarantees whatever the machine's load. Skipped where no CPython 3 is installed.
@Suite(.serialized, .enabled(if: InstalledPython.python3 != nil, "needs python3 (CPython 3.8–3.13)"))
struct CPythonEngineTests {
    static let twoCPUThreads = """
        import threading
        def spin():
            n = 0
            for i in range(3_000_000):
                n += i
        threads = [threading.Thread(target=spin, name=f"spin{i}") for i in range(2)]
        for t in threads: t.start()
        for t in threads: t.join()
        print("done")
        """

    /// Two CPU-bound threads: the trace invariants hold, the GIL changed hands often, and contended holds
    /// last about the switch interval (the waiter's drop request ends them).
    func expectCPUBoundRun(python: String) throws {
        let database = TemporaryDatabase()
        let recorded = try recordCPython(Self.twoCPUThreads, python: python, into: database)
        #expect(recorded.stdout == "done\n", "stderr: \(recorded.stderr)")
        #expect(recorded.result.outcome.status == .ok)
        let run = recorded.result.runID
        #expect(try TraceInvariantTests.violations(in: database, run: run) == [])
        #expect(try scalar("""
            SELECT count(*) FROM events e WHERE run_id = :run AND kind = 4 AND NOT EXISTS (
              SELECT 1 FROM events r WHERE r.run_id = :run AND r.tid = e.tid AND r.kind = 3 AND r.seq < e.seq
                AND r.seq > coalesce((SELECT max(seq) FROM events p WHERE p.run_id = :run AND p.tid = e.tid
                                      AND p.kind = 4 AND p.seq < e.seq), 0))
            """, run: run, in: database) == 0, "every acquire follows a request of its thread")
        let switches = try scalar("SELECT max(arg) - min(arg) FROM events WHERE run_id = :run AND kind = 4", run: run, in: database)
        #expect(switches >= 20, "owner switches: \(switches)")
        // The spinning threads' holds while the other waited: at least 0.8 × the 5 ms interval at the median.
        let median = try scalar("""
            SELECT dur FROM slices s JOIN threads t ON t.run_id = s.run_id AND t.tid = s.tid
            WHERE s.run_id = :run AND s.state = 'gil_hold' AND t.name LIKE 'spin%' AND s.dur > 0
            ORDER BY dur LIMIT 1 OFFSET (
              SELECT count(*) / 2 FROM slices s JOIN threads t ON t.run_id = s.run_id AND t.tid = s.tid
              WHERE s.run_id = :run AND s.state = 'gil_hold' AND t.name LIKE 'spin%' AND s.dur > 0)
            """, run: run, in: database)
        #expect(median >= 4_000_000, "median contended hold \(median) ns")
        let reader = try TraceReader(path: database.path)
        let stored = try reader.resolveRun(String(run))
        #expect(stored.info.isCPython && stored.info.python != nil)
        #expect(try reader.threads(runID: run).map(\.name).sorted() == ["MainThread", "spin0", "spin1"])
    }

    @Test func twoCPUThreadsUnderPython3() throws {
        try expectCPUBoundRun(python: try #require(InstalledPython.python3))
    }

    @Test(arguments: [9, 11, 12, 13])
    func twoCPUThreadsUnderEachVersion(minor: Int) throws {
        guard let python = InstalledPython.version(minor) else { return }  // not installed here
        try expectCPUBoundRun(python: python)
    }

    /// The convoy: a thread back from a short sleep waits for a CPU-bound holder until its drop request.
    @Test func sleeperBesideASpinnerWaitsAboutTheInterval() throws {
        let database = TemporaryDatabase()
        let recorded = try recordCPython("""
            import threading, time
            stop = False
            def spin():
                while not stop:
                    pass
            t = threading.Thread(target=spin, name="spin")
            t.start()
            def sleeper():
                for _ in range(20):
                    # 3 ms: time for the spinner to be scheduled and take the GIL even on a busy machine.
                    time.sleep(0.003)
            s = threading.Thread(target=sleeper, name="sleeper")
            s.start(); s.join()
            stop = True
            t.join()
            """, python: try #require(InstalledPython.python3), into: database)
        #expect(recorded.result.outcome.status == .ok, "stderr: \(recorded.stderr)")
        let run = recorded.result.runID
        // Each sleep's end to the sleeper's next acquire (Queries/io_reacquire_delays.sql's definition), counting
        // the sleeps that ended while the spinner held the GIL: only those make the sleeper wait for its drop
        // request. On a loaded machine the spinner is sometimes not even scheduled during a 3 ms sleep, and the
        // sleeper then finds the GIL free — the OS's doing, not the convoy's.
        let delays = """
            WITH spin_gil AS (
              SELECT g.ts, g.kind FROM events g JOIN threads st ON st.run_id = g.run_id AND st.tid = g.tid
              WHERE g.run_id = :run AND st.name = 'spin' AND g.kind IN (4, 6)),
            delays AS (
              SELECT (SELECT min(a.ts) FROM events a WHERE a.run_id = :run AND a.tid = e.tid AND a.kind = 4
                      AND a.seq > e.seq) - e.ts AS delay
              FROM events e JOIN threads t ON t.run_id = e.run_id AND t.tid = e.tid
              WHERE e.run_id = :run AND e.kind = 11 AND e.obj = 1 AND t.name = 'sleeper'
                AND (SELECT s.kind FROM spin_gil s WHERE s.ts <= e.ts ORDER BY s.ts DESC LIMIT 1) = 4)
            """
        let behindSpinner = try scalar(delays + "SELECT count(*) FROM delays WHERE delay IS NOT NULL", run: run, in: database)
        #expect(behindSpinner >= 3, "only \(behindSpinner) of 20 sleeps ended while the spinner held the GIL")
        let median = try scalar(delays + """
            SELECT delay FROM delays WHERE delay IS NOT NULL ORDER BY delay
            LIMIT 1 OFFSET (SELECT count(*) / 2 FROM delays WHERE delay IS NOT NULL)
            """, run: run, in: database)
        #expect(median >= 3_000_000, "reacquire delay p50 \(median) ns over \(behindSpinner) sleeps behind the spinner")
        #expect(try TraceInvariantTests.violations(in: database, run: run) == [])
    }

    /// Where (issue #14, real CPython 3.8–3.13): the convoy's GIL waits are at the sleep's line in the I/O function
    /// and the holds behind them in the spinning loop; a recursive function's stack has every level.
    @Test(arguments: [8, 9, 10, 11, 12, 13])
    func stacksNameTheLinesOfWaitsAndHolds(minor: Int) throws {
        guard let python = InstalledPython.version(minor) else { return }
        let database = TemporaryDatabase()
        let recorded = try recordCPython("""
            import threading, time
            done = False
            def spin():
                while not done:
                    pass
            def io_loop():
                for _ in range(20):
                    time.sleep(0.003)
            def deep(n):
                if n == 0:
                    time.sleep(0.001)
                    return
                deep(n - 1)
            t = threading.Thread(target=spin)
            t.start()
            io_loop()
            done = True
            t.join()
            deep(5)
            """, python: python, into: database)
        #expect(recorded.result.outcome.status == .ok, "\(recorded.stderr)")
        let run = recorded.result.runID
        let reader = try TraceReader(path: database.path)
        #expect(try reader.resolveRun(String(run)).notes?.contains("no stacks") != true)
        func top(_ state: String) throws -> [SQLValue] {
            try reader.query("""
                SELECT st.function, st.line FROM slices s JOIN stack_sites st ON st.run_id = s.run_id AND st.stack_id = s.stack
                WHERE s.run_id = :run AND s.state = :state GROUP BY st.function, st.line ORDER BY sum(s.dur) DESC LIMIT 1
                """, parameters: ["run": .integer(run), "state": .text(state)]).rows.first ?? []
        }
        #expect(try top("gil_wait") == [.text("io_loop"), .integer(8)])
        #expect(try top("gil_hold") == [.text("spin"), .integer(4)])
        // The sleep at the bottom of deep(5): six deep frames under <module>.
        let frames = try reader.query("""
            SELECT f.function, f.line FROM slices s JOIN stack_frames f ON f.run_id = s.run_id AND f.stack_id = s.stack
            WHERE s.run_id = :run AND s.state = 'io' AND s.ts = (
              SELECT max(ts) FROM slices WHERE run_id = :run AND state = 'io' AND stack IS NOT NULL)
            ORDER BY f.level
            """, parameters: ["run": .integer(run)]).rows
        #expect(frames.map { $0.first } == Array(repeating: .text("deep"), count: 6) + [.text("<module>")], "\(frames)")
        #expect(frames.first?.last == .integer(11))
        #expect(try TraceInvariantTests.violations(in: database, run: run) == [])
    }

    /// Lock, Semaphore, Barrier, Event and a Queue: named after their variables, their waits as lock slices.
    @Test func syncObjectsAreNamedAndTheirWaitsRecorded() throws {
        let database = TemporaryDatabase()
        let recorded = try recordCPython("""
            import threading, time, queue
            lock = threading.Lock()
            sem = threading.Semaphore(1)
            barrier = threading.Barrier(3)
            start_gun = threading.Event()
            q = queue.Queue()
            def worker(i):
                start_gun.wait()
                with sem:
                    time.sleep(0.005)
                for _ in range(5):
                    with lock:
                        time.sleep(0.001)
                barrier.wait()
                q.put(i)
            threads = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
            for t in threads: t.start()
            time.sleep(0.01)
            start_gun.set()
            for t in threads: t.join()
            print(sorted(q.get() for _ in range(3)))
            """, python: try #require(InstalledPython.python3), into: database)
        #expect(recorded.stdout == "[0, 1, 2]\n", "stderr: \(recorded.stderr)")
        let run = recorded.result.runID
        func waits(_ name: String) throws -> Int64 {
            let result = try TraceReader(path: database.path).query("""
                SELECT count(*) FROM slices s JOIN objects o ON o.run_id = s.run_id AND o.obj_id = s.obj
                WHERE s.run_id = :run AND s.state = 'lock_wait' AND o.name = :name AND s.dur > 0
                """, parameters: ["run": .integer(run), "name": .text(name)])
            guard case .integer(let n)? = result.rows.first?.first else { return 0 }
            return n
        }
        #expect(try waits("sem") >= 1)
        #expect(try waits("barrier") == 3)
        #expect(try waits("start_gun") == 3)
        if try TraceReader(path: database.path).resolveRun(String(run)).info.engine < "cpython 3.13" {
            #expect(try waits("lock") >= 1)  // 3.13's PyMutex locks have no identity to record
        }
        #expect(try TraceInvariantTests.violations(in: database, run: run) == [])
    }

    /// An interpreter whose GIL the recorder does not recognise: nothing recorded, the program unharmed, one
    /// clear line, and the run's notes say why.
    @Test func unknownLayoutDisarmsAndTheProgramRunsOn() throws {
        let database = TemporaryDatabase()
        let recorded = try recordCPython(
            "import threading\nt = threading.Thread(target=print, args=('hi',))\nt.start(); t.join()\nraise SystemExit(3)\n",
            python: try #require(InstalledPython.python3), environment: ["GILREC_DISABLE": "layout"], into: database)
        #expect(recorded.stdout == "hi\n")
        #expect(recorded.result.outcome.exitCode == 3)
        #expect(recorded.result.warnings.count == 1)
        #expect(recorded.result.warnings.first?.contains("unrecognised GIL layout") == true)
        let run = try TraceReader(path: database.path).resolveRun(String(recorded.result.runID))
        #expect(run.notes?.contains("unrecognised GIL layout") == true)
        #expect(run.eventCount == 0)
    }

    /// `gilrec run --python python3 -m PKG`: the module found on the interpreter's path (PYTHONPATH kept beside
    /// gilrec's own entry) runs as `__main__` with its arguments, its threads recorded, the run named after it.
    @Test func moduleRunsAsMain() throws {
        let database = TemporaryDatabase()
        let package = database.directory.appendingPathComponent("spinners")
        try FileManager.default.createDirectory(at: package, withIntermediateDirectories: true)
        try "".write(to: package.appendingPathComponent("__init__.py"), atomically: true, encoding: .utf8)
        try """
            import sys, threading
            def spin(n):
                while n: n -= 1
            threads = [threading.Thread(target=spin, args=(300_000,)) for _ in range(2)]
            for t in threads: t.start()
            for t in threads: t.join()
            print(__name__, sys.argv[1:])

            """.write(to: package.appendingPathComponent("__main__.py"), atomically: true, encoding: .utf8)
        let capture = OutputCapture()
        var request = Recording.Request(
            programPath: "-m spinners", source: "", arguments: ["a", "b"], label: "spinners", databasePath: database.path,
            output: .capture(capture))
        request.python = try #require(InstalledPython.python3)
        request.module = "spinners"
        request.environment = ["PYTHONPATH": database.directory.path]
        let result = try Recording.record(request)
        #expect(capture.standardOutput == "__main__ ['a', 'b']\n")
        #expect(result.outcome.status == .ok)
        let run = try TraceReader(path: database.path).resolveRun(String(result.runID))
        #expect(run.info.label == "spinners" && run.info.program == "-m spinners")
        #expect(try scalar(
            "SELECT count(DISTINCT tid) FROM events WHERE run_id = :run AND kind = 4", run: result.runID, in: database) >= 3)
        #expect(try TraceInvariantTests.violations(in: database, run: result.runID) == [])
    }

    /// A sub-interpreter (3.12+, its own GIL) runs its code to the end; the main interpreter's threads are
    /// recorded; gilrec says once, in a warning and the run's notes, that the sub-interpreter was not.
    @Test(arguments: [12, 13])
    func subInterpreterIsNamedNotBroken(minor: Int) throws {
        guard let python = InstalledPython.version(minor) else { return }
        let database = TemporaryDatabase()
        let recorded = try recordCPython("""
            import threading
            try:
                import _xxsubinterpreters as interpreters
            except ImportError:
                import _interpreters as interpreters
            def spin():
                n = 100_000
                while n: n -= 1
            t = threading.Thread(target=spin); t.start()
            for _ in range(2):
                sub = interpreters.create()
                interpreters.run_string(sub, "print('sub', sum(range(10)))")
                interpreters.destroy(sub)
            t.join()

            """, python: python, into: database)
        #expect(recorded.stdout == "sub 45\nsub 45\n")
        #expect(recorded.stderr == "")
        #expect(recorded.result.outcome.status == .ok)
        #expect(recorded.result.warnings.filter { $0.hasPrefix("partly recorded: a sub-interpreter ran") }.count == 1)
        let run = try TraceReader(path: database.path).resolveRun(String(recorded.result.runID))
        #expect(run.notes?.contains("partly recorded: a sub-interpreter ran") == true)
        #expect(run.threadCount >= 2)
        #expect(try TraceInvariantTests.violations(in: database, run: recorded.result.runID) == [])
    }

    /// A free-threaded build running without a GIL (3.13t; simulated, since none is installed here): the
    /// recorder disarms before looking for a GIL, the program's threads run unharmed, one clear line.
    @Test func freeThreadedBuildDisarmsWithItsReason() throws {
        let database = TemporaryDatabase()
        let recorded = try recordCPython("""
            import threading
            out = []
            threads = [threading.Thread(target=out.append, args=(i,)) for i in range(4)]
            for t in threads: t.start()
            for t in threads: t.join()
            print(sorted(out))

            """, python: try #require(InstalledPython.python3), environment: ["GILREC_DISABLE": "nogil"], into: database)
        #expect(recorded.stdout == "[0, 1, 2, 3]\n")
        #expect(recorded.result.outcome.status == .ok)
        #expect(recorded.result.warnings == ["not recorded: free-threaded build without a GIL (PEP 703): there is no GIL to record"])
        let run = try TraceReader(path: database.path).resolveRun(String(recorded.result.runID))
        #expect(run.notes?.contains("free-threaded build without a GIL") == true)
        #expect(run.eventCount == 0)
    }

    /// `python -I` skips the start-up code: nothing is recorded and gilrec says so; the program is unharmed.
    @Test func isolatedModeIsReportedNotBroken() throws {
        let database = TemporaryDatabase()
        let wrapper = database.directory.appendingPathComponent("python-isolated")
        try "#!/bin/sh\nexec \(try #require(InstalledPython.python3)) -I \"$@\"\n".write(to: wrapper, atomically: true, encoding: .utf8)
        chmod(wrapper.path, 0o755)
        let recorded = try recordCPython("print('isolated')\n", python: wrapper.path, into: database)
        #expect(recorded.stdout == "isolated\n")
        #expect(recorded.result.outcome.status == .ok)
        #expect(recorded.result.warnings.first?.contains("did not run gilrec's start-up code") == true)
    }

    /// fork, a multiprocessing pool and a subprocess running Python: each child is a run of its own, linked to
    /// the program's run; the program's output and status are its own.
    @Test func childProcessesAreRunsOfTheirOwn() throws {
        let database = TemporaryDatabase()
        let recorded = try recordCPython("""
            import os, sys, subprocess, multiprocessing
            def work(x):
                n = 0
                for i in range(100000):
                    n += i
                return x * x
            if __name__ == "__main__":
                pid = os.fork()
                if pid == 0:
                    work(1)
                    os._exit(0)
                os.waitpid(pid, 0)
                with multiprocessing.get_context("fork").Pool(2) as pool:
                    print(sum(pool.map(work, range(4))))
                print(subprocess.run([sys.executable, "-c", "print(6 * 7)"], capture_output=True, text=True).stdout.strip())
            """, python: try #require(InstalledPython.python3), into: database)
        #expect(recorded.stdout == "14\n42\n", "stderr: \(recorded.stderr)")
        #expect(recorded.result.outcome.status == .ok)
        let reader = try TraceReader(path: database.path)
        let runs = try reader.runs()
        let children = runs.filter { $0.info.parentRunId == recorded.result.runID }
        #expect(children.count >= 4, "fork + 2 pool workers + subprocess: \(runs.map { ($0.runID, $0.info.program, $0.status) })")
        #expect(Set(children.map(\.runID)) == Set(recorded.result.childRunIDs))
        #expect(children.contains { $0.info.program == "-c" && $0.info.argv == ["print(6 * 7)"] })
        for child in children where child.status == .ok {
            #expect(child.eventCount > 0)
            #expect(try TraceInvariantTests.violations(in: database, run: child.runID) == [], "run \(child.runID)")
        }
        #expect(try TraceInvariantTests.violations(in: database, run: recorded.result.runID) == [])
    }

    @Test func childCommandLinesNameTheirRuns() {
        #expect(CPythonDrain.programAndArguments(["python3", "-u", "prog.py", "a"], pid: 1) == ("prog.py", ["a"]))
        #expect(CPythonDrain.programAndArguments(["python3", "-c", "print(1)", "x"], pid: 1) == ("-c", ["print(1)", "x"]))
        #expect(CPythonDrain.programAndArguments(["python3", "-X", "dev", "-m", "http.server", "80"], pid: 1) == ("-m http.server", ["80"]))
        #expect(CPythonDrain.programAndArguments([], pid: 7) == ("pid 7", []))
    }

    /// Rings of 64 slots, written three slots at a time by `with lock:` and drained every few ms: the producers
    /// wait for room, and every event arrives exactly once (sequence numbers 1…N, none twice, none missing).
    @Test func tinyRingsLoseAndRepeatNothing() throws {
        let database = TemporaryDatabase()
        let script = database.directory.appendingPathComponent("locks.py")
        try """
            import threading
            lock = threading.Lock()
            def work():
                for _ in range(2000):
                    with lock:
                        pass
            threads = [threading.Thread(target=work) for _ in range(2)]
            for t in threads: t.start()
            for t in threads: t.join()
            """.write(to: script, atomically: true, encoding: .utf8)
        let capture = OutputCapture()
        var request = Recording.Request(
            programPath: script.path, source: "", databasePath: database.path, output: .capture(capture))
        request.python = try #require(InstalledPython.python3)
        request.ringCapacity = 64
        request.recordAllLockHolds = true
        let result = try Recording.record(request)
        #expect(result.outcome.status == .ok, "\(capture.standardError)")
        #expect(result.droppedEvents == 0)
        let run = result.runID
        #expect(try scalar("SELECT count(*) FROM events WHERE run_id = :run", run: run, in: database) >= 12000)
        #expect(try scalar("SELECT max(seq) - count(*) FROM events WHERE run_id = :run", run: run, in: database) <= 2,
                "sequence numbers 1…N: only the synthesised thread ends may stand apart")
        #expect(try TraceInvariantTests.violations(in: database, run: run) == [])
    }

    /// Holds of a named lock: by default only those another thread waited through become events, the rest are
    /// counted in the run's notes; `--lock-holds all` records every one.
    @Test func uncontendedHoldsAreCountedOrRecorded() throws {
        let source = """
            import threading
            lock = threading.Lock()
            def work():
                for _ in range(1000):
                    with lock:
                        pass
            threads = [threading.Thread(target=work) for _ in range(2)]
            for t in threads: t.start()
            for t in threads: t.join()
            """
        let python = try #require(InstalledPython.python3)
        guard try PythonInterpreter.probe(python).version.lexicographicallyPrecedes([3, 13]) else { return }  // PyMutex
        for all in [false, true] {
            let database = TemporaryDatabase()
            let script = database.directory.appendingPathComponent("locks.py")
            try source.write(to: script, atomically: true, encoding: .utf8)
            var request = Recording.Request(
                programPath: script.path, source: "", databasePath: database.path, output: .capture(OutputCapture()))
            request.python = python
            request.recordAllLockHolds = all
            let result = try Recording.record(request)
            let run = try TraceReader(path: database.path).resolveRun(String(result.runID))
            let holds = try scalar("""
                SELECT count(*) FROM slices s JOIN objects o ON o.run_id = s.run_id AND o.obj_id = s.obj
                WHERE s.run_id = :run AND s.state = 'lock_hold' AND o.name = 'lock'
                """, run: result.runID, in: database)
            // "lock 'lock' (line 2): 1998 uncontended acquisitions counted, not recorded …"
            let note = (run.notes ?? "").split(separator: "\n").first { $0.hasPrefix("lock 'lock'") }
            let counted = note.flatMap { $0.components(separatedBy: ": ").dropFirst().first }
                .flatMap { $0.split(separator: " ").first.flatMap { Int64($0) } } ?? 0
            if all {
                #expect(holds == 2000)
                #expect(counted == 0)
            } else {
                #expect(holds + counted == 2000, "\(holds) recorded + \(counted) counted; notes: \(run.notes ?? "")")
            }
            #expect(try TraceInvariantTests.violations(in: database, run: result.runID) == [])
        }
    }

    /// hashlib and zlib release the GIL around their C loops: each worker's time there is a `native` slice,
    /// between a hold and its next GIL request, never overlapping the thread's own holds or waits.
    @Test func codeThatReleasesTheGILIsNativeTime() throws {
        let database = TemporaryDatabase()
        let recorded = try recordCPython("""
            import hashlib, threading, zlib
            data = bytes(range(256)) * 8192  # 2 MiB: both release the GIL for buffers this size
            def work():
                for _ in range(3):
                    hashlib.sha256(data).digest()
                    zlib.compress(data, 1)
            threads = [threading.Thread(target=work, name=f"worker{i}") for i in range(2)]
            for t in threads: t.start()
            for t in threads: t.join()
            print("ok")

            """, python: try #require(InstalledPython.python3), into: database)
        #expect(recorded.stdout == "ok\n")
        let run = recorded.result.runID
        let reader = try TraceReader(path: database.path)
        var slices: [Slice] = []
        try reader.forEachSlice(runID: run, state: nil) { slices.append($0) }
        let threads = try reader.threads(runID: run)
        for worker in threads where worker.name.hasPrefix("worker") {
            let own = slices.filter { $0.tid == worker.tid }
            let native = own.filter { $0.state == .native }
            #expect(native.count >= 6, "\(worker.name): \(native.count) native slices")
            let gil = own.filter { $0.state == .gilHold || $0.state == .gilWait }
            for n in native {
                #expect(!gil.contains { $0.ts < n.ts + n.dur && n.ts < $0.ts + $0.dur }, "\(n) overlaps the GIL")
            }
        }
        #expect(try TraceInvariantTests.violations(in: database, run: run) == [])
    }

    /// A thread pool's hundred Futures each have a condition lock made at one line: the run's notes count them
    /// as one site, not a hundred lines.
    @Test func uncontendedCountsAreGroupedBySite() throws {
        let database = TemporaryDatabase()
        let recorded = try recordCPython("""
            from concurrent.futures import ThreadPoolExecutor
            with ThreadPoolExecutor(max_workers=4) as pool:
                print(sum(pool.map(abs, range(100))))

            """, python: try #require(InstalledPython.python3), into: database)
        #expect(recorded.stdout == "4950\n")
        let run = try TraceReader(path: database.path).resolveRun(String(recorded.result.runID))
        let counted = (run.notes ?? "").split(separator: "\n").filter { $0.contains("uncontended acquisition") }
        #expect(counted.count <= RecordedProcess.uncontendedLines + 1, "\(counted)")
        #expect(counted.contains { $0.contains("locks '") }, "\(counted)")
    }

    @Test func timeoutStopsTheProgramAndKeepsTheTrace() throws {
        let database = TemporaryDatabase()
        let recorded = try recordCPython(
            "import time\nwhile True:\n    time.sleep(0.01)\n", python: try #require(InstalledPython.python3),
            timeout: 1, into: database)
        #expect(recorded.result.outcome.status == .timeout)
        #expect(recorded.result.outcome.exitCode == 124)
        #expect(recorded.result.eventCount > 0)
        #expect(try TraceReader(path: database.path).resolveRun(String(recorded.result.runID)).status == .timeout)
    }

    /// kill -9 of the interpreter: the run is `incomplete` with every event published before the kill.
    @Test func killedInterpreterLeavesAnIncompleteRun() throws {
        let database = TemporaryDatabase()
        let pidFile = database.directory.appendingPathComponent("pid").path
        let source = """
            import os, threading, time
            open(\(JSONText.quoted(pidFile)), "w").write(str(os.getpid()))
            lock = threading.Lock()
            def work():
                while True:
                    with lock:
                        time.sleep(0.0005)
            for _ in range(2):
                threading.Thread(target=work, daemon=True).start()
            time.sleep(60)
            """
        let killer = Thread {
            var pid: Int32 = 0
            for _ in 0..<600 where pid == 0 {
                pid = (try? String(contentsOfFile: pidFile, encoding: .utf8)).flatMap { Int32($0) } ?? 0
                Thread.sleep(forTimeInterval: 0.05)
            }
            Thread.sleep(forTimeInterval: 0.5)
            if pid > 0 { kill(pid, SIGKILL) }
        }
        killer.start()
        let recorded = try recordCPython(source, python: try #require(InstalledPython.python3), into: database)
        #expect(recorded.result.outcome.status == .incomplete)
        #expect(recorded.result.outcome.exitCode == 137)
        #expect(recorded.result.eventCount > 20)
        let run = recorded.result.runID
        #expect(try scalar("""
            SELECT count(*) FROM (SELECT ts, LAG(ts) OVER (PARTITION BY tid ORDER BY seq) AS previous
                                  FROM events WHERE run_id = :run) WHERE previous > ts
            """, run: run, in: database) == 0)
        #expect(try scalar("""
            SELECT count(*) FROM (SELECT ts, LAG(ts + dur) OVER (ORDER BY ts, tid) AS previous_end
                                  FROM slices WHERE run_id = :run AND state = 'gil_hold') WHERE previous_end > ts
            """, run: run, in: database) == 0)
    }
}

/// The `gilrec` binary with `--python`: signals and a killed recorder, as a user would meet them.
@Suite(.serialized, .enabled(if: InstalledPython.python3 != nil && FileManager.default.isExecutableFile(atPath: DeadlockEndToEndTests.binary.path), "needs python3 and .build/debug/gilrec"))
struct CPythonEngineProcessTests {
    static let busy = """
        import os, sys, threading, time
        open(sys.argv[1], "w").write(str(os.getpid()))
        lock = threading.Lock()
        def work():
            while True:
                with lock:
                    time.sleep(0.0002)
        for _ in range(2):
            threading.Thread(target=work, daemon=True).start()
        while True:
            time.sleep(0.01)
        """

    /// Starts `gilrec run --python python3` on the busy program; returns it once the program is recording.
    func startRecording(_ database: TemporaryDatabase) throws -> (gilrec: Process, programPid: Int32) {
        let script = database.directory.appendingPathComponent("busy.py")
        let pidFile = database.directory.appendingPathComponent("pid").path
        try Self.busy.write(to: script, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = DeadlockEndToEndTests.binary
        process.arguments = ["run", "--python", "python3", "--db", database.path, script.path, "--", pidFile]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var pid: Int32 = 0
        for _ in 0..<600 where pid == 0 {
            Thread.sleep(forTimeInterval: 0.05)
            pid = (try? String(contentsOfFile: pidFile, encoding: .utf8)).flatMap { Int32($0) } ?? 0
        }
        try KillTests.waitForCommittedEvents(run: 1, in: database.path)
        return (process, pid)
    }

    /// SIGINT to gilrec alone reaches the program as KeyboardInterrupt; the run is `interrupted`, exit 130.
    @Test func sigintInterruptsTheProgramAndTheRun() throws {
        let database = TemporaryDatabase()
        let (gilrec, _) = try startRecording(database)
        kill(gilrec.processIdentifier, SIGINT)
        gilrec.waitUntilExit()
        #expect(gilrec.terminationStatus == 130)
        let run = try TraceReader(path: database.path).resolveRun("1")
        #expect(run.status == .interrupted)
        #expect(run.eventCount > 0)
    }

    /// kill -9 of gilrec: the run is `incomplete` (its recorder is gone), every committed event intact; the
    /// program, left alone, stops recording and runs on until it is stopped.
    @Test func killedRecorderLeavesAnIncompleteRun() throws {
        let database = TemporaryDatabase()
        let (gilrec, programPid) = try startRecording(database)
        Thread.sleep(forTimeInterval: 0.3)
        kill(gilrec.processIdentifier, SIGKILL)
        Thread.sleep(forTimeInterval: 0.3)
        #expect(programPid > 0 && kill(programPid, 0) == 0, "the program keeps running without its recorder")
        // Foundation's Process sees its child's end once every inherited descriptor is closed: stop the program.
        if programPid > 0 { kill(programPid, SIGKILL) }
        gilrec.waitUntilExit()
        let reader = try TraceReader(path: database.path)
        #expect(try reader.query("PRAGMA integrity_check", parameters: [:]).rows.first?.first == .text("ok"))
        let run = try reader.resolveRun("1")
        #expect(run.status == .incomplete)
        let disorder = try reader.query("""
            SELECT count(*) FROM (SELECT ts, LAG(ts) OVER (PARTITION BY tid ORDER BY seq) AS previous
                                  FROM events WHERE run_id = 1) WHERE previous > ts
            """, parameters: [:])
        #expect(disorder.rows.first?.first == .integer(0))
    }
}

import Foundation
import Testing
import TraceStore

/// Deadlocks beyond two locks, through the built `gilrec`: each run must end by itself with exit 3, the
/// report on stderr, and the run stored as `deadlock`.
@Suite(.serialized, .enabled(if: BuiltBinary.available, "needs .build/debug/gilrec"))
struct DeadlockReliabilityTests {
    private func expectDeadlock(_ source: String, _ expected: [String]) throws {
        let database = TemporaryDatabase()
        let result = try BuiltBinary.record(source, in: database, limit: 30)
        #expect(result.status == 3, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("gilrec: deadlock — every thread is blocked and nothing can wake them"))
        for text in expected { #expect(result.stderr.contains(text), "stderr: \(result.stderr)") }
        #expect(try TraceReader(path: database.path).resolveRun(nil).status == .deadlock)
    }

    @Test func diningPhilosophers() throws {
        try expectDeadlock("""
            import threading
            forks = [threading.Lock() for _ in range(5)]
            seated = threading.Barrier(5, timeout=30)
            def philosopher(i):
                with forks[i]:
                    seated.wait()  # everyone holds a left fork: the deadlock is certain, however slow the machine
                    with forks[(i + 1) % 5]:
                        pass
            ts = [threading.Thread(target=philosopher, args=(i,), name=f"P{i}") for i in range(5)]
            for t in ts: t.start()
            for t in ts: t.join()
            """, [
                "P0 (tid 2) waits for lock Lock-2 (created at line 2), held by P1 (tid 3)",
                "cycle: P0 → Lock-2 → P1 → Lock-3 → P2 → Lock-4 → P3 → Lock-5 → P4 → Lock-1 → P0",
            ])
    }

    @Test func queueGetWithNoProducer() throws {
        try expectDeadlock("""
            import queue
            jobs = queue.Queue()
            item = jobs.get()
            """, ["MainThread (tid 1) waits for condition jobs.not_empty (created at line 2)"])
    }

    @Test func queuePutOnAFullQueueWithNoConsumer() throws {
        try expectDeadlock("""
            import queue
            slots = queue.Queue(maxsize=1)
            slots.put(1)
            slots.put(2)
            """, ["waits for condition slots.not_full (created at line 2)"])
    }

    /// A non-daemon thread blocked forever when the main program ends: Python waits for it at exit, forever.
    @Test func threadBlockedForeverAtExit() throws {
        try expectDeadlock("""
            import threading
            never = threading.Event()
            threading.Thread(target=never.wait, name="stuck").start()
            print("main done")
            """, ["MainThread (tid 1) waits for stuck to end", "stuck (tid 2) waits for event never (created at line 2)"])
    }

    @Test func barrierAndConditionNobodyCompletes() throws {
        try expectDeadlock("""
            import threading
            gate = threading.Barrier(3)
            cv = threading.Condition()
            def at_gate():
                gate.wait()
            def waiting():
                with cv:
                    cv.wait()
            a = threading.Thread(target=at_gate, name="a")
            b = threading.Thread(target=waiting, name="b")
            a.start(); b.start()
            a.join(); b.join()
            """, ["a (tid 2) waits for barrier gate (created at line 2)", "b (tid 3) waits for condition cv (created at line 3)"])
    }

    /// Daemon threads still running at exit are not waited for: the run ends normally.
    @Test func daemonThreadsRunningAtExitDoNotHoldTheRun() throws {
        let database = TemporaryDatabase()
        let result = try BuiltBinary.record("""
            import threading, time
            never = threading.Event()
            def spin():
                while True:
                    time.sleep(0.001)
            threading.Thread(target=never.wait, daemon=True).start()
            threading.Thread(target=spin, daemon=True).start()
            time.sleep(0.05)
            print("bye")
            """, in: database, limit: 30)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "bye\n")
        #expect(try TraceReader(path: database.path).resolveRun(nil).status == .ok)
    }
}

/// A non-daemon thread that never ends but is not blocked on anything (it sleeps): not a deadlock, so only
/// `--timeout` can stop it — and it does, saying so, even though the main program itself had finished.
@Suite(.serialized, .enabled(if: BuiltBinary.available, "needs .build/debug/gilrec"))
struct HangAtExitReliabilityTests {
    @Test func sleepingThreadAtExitIsStoppedByTimeout() throws {
        let database = TemporaryDatabase()
        let result = try BuiltBinary.record("""
            import threading, time
            def forever():
                while True:
                    time.sleep(0.05)
            threading.Thread(target=forever, name="sleeper").start()
            print("main done")
            """, in: database, extra: ["--timeout", "0.5"], limit: 30)
        #expect(result.status == 124, "stderr: \(result.stderr)")
        #expect(result.stdout == "main done\n")
        #expect(result.stderr.contains("gilrec: --timeout of 0.5 s reached"))
        #expect(!result.stderr.contains("deadlock"))
        #expect(try TraceReader(path: database.path).resolveRun(nil).status == .timeout)
    }

    /// A regular expression that backtracks for minutes still yields to `--timeout`: the matcher checks for an
    /// interrupt every 4,096 steps, as `_sre` checks for signals, and the main thread gets its KeyboardInterrupt.
    @Test func catastrophicBacktrackingIsStoppedByTimeout() throws {
        let database = TemporaryDatabase()
        let result = try BuiltBinary.record("""
            import re
            print("start", flush=True)
            print(re.match(r"(a+)+$", "a" * 40 + "b"))
            """, in: database, extra: ["--timeout", "0.5"], limit: 30)
        #expect(result.status == 124, "stderr: \(result.stderr)")
        #expect(result.stdout == "start\n")
        #expect(result.stderr.contains("MainThread was stopped here (--timeout)"))
        #expect(try TraceReader(path: database.path).resolveRun(nil).status == .timeout)
    }
}

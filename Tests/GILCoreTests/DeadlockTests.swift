#if canImport(Glibc)
import Glibc
#endif
import GILTrace
import Synchronization
import Testing

@testable import GILCore

@Suite(.serialized)
struct DeadlockTests {
    @Test func cycleIsFoundAndRotatedToItsSmallestThread() {
        #expect(DeadlockWatch.cycle(in: [3: 2, 2: 3, 1: 2]) == [2, 3])
        #expect(DeadlockWatch.cycle(in: [5: 7, 7: 6, 6: 5]) == [5, 7, 6])
        #expect(DeadlockWatch.cycle(in: [1: 2, 2: 3]) == [])
        #expect(DeadlockWatch.cycle(in: [:]) == [])
    }

    /// The classic: two threads take two locks in opposite orders; main joins. The watchdog reports the
    /// cycle; then main (interrupted out of its join) releases a lock so the threads can finish.
    @Test func twoLockDeadlockIsReportedWithItsCycle() throws {
        let h = Harness()
        let a = LockCore(recorder: h.recorder, name: "lock_a", sourceLine: 4)
        let b = LockCore(recorder: h.recorder, name: "lock_b", sourceLine: 5)
        let both = Counter()
        let reports = Collected<DeadlockReport>()
        h.threads.watchForDeadlocks(intervalNs: 20_000_000) { report in
            reports.append(report)
            h.threads.requestInterrupt()
        }
        let one = h.spawn("one") { ts in
            _ = a.acquire(ts)
            ts.sleep(ns: 30_000_000)
            if b.acquire(ts) { both.add(); try? b.release(ts) }
            try? a.release(ts)
            return 0
        }
        let two = h.spawn("two") { ts in
            _ = b.acquire(ts)
            ts.sleep(ns: 30_000_000)
            if a.acquire(ts) { both.add(); try? a.release(ts) }
            try? b.release(ts)
            return 0
        }
        #expect(!one.join(from: h.main, timeoutNs: nil))  // ended early by the interrupt
        _ = try? h.main.throwIfInterrupted()
        let report = try #require(reports.all.first)
        #expect(report.cycle == [one.tid, two.tid])
        #expect(report.waits.count == 3)
        #expect(report.description.contains("lock_b (created at line 5), held by two"))
        #expect(report.description.contains("cycle: one → lock_b → two → lock_a → one"))
        // Break the deadlock from outside (a Lock has no owner) so both threads end.
        try a.release(h.main)
        #expect(one.join(from: h.main, timeoutNs: nil) && two.join(from: h.main, timeoutNs: nil))
        #expect(reports.all.count == 1)
        _ = h.finish()
    }

    /// A thread that got the lock it waited for and now waits for the GIL is no longer in the wait-for graph:
    /// were it, a holder of the GIL that stalls (a loaded machine) while everyone else waits would look like
    /// a deadlock (seen once: `gilbench fidelity`'s lock-heavy program stopped as deadlocked under cpython2).
    @Test(arguments: ["lock", "condition"])
    func aWokenThreadWaitingForTheGILIsNotBlocked(primitive: String) throws {
        let h = Harness()
        let lock = LockCore(recorder: h.recorder, name: "lock")
        let condition = ConditionCore(lock: lock, recorder: h.recorder, name: "condition")
        let notified = Atomic<Bool>(false)
        _ = lock.acquire(h.main)
        let waiter = h.spawn("waiter") { ts in
            if primitive == "lock" {
                _ = lock.acquire(ts)
            } else {
                _ = lock.acquire(ts)
                while !notified.load(ordering: .acquiring) { _ = try? condition.wait(ts, timeoutNs: nil) }
            }
            try? lock.release(ts)
            return 0
        }
        func waiting() -> Bool { h.threads.waits.snapshot().waits[waiter.tid] != nil }
        if primitive == "condition" {
            try lock.release(h.main)
            while !(waiting() && !lock.isLocked) { h.main.sleep(ns: 1_000_000) }  // in condition.wait
            _ = lock.acquire(h.main)
            notified.store(true, ordering: .releasing)
            try condition.notify(h.main)
        } else {
            while !waiting() { h.main.sleep(ns: 1_000_000) }  // blocked on the lock
        }
        // Main keeps the GIL from here: the waiter, given the lock, must leave the graph before it gets the GIL.
        try lock.release(h.main)
        let deadline = MonotonicClock.now() + 5_000_000_000
        while waiting() && MonotonicClock.now() < deadline { usleep(1_000) }
        #expect(!waiting())
        #expect(waiter.join(from: h.main, timeoutNs: nil))
        _ = h.finish()
    }

    @Test func threadsThatSleepOrTimeOutAreNotDeadlocked() {
        let h = Harness()
        let lock = LockCore(recorder: h.recorder, name: "lock")
        let reports = Collected<DeadlockReport>()
        h.threads.watchForDeadlocks(intervalNs: 10_000_000) { reports.append($0) }
        _ = lock.acquire(h.main)
        let timed = h.spawn("timed") { ts in
            _ = lock.acquire(ts, timeoutNs: 150_000_000)  // waits with a timeout: it will wake by itself
            return 0
        }
        let sleeper = h.spawn("sleeper") { ts in
            ts.sleep(ns: 150_000_000)
            return 0
        }
        _ = timed.join(from: h.main, timeoutNs: nil)
        _ = sleeper.join(from: h.main, timeoutNs: nil)
        try? lock.release(h.main)
        #expect(reports.all.isEmpty)
        _ = h.finish()
    }
}

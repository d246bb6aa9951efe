import Dispatch
import GILTrace
import Synchronization
import Testing

@testable import GILCore

/// Every untimed wait — not only Lock/RLock/join — is part of the wait-for graph, so "every live thread is
/// blocked and nothing can wake them" is found for Condition, Barrier, Semaphore and Event too.
@Suite(.serialized)
struct DeadlockReliabilityTests {
    /// Spawns `workers`, joins them from main under the deadlock watch, and returns the first report. On a
    /// report main is interrupted out of its join; `unblock` then frees the workers so they all end.
    private func deadlockReport(
        _ h: Harness, workers: [(String, @Sendable (ThreadState) -> Int32)], unblock: (ThreadState) throws -> Void
    ) throws -> DeadlockReport? {
        let reports = Collected<DeadlockReport>()
        h.threads.watchForDeadlocks(intervalNs: 20_000_000) { report in
            reports.append(report)
            h.threads.requestInterrupt()
        }
        let handles = workers.map { h.spawn($0.0, $0.1) }
        // Main's joins must be untimed (a timed wait is never a deadlock); a deadlock the watch misses would hang
        // them, so a late interrupt ends them anyway and the test fails instead of hanging.
        DispatchQueue.global().asyncAfter(deadline: .now() + 5) { h.threads.requestInterrupt() }
        for handle in handles {
            _ = handle.join(from: h.main, timeoutNs: nil)
            if h.main.shouldStopForInterrupt { break }
        }
        _ = try? h.main.throwIfInterrupted()
        try unblock(h.main)
        for handle in handles { #expect(handle.join(from: h.main, timeoutNs: 5_000_000_000)) }
        _ = h.finish()
        return reports.all.first
    }

    /// Five philosophers, five forks; each takes its left fork, waits a little, then its right one.
    @Test func diningPhilosophersAreFoundWithTheWholeCycle() throws {
        let h = Harness()
        let forks = (0..<5).map { LockCore(recorder: h.recorder, name: "fork\($0)", sourceLine: Int32(10 + $0)) }
        let meals = Counter()
        // Every philosopher holds its left fork before reaching for the right one, however slow the machine.
        let seated = BarrierCore(recorder: h.recorder, parties: 5, timeoutNs: 30_000_000_000, name: "seated")
        let philosophers = (0..<5).map { i -> (String, @Sendable (ThreadState) -> Int32) in
            ("philosopher\(i)", { ts in
                _ = forks[i].acquire(ts)
                _ = try? seated.wait(ts, timeoutNs: nil)
                if forks[(i + 1) % 5].acquire(ts) {
                    meals.add()
                    try? forks[(i + 1) % 5].release(ts)
                }
                try? forks[i].release(ts)
                return 0
            })
        }
        // A Lock has no owner: releasing fork0 from main lets philosopher4 eat, and the rest follow.
        let report = try #require(try deadlockReport(h, workers: philosophers) { try forks[0].release($0) })
        let tids = report.waits.filter { $0.object.kind == .lock }.map(\.tid)
        #expect(tids.count == 5)
        #expect(report.cycle.count == 5 && Set(report.cycle) == Set(tids))
        #expect(report.description.contains("waits for lock fork1 (created at line 11), held by philosopher1"))
        #expect(report.description.contains("cycle: philosopher0 → fork1 → philosopher1 → fork2 → philosopher2"))
        #expect(meals.current == 5)
    }

    @Test func conditionWaitWithNobodyToNotifyIsADeadlock() throws {
        let h = Harness()
        let lock = LockCore(recorder: h.recorder, name: "cv_lock")
        let condition = ConditionCore(lock: lock, recorder: h.recorder, name: "ready", sourceLine: 7)
        let waiter: @Sendable (ThreadState) -> Int32 = { ts in
            _ = lock.acquire(ts)
            _ = try? condition.wait(ts, timeoutNs: nil)
            try? lock.release(ts)
            return 0
        }
        let report = try #require(try deadlockReport(h, workers: [("waiter", waiter)]) { main in
            _ = lock.acquire(main)
            try condition.notifyAll(main)
            try lock.release(main)
        })
        #expect(report.description.contains("waiter (tid 2) waits for condition ready (created at line 7)"))
        #expect(report.cycle.isEmpty)
    }

    @Test func barrierMissingAPartyIsADeadlock() throws {
        let h = Harness()
        let barrier = BarrierCore(recorder: h.recorder, parties: 3, name: "gate", sourceLine: 3)
        let party: @Sendable (ThreadState) -> Int32 = { ts in (try? barrier.wait(ts, timeoutNs: nil)) == nil ? 1 : 0 }
        let report = try #require(
            try deadlockReport(h, workers: [("a", party), ("b", party)]) { _ in barrier.abort() })
        #expect(report.waits.filter { $0.object.kind == .barrier }.count == 2)
        #expect(report.description.contains("waits for barrier gate (created at line 3)"))
    }

    @Test func semaphoreAndEventNobodyReleasesAreADeadlock() throws {
        let h = Harness()
        let semaphore = SemaphoreCore(recorder: h.recorder, value: 0, name: "slots", sourceLine: 2)
        let event = EventCore(recorder: h.recorder, name: "go", sourceLine: 4)
        let report = try #require(try deadlockReport(h, workers: [
            ("sem", { ts in semaphore.acquire(ts) ? 0 : 1 }),
            ("evt", { ts in event.wait(ts, timeoutNs: nil) ? 0 : 1 }),
        ]) { main in
            try semaphore.release(main)
            event.set(main)
        })
        #expect(report.description.contains("waits for semaphore slots"))
        #expect(report.description.contains("waits for event go"))
    }

    /// A timed condition wait or barrier wait wakes by itself: never a deadlock.
    @Test func timedConditionAndBarrierWaitsAreNotDeadlocks() {
        let h = Harness()
        let lock = LockCore(recorder: h.recorder, name: "l")
        let condition = ConditionCore(lock: lock, recorder: h.recorder, name: "c")
        let barrier = BarrierCore(recorder: h.recorder, parties: 2, name: "b")
        let reports = Collected<DeadlockReport>()
        h.threads.watchForDeadlocks(intervalNs: 10_000_000) { reports.append($0) }
        let one = h.spawn("cond") { ts in
            _ = lock.acquire(ts)
            _ = try? condition.wait(ts, timeoutNs: 150_000_000)
            try? lock.release(ts)
            return 0
        }
        let two = h.spawn("barrier") { ts in
            _ = try? barrier.wait(ts, timeoutNs: 150_000_000)
            return 0
        }
        _ = one.join(from: h.main, timeoutNs: nil)
        _ = two.join(from: h.main, timeoutNs: nil)
        #expect(reports.all.isEmpty)
        _ = h.finish()
    }
}

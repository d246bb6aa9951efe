import GILTrace
import Testing

@testable import GILCore

@Suite(.serialized)
struct SyncTests {
    @Test func lockTimesOutWhileHeldElsewhere() throws {
        let h = Harness()
        let lock = LockCore(recorder: h.recorder, name: "lock")
        #expect(lock.acquire(h.main, blocking: true, timeoutNs: nil))
        #expect(lock.isLocked)
        #expect(!lock.acquire(h.main, blocking: false, timeoutNs: nil))
        let results = Collected<Bool>()
        let t = h.spawn("waiter") { ts in
            results.append(lock.acquire(ts, blocking: true, timeoutNs: 20_000_000))
            return 0
        }
        #expect(t.join(from: h.main, timeoutNs: nil))
        #expect(results.all == [false])
        try lock.release(h.main)
        #expect(throws: SyncError.releaseUnlocked) { try lock.release(h.main) }
        // Released by one thread, acquired by another: the waiter now gets it.
        let second = h.spawn("taker") { ts in
            results.append(lock.acquire(ts, blocking: true, timeoutNs: nil))
            try? lock.release(ts)
            return 0
        }
        _ = second.join(from: h.main, timeoutNs: nil)
        #expect(results.all == [false, true])
        let events = h.finish()
        #expect(gilViolations(events) == [])
        let waiter = events.thread(t.tid).filter { $0.obj == lock.objectID }
        #expect(waiter.map(\.kind) == [.lockRequest, .lockAcquire])
        #expect(waiter.map(\.arg) == [20_000_000, 0])
        // The timed-out wait released the GIL (reason blocking call) and took it back.
        #expect(events.thread(t.tid).contains { $0.kind == .gilRelease && $0.arg == GILReleaseReason.blockingCall.rawValue })
        #expect(h.sink.objects.first { $0.id == lock.objectID }?.kind == .lock)
    }

    @Test func contendedLockHandsOverInSeqOrder() throws {
        let h = Harness()
        let lock = LockCore(recorder: h.recorder, name: "lock")
        let counter = Counter()
        for i in 0..<4 {
            _ = h.spawn("w\(i)") { ts in
                for _ in 0..<20 {
                    _ = lock.acquire(ts, blocking: true, timeoutNs: nil)
                    counter.add()
                    ts.sleep(ns: 200_000)  // hold across a GIL release, so others contend
                    try? lock.release(ts)
                }
                return 0
            }
        }
        let events = h.finish()
        #expect(counter.current == 80)
        #expect(gilViolations(events) == [])
        // Lock holds never overlap in seq order: lock_acquire(1) … lock_release alternate.
        var holder: UInt16?
        for e in events where e.obj == lock.objectID {
            if e.kind == .lockAcquire && e.arg == 1 {
                #expect(holder == nil)
                holder = e.tid
            } else if e.kind == .lockRelease {
                #expect(holder == e.tid)
                holder = nil
            }
        }
        #expect(events.filter { $0.obj == lock.objectID && $0.kind == .lockAcquire }.count == 80)
        #expect(openLockHolds(events) == [])
    }

    @Test func rlockNestsAndCountsDown() throws {
        let h = Harness()
        let rlock = RLockCore(recorder: h.recorder, name: "rlock")
        for _ in 0..<3 { #expect(rlock.acquire(h.main, blocking: true, timeoutNs: nil)) }
        #expect(rlock.recursionCount(h.main) == 3)
        let other = Collected<String>()
        let t = h.spawn("other") { ts in
            other.append(rlock.acquire(ts, blocking: false, timeoutNs: nil) ? "got" : "busy")
            do { try rlock.release(ts) } catch { other.append("\(error)") }
            return 0
        }
        _ = t.join(from: h.main, timeoutNs: nil)
        #expect(other.all == ["busy", "releaseNotOwner"])
        for _ in 0..<3 { try rlock.release(h.main) }
        #expect(!rlock.isLocked)
        #expect(throws: SyncError.releaseNotOwner) { try rlock.release(h.main) }
        let events = h.finish()
        let releases = events.filter { $0.obj == rlock.objectID && $0.kind == .lockRelease }.map(\.arg)
        #expect(releases == [2, 1, 0])
        #expect(openLockHolds(events) == [])
    }

    @Test func semaphoreNeverAdmitsMoreThanItsValue() throws {
        let h = Harness()
        let sem = SemaphoreCore(recorder: h.recorder, value: 3, name: "sem")
        let inside = Counter()
        let peak = Counter()
        for i in 0..<6 {
            _ = h.spawn("s\(i)") { ts in
                for _ in 0..<5 {
                    _ = sem.acquire(ts, blocking: true, timeoutNs: nil)
                    let now = inside.add()
                    while peak.current < now { _ = peak.value.compareExchange(expected: peak.current, desired: now, ordering: .relaxed) }
                    ts.sleep(ns: 1_000_000)
                    inside.add(-1)
                    try? sem.release(ts)
                }
                return 0
            }
        }
        _ = h.finish()
        #expect(peak.current <= 3)
        #expect(peak.current >= 2)
        #expect(sem.value == 3)
    }

    @Test func boundedSemaphoreRefusesOverRelease() throws {
        let h = Harness()
        let sem = SemaphoreCore(recorder: h.recorder, value: 2, bounded: true, name: "bsem")
        #expect(throws: SyncError.boundedOverflow) { try sem.release(h.main) }
        #expect(sem.acquire(h.main, blocking: true, timeoutNs: nil))
        try sem.release(h.main)
        #expect(throws: SyncError.boundedOverflow) { try sem.release(h.main, n: 1) }
        let plain = SemaphoreCore(recorder: h.recorder, value: 0, name: "sem")
        #expect(!plain.acquire(h.main, blocking: false, timeoutNs: nil))
        try plain.release(h.main, n: 5)
        #expect(plain.value == 5)
        _ = h.finish()
        #expect(h.sink.objects.map(\.kind) == [.boundedSemaphore, .semaphore])
    }

    @Test func barrierGivesDistinctIndexes() throws {
        let h = Harness()
        let barrier = BarrierCore(recorder: h.recorder, parties: 4, name: "barrier")
        let indexes = Collected<Int>()
        for round in 0..<2 {
            for i in 0..<4 {
                _ = h.spawn("b\(round)-\(i)") { ts in
                    do { indexes.append(try barrier.wait(ts, timeoutNs: nil)) } catch { return 1 }
                    return 0
                }
            }
        }
        let events = h.finish()
        #expect(openLockHolds(events) == [])
        let all = indexes.all
        #expect(all.count == 8)
        #expect(all.filter { $0 == 0 }.count == 2 && all.filter { $0 == 3 }.count == 2)
        #expect(Set(all) == [0, 1, 2, 3])
        #expect(!barrier.isBroken)
    }

    @Test func barrierTimeoutBreaksItForEveryone() throws {
        let h = Harness()
        let barrier = BarrierCore(recorder: h.recorder, parties: 3, name: "barrier")
        let errors = Collected<SyncError>()
        let t = h.spawn("early") { ts in
            do throws(SyncError) { _ = try barrier.wait(ts, timeoutNs: nil) } catch { errors.append(error) }
            return 0
        }
        #expect(throws: SyncError.brokenBarrier) { _ = try barrier.wait(h.main, timeoutNs: 30_000_000) }
        _ = t.join(from: h.main, timeoutNs: nil)
        #expect(errors.all == [SyncError.brokenBarrier])
        #expect(barrier.isBroken)
        barrier.reset()
        #expect(!barrier.isBroken)
        barrier.abort()
        #expect(throws: SyncError.brokenBarrier) { _ = try barrier.wait(h.main, timeoutNs: nil) }
        _ = h.finish()
    }

    @Test func eventWaitTimesOutThenSucceeds() throws {
        let h = Harness()
        let event = EventCore(recorder: h.recorder, name: "ready")
        #expect(!event.wait(h.main, timeoutNs: 10_000_000))
        #expect(!event.wait(h.main, timeoutNs: 0))
        _ = h.spawn("setter") { ts in
            ts.sleep(ns: 10_000_000)
            event.set(ts)
            return 0
        }
        #expect(event.wait(h.main, timeoutNs: nil))
        #expect(event.isSet)
        event.clear()
        #expect(!event.isSet)
        let events = h.finish()
        let acquires = events.filter { $0.obj == event.objectID && $0.kind == .lockAcquire }.map(\.arg)
        #expect(acquires == [0, 0, 1])
        #expect(openLockHolds(events) == [])
        #expect(gilViolations(events) == [])
    }

    @Test func conditionWaitAndNotify() throws {
        let h = Harness()
        let rlock = RLockCore(recorder: h.recorder, name: "rl")
        let cond = ConditionCore(lock: rlock, recorder: h.recorder, name: "cond")
        #expect(throws: SyncError.notOwned) { _ = try cond.wait(h.main, timeoutNs: 0) }
        #expect(throws: SyncError.notOwned) { try cond.notify(h.main) }
        // Timed out wait: lock re-acquired with its depth.
        _ = rlock.acquire(h.main, blocking: true, timeoutNs: nil)
        _ = rlock.acquire(h.main, blocking: true, timeoutNs: nil)
        #expect(try !cond.wait(h.main, timeoutNs: 5_000_000))
        #expect(rlock.recursionCount(h.main) == 2)
        try rlock.release(h.main)
        try rlock.release(h.main)
        // Consumers wait; the producer notifies them all.
        let woken = Counter()
        let ready = Counter()
        for i in 0..<3 {
            _ = h.spawn("c\(i)") { ts in
                _ = rlock.acquire(ts, blocking: true, timeoutNs: nil)
                ready.add()
                if (try? cond.wait(ts, timeoutNs: nil)) == true { woken.add() }
                try? rlock.release(ts)
                return 0
            }
        }
        while ready.current < 3 { h.main.sleep(ns: 1_000_000) }
        _ = rlock.acquire(h.main, blocking: true, timeoutNs: nil)
        try cond.notify(h.main, n: 1)
        try cond.notifyAll(h.main)
        try rlock.release(h.main)
        let events = h.finish()
        #expect(woken.current == 3)
        #expect(openLockHolds(events) == [])
        #expect(gilViolations(events) == [])
    }

    @Test func joinWithTimeout() throws {
        let h = Harness()
        let slow = h.spawn("slow") { ts in
            ts.sleep(ns: 200_000_000)
            return 1
        }
        #expect(slow.isAlive)
        #expect(!slow.join(from: h.main, timeoutNs: 10_000_000))
        #expect(slow.exitStatus == nil)
        #expect(slow.join(from: h.main, timeoutNs: nil))
        #expect(!slow.isAlive)
        #expect(slow.exitStatus == 1)
        #expect(slow.join(from: h.main, timeoutNs: 0))
        let events = h.finish()
        let joins = events.filter { $0.obj == slow.objectID && $0.tid == 1 }.map { ($0.kind!, $0.arg) }
        #expect(joins.count == 5)  // the third join found the thread ended: no events
        #expect(joins[0] == (.lockRequest, 10_000_000))
        #expect(joins[1] == (.lockAcquire, 0))
        #expect(joins[2] == (.lockRequest, -1))
        #expect(joins[3] == (.lockAcquire, 1))
        #expect(joins[4] == (.lockRelease, 0))
        #expect(events.thread(slow.tid).last.map { ($0.kind!, $0.arg) }! == (.threadEnd, 1))
        #expect(h.sink.objects.first { $0.id == slow.objectID }?.kind == .thread)
        #expect(openLockHolds(events) == [])
    }

    @Test func finishMainThreadWaitsForNonDaemonThreads() throws {
        let h = Harness()
        let done = Counter()
        let worker = h.spawn("late") { ts in
            ts.sleep(ns: 30_000_000)
            // A thread started during shutdown is waited for too.
            _ = h.threads.spawn(parent: ts, name: "grandchild", daemon: false) { inner in
                inner.sleep(ns: 10_000_000)
                done.add()
                return 0
            }
            done.add()
            return 0
        }
        let daemon = h.spawn("daemon", daemon: true) { ts in
            ts.sleep(ns: 5_000_000_000)
            return 0
        }
        let events = h.finish()
        #expect(done.current == 2)
        #expect(!worker.isAlive)
        #expect(daemon.isAlive)
        #expect(events.last?.kind == .threadEnd && events.last?.tid == 1)
        #expect(h.threads.threads.map(\.tid) == [2, 3, 4])
    }
}

@Suite(.serialized)
struct InterruptTests {
    /// Sets the interrupt bit from a plain OS thread after the main thread has started blocking.
    func interruptSoon(_ h: Harness) {
        let threads = h.threads
        _ = OSThread.start(stackSize: 1 << 20, detached: true) {
            OSThread.sleep(untilNs: MonotonicClock.now() + 30_000_000)
            threads.requestInterrupt()
        }
    }

    @Test func interruptEndsMainThreadLockAndJoinWaits() throws {
        let h = Harness()
        let lock = LockCore(recorder: h.recorder, name: "held")
        let release = EventCore(recorder: h.recorder, name: "release")
        let holder = h.spawn("holder") { ts in
            _ = lock.acquire(ts, blocking: true, timeoutNs: nil)
            _ = release.wait(ts, timeoutNs: nil)
            try? lock.release(ts)
            return 0
        }
        while !lock.isLocked { h.main.sleep(ns: 1_000_000) }
        interruptSoon(h)
        #expect(!lock.acquire(h.main, blocking: true, timeoutNs: nil))
        #expect(throws: Interrupt.self) { try h.main.throwIfInterrupted() }
        interruptSoon(h)
        #expect(!holder.join(from: h.main, timeoutNs: nil))
        #expect(throws: Interrupt.self) { try h.main.throwIfInterrupted() }
        release.set(h.main)
        let events = h.finish()
        #expect(gilViolations(events) == [])
        #expect(!holder.isAlive)
    }

    @Test func workersIgnoreTheInterrupt() throws {
        let h = Harness()
        h.threads.requestInterrupt()
        let results = Collected<Bool>()
        _ = h.spawn("sleeper") { ts in
            let start = MonotonicClock.now()
            ts.sleep(ns: 20_000_000)
            results.append(MonotonicClock.now() - start >= 20_000_000)
            return 0
        }
        // The main thread's shutdown wait stops early; join the worker explicitly afterwards.
        let worker = h.threads.threads[0]
        _ = worker.join(from: h.main, timeoutNs: nil)  // returns at once: interrupt pending
        #expect(throws: Interrupt.self) { try h.main.throwIfInterrupted() }
        #expect(worker.join(from: h.main, timeoutNs: nil))
        _ = h.finish()
        #expect(results.all == [true])
    }
}

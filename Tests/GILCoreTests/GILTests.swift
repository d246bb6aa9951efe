import GILTrace
import Testing

@testable import GILCore

@Suite(.serialized)
struct GILTests {
    @Test func twoSpinningThreadsTakeTurns() throws {
        let h = Harness()
        for i in 1...2 {
            _ = h.spawn("cpu-\(i)") { ts in
                spin(ts, forNs: 200_000_000)
                return 0
            }
        }
        let events = h.finish()
        #expect(gilViolations(events) == [])
        let acquires = events.of(.gilAcquire)
        let releases = events.of(.gilRelease)
        #expect(acquires.count == releases.count)
        #expect(events.of(.gilDropRequest).count >= 3)
        #expect(releases.contains { $0.arg == GILReleaseReason.interval.rawValue })
        // Two threads alternating for 200 ms at a 5 ms interval switch many times; ask for a generous few.
        #expect(h.gil.switchCount >= 6)
        let workerAcquires = Set(acquires.map(\.tid)).subtracting([1])
        #expect(workerAcquires == [2, 3])
        // os_ctx: sampled at release, so each is followed by that thread's gil_release; deltas are >= 0.
        let ctx = events.of(.osCtx)
        #expect(!ctx.isEmpty)
        for e in ctx {
            let switches = OSContextSwitches(packed: e.arg)
            #expect(switches.voluntary >= 0 && switches.involuntary >= 0)
            #expect(switches.voluntary + switches.involuntary > 0)
            let next = events.first { $0.seq > e.seq && $0.tid == e.tid }
            #expect(next?.kind == .gilRelease)
        }
        // Spinning threads used CPU; thread rows carry it.
        let workers = h.sink.threads.filter { $0.tid != 1 }
        #expect(workers.count == 2 && workers.allSatisfy { $0.cpuNs > 0 && $0.endNs != nil })
        // Drop requests name the thread holding the GIL at that moment.
        var holder: UInt16 = 0
        for e in events {
            if e.kind == .gilAcquire { holder = e.tid }
            if e.kind == .gilDropRequest { #expect(e.arg == Int64(holder)) }
        }
    }

    @Test func acquireNumbersSwitchesAndThreadLifecycleIsOrdered() throws {
        let h = Harness()
        let handle = h.spawn("worker") { _ in 0 }
        let events = h.finish()
        #expect(gilViolations(events) == [])
        let worker = events.thread(handle.tid).compactMap(\.kind)
        #expect(worker.first == .threadStart)
        #expect(worker.last == .threadEnd)
        #expect(worker.filter { $0 == .gilAcquire }.count == 1)
        let start = events.thread(handle.tid).first!
        #expect(start.arg == 1)  // parent tid
        // switch numbers never decrease
        let numbers = events.of(.gilAcquire).map(\.arg)
        #expect(numbers == numbers.sorted())
        #expect(h.sink.threads.map(\.tid) == [1, handle.tid])
        #expect(h.sink.threads.allSatisfy { $0.endNs != nil })
    }

    @Test func switchIntervalIsSettable() {
        let h = Harness()
        #expect(h.gil.switchIntervalNs == 5_000_000)
        h.gil.switchIntervalNs = 1_000_000
        #expect(h.gil.switchIntervalNs == 1_000_000)
        h.gil.switchIntervalNs = 0
        #expect(h.gil.switchIntervalNs > 0)
        _ = h.finish()
    }

    @Test func ioThreadAndCPUThreadFollowTheBracketOrder() throws {
        let h = Harness()
        let io = h.spawn("io") { ts in
            for _ in 0..<10 { ts.sleep(ns: 2_000_000) }
            return 0
        }
        _ = h.spawn("cpu") { ts in
            spin(ts, forNs: 300_000_000)
            return 0
        }
        let events = h.finish()
        #expect(gilViolations(events) == [])
        // Per thread: io_begin(sleep) · gil_release(io) · io_end(sleep) · gil_request(io) · [gil_drop_request…] ·
        // gil_acquire. Drop requests appear when the CPU thread holds the GIL: the convoy effect.
        let all = events.thread(io.tid)
        #expect(all.contains { $0.kind == .gilDropRequest })
        let ioEvents = all.filter { $0.kind != .osCtx && $0.kind != .gilDropRequest }
        var brackets = 0
        for (i, e) in ioEvents.enumerated() where e.kind == .ioBegin {
            try #require(i + 4 < ioEvents.count)
            let next = ioEvents[(i + 1)...(i + 4)].map { ($0.kind!, $0.arg) }
            #expect(next[0] == (.gilRelease, GILReleaseReason.io.rawValue))
            #expect(next[1].0 == .ioEnd)
            #expect(next[2] == (.gilRequest, GILRequestReason.io.rawValue))
            #expect(next[3].0 == .gilAcquire)
            #expect(e.obj == IOKind.sleep.rawValue && e.arg == 2_000_000)
            #expect(next[1].1 >= 2_000_000)  // io_end carries the ns actually slept
            brackets += 1
        }
        #expect(brackets == 10)
    }

    @Test func blockingIOBracketsResultAndErrors() throws {
        struct Failure: Error {}
        let h = Harness()
        let n = h.main.blockingIO(.recv, request: 100, { 42 }, result: { Int64($0) })
        #expect(n == 42)
        #expect(throws: Failure.self) {
            try h.main.blockingIO(.send, request: 7, { () throws -> Int in throw Failure() }, result: { Int64($0) })
        }
        let value = h.main.withoutGIL { 5 }
        #expect(value == 5)
        #expect(h.gil.isHeld(by: h.main))
        let events = h.finish()
        #expect(gilViolations(events) == [])
        let ends = events.of(.ioEnd).map { ($0.obj, $0.arg) }
        #expect(ends.count == 2)
        #expect(ends[0] == (IOKind.recv.rawValue, 42))
        #expect(ends[1] == (IOKind.send.rawValue, -1))
        #expect(events.of(.gilRelease).contains { $0.arg == GILReleaseReason.blockingCall.rawValue })
    }

    @Test func interruptReachesTheMainThreadOnly() throws {
        let h = Harness()
        let worker = h.spawn("worker") { ts in
            h.threads.requestInterrupt()
            // A worker at a check point does not take the interrupt.
            do { try ts.gil.checkPoint(ts) } catch { return 1 }
            return 0
        }
        // The main thread sleeps "forever"; the interrupt ends the sleep early.
        h.main.sleep(ns: 60_000_000_000)
        #expect(throws: Interrupt.self) { try h.main.throwIfInterrupted() }
        #expect(!h.gil.breaker.interruptPending)
        _ = worker.join(from: h.main, timeoutNs: nil)
        #expect(worker.exitStatus == 0)
        h.threads.requestInterrupt()
        #expect(h.gil.breaker.isSet)
        #expect(throws: Interrupt.self) { try h.gil.checkPoint(h.main) }
        let events = h.finish()
        #expect(gilViolations(events) == [])
        let slept = try #require(events.of(.ioEnd).first)
        #expect(slept.arg < 60_000_000_000)
    }
}

@Suite(.serialized)
struct SwitchIntervalTests {
    func switches(intervalNs: Int64) -> Int64 {
        let h = Harness(switchIntervalNs: intervalNs)
        for i in 1...2 {
            _ = h.spawn("cpu-\(i)") { ts in
                spin(ts, forNs: 150_000_000)
                return 0
            }
        }
        let events = h.finish()
        #expect(gilViolations(events) == [])
        return h.gil.switchCount
    }

    /// A shorter interval means more frequent forced switches (CPython: sys.setswitchinterval).
    @Test func shorterIntervalSwitchesMoreOften() {
        let fast = switches(intervalNs: 1_000_000)
        let slow = switches(intervalNs: 50_000_000)
        #expect(fast > slow)
    }

    /// Changing the interval while threads run takes effect at each waiter's next timed wait (waits already
    /// in progress keep the interval they started with, as in ceval_gil.c).
    @Test func intervalChangesWhileRunning() {
        let h = Harness(switchIntervalNs: 50_000_000)
        for i in 1...2 {
            _ = h.spawn("cpu-\(i)") { ts in
                spin(ts, forNs: 400_000_000)
                return 0
            }
        }
        h.main.sleep(ns: 20_000_000)
        let before = h.gil.switchCount
        h.gil.switchIntervalNs = 1_000_000
        let events = h.finish()
        #expect(gilViolations(events) == [])
        // At 50 ms the remaining ~380 ms allow fewer than 10 switches; at 1 ms, hundreds.
        #expect(h.gil.switchCount > before + 20)
    }
}

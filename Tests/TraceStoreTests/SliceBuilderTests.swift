import GILTrace
import Testing
@testable import TraceStore

/// Crafted event sequences → expected slices (docs/contracts.md "Slice rules").
@Suite struct SliceBuilderTests {
    /// Builds events with consecutive seq numbers.
    struct Script {
        var events: [Event] = []
        mutating func add(_ ts: Int64, _ tid: UInt16, _ kind: EventKind, obj: Int32 = 0, arg: Int64 = 0) {
            events.append(Event(seq: Int64(events.count), ts: ts, tid: tid, kind: kind, obj: obj, arg: arg))
        }
    }

    @Test func gilHandoffBetweenTwoThreads() {
        var s = Script()
        s.add(0, 1, .gilRequest, arg: GILRequestReason.threadStart.rawValue)
        s.add(1, 1, .gilAcquire, arg: 1)
        s.add(10, 2, .gilRequest, arg: GILRequestReason.threadStart.rawValue)
        s.add(60, 2, .gilDropRequest, arg: 1)
        s.add(62, 1, .gilRelease, arg: GILReleaseReason.interval.rawValue)
        s.add(63, 1, .gilRequest, arg: GILRequestReason.afterDrop.rawValue)
        s.add(65, 2, .gilAcquire, arg: 2)
        s.add(90, 2, .gilRelease, arg: GILReleaseReason.exit.rawValue)
        s.add(91, 1, .gilAcquire, arg: 3)
        s.add(100, 1, .gilRelease, arg: GILReleaseReason.exit.rawValue)
        #expect(SliceBuilder.slices(of: s.events) == [
            Slice(tid: 1, obj: 0, state: .gilWait, ts: 0, dur: 1),
            Slice(tid: 1, obj: 0, state: .gilHold, ts: 1, dur: 61),
            Slice(tid: 2, obj: 0, state: .gilWait, ts: 10, dur: 55),
            Slice(tid: 1, obj: 0, state: .gilWait, ts: 63, dur: 28),
            Slice(tid: 2, obj: 0, state: .gilHold, ts: 65, dur: 25),
            Slice(tid: 1, obj: 0, state: .gilHold, ts: 91, dur: 9),
        ])
    }

    @Test func rlockNestingIsOneHold() {
        var s = Script()
        s.add(0, 1, .lockRequest, obj: 3, arg: -1)
        s.add(2, 1, .lockAcquire, obj: 3, arg: 1)
        s.add(5, 1, .lockRequest, obj: 3, arg: -1)
        s.add(6, 1, .lockAcquire, obj: 3, arg: 1)
        s.add(8, 1, .lockRelease, obj: 3, arg: 1)
        s.add(9, 1, .lockRelease, obj: 3, arg: 0)
        #expect(SliceBuilder.slices(of: s.events) == [
            Slice(tid: 1, obj: 3, state: .lockWait, ts: 0, dur: 2),
            Slice(tid: 1, obj: 3, state: .lockHold, ts: 2, dur: 7),
            Slice(tid: 1, obj: 3, state: .lockWait, ts: 5, dur: 1),
        ])
    }

    @Test func timedOutLockWaitsButNeverHolds() {
        var s = Script()
        s.add(0, 2, .lockAcquire, obj: 1, arg: 1)
        s.add(1, 1, .lockRequest, obj: 1, arg: 50)
        s.add(51, 1, .lockAcquire, obj: 1, arg: 0)
        s.add(60, 2, .lockRelease, obj: 1, arg: 0)
        #expect(SliceBuilder.slices(of: s.events) == [
            Slice(tid: 2, obj: 1, state: .lockHold, ts: 0, dur: 60),
            Slice(tid: 1, obj: 1, state: .lockWait, ts: 1, dur: 50),
        ])
    }

    @Test func ioIsKeyedByThreadWithTheKindAsObject() {
        var s = Script()
        s.add(0, 1, .ioBegin, obj: IOKind.sleep.rawValue, arg: 100)
        s.add(5, 2, .ioBegin, obj: IOKind.recv.rawValue, arg: 10)
        s.add(50, 2, .ioEnd, obj: IOKind.recv.rawValue, arg: 10)
        s.add(100, 1, .ioEnd, obj: IOKind.sleep.rawValue, arg: 0)
        #expect(SliceBuilder.slices(of: s.events) == [
            Slice(tid: 1, obj: IOKind.sleep.rawValue, state: .io, ts: 0, dur: 100),
            Slice(tid: 2, obj: IOKind.recv.rawValue, state: .io, ts: 5, dur: 45),
        ])
    }

    /// Real CPython: C code that released the GIL (reason native) runs without it until it asks again; other
    /// releases (I/O, a blocking call, the interval) open no native slice.
    @Test func nativeRunsFromANativeReleaseToTheNextRequest() {
        var s = Script()
        s.add(0, 1, .gilAcquire, arg: 1)
        s.add(10, 1, .gilRelease, arg: GILReleaseReason.native.rawValue)
        s.add(40, 1, .gilRequest, arg: GILRequestReason.native.rawValue)
        s.add(41, 1, .gilAcquire, arg: 2)
        s.add(50, 1, .gilRelease, arg: GILReleaseReason.io.rawValue)
        s.add(60, 1, .gilRequest, arg: GILRequestReason.io.rawValue)
        s.add(61, 1, .gilAcquire, arg: 3)
        s.add(70, 1, .gilRelease, arg: GILReleaseReason.native.rawValue)
        s.add(90, 2, .mark)
        #expect(SliceBuilder.slices(of: s.events) == [
            Slice(tid: 1, obj: 0, state: .gilHold, ts: 0, dur: 10),
            Slice(tid: 1, obj: 0, state: .native, ts: 10, dur: 30),
            Slice(tid: 1, obj: 0, state: .gilWait, ts: 40, dur: 1),
            Slice(tid: 1, obj: 0, state: .gilHold, ts: 41, dur: 9),
            Slice(tid: 1, obj: 0, state: .gilWait, ts: 60, dur: 1),
            Slice(tid: 1, obj: 0, state: .gilHold, ts: 61, dur: 9),
            Slice(tid: 1, obj: 0, state: .native, ts: 70, dur: 20),  // still running C when the events end
        ])
    }

    @Test func openIntervalsCloseAtTheLastEvent() {
        var s = Script()
        s.add(0, 1, .gilAcquire)
        s.add(3, 2, .gilRequest)
        s.add(4, 3, .ioBegin, obj: IOKind.sleep.rawValue)
        s.add(7, 1, .lockAcquire, obj: 2, arg: 1)
        s.add(20, 1, .mark, obj: 1)
        #expect(SliceBuilder.slices(of: s.events) == [
            Slice(tid: 1, obj: 0, state: .gilHold, ts: 0, dur: 20),
            Slice(tid: 2, obj: 0, state: .gilWait, ts: 3, dur: 17),
            Slice(tid: 3, obj: IOKind.sleep.rawValue, state: .io, ts: 4, dur: 16),
            Slice(tid: 1, obj: 2, state: .lockHold, ts: 7, dur: 13),
        ])
    }

    @Test func unmatchedEndsAreIgnored() {
        var s = Script()
        s.add(0, 1, .gilRelease)
        s.add(1, 1, .lockRelease, obj: 1)
        s.add(2, 1, .ioEnd, obj: 1)
        #expect(SliceBuilder.slices(of: s.events).isEmpty)
    }

    /// docs/contracts.md "Stacks": waits and I/O take the stack announced before their opening event, a GIL
    /// hold the one announced for its release, a lock hold the one of the thread's last event before its
    /// release (inside the critical section); a hold still open at the end takes the thread's last stack.
    @Test func slicesCarryTheStackOfTheirThread() {
        var s = Script()
        s.add(0, 1, .stack, arg: 7)
        s.add(0, 1, .gilRequest, arg: GILRequestReason.threadStart.rawValue)
        s.add(1, 1, .gilAcquire, arg: 1)
        s.add(2, 2, .stack, arg: 3)
        s.add(2, 2, .gilRequest, arg: GILRequestReason.threadStart.rawValue)
        s.add(3, 1, .stack, arg: 8)
        s.add(3, 1, .lockRequest, obj: 4, arg: -1)
        s.add(3, 1, .lockAcquire, obj: 4, arg: 1)
        s.add(5, 1, .stack, arg: 9)
        s.add(5, 1, .lockRelease, obj: 4, arg: 0)
        s.add(6, 1, .ioBegin, obj: IOKind.sleep.rawValue, arg: 10)
        s.add(6, 1, .gilRelease, arg: GILReleaseReason.io.rawValue)
        s.add(7, 2, .gilAcquire, arg: 2)
        s.add(16, 1, .ioEnd, obj: IOKind.sleep.rawValue, arg: 10)
        s.add(16, 1, .gilRequest, arg: GILRequestReason.io.rawValue)
        s.add(20, 2, .stack, arg: 0)
        s.add(20, 2, .gilRelease, arg: GILReleaseReason.exit.rawValue)
        s.add(21, 1, .gilAcquire, arg: 3)
        s.add(22, 1, .stack, arg: 11)
        s.add(22, 1, .lockRequest, obj: 5, arg: -1)
        s.add(22, 1, .lockAcquire, obj: 5, arg: 1)
        #expect(SliceBuilder.slices(of: s.events) == [
            Slice(tid: 1, obj: 0, state: .gilWait, ts: 0, dur: 1, stack: 7),
            Slice(tid: 1, obj: 0, state: .gilHold, ts: 1, dur: 5, stack: 9),
            Slice(tid: 2, obj: 0, state: .gilWait, ts: 2, dur: 5, stack: 3),
            Slice(tid: 1, obj: 4, state: .lockWait, ts: 3, dur: 0, stack: 8),
            Slice(tid: 1, obj: 4, state: .lockHold, ts: 3, dur: 2, stack: 8),
            Slice(tid: 1, obj: IOKind.sleep.rawValue, state: .io, ts: 6, dur: 10, stack: 9),
            Slice(tid: 2, obj: 0, state: .gilHold, ts: 7, dur: 13, stack: 0),
            Slice(tid: 1, obj: 0, state: .gilWait, ts: 16, dur: 5, stack: 9),
            Slice(tid: 1, obj: 0, state: .gilHold, ts: 21, dur: 1, stack: 11),
            Slice(tid: 1, obj: 5, state: .lockWait, ts: 22, dur: 0, stack: 11),
            Slice(tid: 1, obj: 5, state: .lockHold, ts: 22, dur: 0, stack: 11),
        ])
    }
}

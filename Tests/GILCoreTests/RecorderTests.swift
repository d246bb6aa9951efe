import GILTrace
import Synchronization
import Testing

@testable import GILCore

@Suite(.serialized)
struct RecorderTests {
    @Test func tinyRingLosesNothingUnderBackPressure() throws {
        let h = Harness(ringCapacity: 16)
        let perThread = 20_000
        for i in 0..<2 {
            _ = h.spawn("emitter\(i)") { ts in
                for n in 0..<perThread { ts.emit(.mark, obj: 1, arg: Int64(n)) }
                return 0
            }
        }
        for n in 0..<perThread { h.main.emit(.mark, obj: 2, arg: Int64(n)) }
        let events = h.finish()
        #expect(h.recorder.droppedEvents == 0)
        #expect(events.count == Int(h.recorder.eventCount))
        #expect(events.map(\.seq) == Array(1...Int64(events.count)))
        for tid in [UInt16(1), 2, 3] {
            let marks = events.filter { $0.tid == tid && $0.kind == .mark }.map(\.arg)
            #expect(marks == (0..<Int64(perThread)).map { $0 })  // complete and in order per thread
        }
        #expect(gilViolations(events) == [])
    }

    @Test func pairsShareOneInstantAndSurviveBackPressure() throws {
        let h = Harness(ringCapacity: 4)
        let perThread = 5_000
        for i in 0..<2 {
            _ = h.spawn("pairs\(i)") { ts in
                for n in 0..<perThread {
                    ts.emitPair(.lockRequest, firstArg: -1, .lockAcquire, secondArg: 1, obj: 1)
                    ts.emit(.lockRelease, obj: 1, arg: Int64(n))
                }
                return 0
            }
        }
        let events = h.finish()
        #expect(h.recorder.droppedEvents == 0)
        #expect(events.map(\.seq) == Array(1...Int64(events.count)))
        for tid in [UInt16(2), 3] {
            let mine = events.filter { $0.tid == tid && $0.obj == 1 }
            #expect(mine.count == 3 * perThread)
            for n in 0..<perThread {
                let (request, acquire, release) = (mine[3 * n], mine[3 * n + 1], mine[3 * n + 2])
                #expect(request.kind == .lockRequest && request.arg == -1)
                #expect(acquire.kind == .lockAcquire && acquire.arg == 1)
                #expect(acquire.seq == request.seq + 1 && acquire.ts == request.ts)
                #expect(release.kind == .lockRelease && release.arg == Int64(n) && release.ts >= acquire.ts)
            }
        }
    }

    @Test func finishFromAnotherThreadDrainsEverything() throws {
        let sink = MemorySink()
        // A long drain interval: only finish() moves the events.
        let recorder = TraceRecorder(sink: sink, ringCapacity: 1 << 16, drainIntervalNs: 60_000_000_000)
        let gil = GIL(recorder: recorder)
        let threads = ThreadSystem(gil: gil, recorder: recorder)
        let main = threads.startMainThread()
        for n in 0..<5_000 { main.emit(.mark, obj: 1, arg: Int64(n)) }
        let finisher = try #require(OSThread.start(stackSize: 1 << 20, detached: false) { recorder.finish() })
        OSThread.join(finisher)
        #expect(recorder.isFinished)
        #expect(sink.events.count == Int(recorder.eventCount))
        #expect(sink.events.count >= 5_002)
        // After finish: counted, not recorded, and no hang.
        main.emit(.mark, obj: 1, arg: 0)
        #expect(recorder.droppedEvents == 1)
        let objectsBefore = sink.objects.count
        #expect(recorder.registerObject(kind: .lock, name: "late", sourceLine: 0) > 0)
        #expect(sink.objects.count == objectsBefore)
        recorder.finish()  // idempotent
        #expect(sink.events.count == Int(recorder.eventCount))
    }

    @Test func halfFullRingWakesTheDrain() throws {
        let sink = MemorySink()
        // The drain's own timer would wait a minute: only the producer's wake-up at half full moves events.
        let recorder = TraceRecorder(sink: sink, ringCapacity: 1_024, drainIntervalNs: 60_000_000_000)
        let gil = GIL(recorder: recorder)
        let threads = ThreadSystem(gil: gil, recorder: recorder)
        let main = threads.startMainThread()
        for n in 0..<600 { main.emit(.mark, obj: 1, arg: Int64(n)) }
        var delivered = 0
        var polls = 0
        while delivered < 513 && polls < 1_000 {  // 10 s at most, on a loaded machine
            main.sleep(ns: 10_000_000)
            delivered = sink.events.filter { $0.kind == .mark && $0.obj == 1 }.count
            polls += 1
        }
        #expect(delivered >= 513, "the drain was not woken when the ring passed half full")
        threads.finishMainThread(main)
        recorder.finish()
        #expect(sink.events.filter { $0.kind == .mark && $0.obj == 1 }.map(\.arg) == (0..<600).map { Int64($0) })
        #expect(recorder.droppedEvents == 0)
    }

    @Test func disabledRecorderEmitsNothing() {
        let sink = MemorySink()
        let recorder = TraceRecorder(sink: sink, enabled: false)
        let gil = GIL(recorder: recorder)
        let threads = ThreadSystem(gil: gil, recorder: recorder)
        let main = threads.startMainThread()
        main.emit(.mark)
        main.sleep(ns: 1_000)
        threads.finishMainThread(main)
        recorder.finish()
        #expect(sink.events.isEmpty)
        #expect(recorder.droppedEvents == 0)
    }

    @Test func objectsAndLabelsGetStableIds() {
        let h = Harness()
        let a = h.recorder.registerObject(kind: .lock, name: "a", sourceLine: 3)
        let b = h.recorder.registerObject(kind: .queue, name: "b", sourceLine: 4)
        #expect(a == 1 && b == 2)
        #expect(h.recorder.label("phase") == 1)
        #expect(h.recorder.label("other") == 2)
        #expect(h.recorder.label("phase") == 1)
        _ = h.finish()
        #expect(h.sink.objects == [
            ObjectInfo(id: 1, kind: .lock, name: "a", sourceLine: 3), ObjectInfo(id: 2, kind: .queue, name: "b", sourceLine: 4),
        ])
        #expect(h.sink.labels == [1: "phase", 2: "other"])
    }

    @Test func timestampsAreMonotonicPerThreadAndRelativeToOrigin() {
        let h = Harness()
        _ = h.spawn("w") { ts in
            ts.sleep(ns: 1_000_000)
            return 0
        }
        let events = h.finish()
        for tid in Set(events.map(\.tid)) {
            let stamps = events.filter { $0.tid == tid }.map(\.ts)
            #expect(stamps == stamps.sorted())
        }
        #expect(events.allSatisfy { $0.ts >= 0 })
        let info = h.sink.threads
        #expect(info.count == 2)
        #expect(info.allSatisfy { ($0.endNs ?? -1) >= $0.startNs })
    }

    @Test func drainMergesRingsInSeqOrderAcrossWrappedSlots() {
        let sink = OrderSink()
        // Only explicit drainAll() calls drain; monotonic-clock readings so timestamps are exact.
        let recorder = TraceRecorder(sink: sink, ringCapacity: 8, drainIntervalNs: 60_000_000_000, cycleCounter: false)
        let rings = [recorder.makeRing(), recorder.makeRing(), recorder.makeRing()]
        var seq: Int64 = 0
        for round in 0..<7 {
            // Runs of two events per ring, rotating which ring starts: 6 slots of 8 per round, so slots wrap.
            for n in 0..<6 {
                let index = (n / 2 + round) % rings.count
                let ring = rings[index]
                seq += 1
                let head = ring.head.load(ordering: .relaxed)
                ring.storage[head & ring.mask] = Event(
                    seq: seq, ts: recorder.originNs + seq * 10, tid: UInt16(index + 1), kind: .mark)
                ring.head.store(head + 1, ordering: .releasing)
            }
            #expect(recorder.drainAll() == 6)
            #expect(rings.allSatisfy { $0.pending == 0 })
        }
        recorder.finish()
        let delivered = sink.events
        #expect(delivered.map(\.seq) == Array(1...seq))  // delivery order, not sorted afterwards
        #expect(delivered.map(\.ts) == (1...seq).map { $0 * 10 })
    }

    @Test func cycleCounterTimestampsMatchTheMonotonicClock() {
        let h = Harness()
        #expect(h.recorder.clock.usesCounter == TickClock.counterIsTrusted)
        var bounds: [(Int64, Int64)] = []
        for n in 0..<2_000 {
            let before = h.recorder.now()
            h.main.emit(.mark, obj: 1, arg: Int64(n))
            bounds.append((before, h.recorder.now()))
            if n % 500 == 0 { h.main.sleep(ns: 2_000_000) }  // let the drain take new anchors
        }
        let marks = h.finish().filter { $0.kind == .mark && $0.obj == 1 }
        #expect(marks.count == bounds.count)
        // Generous: anchors are tens of ns apart from the truth; a preempted drain may extrapolate further.
        let slack: Int64 = 2_000_000
        for (event, (before, after)) in zip(marks, bounds) {
            #expect(event.ts >= before - slack && event.ts <= after + slack)
        }
        #expect(marks.map(\.ts) == marks.map(\.ts).sorted())
    }

    @Test func tickConverterFollowsTheMonotonicClock() {
        guard TickClock.counterIsTrusted else { return }
        let origin = MonotonicClock.now()
        var converter = TickConverter(clock: TickClock(), originNs: origin)
        let clock = TickClock()
        for _ in 0..<5 {
            converter.advance()
            // The tightest of a few back-to-back pairs: a preemption between the reads would widen it.
            var error = Int64.max
            for _ in 0..<8 {
                let before = MonotonicClock.now() - origin
                let ns = converter.ns(clock.read())
                let after = MonotonicClock.now() - origin
                error = min(error, ns < before ? before - ns : (ns > after ? ns - after : 0))
            }
            #expect(error < 100_000)
        }
    }
}

/// Keeps events in the order the recorder delivered them (MemorySink sorts by seq).
final class OrderSink: EventSink, @unchecked Sendable {  // all state behind `lock`
    private let lock = Mutex<[Event]>([])
    var events: [Event] { lock.withLock { $0 } }
    func submit(_ events: UnsafeBufferPointer<Event>) { lock.withLock { $0.append(contentsOf: events) } }
    func describeThread(_ info: ThreadInfo) {}
    func describeObject(_ info: ObjectInfo) {}
    func describeLabel(id: Int32, text: String) {}
    func describeLocation(_ location: CodeLocation) {}
    func describeStack(_ stack: StackEntry) {}
}

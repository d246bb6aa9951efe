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

    @Test func ringDrainDeliversWrappedChunks() {
        let ring = EventRing(capacity: 8)
        var delivered: [Int64] = []
        for round in 0..<5 {
            for n in 0..<6 {
                let head = ring.head.load(ordering: .relaxed)
                ring.storage[head & ring.mask] = Event(seq: Int64(round * 6 + n), ts: 0, tid: 1, kind: .mark)
                ring.head.store(head + 1, ordering: .releasing)
            }
            ring.drain(chunk: 4) { chunk in
                #expect(chunk.count <= 4)
                delivered += chunk.map(\.seq)
            }
            #expect(ring.pending == 0)
        }
        #expect(delivered == (0..<30).map { Int64($0) })
    }
}

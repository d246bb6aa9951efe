import GILTrace
import Testing

@Suite struct EventTests {
    @Test func eventIsThirtyTwoBytes() {
        #expect(MemoryLayout<Event>.stride == 32)
    }

    @Test func kindNamesAreUniqueAndSnakeCase() {
        let names = EventKind.allCases.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0 == $0.lowercased() && !$0.contains(" ") })
    }

    @Test func contextSwitchesRoundTripThroughPacking() {
        let c = OSContextSwitches(voluntary: 123_456, involuntary: 789)
        #expect(OSContextSwitches(packed: c.packed) == c)
    }

    @Test func memorySinkOrdersBySeq() {
        let sink = MemorySink()
        let a = [Event(seq: 2, ts: 5, tid: 1, kind: .gilRelease), Event(seq: 1, ts: 4, tid: 1, kind: .gilAcquire)]
        a.withUnsafeBufferPointer { sink.submit($0) }
        #expect(sink.events.map(\.seq) == [1, 2])
    }
}

import GILTrace
import Testing

@testable import GILAnalysis
import TraceStore

/// Shapes of a large synthetic run: the analyses must stay linear-ish (no pairwise scans) and agree with
/// simple recounts. Timing goals are measured by `gilbench`, not asserted here.
@Suite struct ScaleTests {
    /// Two CPU threads trading the GIL every `interval`, and an I/O thread whose every call ends while a
    /// CPU thread holds the GIL: each cycle has a drop-request switch and one convoy episode.
    static func convoyWorkload(cycles: Int, interval: Int64 = 5_000) -> RunSlices {
        var s = RunSlices()
        var t: Int64 = 0
        for i in 0..<cycles {
            let cpu: Int32 = i % 2 == 0 ? 1 : 2
            let other: Int32 = 3 - cpu
            // The CPU thread holds a full interval while the other CPU thread and the I/O thread wait.
            s.append(Slice(tid: cpu, obj: 0, state: .gilHold, ts: t, dur: interval))
            // The other CPU thread waits until it holds at the start of the next cycle.
            s.append(Slice(tid: other, obj: 0, state: .gilWait, ts: t + 10, dur: interval + 190))
            // The I/O thread's call ends at t + 90; it waits from t + 100 until t + interval + 120.
            s.append(Slice(tid: 3, obj: 6, state: .io, ts: t + 40, dur: 50))
            s.append(Slice(tid: 3, obj: 0, state: .gilWait, ts: t + 100, dur: interval + 20))
            s.append(Slice(tid: 3, obj: 0, state: .gilHold, ts: t + interval + 120, dur: 30))
            t += interval + 200
        }
        s.finish()
        return s
    }

    @Test func largeRunStaysConsistent() {
        let cycles = 50_000
        let slices = Self.convoyWorkload(cycles: cycles)
        let facts = RunFacts(runID: 1, wallNs: slices.lastEnd!, switchIntervalNs: 5_000, threadCount: 3)
        let report = ContentionAnalysis.analyse(facts: facts, slices: slices, threads: [], objects: [])
        let gil = report.objects[0]
        #expect(gil.acquisitions == 2 * cycles)
        #expect(gil.wait.count == 2 * cycles)
        #expect(gil.queueMax == 2)
        #expect(gil.contended == gil.wait.count - 1)  // the last cycle's CPU waiter never gets the GIL
        #expect(gil.ownerSwitches == 2 * cycles - 1)
        let convoy = ConvoyAnalysis.analyse(facts: facts, slices: slices, threads: [])
        #expect(convoy.ioCount == cycles)
        #expect(convoy.episodes.count == cycles)
        #expect(convoy.delay.max == 5_030)
        #expect(convoy.culprits.map(\.tid).sorted() == [1, 2])
    }
}

import Foundation
import GILTrace
import Testing
import TraceStore
@testable import GILAnalysis

/// The Perfetto export is valid JSON with one complete event per slice (plus one per hold on the GIL track),
/// a waiter counter that never goes negative, and one flow pair per change of GIL holder.
@Suite struct PerfettoTraceTests {
    static func trace() -> PerfettoTrace {
        let slices = RunSlices([
            Slice(tid: 1, obj: 0, state: .gilHold, ts: 0, dur: 5_000_000),
            Slice(tid: 2, obj: 0, state: .gilWait, ts: 1_000, dur: 5_000_500),
            Slice(tid: 2, obj: 0, state: .gilHold, ts: 5_001_500, dur: 3_000_000),
            Slice(tid: 1, obj: 0, state: .gilWait, ts: 5_001_000, dur: 3_001_000),
            Slice(tid: 1, obj: 0, state: .gilHold, ts: 8_002_000, dur: 1_000),
            Slice(tid: 2, obj: IOKind.sleep.rawValue, state: .io, ts: 8_001_600, dur: 200),
            Slice(tid: 1, obj: 7, state: .lockWait, ts: 9_000_000, dur: 10),
        ])
        return PerfettoTrace(
            run: RunFacts(runID: 3, label: "t \"quoted\"", wallNs: 10_000_000, threadCount: 2),
            threads: [ThreadInfo(tid: 1, name: "MainThread", parentTid: 0, startNs: 0),
                      ThreadInfo(tid: 2, name: "Thread-1 (spin)", parentTid: 1, startNs: 0)],
            objects: [ObjectInfo(id: 7, kind: .lock, name: "counter_lock")], slices: slices)
    }

    @Test func exportIsValidTraceEventJSON() throws {
        var text = ""
        Self.trace().write { text += $0 }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let events = try #require(json["traceEvents"] as? [[String: Any]])
        func count(_ ph: String) -> Int { events.filter { $0["ph"] as? String == ph }.count }
        #expect(count("X") == 7 + 3)  // every slice, plus the 3 holds again on the GIL track
        #expect(count("s") == 2 && count("f") == 2)  // holder changes 1 → 2 → 1
        let waiters = events.filter { $0["ph"] as? String == "C" }.compactMap { ($0["args"] as? [String: Any])?["waiters"] as? Int }
        #expect(waiters.min() == 0 && waiters.max() == 2)  // both wait between 5_001_000 and 5_001_500
        let names = Set(events.compactMap { $0["name"] as? String })
        #expect(names.isSuperset(of: ["running", "GIL wait", "I/O: sleep", "lock wait: counter_lock", "held by Thread-1 (spin)"]))
        let process = events.first { $0["name"] as? String == "process_name" }
        #expect((process?["args"] as? [String: Any])?["name"] as? String == "gilrec run 3: t \"quoted\"")
    }

    @Test func microsecondsAreExact() {
        #expect(PerfettoTrace.micros(0) == "0.000")
        #expect(PerfettoTrace.micros(1_234_567) == "1234.567")
        #expect(PerfettoTrace.micros(5) == "0.005")
    }
}

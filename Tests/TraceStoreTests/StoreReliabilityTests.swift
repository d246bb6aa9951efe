import Foundation
import GILTrace
import Testing

@testable import TraceStore

/// The store when the disk fills up mid-recording (simulated with `PRAGMA max_page_count`): what was
/// committed stays readable, the rest is counted as dropped, the run is marked `error`, and `finish` says so.
@Suite(.serialized) struct StoreReliabilityTests {
    let dir = TemporaryDirectory()

    func info() -> RunInfo {
        RunInfo(label: "full", program: "prog.py", argv: [], policy: "cpython3", switchIntervalNs: 5_000_000,
                checkMode: "py310", startedAt: "2026-11-25T06:00:00Z", host: "test", cpuCount: 2)
    }

    @Test func diskFullMidRunKeepsTheCommittedPrefixAndMarksTheRun() throws {
        let path = dir.path("gil.db")
        // An earlier, complete run in the same file must survive untouched.
        let first = try RunWriter.begin(path: path, info: info())
        let small = CraftedRun(threads: 2, rounds: 50)
        small.events.withUnsafeBufferPointer { first.submit($0) }
        try first.finish(RunOutcome(status: .ok, exitCode: 0, wallNs: 1, cpuNs: 1), droppedEvents: 0)

        let run = CraftedRun(threads: 3, rounds: 20_000)  // ~170k events: far more than 40 pages hold
        let writer = try RunWriter.begin(path: path, info: info(), commitEvery: 1_000, pageLimit: 40)
        for chunk in stride(from: 0, to: run.events.count, by: 997) {
            let slice = Array(run.events[chunk..<min(chunk + 997, run.events.count)])
            slice.withUnsafeBufferPointer { writer.submit($0) }
        }
        #expect {
            try writer.finish(RunOutcome(status: .ok, exitCode: 0, wallNs: 5, cpuNs: 5), droppedEvents: 0)
        } throws: { error in
            guard case .recordingFailed(_, let committed, let reason) = error as? StoreError else { return false }
            return committed > 0 && committed < Int64(run.events.count) && reason.contains("full")
        }

        let reader = try TraceReader(path: path)
        #expect(try reader.query("PRAGMA integrity_check", parameters: [:]).rows.first?.first == .text("ok"))
        let runs = try reader.runs()
        #expect(runs.count == 2)
        let failed = try reader.resolveRun(String(writer.runID))
        #expect(failed.status == .error)
        #expect(failed.exitCode == 1)
        #expect(failed.eventCount > 0)
        #expect(failed.eventCount + failed.droppedEvents == Int64(run.events.count))
        // The committed events are a prefix of what was submitted, readable in order.
        var stored: [Event] = []
        try reader.forEachEvent(runID: failed.runID) { stored.append($0) }
        #expect(stored == Array(run.events.prefix(stored.count)))
        let earlier = try reader.resolveRun(String(first.runID))
        #expect(earlier.status == .ok && earlier.eventCount == Int64(small.events.count))
    }

    /// A fresh file whose very first pages do not fit: a clear error at begin, no run left `running`.
    @Test func diskFullBeforeTheFirstEventIsAClearError() throws {
        let path = dir.path("tiny.db")
        let writer = try RunWriter.begin(path: path, info: info(), commitEvery: 100, pageLimit: 0)
        let run = CraftedRun(threads: 1, rounds: 500)
        run.events.withUnsafeBufferPointer { writer.submit($0) }
        #expect(throws: StoreError.self) {
            try writer.finish(RunOutcome(status: .ok, exitCode: 0, wallNs: 5, cpuNs: 5), droppedEvents: 0)
        }
        let record = try TraceReader(path: path).resolveRun(nil)
        #expect(record.status == .error)
        #expect(record.eventCount + record.droppedEvents == Int64(run.events.count))
        #expect(record.droppedEvents > 0)
    }
}

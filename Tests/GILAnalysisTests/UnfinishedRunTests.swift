import Foundation
import GILTrace
import Testing
import TraceStore
@testable import GILAnalysis

/// A run whose recorder never finished (still recording, or killed) has events but no derived slices:
/// the analysis derives them in memory instead of reporting an empty run.
@Suite struct UnfinishedRunTests {
    @Test func slicesAreDerivedFromCommittedEvents() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("unfinished-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("gil.db").path

        let writer = try RunWriter.begin(path: path, info: RunInfo(label: "unfinished", program: "p.py"))
        let events = [
            Event(seq: 0, ts: 0, tid: 1, kind: .gilRequest, arg: 1), Event(seq: 1, ts: 10, tid: 1, kind: .gilAcquire),
            Event(seq: 2, ts: 20, tid: 2, kind: .gilRequest, arg: 1), Event(seq: 3, ts: 50, tid: 1, kind: .gilRelease, arg: 1),
            Event(seq: 4, ts: 60, tid: 2, kind: .gilAcquire),
        ]
        events.withUnsafeBufferPointer { writer.submit($0) }
        writer.waitUntilDrained()  // committed, but never finished: no slices, no wall time

        let reader = try TraceReader(path: path)
        let run = try LoadedRun.load(reader, try reader.resolveRun(nil))
        #expect(run.record.eventCount == 5)
        #expect(run.slices.gilHolds.map(\.dur) == [40, 0])  // the open hold closes at the last event
        #expect(run.slices.gilWaits.map(\.dur) == [10, 40])
        try writer.finish(RunOutcome(status: .ok, exitCode: 0, wallNs: 60, cpuNs: 0), droppedEvents: 0)
    }
}

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

    /// `event_count` only sizes the arrays: an absurd one in the file changes nothing and crashes nothing.
    @Test func eventCountIsOnlyAHint() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("gil.db").path
        let writer = try RunWriter.begin(path: path, info: RunInfo(label: "hint", program: "p.py"))
        let events = [
            Event(seq: 0, ts: 0, tid: 1, kind: .gilRequest, arg: 1), Event(seq: 1, ts: 10, tid: 1, kind: .gilAcquire),
            Event(seq: 2, ts: 50, tid: 1, kind: .gilRelease, arg: 1),
        ]
        events.withUnsafeBufferPointer { writer.submit($0) }
        try writer.finish(RunOutcome(status: .ok, exitCode: 0, wallNs: 60, cpuNs: 0), droppedEvents: 0)
        let reader = try TraceReader(path: path)
        let expected = try LoadedRun.load(reader, try reader.resolveRun(nil)).slices
        for count: Int64 in [Int64.max, -5, 0] {
            let db = try Database(path: path, mode: .readWrite)
            try db.execute("UPDATE runs SET event_count = \(count)")
            db.close()
            let run = try LoadedRun.load(reader, try reader.resolveRun(nil))
            #expect(run.slices.gilHolds == expected.gilHolds)
            #expect(run.slices.gilWaits == expected.gilWaits)
        }
    }
}

import GILTrace
import Testing
@testable import TraceStore

/// The benchmark helpers produce sane shapes (no timing assertions: the figures belong to gilbench).
@Suite(.serialized) struct IngestBenchmarkTests {
    let dir = TemporaryDirectory()

    @Test func storeRunStoresEveryEventAndItsSlices() throws {
        let path = dir.path("bench.db")
        let result = try IngestBenchmark.run(events: 20_000, path: path)
        #expect(result.eventsPerSecond > 0)
        #expect(result.bytesPerEvent > 0)
        let reader = try TraceReader(path: path)
        let record = try reader.resolveRun("ingest-benchmark")
        #expect(record.eventCount == 20_000)
        let synthetic = IngestBenchmark.syntheticEvents(count: 20_000)
        let expected = SliceBuilder.slices(of: synthetic)
        // Per recorded event: the `stack` announcements are not counted (they are what stacks cost).
        let recorded = synthetic.count { $0.kind != .stack }
        #expect(recorded < 20_000 && recorded > 18_000)
        #expect(result.slicesPerEvent == Double(expected.count) / Double(recorded))
        #expect(expected.contains { $0.stack != 0 })
    }

    @Test(arguments: IngestBenchmark.BaselineTable.allCases)
    func cLoopInsertsTheSameRows(table: IngestBenchmark.BaselineTable) throws {
        let path = dir.path("c-\(table.rawValue).db")
        let result = try IngestBenchmark.cLoop(events: 20_000, path: path, table: table)
        #expect(result.bytesPerEvent > 0)
        let db = try Database(path: path, mode: .readOnly)
        defer { db.close() }
        #expect(try db.scalarInt("SELECT count(*) FROM \(table.tableName)") == 20_000)
    }

    @Test func syntheticEventsAreInSeqOrderWithGrowingTime() {
        let events = IngestBenchmark.syntheticEvents(count: 5_000)
        #expect(events.count == 5_000)
        #expect(events.enumerated().allSatisfy { $0.offset == Int($0.element.seq) })
        // Time grows; a `stack` event shares the timestamp of the event it announces the stack of.
        #expect(zip(events, events.dropFirst()).allSatisfy { $0.ts < $1.ts || ($0.kind == .stack && $0.ts == $1.ts) })
        #expect(zip(events, events.dropFirst()).allSatisfy { $0.kind != .stack || $1.kind?.carriesStack == true })
    }
}

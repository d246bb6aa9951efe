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
        let expected = SliceBuilder.slices(of: IngestBenchmark.syntheticEvents(count: 20_000))
        #expect(result.slicesPerEvent == Double(expected.count) / 20_000)
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
        #expect(zip(events, events.dropFirst()).allSatisfy { $0.ts < $1.ts })
    }
}

import Testing
import TraceStore

#if canImport(Glibc)
import Glibc
#endif

/// Makes a large synthetic store for timing `gilstat` by hand (DESIGN goal: contention + convoy of a
/// 10 M-event run in ≤ 5 s, release build):
/// `GILSTAT_SCALE_DB=/tmp/big.db GILSTAT_SCALE_EVENTS=10000000 swift test --filter ScaleDatabaseTests`,
/// then `time .build/release/gilstat contention --db /tmp/big.db`. Off by default; asserts shapes only.
@Suite struct ScaleDatabaseTests {
    @Test(.enabled(if: getenv("GILSTAT_SCALE_DB") != nil, "set GILSTAT_SCALE_DB to build a large store"))
    func buildLargeStore() throws {
        let path = String(cString: getenv("GILSTAT_SCALE_DB")!)
        let events = getenv("GILSTAT_SCALE_EVENTS").flatMap { Int(String(cString: $0)) } ?? 1_000_000
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
        let result = try IngestBenchmark.run(events: events, path: path)
        #expect(result.events == events)
        let run = try TraceReader(path: path).resolveRun(nil)
        #expect(run.eventCount == Int64(events))
    }
}

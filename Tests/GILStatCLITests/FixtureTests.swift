import GILTrace
import Testing
import TraceStore

/// The fixture slices are written by hand (Fixtures/make_fixtures.py); TraceStore's SliceBuilder must
/// derive exactly the same ones from the fixture events, or the fixtures would test a fiction.
@Suite(.serialized) struct FixtureTests {
    @Test(arguments: [Int64(1), 2, 3, 4, 5]) func fixtureSlicesFollowTheStoreSliceRules(run: Int64) throws {
        let reader = try TraceReader(path: try FixtureDatabase.path())
        var events: [Event] = []
        try reader.forEachEvent(runID: run) { events.append($0) }
        var stored: [Slice] = []
        try reader.forEachSlice(runID: run, state: nil) { stored.append($0) }
        #expect(!events.isEmpty)
        #expect(SliceBuilder.slices(of: events).sorted(by: Slice.startOrder) == stored.sorted(by: Slice.startOrder))
    }

    @Test func fixtureRunsAreWhatTheScenariosSay() throws {
        let runs = try TraceReader(path: try FixtureDatabase.path()).runs()
        #expect(runs.map(\.runID) == [1, 2, 3, 4, 5])
        #expect(runs.map(\.info.label) == ["cpu", "cpu", "convoy", "locks", "sleepy"])
        #expect(runs.map(\.threadCount) == [1, 3, 3, 3, 1])
        #expect(runs.last?.status == .interrupted)
        #expect(runs.last?.wallNs == nil)
    }
}

import GILTrace
import Testing

@testable import GILAnalysis
import TraceStore

/// The definitions of DESIGN.md §5 on small hand-made slice sets whose answers can be worked out by hand.
@Suite struct DefinitionTests {
    func gil(_ state: SliceState, _ tid: Int32, _ ts: Int64, _ dur: Int64, obj: Int32 = 0) -> Slice {
        Slice(tid: tid, obj: obj, state: state, ts: ts, dur: dur)
    }

    @Test func nearestRankMatchesTheContract() {
        let v: [Int64] = Array(1...10)
        #expect(NearestRank.rank(50, of: 10) == 5)
        #expect(NearestRank.rank(99, of: 10) == 10)
        #expect(NearestRank.rank(90, of: 10) == 9)
        #expect(NearestRank.rank(50, of: 1) == 1)
        #expect(NearestRank.rank(1, of: 3) == 1)
        #expect(NearestRank.value(50, in: v) == 5)
        #expect(NearestRank.value(99, in: []) == nil)
        var scratch: [Int64] = [30, 10, 20]
        let stats = DurationStats(sorting: &scratch)
        #expect(stats == DurationStats(count: 3, totalNs: 60, p50: 20, p90: 30, p99: 30, max: 30))
    }

    @Test func summaryCountsSwitchesAndPerThreadTotals() {
        // 1 holds [0,10), 2 waits [5,10) then holds [10,20), 1 waits [12,20) then holds [20,25), 1 again [25,30).
        let slices = RunSlices([
            gil(.gilHold, 1, 0, 10), gil(.gilWait, 2, 5, 5), gil(.gilHold, 2, 10, 10), gil(.gilWait, 1, 12, 8),
            gil(.gilHold, 1, 20, 5), gil(.gilHold, 1, 25, 5), gil(.io, 2, 20, 7, obj: 1),
        ])
        let threads = [
            ThreadInfo(tid: 1, name: "MainThread", parentTid: 0, startNs: 0, cpuNs: 9),
            ThreadInfo(tid: 2, name: "w", parentTid: 1, startNs: 1, voluntaryContextSwitches: 3),
        ]
        let facts = RunFacts(runID: 7, wallNs: 40, threadCount: 2)
        let s = RunSummary.compute(facts: facts, slices: slices, threads: threads, dropRequests: 2)
        #expect(s.gilAcquisitions == 4)
        #expect(s.ownerSwitches == 2)
        #expect(s.gilHeldNs == 30)
        #expect(s.gilHeldFraction == 0.75)
        #expect(s.switchesPerSecond == 2 * 1e9 / 40)
        #expect(s.wait == DurationStats(count: 2, totalNs: 13, p50: 5, p90: 8, p99: 8, max: 8))
        #expect(s.threads.map(\.gilHoldNs) == [20, 10])
        #expect(s.threads.map(\.gilWaitNs) == [8, 5])
        #expect(s.threads.map(\.ioNs) == [0, 7])
        #expect(s.threads[1].voluntaryContextSwitches == 3)
    }

    @Test func contentionFindsContendedHandoffsAndQueue() {
        // Thread 1 holds [0,100); 2 requests at 10, 3 at 20 (both contended); 2 gets it at 100 → [100,150);
        // 3 at 160 → [160,200). Handoffs: release 100 (waiters 2,3) → 0; release 150 (waiter 3) → 10.
        let waits = [gil(.gilWait, 2, 10, 90), gil(.gilWait, 3, 20, 140)]
        let holds = [gil(.gilHold, 1, 0, 100), gil(.gilHold, 2, 100, 50), gil(.gilHold, 3, 160, 40)]
        let c = ContentionAnalysis.analyse(
            objID: 0, info: nil, waits: waits, holds: holds, wallNs: 200, threadNames: [:])
        #expect(c.acquisitions == 3)
        #expect(c.contended == 2)
        #expect(c.ownerSwitches == 2)
        #expect(c.handoff == DurationStats(count: 2, totalNs: 10, p50: 0, p90: 10, p99: 10, max: 10))
        #expect(c.queueMax == 2)
        #expect(c.queueMean == 230.0 / 200.0)
        #expect(c.utilisation == 190.0 / 200.0)
        // Hold times 100, 50, 40: (190)² / (3 · (100² + 50² + 40²)).
        #expect(abs(c.jainFairness! - 190.0 * 190.0 / (3 * 14_100.0)) < 1e-12)
        #expect(c.threads.map(\.tid) == [3, 2, 1])  // top waiters first
    }

    @Test func aWaitWithoutAcquisitionIsNotContended() {
        // Thread 2 times out on a lock held by 1: a wait slice but no hold starting at its end.
        let waits = [gil(.lockWait, 2, 10, 20, obj: 4)]
        let holds = [gil(.lockHold, 1, 0, 100, obj: 4)]
        let c = ContentionAnalysis.analyse(objID: 4, info: nil, waits: waits, holds: holds, wallNs: 100, threadNames: [:])
        #expect(c.contended == 0)
        #expect(c.handoff.count == 0)
        #expect(c.wait.count == 1)
    }

    @Test func queueDepthCountsEndsBeforeStartsAtEqualTimes() {
        let waits = [gil(.gilWait, 1, 0, 10), gil(.gilWait, 2, 10, 10), gil(.gilWait, 3, 15, 1)]
        #expect(ContentionAnalysis.maxQueueDepth(waits) == 2)
        #expect(ContentionAnalysis.maxQueueDepth([]) == 0)
    }

    @Test func convoyEpisodesNeedALongDelayAndAnotherHolder() {
        // I/O thread 2: io [0,100) then reacquires at 5200 while 1 held [0,5150): an episode (interval 5000).
        // Second io [5300,5400) reacquires at 5500 with nobody holding: no episode.
        let slices = RunSlices([
            gil(.gilHold, 1, 0, 5150), gil(.io, 2, 0, 100, obj: 6), gil(.gilHold, 2, 5200, 50),
            gil(.io, 2, 5300, 100, obj: 6), gil(.gilHold, 2, 5500, 10),
        ])
        let facts = RunFacts(runID: 1, wallNs: 6000, switchIntervalNs: 5000, threadCount: 2)
        let r = ConvoyAnalysis.analyse(facts: facts, slices: slices, threads: [])
        #expect(r.ioCount == 2)
        #expect(r.ioTotalNs == 200)
        #expect(r.delay == DurationStats(count: 2, totalNs: 5200, p50: 100, p90: 5100, p99: 5100, max: 5100))
        #expect(r.episodes.count == 1)
        #expect(r.episodes.max == 5100)
        #expect(r.ioSlowdown == 5400.0 / 200.0)
        #expect(r.culprits == [ConvoyCulprit(tid: 1, name: nil, episodes: 1, heldNs: 5050)])
    }

    @Test func aRunWithoutIOHasNoSlowdown() {
        let r = ConvoyAnalysis.analyse(
            facts: RunFacts(runID: 1, wallNs: 10, threadCount: 1), slices: RunSlices([gil(.gilHold, 1, 0, 10)]),
            threads: [])
        #expect(r.ioCount == 0)
        #expect(r.ioSlowdown == nil)
        #expect(r.episodes.count == 0)
    }

    @Test func speedupAndAmdahlBound() {
        let threaded = RunSlices([gil(.gilHold, 2, 0, 100), gil(.io, 3, 0, 300, obj: 1)])
        let s = Speedup.compute(
            serial: RunFacts(runID: 1, wallNs: 800, threadCount: 1),
            threaded: RunFacts(runID: 2, wallNs: 400, threadCount: 3), threadedSlices: threaded)
        #expect(s.speedup == 2)
        #expect(s.workers == 2)
        #expect(s.efficiency == 1)
        #expect(s.serialisedFraction == 0.25)
        #expect(s.amdahlBound == 1 / (0.25 + 0.75 / 2))
    }

    @Test func phasesFromLifetimesWhenThereAreNoMarks() {
        let threads = [
            ThreadInfo(tid: 1, name: "MainThread", parentTid: 0, startNs: 0, endNs: 100),
            ThreadInfo(tid: 2, name: "a", parentTid: 1, startNs: 10, endNs: 40),
            ThreadInfo(tid: 3, name: "b", parentTid: 1, startNs: 30, endNs: 50),
            ThreadInfo(tid: 4, name: "c", parentTid: 1, startNs: 70, endNs: nil),
        ]
        let slices = RunSlices([gil(.gilHold, 1, 0, 20), gil(.io, 2, 20, 20, obj: 1)])
        let phases = PhaseAnalysis.analyse(
            facts: RunFacts(runID: 1, wallNs: 100, threadCount: 4), slices: slices, scan: EventScan(), labels: [:],
            threads: threads)
        #expect(phases.map(\.name) == [PhaseAnalysis.mainAlone, PhaseAnalysis.workersAlive])
        #expect(phases[0].segments == 2)  // [0,10) and [50,70)
        #expect(phases[0].durNs == 30)
        #expect(phases[1].durNs == 70)  // [10,50) and [70,100)
        #expect(phases[0].gilHoldNs == 10)
        #expect(phases[1].gilHoldNs == 10)
        #expect(phases[1].ioNs == 20)
        #expect(phases[1].speedupVsFirst == nil)
    }

    @Test func phasesFromMarksPairBeginsWithTheNextEnd() {
        let events = [
            Event(seq: 1, ts: 0, tid: 1, kind: .mark, obj: 1, arg: MarkPhase.begin.rawValue),
            Event(seq: 2, ts: 100, tid: 1, kind: .mark, obj: 1, arg: MarkPhase.end.rawValue),
            Event(seq: 3, ts: 100, tid: 1, kind: .gilDropRequest),
            Event(seq: 4, ts: 110, tid: 1, kind: .mark, obj: 2, arg: MarkPhase.begin.rawValue),
            Event(seq: 5, ts: 160, tid: 1, kind: .mark, obj: 2, arg: MarkPhase.end.rawValue),
        ]
        let scan = EventScan(events)
        #expect(scan.dropRequests == 1)
        let phases = PhaseAnalysis.analyse(
            facts: RunFacts(runID: 1, wallNs: 200, threadCount: 1), slices: RunSlices(), scan: scan,
            labels: [1: "serial", 2: "threaded"], threads: [])
        #expect(phases.map(\.name) == ["serial", "threaded"])
        #expect(phases.map(\.speedupVsFirst) == [1, 2])
    }

    @Test func switchRateBucketsClipHoldsAndCountSwitchesWhereTheyStart() {
        let holds = [gil(.gilHold, 1, 0, 150), gil(.gilHold, 2, 150, 100), gil(.gilHold, 1, 260, 10)]
        let b = SwitchRateBucket.buckets(holds: holds, wallNs: 250, widthNs: 100)
        #expect(b.map(\.durNs) == [100, 100, 50])
        // Buckets are [0,100), [100,200), [200,300): the last is cut to 50 ns of wall time, but a hold that
        // starts in it still counts there, as in the SQL.
        #expect(b.map(\.acquisitions) == [1, 1, 1])
        #expect(b.map(\.ownerSwitches) == [0, 1, 1])
        #expect(b.map(\.gilHeldNs) == [100, 100, 60])
        #expect(b[1].switchesPerSecond == 1e9 / 100)
        #expect(SwitchRateBucket.buckets(holds: [], wallNs: 0).count == 1)
    }

    @Test func waitDistributionBucketsAndCumulates() {
        let b = WaitBucket.distribution(of: [
            gil(.gilWait, 1, 0, 999), gil(.gilWait, 1, 0, 1_000), gil(.gilWait, 1, 0, 5_000_000),
            gil(.gilWait, 1, 0, 2_000_000_000),
        ])
        #expect(b.count == WaitBucket.edges.count)
        #expect(b.map(\.count) == [1, 1, 0, 0, 0, 1, 0, 0, 1])
        #expect(b.last?.cumulativeFraction == 1)
        #expect(b[1].cumulativeFraction == 0.5)
        #expect(b.last?.hiNs == nil)
    }
}

@Suite struct RendererTests {
    let report = Report(
        title: "t", notes: ["n"],
        sections: [
            .init(key: "one", title: "One", body: .record(Record([("a_ns", .duration(1_500_000)), ("f", .fraction(0.5))]))),
            .init(
                key: "rows", title: "Rows",
                body: .table([Record([("k", .text("x,\"y\"")), ("v", .int(3))]), Record([("k", .text(nil)), ("v", .int(12))])])),
        ])

    @Test func jsonKeepsRawValuesAndKeyOrder() {
        let json = report.render(.json)
        #expect(json.contains("\"one\": {\"a_ns\": 1500000, \"f\": 0.5}"))
        #expect(json.contains("{\"k\": \"x,\\\"y\\\"\", \"v\": 3}"))
        #expect(json.contains("{\"k\": null, \"v\": 12}"))
    }

    @Test func tableHumanisesAndAligns() {
        let text = report.render(.table)
        #expect(text.contains("a_ns  1.500 ms"))
        #expect(text.contains("f     50.00%"))
        #expect(text.contains("  k       v\n  x,\"y\"   3\n"))
        #expect(text.contains("  -      12\n"))
    }

    @Test func csvQuotes() {
        let csv = report.render(.csv)
        #expect(csv == "a_ns,f\n1500000,0.5\n\nk,v\n\"x,\"\"y\"\"\",3\n,12\n")
    }

    @Test func humanizedDurations() {
        #expect(Humanize.duration(999) == "999 ns")
        #expect(Humanize.duration(12_345) == "12.35 µs")
        #expect(Humanize.duration(5_100_000) == "5.100 ms")
        #expect(Humanize.duration(2_000_000_000) == "2.000 s")
    }
}

@Suite struct IntervalIndexTests {
    @Test func hintedSearchAgreesWithPlainSearchFromEveryHint() {
        let starts: [Int64] = [0, 0, 3, 5, 5, 5, 9, 12, 20, 20, 31]
        let index = IntervalIndex(starts.map { Slice(tid: 1, obj: 0, state: .gilHold, ts: $0, dur: 1) })
        for ts in Int64(-1)...32 {
            let expected = starts.firstIndex { $0 >= ts } ?? starts.count
            for hint in 0...starts.count + 2 {
                #expect(index.firstStart(atLeast: ts, hint: hint) == expected, "ts \(ts) hint \(hint)")
            }
        }
    }
}

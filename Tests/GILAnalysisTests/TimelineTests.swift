import Foundation
import GILTrace
import Testing
import TraceStore
@testable import GILAnalysis

/// The timeline reduces slices to pixel columns: the dominant state per column, merged runs, the GIL lane
/// coloured by the longest holder, and a well-formed SVG with one lane per thread.
@Suite struct TimelineTests {
    static let threads = [
        ThreadInfo(tid: 1, name: "MainThread", parentTid: 0, startNs: 0),
        ThreadInfo(tid: 2, name: "Thread-1 <spin>", parentTid: 1, startNs: 0),
    ]

    @Test func columnsKeepTheDominantStateAndMerge() {
        // 10 columns of 100 ns. Thread 1 runs 0–600, waits 600–1000; thread 2 waits 0–600, runs 600–1000,
        // except a 30 ns I/O blip inside column 7 (less than the 70 ns it runs there).
        let slices = RunSlices([
            Slice(tid: 1, obj: 0, state: .gilHold, ts: 0, dur: 600),
            Slice(tid: 1, obj: 0, state: .gilWait, ts: 600, dur: 400),
            Slice(tid: 2, obj: 0, state: .gilWait, ts: 0, dur: 600),
            Slice(tid: 2, obj: 0, state: .gilHold, ts: 600, dur: 100),
            Slice(tid: 2, obj: 1, state: .io, ts: 700, dur: 30),
            Slice(tid: 2, obj: 0, state: .gilHold, ts: 730, dur: 270),
        ])
        let model = TimelineModel(threads: Self.threads, slices: slices, endNs: 1000, columns: 10, dropRequests: [550, 560])
        #expect(model.lanes[0].segments == [.init(first: 0, last: 5, state: .running), .init(first: 6, last: 9, state: .gilWait)])
        #expect(model.lanes[1].segments == [.init(first: 0, last: 5, state: .gilWait), .init(first: 6, last: 9, state: .running)])
        #expect(model.gil == [.init(first: 0, last: 5, holder: 1), .init(first: 6, last: 9, holder: 2)])
        #expect(model.dropRequestColumns == [5])
    }

    @Test func millionsOfSlicesBecomeAtMostOneRectPerColumn() {
        var slices: [Slice] = []
        for i in 0..<200_000 {
            let tid: Int32 = i % 2 == 0 ? 1 : 2
            slices.append(Slice(tid: tid, obj: 0, state: .gilHold, ts: Int64(i) * 50, dur: 50))
        }
        let model = TimelineModel(threads: Self.threads, slices: RunSlices(slices), endNs: 10_000_000, columns: 800)
        #expect(model.gil.count <= 800)
        #expect(model.lanes.allSatisfy { $0.segments.count <= 800 })
    }

    @Test func svgIsWellFormedWithALanePerThreadAndALegend() {
        let slices = RunSlices([Slice(tid: 1, obj: 0, state: .gilHold, ts: 0, dur: 5_000_000)])
        let model = TimelineModel(threads: Self.threads, slices: slices, endNs: 5_000_000, columns: 300)
        let svg = TimelineSVG.render(model, title: "run 1 & <test>")
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>\n"))
        #expect(svg.contains("Thread-1 &lt;spin&gt;") && svg.contains("run 1 &amp; &lt;test&gt;"))
        #expect(svg.contains("GIL holder") && svg.contains("GIL drop request") && svg.contains(" ms</text>"))
        // Every element opened is closed: self-closing shapes, paired text elements.
        #expect(svg.components(separatedBy: "<text").count == svg.components(separatedBy: "</text>").count)
    }

    @Test func axisStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        #expect(TimelineSVG.axisStep(1_000_000_000).step == 100_000_000)
        #expect(TimelineSVG.axisStep(273_000_000).unit == " ms")
        #expect(TimelineSVG.axisStep(15_000).step == 2_000)
    }
}

@Suite struct ConvoyMarkTests {
    /// An I/O thread back at 1 ms waits until 7 ms while another thread holds the GIL: one episode, marked.
    @Test func convoyEpisodesAreListedAndMarked() {
        let slices = RunSlices([
            Slice(tid: 2, obj: 0, state: .gilHold, ts: 0, dur: 7_000_000),
            Slice(tid: 1, obj: 1, state: .io, ts: 500_000, dur: 500_000),
            Slice(tid: 1, obj: 0, state: .gilWait, ts: 1_000_000, dur: 6_000_000),
            Slice(tid: 1, obj: 0, state: .gilHold, ts: 7_000_000, dur: 1_000_000),
        ])
        let facts = RunFacts(runID: 1, wallNs: 8_000_000, threadCount: 2)
        let report = ConvoyAnalysis.analyse(facts: facts, slices: slices, threads: TimelineTests.threads)
        #expect(report.episodeWindows == [ConvoyEpisode(tid: 1, startNs: 1_000_000, endNs: 7_000_000)])
        var model = TimelineModel(threads: TimelineTests.threads, slices: slices, endNs: 8_000_000, columns: 8)
        model.markConvoys(report.episodeWindows)
        #expect(model.convoyMarks.count == 1 && model.convoyMarks[0].tid == 1 && model.convoyMarks[0].first == 1
            && model.convoyMarks[0].last == 7)
    }
}

import GILTrace
import TraceStore

/// A stored run's timeline: its slices plus the drop requests (read from the events in one pass).
package enum RunTimeline {
    package static func svg(_ run: LoadedRun, reader: TraceReader, width: Int) throws -> String {
        var drops: [Int64] = []
        try reader.forEachEvent(runID: run.record.runID) { event in
            if event.kindCode == EventKind.gilDropRequest.rawValue { drops.append(event.ts) }
        }
        var model = TimelineModel(
            threads: run.threads, slices: run.slices, endNs: run.facts.wallNs, columns: width, dropRequests: drops,
            withoutGIL: run.record.info.policy == "free-threaded")
        model.markConvoys(ConvoyAnalysis.analyse(facts: run.facts, slices: run.slices, threads: run.threads).episodeWindows)
        let info = run.record.info
        let interval = Humanize.duration(info.switchIntervalNs)
        let title = "run \(run.record.runID) · \(info.label) · \(info.policy), switch interval \(interval), check points \(info.checkMode)"
        return TimelineSVG.render(model, title: title)
    }
}

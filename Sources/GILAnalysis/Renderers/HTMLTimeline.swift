import GILTrace
import TraceStore

/// The report page's timeline: one lane per thread plus a GIL-holder lane, drawn as SVG whose rectangles carry
/// what the page's tooltip shows (thread, state, duration, and the slice's stack from the embedded stack table).
///
/// Every slice at least `minimumSlicePixels` wide is its own rectangle with its own tooltip. Runs of shorter
/// slices in a lane (a lock-heavy loop makes thousands per pixel) are merged into one rectangle per stretch of
/// `clusterPixels`, coloured by the state that took most of it, whose tooltip gives the time in each state and
/// the count; so the page stays a few thousand elements for any run, and `gilstat export` has every slice.
struct HTMLTimeline {
    static let stateColors: [SliceState: String] = [
        .gilHold: "var(--run)", .gilWait: "var(--gilwait)", .lockWait: "var(--lockwait)", .io: "var(--io)",
        .native: "var(--native)",
    ]
    static let stateNames: [SliceState: String] = [
        .gilHold: "running (GIL held)", .gilWait: "GIL wait", .lockWait: "lock wait", .io: "I/O",
        .native: "running C (GIL released)",
    ]
    static let holderPalette = ["#6a3d9a", "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#393b79", "#637939", "#843c39", "#7b4173"]
    static let labelWidth = 170
    static let laneHeight = 20
    static let laneGap = 6
    static let minimumSlicePixels = 1.0
    static let clusterPixels = 2.0

    let run: LoadedRun
    let width: Int
    /// Stack ids the drawn slices use (for the page's stack table).
    private(set) var usedStacks: Set<Int32> = []

    init(run: LoadedRun, width: Int) {
        self.run = run
        self.width = width
    }

    mutating func svg() -> String {
        let startNs: Int64 = 0
        let endNs = max(run.facts.wallNs, run.slices.lastEnd ?? 0, 1)
        let scale = Double(width) / Double(endNs - startNs)
        func x(_ ts: Int64) -> Double { Double(Self.labelWidth) + Double(ts - startNs) * scale }
        let threads = run.threads
        let gilTop = 10
        let firstLaneTop = gilTop + Self.laneHeight + Self.laneGap * 2
        let axisTop = firstLaneTop + threads.count * (Self.laneHeight + Self.laneGap) + 4
        let height = axisTop + 30
        let total = Self.labelWidth + width + 10
        let names = Dictionary(threads.map { ($0.tid, $0.name) }, uniquingKeysWith: { a, _ in a })
        let objectNames = Dictionary(run.objects.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let holderColor = Dictionary(threads.enumerated().map { ($1.tid, Self.holderPalette[$0 % Self.holderPalette.count]) },
                                     uniquingKeysWith: { a, _ in a })
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(total)" height="\(height)" viewBox="0 0 \(total) \(height)" \
            font-family="system-ui, sans-serif" font-size="12" role="img" aria-label="timeline">
            <text x="6" y="\(gilTop + 14)" font-weight="600">GIL holder</text>
            <rect x="\(Self.labelWidth)" y="\(gilTop)" width="\(width)" height="\(Self.laneHeight)" fill="#f1f1f1"/>

            """
        func rect(_ x0: Double, _ x1: Double, top: Int, fill: String, cls: String, data: String) {
            let w = max(x1 - x0, Self.minimumSlicePixels)
            out += "<rect class=\"\(cls)\" x=\"\(Self.coordinate(x0))\" y=\"\(top)\" width=\"\(Self.coordinate(w))\" height=\"\(Self.laneHeight)\" fill=\"\(fill)\" \(data)/>\n"
        }
        // The GIL lane: each hold in its holder's colour (short holds merged like the lanes below).
        drawLane(run.slices.gilHolds, scale: scale, x: x) { slices, x0, x1, merged in
            let s = slices[0]
            let thread = HTMLPage.escape(names[s.tid] ?? "tid \(s.tid)")
            if merged {
                rect(x0, x1, top: gilTop, fill: "#888", cls: "c",
                     data: "data-tip=\"\(HTMLPage.escape(Self.clusterTip(slices, threadNames: names, objectNames: objectNames, holderLane: true)))\"")
            } else {
                usedStacks.insert(s.stack)
                rect(x0, x1, top: gilTop, fill: holderColor[s.tid] ?? "#888", cls: "s",
                     data: "data-thread=\"\(thread)\" data-state=\"holds the GIL\" data-ts=\"\(s.ts)\" data-dur=\"\(s.dur)\" data-stack=\"\(s.stack)\"")
            }
        }
        for (index, thread) in threads.enumerated() {
            let top = firstLaneTop + index * (Self.laneHeight + Self.laneGap)
            let name = HTMLPage.escape(thread.name)
            out += "<rect x=\"6\" y=\"\(top + 5)\" width=\"10\" height=\"10\" fill=\"\(holderColor[thread.tid] ?? "#888")\"/>"
            out += "<text x=\"21\" y=\"\(top + 14)\">\(HTMLPage.escape(Self.truncate(thread.name, 22)))</text>\n"
            out += "<rect x=\"\(Self.labelWidth)\" y=\"\(top)\" width=\"\(width)\" height=\"\(Self.laneHeight)\" fill=\"#f4f4f4\" data-tip=\"\(name): no GIL, no recorded wait (native code, or not started)\"/>\n"
            let mine = (run.slices.gilHolds + run.slices.gilWaits + run.slices.lockWaits + run.slices.io + run.slices.native)
                .filter { $0.tid == thread.tid && $0.dur > 0 }.sorted(by: Slice.startsBefore)
            drawLane(mine, scale: scale, x: x) { slices, x0, x1, merged in
                if merged {
                    let dominant = Self.dominant(slices)
                    rect(x0, x1, top: top, fill: Self.stateColors[dominant] ?? "#999", cls: "c",
                         data: "data-tip=\"\(HTMLPage.escape(Self.clusterTip(slices, threadNames: names, objectNames: objectNames, holderLane: false)))\"")
                } else {
                    let s = slices[0]
                    usedStacks.insert(s.stack)
                    var what = ""
                    if s.state == .lockWait { what = " data-what=\"on \(HTMLPage.escape(objectNames[s.obj] ?? "object \(s.obj)"))\"" }
                    if s.state == .io { what = " data-what=\"\(HTMLPage.escape(IOKind(rawValue: s.obj)?.name ?? "I/O"))\"" }
                    rect(x0, x1, top: top, fill: Self.stateColors[s.state] ?? "#999", cls: "s",
                         data: "data-thread=\"\(name)\" data-state=\"\(Self.stateNames[s.state] ?? s.state.rawValue)\" data-ts=\"\(s.ts)\" data-dur=\"\(s.dur)\" data-stack=\"\(s.stack)\"\(what)")
                }
            }
        }
        // Time axis.
        out += "<line x1=\"\(Self.labelWidth)\" y1=\"\(axisTop)\" x2=\"\(Self.labelWidth + width)\" y2=\"\(axisTop)\" stroke=\"#333\"/>\n"
        let span = endNs - startNs
        let step = Self.axisStep(span)
        var tick: Int64 = 0
        while tick <= span {
            let px = Self.coordinate(x(startNs + tick))
            out += "<line x1=\"\(px)\" y1=\"\(axisTop)\" x2=\"\(px)\" y2=\"\(axisTop + 5)\" stroke=\"#333\"/>"
            out += "<text x=\"\(px)\" y=\"\(axisTop + 18)\" text-anchor=\"middle\" fill=\"#444\">\(HTMLPage.shortDuration(tick))</text>\n"
            tick += step
        }
        out += "</svg>\n"
        return out
    }

    /// Walks a lane's slices (sorted by start): each wide enough is drawn alone; consecutive short ones are
    /// gathered until they span `clusterPixels` (or a wide one or a gap interrupts) and drawn as one.
    private func drawLane(
        _ slices: [Slice], scale: Double, x: (Int64) -> Double, _ draw: ([Slice], Double, Double, Bool) -> Void
    ) {
        var cluster: [Slice] = []
        func flush() {
            guard let first = cluster.first else { return }
            let end = cluster.map(\.end).max() ?? first.end
            draw(cluster, x(first.ts), x(end), cluster.count > 1)
            cluster.removeAll(keepingCapacity: true)
        }
        for s in slices {
            let pixels = Double(s.dur) * scale
            if pixels >= Self.minimumSlicePixels {
                flush()
                draw([s], x(s.ts), x(s.end), false)
                continue
            }
            if let first = cluster.first {
                let clusterEnd = cluster.map(\.end).max() ?? first.end
                if x(s.ts) - x(clusterEnd) > 1 || x(s.end) - x(first.ts) > Self.clusterPixels { flush() }
            }
            cluster.append(s)
        }
        flush()
    }

    static func dominant(_ slices: [Slice]) -> SliceState {
        var time: [SliceState: Int64] = [:]
        for s in slices { time[s.state, default: 0] += s.dur }
        let order = SliceState.allCases
        return time.max { a, b in
            a.value != b.value ? a.value < b.value : order.firstIndex(of: a.key)! > order.firstIndex(of: b.key)!
        }?.key ?? .gilHold
    }

    static func clusterTip(_ slices: [Slice], threadNames: [Int32: String], objectNames: [Int32: String], holderLane: Bool) -> String {
        let start = slices.map(\.ts).min() ?? 0
        let end = slices.map(\.end).max() ?? start
        var lines = ["<b>\(slices.count) short slices</b> from \(Humanize.duration(start)) to \(Humanize.duration(end))"]
        if holderLane {
            var byThread: [Int32: Int64] = [:]
            for s in slices { byThread[s.tid, default: 0] += s.dur }
            for (tid, ns) in byThread.sorted(by: { $0.value > $1.value }) {
                lines.append("\(HTMLPage.escape(threadNames[tid] ?? "tid \(tid)")) held it \(Humanize.duration(ns))")
            }
        } else {
            var byState: [SliceState: (Int, Int64)] = [:]
            for s in slices {
                let t = byState[s.state] ?? (0, 0)
                byState[s.state] = (t.0 + 1, t.1 + s.dur)
            }
            for (state, t) in byState.sorted(by: { $0.value.1 > $1.value.1 }) {
                lines.append("\(stateNames[state] ?? state.rawValue): \(t.0)× \(Humanize.duration(t.1))")
            }
        }
        return lines.joined(separator: "<br>")
    }

    static func coordinate(_ v: Double) -> String { Humanize.format(v, decimals: 1) }

    static func truncate(_ s: String, _ n: Int) -> String { s.count <= n ? s : String(s.prefix(n - 1)) + "…" }

    /// A round tick step giving 5–12 ticks.
    static func axisStep(_ span: Int64) -> Int64 {
        var step: Int64 = 1
        let candidates: [Int64] = [1, 2, 5]
        while true {
            for c in candidates where span / (step * c) <= 12 { return max(1, step * c) }
            step *= 10
        }
    }
}

import GILTrace

/// Draws a `TimelineModel` as a standalone SVG: thread lanes, the GIL lane coloured by holder with drop
/// requests as ticks, a time axis with units, a legend and a title.
package enum TimelineSVG {
    static let stateColors: [TimelineModel.State: String] = [
        .running: "#2ca02c", .gilWait: "#d62728", .lockWait: "#ff7f0e", .io: "#1f77b4", .native: "#98df8a",
    ]
    /// Holder colours, chosen apart from the four state colours so the GIL lane never reads as a state.
    static let holderPalette = ["#6a3d9a", "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#393b79", "#637939", "#843c39", "#7b4173"]

    static let labelWidth = 190
    static let laneHeight = 18
    static let laneGap = 6

    package static func render(_ model: TimelineModel, title: String) -> String {
        let width = labelWidth + model.columns + 20
        let lanesTop = 40
        let gilTop = lanesTop
        let firstThreadTop = gilTop + laneHeight + laneGap * 2
        let axisTop = firstThreadTop + model.lanes.count * (laneHeight + laneGap)
        let height = axisTop + 70
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" \
            font-family="sans-serif" font-size="11">
            <rect width="100%" height="100%" fill="white"/>
            <text x="8" y="18" font-size="13" font-weight="bold">\(escape(title))</text>

            """
        func x(_ column: Int) -> Int { labelWidth + column }

        // The GIL lane: who held it.
        let holderColors = Dictionary(model.lanes.enumerated().map { ($1.tid, holderPalette[$0 % holderPalette.count]) },
                                      uniquingKeysWith: { a, _ in a })
        svg += ##"<text x="8" y="\##(gilTop + 13)" font-weight="bold">GIL holder</text>"## + "\n"
        if model.withoutGIL {
            svg += ##"<text x="\##(x(4))" y="\##(gilTop + 13)" fill="#666">no GIL (free-threaded): threads run in parallel</text>"## + "\n"
        }
        for segment in model.gil {
            svg += ##"<rect x="\##(x(segment.first))" y="\##(gilTop)" width="\##(segment.last - segment.first + 1)" height="\##(laneHeight)" fill="\##(holderColors[segment.holder] ?? "#888")"/>"## + "\n"
        }
        for column in model.dropRequestColumns {
            svg += ##"<line x1="\##(x(column))" y1="\##(gilTop - 4)" x2="\##(x(column))" y2="\##(gilTop)" stroke="black" stroke-width="1"/>"## + "\n"
        }

        // One lane per thread, with a swatch of its GIL colour.
        for (index, lane) in model.lanes.enumerated() {
            let top = firstThreadTop + index * (laneHeight + laneGap)
            svg += ##"<rect x="8" y="\##(top + 4)" width="10" height="10" fill="\##(holderColors[lane.tid] ?? "#888")"/>"##
            svg += ##"<text x="22" y="\##(top + 13)">\##(escape(truncate(lane.name, 26)))</text>"## + "\n"
            svg += ##"<rect x="\##(labelWidth)" y="\##(top)" width="\##(model.columns)" height="\##(laneHeight)" fill="#f4f4f4"/>"## + "\n"
            for segment in lane.segments {
                svg += ##"<rect x="\##(x(segment.first))" y="\##(top)" width="\##(segment.last - segment.first + 1)" height="\##(laneHeight)" fill="\##(stateColors[segment.state]!)"/>"## + "\n"
            }
            for mark in model.convoyMarks where mark.tid == lane.tid {
                svg += ##"<rect x="\##(x(mark.first))" y="\##(top + laneHeight)" width="\##(mark.last - mark.first + 1)" height="3" fill="black"/>"## + "\n"
            }
        }

        // Time axis.
        svg += ##"<line x1="\##(labelWidth)" y1="\##(axisTop)" x2="\##(labelWidth + model.columns)" y2="\##(axisTop)" stroke="black"/>"## + "\n"
        let span = model.endNs - model.startNs
        let (step, unit, divisor) = axisStep(span)
        var tick: Int64 = 0
        while tick <= span {
            let column = Int(Double(tick) / model.nsPerColumn)
            svg += ##"<line x1="\##(x(column))" y1="\##(axisTop)" x2="\##(x(column))" y2="\##(axisTop + 5)" stroke="black"/>"##
            svg += ##"<text x="\##(x(column))" y="\##(axisTop + 17)" text-anchor="middle">\##(label(tick, divisor: divisor))\##(unit)</text>"## + "\n"
            tick += step
        }

        // Legend.
        var legendX = labelWidth
        let legendY = axisTop + 40
        let drawn = Set(model.lanes.flatMap { $0.segments.map(\.state) })
        for state in TimelineModel.State.allCases where state != .native || drawn.contains(.native) {
            svg += ##"<rect x="\##(legendX)" y="\##(legendY)" width="12" height="12" fill="\##(stateColors[state]!)"/>"##
            svg += ##"<text x="\##(legendX + 16)" y="\##(legendY + 10)">\##(escape(state.rawValue))</text>"## + "\n"
            legendX += 100
        }
        svg += ##"<line x1="\##(legendX)" y1="\##(legendY)" x2="\##(legendX)" y2="\##(legendY + 12)" stroke="black"/>"##
        svg += ##"<text x="\##(legendX + 6)" y="\##(legendY + 10)">GIL drop request</text>"## + "\n"
        svg += ##"<rect x="\##(legendX + 130)" y="\##(legendY + 5)" width="16" height="3" fill="black"/>"##
        svg += ##"<text x="\##(legendX + 152)" y="\##(legendY + 10)">convoy episode (back from I/O, waiting past the switch interval)</text>"## + "\n"
        svg += "</svg>\n"
        return svg
    }

    /// A tick step of 1, 2 or 5 × 10^k ns giving 5–10 ticks, with the unit to print it in.
    static func axisStep(_ span: Int64) -> (step: Int64, unit: String, divisor: Double) {
        var step: Int64 = 1
        while span / step > 10 {
            if span / (step * 2) <= 10 { step *= 2; break }
            if span / (step * 5) <= 10 { step *= 5; break }
            step *= 10
        }
        // The unit follows the span, so a 5 ms run reads 0, 0.5, 1 … ms rather than 0, 500, 1000 µs.
        if span >= 2_000_000_000 { return (step, " s", 1e9) }
        if span >= 2_000_000 { return (step, " ms", 1e6) }
        if span >= 2_000 { return (step, " µs", 1e3) }
        return (step, " ns", 1)
    }

    static func label(_ ns: Int64, divisor: Double) -> String {
        let value = Double(ns) / divisor
        return value == value.rounded() ? String(Int64(value)) : String(value)
    }

    static func truncate(_ text: String, _ length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }

    /// XML text/attribute escaping: the report page's (SVG is XML; the same five entities serve both).
    static func escape(_ text: String) -> String { HTMLPage.escape(text) }
}

import GILTrace
import TraceStore

/// `gilstat report`: one self-contained HTML page of a run (inline CSS, SVG and script; nothing fetched from the
/// network): headline figures, where the threads waited (source lines with their text, and the lines they
/// waited behind), the timeline with a tooltip on every slice, per-thread state bars, the wait-time histogram,
/// and the contention, convoy and summary tables, all sortable. The page's `id`s (`summary`, `where`,
/// `timeline`, `threads`, `histogram`, `contention`, `convoy`) are what the browser test looks for.
package enum HTMLReport {
    package struct Input {
        package var run: LoadedRun
        package var scan: EventScan
        package var names: StackNames
        package var source: SourceText

        package init(run: LoadedRun, scan: EventScan, names: StackNames, source: SourceText = SourceText()) {
            self.run = run
            self.scan = scan
            self.names = names
            self.source = source
        }
    }

    package static func render(_ input: Input, timelineWidth: Int = 1100) -> String {
        let run = input.run
        let info = run.record.info
        let summaryReport = Reports.summary(run, scan: input.scan)
        let contention = Reports.contention(run, objID: nil)
        let convoyReport = ConvoyAnalysis.analyse(facts: run.facts, slices: run.slices, threads: run.threads)
        let summary = RunSummary.compute(
            facts: run.facts, slices: run.slices, threads: run.threads, dropRequests: input.scan.dropRequests)
        var timeline = HTMLTimeline(run: run, width: timelineWidth)
        let timelineSVG = timeline.svg()
        let title = "gilrec run \(run.record.runID) · \(info.label)"

        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLPage.escape(title))</title>
            <style>
            \(HTMLPage.css)
            </style></head><body>
            <div id="tip"></div>
            <header><h1>\(HTMLPage.escape(title))</h1>
            <div class="meta">\(HTMLPage.escape(info.program)) · \(HTMLPage.escape(info.engineDescription)) · switch interval \(Humanize.duration(info.switchIntervalNs)) · \(run.record.threadCount) threads · \(run.record.eventCount) events · status \(run.record.status.rawValue) · recorded \(HTMLPage.escape(info.startedAt))</div>
            </header>
            <nav><a href="#summary">Summary</a><a href="#where">Where</a><a href="#timeline">Timeline</a><a href="#threads">Threads</a><a href="#histogram">Wait histogram</a><a href="#contention">Contention</a><a href="#convoy">Convoy</a></nav>
            <main>

            """
        for note in (run.statusNote.map { [$0] } ?? []) + run.recorderNotes {
            html += "<p class=\"note\">\(HTMLPage.escape(note))</p>\n"
        }
        html += summarySection(summary, convoy: convoyReport, run: run)
        html += whereSection(input)
        html += "<section id=\"timeline\"><h2>Timeline</h2>\n"
        html += "<p class=\"hint\">Hover any slice: thread, state, duration and the Python stack it was at."
        html += legend(native: !run.slices.native.isEmpty) + "</p>\n<div class=\"timeline\">\n" + timelineSVG + "</div>\n"
        html += "<script type=\"application/json\" id=\"stacks\">" + stackTable(timeline.usedStacks, input.names) + "</script>\n"
        html += "</section>\n"
        html += threadSection(run)
        html += histogramSection(run)
        html += "<section id=\"contention\"><h2>Contention (GIL and locks)</h2>\n" + HTMLPage.tables(contention, skip: ["gil_wait_distribution"]) + "</section>\n"
        html += "<section id=\"convoy\"><h2>Convoy</h2>\n" + HTMLPage.tables(Reports.convoy(run)) + "</section>\n"
        html += "<section id=\"details\"><h2>Summary tables</h2>\n" + HTMLPage.tables(summaryReport) + "</section>\n"
        html += "</main>\n<footer>Made by gilstat from the recorded run: every figure is reproducible with the files in Queries/ "
        html += "(<code>gilstat query NAME</code>). Tables sort when you click their headings.</footer>\n"
        html += "<script>\n" + HTMLPage.script + "\n</script>\n</body></html>\n"
        return html
    }

    // MARK: - Sections

    static func summarySection(_ s: RunSummary, convoy: ConvoyReport, run: LoadedRun) -> String {
        func card(_ value: String, _ key: String, tip: String) -> String {
            "<div class=\"card\" data-tip=\"\(HTMLPage.escape(tip))\"><div class=\"v\">\(HTMLPage.escape(value))</div><div class=\"k\">\(HTMLPage.escape(key))</div></div>"
        }
        var cards = [
            card(Humanize.duration(s.wallNs), "wall time", tip: "from the first event to the end of the run"),
            card(s.gilHeldFraction.map(Humanize.percent) ?? "-", "GIL held", tip: "time some thread held the GIL / wall time"),
            card(s.switchesPerSecond.map(Humanize.fixed) ?? "-", "GIL switches / s", tip: "acquisitions by another thread than the previous holder"),
            card(Humanize.duration(s.wait.totalNs), "GIL wait, all threads", tip: "Σ gil_request → gil_acquire"),
            card(s.wait.p99.map(Humanize.duration) ?? "-", "GIL wait p99", tip: "nearest rank over \(s.wait.count) waits"),
        ]
        if convoy.ioCount > 0 {
            cards.append(card(convoy.ioSlowdown.map { Humanize.fixed($0) + "×" } ?? "-", "I/O slowdown (convoy)",
                              tip: "(I/O time + reacquire delay) / I/O time; \(convoy.episodes.count) convoy episodes"))
        }
        return "<section id=\"summary\"><h2>Summary</h2><div class=\"cards\">" + cards.joined() + "</div></section>\n"
    }

    static func whereSection(_ input: Input) -> String {
        var html = "<section id=\"where\"><h2>Where the threads waited</h2>\n"
        guard !input.names.isEmpty else {
            return html + "<p class=\"hint\">No stacks for this run: it was recorded without them.</p></section>\n"
        }
        let result = WhereAnalysis.analyse(slices: input.run.slices, names: input.names)
        let objectNames = Dictionary(input.run.objects.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        html += "<p class=\"hint\">Source lines ranked by the time threads waited there for the GIL or a lock; under each, "
        html += "the lines that held what it waited for meanwhile (the holder's line: where a GIL holder let go, or inside the lock's critical section).</p>\n"
        html += "<table class=\"where\"><thead><tr><th>line</th><th>source</th><th class=\"num\">GIL wait</th><th class=\"num\">lock wait</th>"
        html += "<th class=\"num\">I/O</th><th class=\"num\">GIL held</th><th class=\"num\">share</th></tr></thead><tbody>\n"
        let waiting = result.sites.filter { $0.waitNs > 0 }.prefix(10)
        if waiting.isEmpty { html += "<tr><td colspan=\"7\">No thread waited for the GIL or a lock.</td></tr>\n" }
        func sourceCell(_ location: CodeLocation?) -> String {
            guard let location, let text = input.source.line(location.file, location.line) else { return "<td></td>" }
            return "<td><span class=\"src\">\(HTMLPage.escape(text))</span></td>"
        }
        func ns(_ value: Int64) -> String {
            value == 0 ? "<td class=\"num zero\">–</td>" : "<td class=\"num\">\(Humanize.duration(value))</td>"
        }
        /// `function (file.py:12)`, the file's whole path in the tooltip: site paths of the standard library are long.
        func siteName(_ site: WhereAnalysis.Site?) -> String {
            guard let site, let location = site.location else { return HTMLPage.escape(site?.displayName ?? "?") }
            return "<span data-tip=\"\(HTMLPage.escape(site.displayName))\">\(HTMLPage.escape(location.shortLabel))</span>"
        }
        for site in waiting {
            html += "<tr><td class=\"site\">\(siteName(site))</td>\(sourceCell(site.location))"
            html += ns(site.gilWait.ns) + ns(site.lockWait.ns) + ns(site.io.ns) + ns(site.gilHold.ns) + "<td></td></tr>\n"
            for entry in site.behind.prefix(3) {
                let holder = result.site(entry.holder)
                let on = entry.objID == 0 ? "GIL" : objectNames[entry.objID] ?? "object \(entry.objID)"
                let share = site.share(entry).map(Humanize.percent) ?? "-"
                html += "<tr class=\"behind\"><td class=\"site\">behind \(siteName(holder)) <small>(holding \(HTMLPage.escape(on)))</small></td>"
                html += "\(sourceCell(holder?.location))<td class=\"num\" colspan=\"4\">held \(Humanize.duration(entry.ns)) meanwhile</td>"
                html += "<td class=\"num\">\(share)</td></tr>\n"
            }
        }
        html += "</tbody></table>\n"
        let ioSites = result.sites.filter { $0.io.ns > 0 }.sorted { $0.io.ns > $1.io.ns }.prefix(5)
        if !ioSites.isEmpty {
            html += "<h3>Blocking calls by line</h3>\n" + HTMLPage.table(ioSites.map { site in
                Record([
                    ("line", .text(site.displayName)), ("source", .text(site.location.flatMap { input.source.line($0.file, $0.line) })),
                    ("calls", .int(site.io.count)), ("io", .duration(site.io.ns)),
                    ("gil_wait_after", .duration(site.gilWait.ns)),
                ])
            })
        }
        return html + "</section>\n"
    }

    static func threadSection(_ run: LoadedRun) -> String {
        var html = "<section id=\"threads\"><h2>Threads</h2>\n<p class=\"hint\">Each thread's lifetime split by state."
        html += legend(native: !run.slices.native.isEmpty, other: true) + "</p>\n<table class=\"sortable\"><thead><tr><th class=\"text\">thread</th><th class=\"num\">lifetime</th>"
        html += "<th class=\"num\">running</th><th class=\"num\">GIL wait</th><th class=\"num\">lock wait</th><th class=\"num\">I/O</th>"
        let native = !run.slices.native.isEmpty
        if native { html += "<th class=\"num\">C, GIL released</th>" }
        html += "<th class=\"text\">states</th></tr></thead><tbody>\n"
        var totals: [Int32: [SliceState: Int64]] = [:]
        for list in [run.slices.gilHolds, run.slices.gilWaits, run.slices.lockWaits, run.slices.io, run.slices.native] {
            for s in list { totals[s.tid, default: [:]][s.state, default: 0] += s.dur }
        }
        for thread in run.threads {
            let end = thread.endNs ?? run.facts.wallNs
            let life = max(1, end - thread.startNs)
            let t = totals[thread.tid] ?? [:]
            func td(_ ns: Int64) -> String { "<td class=\"num\" data-v=\"\(ns)\">\(Humanize.duration(ns))</td>" }
            var bar = "<div class=\"bar\">"
            for state in [SliceState.gilHold, .gilWait, .lockWait, .io, .native] {
                let color = HTMLTimeline.stateColors[state] ?? "#999"
                let ns = t[state] ?? 0
                guard ns > 0 else { continue }
                let percent = Humanize.format(min(100, Double(ns) * 100 / Double(life)), decimals: 2)
                let tip = "\(HTMLPage.escape(thread.name)): \(HTMLTimeline.stateNames[state] ?? state.rawValue) \(Humanize.duration(ns)) (\(percent)%)"
                bar += "<span style=\"width:\(percent)%;background:\(color)\" data-tip=\"\(HTMLPage.escape(tip))\"></span>"
            }
            bar += "</div>"
            html += "<tr><td>\(HTMLPage.escape(thread.name))</td>\(td(life))\(td(t[.gilHold] ?? 0))\(td(t[.gilWait] ?? 0))"
            html += "\(td(t[.lockWait] ?? 0))\(td(t[.io] ?? 0))\(native ? td(t[.native] ?? 0) : "")<td style=\"width:40%\">\(bar)</td></tr>\n"
        }
        return html + "</tbody></table></section>\n"
    }

    static func histogramSection(_ run: LoadedRun) -> String {
        var html = "<section id=\"histogram\"><h2>Wait-time histogram</h2>\n"
        html += "<p class=\"hint\">How long each wait lasted (buckets of Queries/gil_wait_distribution.sql). Bar height: number of waits; hover for totals.</p>\n"
        for (label, waits, color) in [("GIL waits", run.slices.gilWaits, "var(--gilwait)"), ("Lock waits", run.slices.lockWaits, "var(--lockwait)")] {
            guard !waits.isEmpty else { continue }
            html += "<h3>\(label) (\(waits.count))</h3>\n" + histogramSVG(WaitBucket.distribution(of: waits), color: color)
        }
        if run.slices.gilWaits.isEmpty && run.slices.lockWaits.isEmpty { html += "<p class=\"empty\">No waits recorded.</p>\n" }
        return html + "</section>\n"
    }

    static func histogramSVG(_ buckets: [WaitBucket], color: String) -> String {
        let barWidth = 78, gap = 10, chartHeight = 140, top = 16
        let maxCount = max(1, buckets.map(\.count).max() ?? 1)
        let width = buckets.count * (barWidth + gap) + 40
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(chartHeight + top + 40)\" font-family=\"system-ui, sans-serif\" font-size=\"11\">\n"
        for (i, b) in buckets.enumerated() {
            let h = b.count == 0 ? 0 : max(2, b.count * chartHeight / maxCount)
            let x = 20 + i * (barWidth + gap)
            let range = "\(HTMLPage.shortDuration(b.loNs)) – " + (b.hiNs.map(HTMLPage.shortDuration) ?? "∞")
            let tip = "\(range): \(b.count) waits, \(Humanize.duration(b.totalNs)) in all" + (b.cumulativeFraction.map { "; \(Humanize.percent($0)) of waits are this short or shorter" } ?? "")
            svg += "<rect x=\"\(x)\" y=\"\(top + chartHeight - h)\" width=\"\(barWidth)\" height=\"\(h)\" fill=\"\(color)\" data-tip=\"\(HTMLPage.escape(tip))\"/>"
            svg += "<text x=\"\(x + barWidth / 2)\" y=\"\(top + chartHeight - h - 4)\" text-anchor=\"middle\">\(b.count)</text>"
            svg += "<text x=\"\(x + barWidth / 2)\" y=\"\(top + chartHeight + 15)\" text-anchor=\"middle\" fill=\"#444\">\(b.hiNs.map { "< " + HTMLPage.shortDuration($0) } ?? "≥ " + HTMLPage.shortDuration(b.loNs))</text>\n"
        }
        svg += "<line x1=\"16\" y1=\"\(top + chartHeight)\" x2=\"\(width - 10)\" y2=\"\(top + chartHeight)\" stroke=\"#333\"/></svg>\n"
        return svg
    }

    /// - Parameter native: the run has C code running with the GIL released (real CPython).
    static func legend(native: Bool = false, other: Bool = false) -> String {
        var items = [("var(--run)", "running (GIL held)"), ("var(--gilwait)", "GIL wait"), ("var(--lockwait)", "lock wait"), ("var(--io)", "I/O")]
        if native { items.append(("var(--native)", "running C (GIL released)")) }
        if other { items.append(("var(--other)", "other (no GIL, no wait)")) }
        return items.map { "<span class=\"swatch\" style=\"background:\($0.0)\"></span>\($0.1)" }.joined()
    }

    /// `{"id": "outer (f:1) › … › inner (f:9)"}` for the stacks the timeline uses, as JSON safe inside `<script>`.
    static func stackTable(_ ids: Set<Int32>, _ names: StackNames) -> String {
        let entries = ids.filter { $0 != 0 }.sorted().compactMap { id -> String? in
            let frames = names.frames(id)
            guard !frames.isEmpty else { return nil }
            return JSONText.quoted(String(id)) + ":" + JSONText.quoted(frames.reversed().map(\.label).joined(separator: "\n  called from "))
        }
        // `</` would end the <script> element early: JSON allows `<\/` for it.
        var json = ""
        for character in "{" + entries.joined(separator: ",") + "}" {
            if character == "/", json.last == "<" { json += "\\" }
            json.append(character)
        }
        return json
    }
}

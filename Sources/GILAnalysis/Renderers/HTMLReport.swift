/// One self-contained HTML page (inline CSS and SVG; nothing loaded from the network) holding the run's
/// summary, contention and convoy tables beside its timeline.
package enum HTMLReport {
    package struct Section: Sendable {
        package var heading: String
        package var preformatted: String

        package init(heading: String, preformatted: String) {
            self.heading = heading
            self.preformatted = preformatted
        }
    }

    package static func render(title: String, notes: [String], timelineSVG: String, sections: [Section]) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(TimelineSVG.escape(title))</title>
            <style>
            body { font-family: sans-serif; margin: 24px; color: #222; }
            h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 28px; }
            pre { background: #f7f7f7; padding: 10px; overflow-x: auto; font-size: 12px; }
            .note { color: #a33; }
            .timeline { overflow-x: auto; border: 1px solid #ddd; }
            </style></head><body>
            <h1>\(TimelineSVG.escape(title))</h1>

            """
        for note in notes { html += "<p class=\"note\">\(TimelineSVG.escape(note))</p>\n" }
        html += "<h2>Timeline</h2>\n<div class=\"timeline\">\n\(timelineSVG)</div>\n"
        for section in sections {
            html += "<h2>\(TimelineSVG.escape(section.heading))</h2>\n<pre>\(TimelineSVG.escape(section.preformatted))</pre>\n"
        }
        html += "<p>Made by gilstat from the recorded run; every figure is reproducible with the files in Queries/.</p>\n"
        html += "</body></html>\n"
        return html
    }
}

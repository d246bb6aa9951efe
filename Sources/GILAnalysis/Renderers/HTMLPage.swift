/// The parts of the self-contained report page that do not depend on the run: CSS, the script (sortable tables,
/// tooltips), escaping, and `Report` sections rendered as HTML tables (numbers right-aligned in human units,
/// each numeric cell carrying its raw value for sorting). Nothing is fetched from the network.
package enum HTMLPage {
    package static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A `Report`'s sections as sortable tables (records as two-column tables); nested fields are left out.
    package static func tables(_ report: Report, skip: Set<String> = []) -> String {
        var html = ""
        for section in report.sections where !skip.contains(section.key) {
            html += "<h3>\(escape(section.title))</h3>\n"
            switch section.body {
            case .record(let record):
                html += "<table class=\"kv\"><tbody>\n"
                for field in record.fields where !field.value.isNested {
                    html += "<tr>\(heading(field.key, field.value))\(cell(field.value))</tr>\n"
                }
                html += "</tbody></table>\n"
            case .table(let rows):
                html += section.transposed ? transposed(rows) : table(rows)
            }
        }
        return html
    }

    /// Wide records (one column per object, one row per figure), as the table format draws them.
    static func transposed(_ rows: [Record]) -> String {
        guard let first = rows.first else { return "<p class=\"empty\">(none)</p>\n" }
        var html = "<div class=\"wide\"><table class=\"kv\"><tbody>\n"
        for field in first.fields where !field.value.isNested {
            html += "<tr>" + heading(field.key, field.value)
            for row in rows { html += cell(row[field.key] ?? .text(nil)) }
            html += "</tr>\n"
        }
        return html + "</tbody></table></div>\n"
    }

    /// A short label for a round duration (axis ticks, histogram buckets): `5 ms`, `100 µs`, `1.5 s`.
    package static func shortDuration(_ ns: Int64) -> String {
        let units: [(Int64, String)] = [(1_000_000_000, "s"), (1_000_000, "ms"), (1_000, "µs")]
        for (size, unit) in units where abs(ns) >= size {
            let value = Double(ns) / Double(size)
            let text = value == value.rounded() ? String(Int64(value)) : Humanize.format(value, decimals: abs(value) < 10 ? 2 : 1)
            return text + " " + unit
        }
        return "\(ns) ns"
    }

    /// Rows as one sortable table (click a header to sort; numbers sort by value, not by their text).
    package static func table(_ rows: [Record], limit: Int? = nil) -> String {
        guard let first = rows.first else { return "<p class=\"empty\">(none)</p>\n" }
        let keys = first.fields.filter { !$0.value.isNested }.map(\.key)
        var html = "<div class=\"wide\"><table class=\"sortable\"><thead><tr>"
        for (key, value) in first.fields where !value.isNested {
            html += heading(key, value, class: isNumeric(value) ? "num" : "text")
        }
        html += "</tr></thead><tbody>\n"
        for row in rows.prefix(limit ?? rows.count) {
            html += "<tr>"
            for key in keys { html += cell(row[key] ?? .text(nil)) }
            html += "</tr>\n"
        }
        html += "</tbody></table></div>\n"
        if let limit, rows.count > limit { html += "<p class=\"more\">… \(rows.count - limit) more rows (gilstat --format json shows all)</p>\n" }
        return html
    }

    /// A column's heading in words (`wait_total_ns` → "wait total": its cells show units), the column's name
    /// in the JSON and the queries as the tooltip.
    static func heading(_ key: String, _ value: Value, class kind: String? = nil) -> String {
        var words = key
        if case .duration = value, words.hasSuffix("_ns") { words.removeLast(3) }
        words = String(words.map { $0 == "_" ? " " : $0 })
        let attribute = kind.map { " class=\"\($0)\"" } ?? ""
        return "<th\(attribute) title=\"\(escape(key))\">\(escape(words))</th>"
    }

    static func isNumeric(_ value: Value) -> Bool {
        switch value {
        case .int, .duration, .real, .fraction: true
        case .text, .records: false
        }
    }

    /// One `<td>`: human text, the raw value in `data-v` for sorting.
    static func cell(_ value: Value) -> String {
        let text = escape(Humanize.cell(value))
        switch value {
        case .int(let x), .duration(let x):
            return "<td class=\"num\" data-v=\"\(x.map(String.init) ?? "")\">\(text)</td>"
        case .real(let x), .fraction(let x):
            return "<td class=\"num\" data-v=\"\(x.map { $0.isFinite ? "\($0)" : "" } ?? "")\">\(text)</td>"
        case .text, .records:
            return "<td>\(text)</td>"
        }
    }

    /// The page's style: readable tables, state colours shared with the SVG timeline.
    package static let css = """
        :root { --run: #2ca02c; --gilwait: #d62728; --lockwait: #ff7f0e; --io: #1f77b4; --native: #98df8a; --other: #d9d9d9; }
        * { box-sizing: border-box; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1d1d1f; background: #fafafa; }
        header { background: #20232a; color: #f5f5f5; padding: 18px 28px; }
        header h1 { margin: 0 0 4px; font-size: 20px; font-weight: 600; }
        header .meta { color: #b8bcc4; font-size: 13px; }
        nav { position: sticky; top: 0; z-index: 5; background: #fff; border-bottom: 1px solid #e3e3e3; padding: 8px 28px; }
        nav a { margin-right: 18px; color: #0b63c4; text-decoration: none; font-weight: 500; }
        main { padding: 8px 28px 40px; max-width: 1500px; }
        section { background: #fff; border: 1px solid #e6e6e6; border-radius: 8px; padding: 14px 20px 18px; margin: 18px 0; }
        h2 { font-size: 17px; margin: 2px 0 10px; }
        h3 { font-size: 14px; margin: 16px 0 6px; color: #444; }
        p.note { color: #a33; margin: 6px 0; }
        p.hint, p.more, p.empty { color: #666; font-size: 12.5px; margin: 4px 0; }
        .cards { display: flex; flex-wrap: wrap; gap: 12px; }
        .card { border: 1px solid #e3e3e3; border-radius: 8px; padding: 10px 14px; min-width: 150px; background: #fcfcfc; }
        .card .v { font-size: 20px; font-weight: 600; font-variant-numeric: tabular-nums; }
        .card .k { color: #666; font-size: 12px; }
        table { border-collapse: collapse; font-size: 13px; margin: 4px 0 8px; }
        th, td { padding: 4px 10px; border-bottom: 1px solid #eee; vertical-align: top; }
        th { text-align: left; background: #f4f5f7; font-weight: 600; white-space: nowrap; }
        table.sortable th { cursor: pointer; user-select: none; }
        table.sortable th.sorted-asc::after { content: " ▲"; font-size: 10px; }
        table.sortable th.sorted-desc::after { content: " ▼"; font-size: 10px; }
        th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        table.kv th { background: none; color: #555; font-weight: 500; }
        code, .src { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: 12.5px; }
        .src { background: #f6f8fa; border-radius: 4px; padding: 1px 5px; white-space: pre; }
        .site { font-weight: 600; }
        .behind td { color: #444; }
        .behind td.site { font-weight: 500; padding-left: 28px; }
        .bar { display: flex; height: 16px; width: 100%; min-width: 300px; border-radius: 3px; overflow: hidden; background: var(--other); }
        .bar span { display: block; height: 100%; }
        .swatch { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin: 0 4px 0 12px; vertical-align: -1px; }
        .timeline, .wide { overflow-x: auto; max-width: 100%; }
        td.zero { color: #aaa; }
        .timeline svg rect.s:hover, .timeline svg rect.c:hover { stroke: #000; stroke-width: 1; }
        #tip { position: fixed; pointer-events: none; z-index: 10; display: none; max-width: 560px; background: #20232a; color: #f1f1f1;
               padding: 7px 10px; border-radius: 6px; font-size: 12.5px; line-height: 1.4; box-shadow: 0 4px 14px rgba(0,0,0,.25); }
        #tip b { color: #fff; }
        #tip .stack { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 11.5px; color: #cfe3ff; white-space: pre-wrap; }
        footer { color: #777; font-size: 12px; padding: 0 28px 30px; }
        """

    /// Sortable tables and the tooltip of every element carrying `data-tip` (or timeline slices, whose stacks
    /// are looked up in the page's embedded stack table).
    package static let script = """
        (function () {
          "use strict";
          var stacks = {};
          var stackData = document.getElementById("stacks");
          if (stackData) { stacks = JSON.parse(stackData.textContent); }
          function fmt(ns) {
            var a = Math.abs(ns);
            if (a < 1e3) return ns + " ns";
            if (a < 1e6) return (ns / 1e3).toFixed(a < 1e4 ? 2 : 1) + " µs";
            if (a < 1e9) return (ns / 1e6).toFixed(a < 1e7 ? 2 : 1) + " ms";
            return (ns / 1e9).toFixed(3) + " s";
          }
          var tip = document.getElementById("tip");
          function show(html, ev) {
            tip.innerHTML = html;
            tip.style.display = "block";
            var x = ev.clientX + 14, y = ev.clientY + 14;
            var w = tip.offsetWidth, h = tip.offsetHeight;
            if (x + w > window.innerWidth - 8) x = ev.clientX - w - 14;
            if (y + h > window.innerHeight - 8) y = ev.clientY - h - 14;
            tip.style.left = Math.max(4, x) + "px";
            tip.style.top = Math.max(4, y) + "px";
          }
          function esc(s) {
            return String(s).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\\"": "&quot;" }[c]; });
          }
          function describe(el) {
            var d = el.dataset;
            if (d.tip) return d.tip;
            if (d.state === undefined) return null;
            var html = "<b>" + esc(d.thread) + "</b> · " + esc(d.state) + " · " + fmt(Number(d.dur)) +
              "<br>from " + fmt(Number(d.ts)) + " to " + fmt(Number(d.ts) + Number(d.dur));
            if (d.what) html += "<br>" + esc(d.what);
            if (d.stack && stacks[d.stack]) html += "<div class=\\"stack\\">" + esc(stacks[d.stack]) + "</div>";
            else if (d.stack === "0") html += "<div class=\\"stack\\">(no Python frame)</div>";
            return html;
          }
          document.addEventListener("mousemove", function (ev) {
            var el = ev.target.closest ? ev.target.closest("[data-tip],[data-state]") : null;
            var html = el ? describe(el) : null;
            if (html) show(html, ev); else tip.style.display = "none";
          });
          document.addEventListener("mouseleave", function () { tip.style.display = "none"; });
          Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
            var heads = table.tHead ? table.tHead.rows[0].cells : [];
            Array.prototype.forEach.call(heads, function (th, column) {
              th.addEventListener("click", function () {
                var numeric = th.classList.contains("num");
                var descending = !th.classList.contains("sorted-desc");
                Array.prototype.forEach.call(heads, function (h) { h.classList.remove("sorted-asc", "sorted-desc"); });
                th.classList.add(descending ? "sorted-desc" : "sorted-asc");
                var body = table.tBodies[0];
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (a, b) {
                  var x = a.cells[column], y = b.cells[column];
                  var r;
                  if (numeric) {
                    var u = x.dataset.v === "" ? -Infinity : Number(x.dataset.v);
                    var v = y.dataset.v === "" ? -Infinity : Number(y.dataset.v);
                    r = u - v;
                  } else {
                    r = x.textContent.localeCompare(y.textContent);
                  }
                  return descending ? -r : r;
                });
                rows.forEach(function (row) { body.appendChild(row); });
              });
            });
          });
          document.body.dataset.ready = "yes";
        })();
        """
}

extension Report {
    /// Aligned text: records as `key  value` lines, tables with a header row; numbers right-aligned.
    package func renderTable() -> String {
        var out = title + "\n"
        for note in notes { out += "note: \(note)\n" }
        for section in sections {
            out += "\n" + section.title + "\n"
            switch section.body {
            case .record(let record):
                let width = record.fields.map(\.key.count).max() ?? 0
                for (key, value) in record.fields where !value.isNested {
                    out += "  " + pad(key, width, right: false) + "  "
                        + Humanize.cell(value) + "\n"
                }
            case .table(let all):
                // Nested records (JSON only) are not columns: a flat section shows them.
                let rows = all.map { Record($0.fields.filter { !$0.value.isNested }.map { ($0.key, $0.value) }) }
                guard let first = rows.first else {
                    out += "  (none)\n"
                    continue
                }
                let shown = section.tableLimit.map { Array(rows.prefix($0)) } ?? rows
                if section.transposed {
                    out += transposedTable(shown)
                    continue
                }
                let keys = first.fields.map(\.key)
                let cells = shown.map { row in row.fields.map { Humanize.cell($0.value) } }
                let rightAligned = first.fields.map { field -> Bool in
                    if case .text = field.value { return false }
                    return true
                }
                let widths = keys.indices.map { i in max(keys[i].count, cells.map { $0[i].count }.max() ?? 0) }
                func line(_ values: [String]) -> String {
                    let padded = values.indices.map { i in
                        pad(values[i], widths[i], right: rightAligned[i])
                    }
                    return "  " + padded.joined(separator: "  ").trailingSpacesTrimmed + "\n"
                }
                out += line(keys)
                for row in cells { out += line(row) }
                if shown.count < rows.count { out += "  … \(rows.count - shown.count) more (see --format json)\n" }
            }
        }
        return out
    }
}

/// Field names down the left, one column per record.
private func transposedTable(_ rows: [Record]) -> String {
    guard let first = rows.first else { return "" }
    let keys = first.fields.map(\.key)
    let keyWidth = keys.map(\.count).max() ?? 0
    let cells = rows.map { row in row.fields.map { Humanize.cell($0.value) } }
    let widths = cells.map { column in column.map(\.count).max() ?? 0 }
    var out = ""
    for (i, key) in keys.enumerated() {
        var line = "  " + pad(key, keyWidth, right: false)
        for (c, column) in cells.enumerated() { line += "  " + pad(column[i], widths[c], right: true) }
        out += line.trailingSpacesTrimmed + "\n"
    }
    return out
}

private func pad(_ s: String, _ width: Int, right: Bool) -> String {
    let fill = String(repeating: " ", count: max(0, width - s.count))
    return right ? fill + s : s + fill
}

extension String {
    fileprivate var trailingSpacesTrimmed: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

extension Report {
    /// RFC 4180 CSV, raw values. One block per section (a header row, then rows; a record is one row),
    /// blocks separated by an empty line; a single-section report is plain CSV.
    package func renderCSV() -> String {
        var blocks: [String] = []
        for section in sections {
            let rows: [Record]
            // Nested records have no CSV form: their flat section carries them.
            switch section.body {
            case .record(let r): rows = [r]
            case .table(let t): rows = t
            }
            guard let first = rows.first else { continue }
            let flat = first.fields.filter { !$0.value.isNested }
            var block = flat.map { CSV.field($0.key) }.joined(separator: ",") + "\n"
            for row in rows {
                block += row.fields.filter { !$0.value.isNested }.map { CSV.field(CSV.raw($0.value)) }.joined(separator: ",") + "\n"
            }
            blocks.append(block)
        }
        return blocks.joined(separator: "\n")
    }
}

package enum CSV {
    package static func raw(_ v: Value) -> String {
        switch v {
        case .int(let x), .duration(let x): x.map { String($0) } ?? ""
        case .real(let x), .fraction(let x): x.map { "\($0)" } ?? ""
        case .text(let x): x ?? ""
        case .records: ""
        }
    }

    package static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        var out = "\""
        for c in s { out += c == "\"" ? "\"\"" : String(c) }
        return out + "\""
    }
}

import GILTrace

extension Report {
    /// JSON with keys in a fixed order (record fields as declared, sections in order), raw values:
    /// durations as integer ns, fractions as numbers, nil as null. `notes` is always present.
    package func renderJSON() -> String {
        var out = "{\n  \"title\": \(JSON.string(title)),\n  \"notes\": ["
        out += notes.map(JSON.string).joined(separator: ", ") + "]"
        for section in sections where !section.flatOnly {
            out += ",\n  \(JSON.string(section.key)): "
            switch section.body {
            case .record(let record):
                out += JSON.object(record, indent: "  ")
            case .table(let rows):
                if rows.isEmpty {
                    out += "[]"
                } else {
                    out += "[\n" + rows.map { "    " + JSON.object($0, indent: "    ") }.joined(separator: ",\n") + "\n  ]"
                }
            }
        }
        return out + "\n}\n"
    }
}

package enum JSON {
    static func object(_ record: Record, indent: String) -> String {
        "{" + record.fields.map { "\(string($0.key)): \(value($0.value))" }.joined(separator: ", ") + "}"
    }

    package static func value(_ v: Value) -> String {
        switch v {
        case .int(let x), .duration(let x): x.map { String($0) } ?? "null"
        case .real(let x), .fraction(let x): x.map(number) ?? "null"
        case .text(let x): x.map(string) ?? "null"
        case .records(let rows): "[" + rows.map { object($0, indent: "") }.joined(separator: ", ") + "]"
        }
    }

    /// Shortest round-trip decimal; JSON has no NaN/Infinity, so those become null.
    package static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) + ".0" }
        return "\(d)"
    }

    package static func string(_ s: String) -> String { JSONText.quoted(s) }
}

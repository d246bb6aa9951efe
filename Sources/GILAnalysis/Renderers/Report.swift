/// What a `gilstat` command prints, before formatting: a title, one-line notes and named sections,
/// each one record or a table of records with ordered fields. One model, three renderers (table, JSON,
/// CSV), so every format shows the same figures — and the JSON keys are the column names of `Queries/`.
package struct Report: Sendable {
    package var title: String
    package var notes: [String]
    package var sections: [Section]

    package init(title: String, notes: [String] = [], sections: [Section] = []) {
        self.title = title
        self.notes = notes
        self.sections = sections
    }

    package struct Section: Sendable {
        /// JSON key (snake_case).
        package var key: String
        /// Heading in the table format.
        package var title: String
        package var body: Body
        /// Table format only: show at most this many rows (JSON and CSV show all).
        package var tableLimit: Int?
        /// Table format only: one row per field and one column per record, for wide records.
        package var transposed: Bool
        /// Left out of JSON: a flat view (for tables and CSV) of what another section nests (`Value.records`).
        package var flatOnly: Bool

        package init(
            key: String, title: String, body: Body, tableLimit: Int? = nil, transposed: Bool = false, flatOnly: Bool = false
        ) {
            self.key = key
            self.title = title
            self.body = body
            self.tableLimit = tableLimit
            self.transposed = transposed
            self.flatOnly = flatOnly
        }
    }

    package enum Body: Sendable {
        case record(Record)
        case table([Record])
    }
}

/// An ordered list of fields (key → value).
package struct Record: Sendable {
    package var fields: [(key: String, value: Value)]

    package init(_ fields: [(String, Value)] = []) {
        self.fields = fields.map { (key: $0.0, value: $0.1) }
    }

    package subscript(key: String) -> Value? {
        fields.first { $0.key == key }?.value
    }
}

/// A typed figure. JSON and CSV print raw values (ns as integers); the table humanises by type.
package enum Value: Sendable {
    case int(Int64?)
    /// Nanoseconds.
    case duration(Int64?)
    case real(Double?)
    /// A fraction of 1, shown as a percentage in tables.
    case fraction(Double?)
    case text(String?)
    /// Nested records: JSON only (an array of objects); tables and CSV leave the field out and show a flat
    /// section instead (`Report.Section.flatOnly`).
    case records([Record])

    package static func int(_ v: Int) -> Value { .int(Int64(v)) }
    package static func int(_ v: Int32) -> Value { .int(Int64(v)) }

    /// Nested records (JSON only).
    package var isNested: Bool {
        if case .records = self { return true }
        return false
    }

    package var isNull: Bool {
        switch self {
        case .int(let v), .duration(let v): v == nil
        case .real(let v), .fraction(let v): v == nil
        case .text(let v): v == nil
        case .records: false
        }
    }
}

/// Output formats of every `gilstat` command.
package enum OutputFormat: String, CaseIterable, Sendable {
    case table, json, csv
}

extension Report {
    package func render(_ format: OutputFormat) -> String {
        switch format {
        case .table: renderTable()
        case .json: renderJSON()
        case .csv: renderCSV()
        }
    }
}

/// One SQLite value with its storage class (https://sqlite.org/datatype3.html). Used for ad-hoc queries
/// (`gilstat query`) where the columns are not known in advance.
public enum SQLValue: Equatable, Sendable, CustomStringConvertible {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    public var description: String {
        switch self {
        case .null: "NULL"
        case .integer(let v): String(v)
        case .real(let v): String(v)
        case .text(let v): v
        case .blob(let v): "x'" + v.map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined() + "'"
        }
    }

    /// The integer value, when this is an integer (or a real with an integral value).
    public var int64: Int64? {
        switch self {
        case .integer(let v): v
        case .real(let v) where v.rounded() == v && abs(v) < 9.2e18: Int64(v)
        default: nil
        }
    }

    /// The numeric value of an integer or real.
    public var double: Double? {
        switch self {
        case .integer(let v): Double(v)
        case .real(let v): v
        default: nil
        }
    }

    public var string: String? {
        if case .text(let v) = self { return v }
        return nil
    }
}

/// Rows of an ad-hoc query: column names and values, in result order.
public struct QueryResult: Equatable, Sendable {
    public var columns: [String]
    public var rows: [[SQLValue]]

    public init(columns: [String], rows: [[SQLValue]]) {
        self.columns = columns
        self.rows = rows
    }
}

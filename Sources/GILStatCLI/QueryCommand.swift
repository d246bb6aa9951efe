import ArgumentParser
import GILAnalysis
import TraceStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `gilstat query NAME|FILE.sql [--param k=v]… [--run RUN]`: runs a file of `Queries/` (or any SQL file)
/// against the database, binding named parameters (`:run`, `:obj`, …).
struct QueryCommand: ReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "query", abstract: "Run a SQL file from Queries/ (or any .sql file) with bound parameters.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "A query name (Queries/NAME.sql) or a path to a .sql file.")
    var query: String

    @Option(name: .customLong("param"), help: "Bind :k to v (integer, real, null, or text). Repeatable.")
    var params: [String] = []

    @Option(name: .long, help: "Bind :run to this run (id or label).")
    var run: String?

    @Option(name: .customLong("queries-dir"), help: "Where to look for NAME.sql first.")
    var queriesDir: String?

    func output() throws -> String {
        let (name, sql) = try QueryFiles.load(query, queriesDir: queriesDir)
        let reader = try store.reader()
        var parameters: [String: SQLValue] = [:]
        for param in params {
            guard let eq = param.firstIndex(of: "="), eq != param.startIndex else {
                throw ValidationError("--param expects k=v, got '\(param)'")
            }
            var key = String(param[..<eq])
            if key.first == ":" || key.first == "$" || key.first == "@" { key.removeFirst() }
            parameters[key] = QueryFiles.value(String(param[param.index(after: eq)...]))
        }
        if let run { parameters["run"] = .integer(try reader.resolveRun(run).runID) }
        let result = try reader.query(sql, parameters: parameters)
        return store.render(Reports.query(name: name, columns: result.columns, rows: result.rows))
    }
}

/// Finding and reading the files of `Queries/`.
package enum QueryFiles {
    /// The directories searched for NAME.sql, in order: `--queries-dir`, ./Queries, then the package's
    /// own Queries/ next to the sources this binary was built from.
    package static func searchPath(_ explicit: String?) -> [String] {
        var dirs: [String] = []
        if let explicit { dirs.append(explicit) }
        dirs.append("Queries")
        dirs.append(packageQueriesDirectory)
        return dirs
    }

    /// `<package>/Queries`, from this file's path `<package>/Sources/GILStatCLI/QueryCommand.swift`.
    package static var packageQueriesDirectory: String {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/Queries"
    }

    /// (display name, SQL text) for a name or a path.
    package static func load(_ query: String, queriesDir: String?) throws -> (String, String) {
        if query.hasSuffix(".sql") || query.contains("/") {
            guard let text = read(query) else { throw AnalysisError("cannot read SQL file \(query)") }
            return (query, text)
        }
        for dir in searchPath(queriesDir) {
            if let text = read(dir + "/" + query + ".sql") { return (query, text) }
        }
        throw AnalysisError(
            "no query named '\(query)' in \(searchPath(queriesDir).joined(separator: ", ")); known: "
                + known(queriesDir).joined(separator: ", "))
    }

    /// The query names available in the first search directory that exists.
    package static func known(_ queriesDir: String?) -> [String] {
        for dir in searchPath(queriesDir) {
            guard let d = opendir(dir) else { continue }
            defer { closedir(d) }
            var names: [String] = []
            while let entry = readdir(d) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name.hasSuffix(".sql") { names.append(String(name.dropLast(4))) }
            }
            return names.sorted()
        }
        return []
    }

    /// `--param` values: integers and reals as numbers, `null` as NULL, anything else as text.
    package static func value(_ text: String) -> SQLValue {
        if text.lowercased() == "null" { return .null }
        if let i = Int64(text) { return .integer(i) }
        if let d = Double(text) { return .real(d) }
        return .text(text)
    }

    static func read(_ path: String) -> String? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n > 0 { bytes.append(contentsOf: buffer[0..<n]) }
            if n < buffer.count { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

import ArgumentParser
import Foundation
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

    @Option(name: .customLong("queries-dir"), help: "Where to look for NAME.sql first (then ./Queries, then the built-in queries).")
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

/// Finding and reading the files of `Queries/`: an explicit `--queries-dir` (edited copies), `./Queries`, then
/// the copies embedded in the binary at build time (`Plugins/EmbedFiles`), so a copied `gilstat` needs no
/// source tree.
package enum QueryFiles {
    /// The directories searched for NAME.sql before the embedded queries, in order.
    package static func searchPath(_ explicit: String?) -> [String] {
        var dirs: [String] = []
        if let explicit { dirs.append(explicit) }
        dirs.append("Queries")
        return dirs
    }

    /// `<package>/Queries`, from this file's path `<package>/Sources/GILStatCLI/QueryCommand.swift` (tests read
    /// the source files through it).
    package static var packageQueriesDirectory: String {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/Queries"
    }

    /// The SQL of the query built into this binary under `name`.
    package static func embedded(_ name: String) -> String? {
        EmbeddedFiles.all[name].flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) }
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
        if let text = embedded(query) { return (query, text) }
        throw AnalysisError("no query named '\(query)'; known: " + known(queriesDir).joined(separator: ", "))
    }

    /// The query names available: the built-in ones and those of the search directories.
    package static func known(_ queriesDir: String?) -> [String] {
        var names = Set(EmbeddedFiles.all.keys)
        for dir in searchPath(queriesDir) {
            guard let d = opendir(dir) else { continue }
            defer { closedir(d) }
            while let entry = readdir(d) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name.hasSuffix(".sql") { names.insert(String(name.dropLast(4))) }
            }
        }
        return names.sorted()
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

import Foundation
import Testing

@testable import GILStatCLI

/// Issue 14 item 6: the queries are inside the binary, so a copied `gilstat` answers `gilstat query NAME` from
/// any directory; `--queries-dir` still wins for edited copies.
@Suite(.serialized) struct EmbeddedQueryTests {
    @Test func everyQueryFileIsEmbeddedVerbatim() throws {
        let directory = QueryFiles.packageQueriesDirectory
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".sql") }
        #expect(files.count >= 15)
        for file in files {
            let name = String(file.dropLast(4))
            #expect(QueryFiles.embedded(name) == QueryFiles.read(directory + "/" + file), "\(name)")
        }
        #expect(QueryFiles.known(nil).contains("where") && QueryFiles.known(nil).contains("blocked_behind"))
    }

    @Test func queriesDirWinsOverTheEmbeddedCopy() throws {
        let dir = NSTemporaryDirectory() + "gilstat-queries-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "SELECT 42 AS answer;".write(toFile: dir + "/runs.sql", atomically: true, encoding: .utf8)
        #expect(try QueryFiles.load("runs", queriesDir: dir).1 == "SELECT 42 AS answer;")
        #expect(try QueryFiles.load("runs", queriesDir: nil).1 == QueryFiles.embedded("runs"))
    }

    /// The built binary, copied alone into an empty directory and run from there.
    static let built: URL = URL(fileURLWithPath: QueryFiles.packageQueriesDirectory)
        .deletingLastPathComponent().appendingPathComponent(".build/debug/gilstat")

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: built.path), "needs .build/debug/gilstat"))
    func aCopiedBinaryFindsItsQueries() throws {
        let dir = NSTemporaryDirectory() + "gilstat-copy-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let copy = dir + "/gilstat"
        try FileManager.default.copyItem(atPath: Self.built.path, toPath: copy)
        let db = try FixtureDatabase.path()
        for name in ["runs", "gil_summary", "where"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: copy)
            process.arguments = ["query", name, "--db", db, "--format", "csv"]
            process.currentDirectoryURL = URL(fileURLWithPath: dir)
            let out = Pipe()
            process.standardOutput = out
            process.standardError = Pipe()
            try process.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "gilstat query \(name)")
            if name == "runs" { #expect(text.hasPrefix("run_id,label,")) }
        }
    }
}

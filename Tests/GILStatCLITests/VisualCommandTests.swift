import Foundation
import Testing
import TraceStore
@testable import GILStatCLI

/// `timeline`, `report` and `export` end to end on every fixture run (incl. an interrupted one): each writes
/// its file, the SVG/HTML are complete documents, the Perfetto JSON parses.
@Suite struct VisualCommandTests {
    func gilstat(_ arguments: [String]) throws {
        var command = try GilstatCommand.parseAsRoot(arguments)
        try command.run()
    }

    @Test func everyFixtureRunDrawsReportsAndExports() throws {
        let db = try FixtureDatabase.path()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("visual-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for record in try TraceReader(path: db).runs() {
            let id = String(record.runID)
            let svg = directory.appendingPathComponent("\(id).svg").path
            let html = directory.appendingPathComponent("\(id).html").path
            let json = directory.appendingPathComponent("\(id).json").path
            try gilstat(["timeline", "--db", db, id, "-o", svg])
            try gilstat(["report", "--db", db, id, "-o", html])
            try gilstat(["export", "--db", db, id, "--format", "perfetto", "-o", json])
            let svgText = try String(contentsOfFile: svg, encoding: .utf8)
            #expect(svgText.hasPrefix("<svg") && svgText.hasSuffix("</svg>\n"))
            let htmlText = try String(contentsOfFile: html, encoding: .utf8)
            #expect(htmlText.contains("<svg") && htmlText.hasSuffix("</html>\n"))
            // Nothing loaded: the script and styles are inline.
            #expect(!htmlText.contains("<link") && !htmlText.contains("src=") && !htmlText.contains("url(") && !htmlText.contains("@import"))
            let trace = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
            #expect((trace?["traceEvents"] as? [Any])?.isEmpty == false)
        }
    }

    @Test func unknownRunAndUnwritablePathFail() throws {
        let db = try FixtureDatabase.path()
        #expect(throws: (any Error).self) { try gilstat(["timeline", "--db", db, "nope", "-o", "/tmp/x.svg"]) }
        #expect(throws: (any Error).self) {
            try gilstat(["export", "--db", db, "-o", "/nonexistent-dir/x.json"])
        }
    }
}

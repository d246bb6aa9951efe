import Foundation
import GILAnalysis
import GILRecorder
import GILRuntime
import Synchronization
import Testing
import TraceStore

@testable import GILStatCLI

/// Issue #13: every gilstat command, every Queries/*.sql, the timeline, the report and the Perfetto export
/// work unchanged on runs of the real CPython (`gilrec run --python python3`), and gilstat's figures equal
/// the queries' on them. Skipped where no python3 is installed.
@Suite(.serialized, .enabled(if: CPythonRecordedDatabase.python != nil, "needs python3"))
struct CPythonRecordingTests {
    let checks = CrossCheckTests()

    @Test func figuresMatchQueries() throws {
        let recorded = try CPythonRecordedDatabase.get()
        let db = recorded.path
        let runs = try TraceReader(path: db).runs()
        for run in runs {
            #expect(run.status == .ok, "run \(run.runID) \(run.info.label): \(run.notes ?? "")")
            #expect(run.info.isCPython)
            #expect(run.eventCount > 0)
            try checks.checkSummary(run: run.runID, db: db)
            try checks.checkContention(run: run.runID, db: db)
            try checks.checkConvoy(run: run.runID, db: db)
            try checks.checkWhere(run: run.runID, db: db)
            let phases = try checks.json(["speedup", "--phases", String(run.runID)], db: db)
            checks.expectSameTable(
                phases["phases"], try checks.query("phases", db: db, ["run": .integer(run.runID)]), "phases \(run.runID)")
        }
        checks.expectSameTable(try checks.json(["runs"], db: db)["runs"], try checks.query("runs", db: db, [:]), "runs")
        let serial = try #require(recorded.runIDs["cpu-serial"]), threaded = try #require(recorded.runIDs["cpu-threaded"])
        checks.expectSameTable(
            try checks.json(["speedup", String(serial), String(threaded)], db: db)["speedup"],
            try checks.query("speedup", db: db, ["serial": .integer(serial), "threaded": .integer(threaded)]), "speedup")
        let compare = try GilstatCommand.output(["compare", String(serial), String(threaded), "--db", db])
        #expect(compare.contains("cpython"))
    }

    /// What the lessons need: the convoy had its 100 sleeps, the primitives their named objects.
    @Test func lessonsShowOnTheRealInterpreter() throws {
        let recorded = try CPythonRecordedDatabase.get()
        let convoy = try checks.json(["convoy", String(try #require(recorded.runIDs["convoy"]))], db: recorded.path)
        #expect((convoy["convoy"]?["io_count"]?.number ?? 0) >= 100)
        #expect((convoy["convoy"]?["episodes"]?.number ?? 0) >= 1)
        let primitives = try checks.json(["contention", String(try #require(recorded.runIDs["primitives"]))], db: recorded.path)
        let names = Set((primitives["objects"]?.array ?? []).compactMap { object -> String? in
            if case .string(let name)? = object["name"] { return name }
            return nil
        })
        #expect(names.isSuperset(of: ["start_gun", "pool", "barrier"]), "\(names)")
        let fetch = try checks.json(["summary", String(try #require(recorded.runIDs["io-threaded"]))], db: recorded.path)
        #expect(fetch["threads"]?.array.count == 9)
    }

    /// Issue 14 on the real interpreter (stacks read from CPython's frames): the convoy's sleep line waits for
    /// the GIL behind the spinning loop, the `with lock:` line waits behind the critical section, and no site
    /// or frame is the engine's own wrapper code (its startup sitecustomize.py).
    @Test func whereNamesTheLinesOnTheRealInterpreter() throws {
        let recorded = try CPythonRecordedDatabase.get()
        let db = recorded.path
        let convoy = try checks.json(["where", String(try #require(recorded.runIDs["convoy"])), "--sort", "gil_wait"], db: db)
        #expect(convoy["notes"]?.array.isEmpty == true)
        let top = try #require(convoy["sites"]?.array.first)
        #expect(top["function"] == .string("io_loop") && top["line"]?.number == 21, "\(top)")
        let behind = try #require(top["behind"]?.array.first)
        #expect(behind["function"] == .string("spin") && behind["on"] == .string("GIL"), "\(behind)")
        #expect(behind["line"].flatMap(\.number).map { [14, 15].contains($0) } == true)
        #expect((behind["share"]?.number ?? 0) > 0.5)
        // One row per line, though CPython's side interns a location per instruction.
        let lines = (convoy["sites"]?.array ?? []).map { "\($0["file"] ?? .null):\($0["line"] ?? .null):\($0["function"] ?? .null)" }
        #expect(Set(lines).count == lines.count)

        let locks = try #require(recorded.runIDs["locks"])
        let contended = try checks.json(["where", String(locks), "--sort", "lock_wait"], db: db)
        let waiter = try #require(contended["sites"]?.array.first)
        #expect(waiter["function"] == .string("worker") && waiter["line"]?.number == 11, "\(waiter)")
        let holder = try #require(waiter["behind"]?.array.first { $0["on"] == .string("lock") })
        #expect(holder["function"] == .string("worker") && holder["line"]?.number == 12, "\(holder)")
        #expect((holder["share"]?.number ?? 0) > 0.8)
        for run in recorded.runIDs.values {
            let stacks = try checks.json(["where", String(run), "--stacks"], db: db)
            for site in stacks["sites"]?.array ?? [] {
                for frame in site["stack"]?.array ?? [] {
                    guard case .string(let file)? = frame["file"] else { continue }
                    #expect(!file.hasSuffix("sitecustomize.py"), "run \(run): \(frame)")
                }
            }
        }
    }

    /// The model against the real interpreter, two repeats a side: every figure gets a median, a range per side
    /// and a verdict; the note names the figures whose ranges do not overlap.
    @Test func compareAcrossEnginesWithRepeats() throws {
        let path = FixtureDatabase.temporaryPath("cpython-compare")
        let source = """
            import threading
            def spin():
                n = 0
                for i in range(200000):
                    n += i
            threads = [threading.Thread(target=spin) for _ in range(2)]
            for t in threads: t.start()
            for t in threads: t.join()
            """
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("compare-\(UUID().uuidString).py")
        try source.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        for label in ["model", "model", "real", "real"] {
            var request = Recording.Request(
                programPath: file.path, source: source, label: label, databasePath: path, output: .capture(OutputCapture()))
            if label == "real" { request.python = CPythonRecordedDatabase.python }
            _ = try Recording.record(request)
        }
        let json = try checks.json(["compare", "--group", "model", "real"], db: path)
        let metrics = json["metrics"]?.array ?? []
        #expect(metrics.count > 10)
        for metric in metrics {
            guard case .string(let verdict)? = metric["noise"] else {
                if case .number? = metric["a"] { Issue.record("no verdict for \(metric)") }
                continue
            }
            #expect(verdict == "differs" || verdict == "within noise")
        }
        let text = try GilstatCommand.output(["compare", "--group", "model", "real", "--db", path])
        #expect(text.contains("2 runs") && text.contains("cpython 3."))
        #expect(text.contains("differ beyond the repeats' spread") || text.contains("no figure differs"))
    }

    /// hashlib releases the GIL around large buffers: under the real interpreter that is native time, in the
    /// summary's thread table, the query, the report's thread table and the Perfetto export.
    @Test func nativeTimeIsShownEverywhere() throws {
        let recorded = try CPythonRecordedDatabase.get()
        let run = String(try #require(recorded.runIDs["hashing"]))
        let threads = try checks.json(["summary", run], db: recorded.path)["threads"]?.array ?? []
        let native = threads.compactMap { $0["native_ns"]?.number }.reduce(0, +)
        #expect(native > 0, "\(threads)")
        let sites = try checks.json(["where", run, "--sort", "native"], db: recorded.path)["sites"]?.array ?? []
        #expect(sites.first?["function"] == .string("hash_blocks") && (sites.first?["native_ns"]?.number ?? 0) > 0,
                "\(sites.prefix(2))")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cpython-native-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("report.html").path, trace = directory.appendingPathComponent("trace.json").path
        var command = try GilstatCommand.parseAsRoot(["report", "--db", recorded.path, run, "-o", page])
        try command.run()
        command = try GilstatCommand.parseAsRoot(["export", "--db", recorded.path, run, "--format", "perfetto", "-o", trace])
        try command.run()
        #expect(try String(contentsOfFile: page, encoding: .utf8).contains("C, GIL released"))
        #expect(try String(contentsOfFile: trace, encoding: .utf8).contains(#""cat":"native""#))
    }

    /// Every query file runs on every CPython run, and the pictures and export are complete documents.
    @Test func everyQueryAndPictureWorks() throws {
        let recorded = try CPythonRecordedDatabase.get()
        let db = recorded.path
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cpython-visual-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let queries = try FileManager.default.contentsOfDirectory(atPath: QueryFiles.packageQueriesDirectory)
            .filter { $0.hasSuffix(".sql") }.map { String($0.dropLast(4)) }
        for run in try TraceReader(path: db).runs() {
            let id = String(run.runID)
            for name in queries {
                let parameters = ["--param", "run=\(id)", "--param", "obj=0", "--param", "serial=\(id)", "--param", "threaded=\(id)",
                                  "--param", "sweep=0"]
                _ = try GilstatCommand.output(["query", name, "--db", db] + parameters)
            }
            var command = try GilstatCommand.parseAsRoot(["timeline", "--db", db, id, "-o", directory.appendingPathComponent("\(id).svg").path])
            try command.run()
            command = try GilstatCommand.parseAsRoot(["report", "--db", db, id, "-o", directory.appendingPathComponent("\(id).html").path])
            try command.run()
            command = try GilstatCommand.parseAsRoot(
                ["export", "--db", db, id, "--format", "perfetto", "-o", directory.appendingPathComponent("\(id).json").path])
            try command.run()
            let html = try String(contentsOfFile: directory.appendingPathComponent("\(id).html").path, encoding: .utf8)
            #expect(html.contains("<svg") && html.hasSuffix("</html>\n"))
            let trace = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("\(id).json"))) as? [String: Any]
            #expect((trace?["traceEvents"] as? [Any])?.isEmpty == false)
        }
    }
}

/// The examples recorded once under the real python3, shared by the tests above.
enum CPythonRecordedDatabase {
    static let python: String? = {
        let found = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/python3") } ?? false
        return found ? "python3" : nil
    }()

    struct Recorded: Sendable {
        var path: String
        var runIDs: [String: Int64]
    }

    private static let made = Mutex<Result<Recorded, any Error>?>(nil)

    static func get() throws -> Recorded {
        try made.withLock { made in
            if let made { return try made.get() }
            let result = Result { try record(at: FixtureDatabase.temporaryPath("cpython-recorded")) }
            made = result
            return try result.get()
        }
    }

    static func record(at path: String) throws -> Recorded {
        var ids: [String: Int64] = [:]
        func record(_ name: String, example: String? = nil, source: String? = nil, arguments: [String] = []) throws {
            let loaded = try example.map { try ExampleLibrary.load($0) }
            let capture = OutputCapture()
            var request = Recording.Request(
                programPath: (loaded?.name ?? name) + ".py", source: loaded?.source ?? source ?? "", arguments: arguments, label: name,
                databasePath: path, output: .capture(capture))
            request.python = python
            let result = try Recording.record(request)
            guard result.outcome.exitCode == 0 else {
                throw AnalysisError("\(name) failed (\(result.outcome.exitCode)): \(capture.standardError)")
            }
            ids[name] = result.runID
        }
        try record("convoy", example: "convoy")
        try record("cpu-serial", example: "cpu_bound", arguments: ["serial"])
        try record("cpu-threaded", example: "cpu_bound", arguments: ["threaded"])
        try record("primitives", example: "primitives")
        try record("io-threaded", example: "io_fetch", arguments: ["threaded"])
        try record("locks", source: WhereTests.Recorded.lockProgram)
        try record("hashing", example: "hashing")
        return Recorded(path: path, runIDs: ids)
    }
}

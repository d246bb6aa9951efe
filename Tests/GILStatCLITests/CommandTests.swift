import ArgumentParser
import GILAnalysis
import Testing
import TraceStore

@testable import GILStatCLI

/// The commands as a user meets them: parsing, formats, notes and one-line errors.
@Suite(.serialized) struct CommandTests {
    func run(_ args: [String]) throws -> String {
        try GilstatCommand.output(args + ["--db", try FixtureDatabase.path()])
    }

    /// What ArgumentParser would print for an error thrown by `output()`.
    func message(_ args: [String], db: String? = nil) -> String {
        do {
            _ = try db.map { try GilstatCommand.output(args + ["--db", $0]) } ?? run(args)
            return "(no error)"
        } catch {
            return GilstatCommand.message(for: error)
        }
    }

    @Test func runsListsEveryRun() throws {
        let text = try run(["runs"])
        #expect(text.hasPrefix("5 runs"))
        for label in ["cpu", "convoy", "locks", "sleepy", "interrupted"] { #expect(text.contains(label)) }
        let csv = try run(["runs", "--format", "csv"])
        #expect(csv.split(separator: "\n").count == 6)
        #expect(csv.hasPrefix("run_id,label,program,engine,policy,switch_interval_ns,status"))
    }

    @Test func summaryTableIsHumanised() throws {
        let text = try run(["summary", "2"])
        #expect(text.contains("wall_ns "))
        #expect(text.contains("25.30 ms"))
        #expect(text.contains("Thread-1"))
        #expect(!text.contains("note:"))
    }

    @Test func latestRunAndLabelsResolve() throws {
        #expect(try run(["summary"]).contains("run 5"))
        #expect(try run(["summary", "locks"]).contains("run 4"))
        #expect(try run(["summary", "cpu"]).contains("run 2"))  // the latest run with that label
    }

    @Test func unfinishedRunsAreAnalysedWithANote() throws {
        let text = try run(["summary", "5"])
        #expect(text.contains("note: run 5 was interrupted"))
        let json = try JSONValue.parse(try run(["summary", "5", "--format", "json"]))
        #expect(json["summary"]?["wall_ns"]?.number == 11_000)  // end of the last slice
    }

    @Test func aRunWhoseRecorderDiedIsIncompleteAndAnalysed() throws {
        let path = try FixtureDatabase.build(at: FixtureDatabase.temporaryPath("dead"), files: ["interrupted.sql"])
        let db = try Database(path: path, mode: .readWrite)
        // A pid that cannot be alive (above Linux's pid_max limit of 2^22).
        try db.execute("UPDATE runs SET status = 'running', pid = 2147483000")
        db.close()
        let text = try GilstatCommand.output(["convoy", "--db", path])
        #expect(text.contains("note: run 5 is incomplete"))
        #expect(try GilstatCommand.output(["runs", "--db", path]).contains("incomplete"))
    }

    @Test func convoyWithoutIOSaysSo() throws {
        #expect(try run(["convoy", "2"]).contains("did no blocking I/O"))
        #expect(try run(["convoy", "3"]).contains("cpu"))
    }

    @Test func compareShowsDeltasAndRatios() throws {
        let json = try JSONValue.parse(try run(["compare", "1", "2", "--format", "json"]))
        let metrics = json["metrics"]?.array ?? []
        let wall = try #require(metrics.first { $0["metric"].map { if case .string("wall_ns") = $0 { true } else { false } } ?? false })
        #expect(wall["a"]?.number == 24_700_000)
        #expect(wall["b"]?.number == 25_300_000)
        #expect(wall["delta"]?.number == 600_000)
        #expect(wall["ratio"]?.number == 25_300_000.0 / 24_700_000.0)
    }

    @Test func speedupByLabelUsesTheSerialRunAsBaseline() throws {
        let json = try JSONValue.parse(try run(["speedup", "--label", "cpu", "--format", "json"]))
        let row = try #require(json["speedup"]?.array.first)
        #expect(row["serial_run"]?.number == 1)
        #expect(row["threaded_run"]?.number == 2)
        #expect(row["amdahl_bound"]?.number == 1)  // no I/O: everything needed the GIL
    }

    @Test func queryByNameBindsParametersAndRun() throws {
        let text = try run(["query", "convoy_episodes", "--run", "convoy", "--format", "csv"])
        #expect(text.hasPrefix("run_id,switch_interval_ns,io_count"))
        #expect(text.contains("\n3,5000000,4,651000,"))
        let byParam = try run(["query", "lock_contention", "--param", "run=4", "--param", ":obj=1", "--format", "csv"])
        #expect(byParam.split(separator: "\n").count == 2)
        #expect(byParam.contains("\n1,lock,lock,2,1,"))
        let file = QueryFiles.packageQueriesDirectory + "/runs.sql"
        #expect(try run(["query", file]).contains("5 rows"))
    }

    @Test func errorsAreOneClearLine() throws {
        #expect(message(["summary", "99"]).contains("99"))
        #expect(message(["summary", "no-such-label"]).contains("no-such-label"))
        #expect(message(["contention", "4", "--object", "nope"]).contains("no object 'nope'"))
        #expect(message(["query", "no_such_query"]).contains("no query named 'no_such_query'"))
        #expect(message(["speedup", "1"]).contains("at least two runs"))
        #expect(message(["speedup", "--label", "locks"]).contains("speedup needs two or more"))
        for m in [message(["summary", "99"]), message(["contention", "4", "--object", "nope"])] {
            #expect(!m.contains("\n"))
        }
        let missing = FixtureDatabase.temporaryPath("missing")
        let text: String
        do {
            text = try GilstatCommand.output(["runs", "--db", missing])
        } catch {
            text = GilstatCommand.message(for: error)
        }
        #expect(text.contains(missing))
    }

    @Test func emptyAndForeignDatabasesAreOneLineErrors() throws {
        let empty = try FixtureDatabase.build(at: FixtureDatabase.temporaryPath("empty"), files: [])
        for args in [["runs"], ["summary"], ["convoy"]] {
            let m = message(args, db: empty)
            #expect(m != "(no error)")
            #expect(!m.contains("\n"))
        }
        #expect(message(["runs"], db: empty).contains("no runs"))
        let foreign = try FixtureDatabase.foreign(at: FixtureDatabase.temporaryPath("foreign"))
        #expect(message(["summary"], db: foreign).contains(foreign))
    }

    @Test func parsingRejectsBadInput() {
        #expect(throws: (any Error).self) { try GilstatCommand.parseAsRoot(["summary", "--format", "xml"]) }
        #expect(throws: (any Error).self) { try GilstatCommand.parseAsRoot(["speedup", "1", "2", "--phases", "3"]) }
        #expect(throws: (any Error).self) { try GilstatCommand.parseAsRoot(["compare", "1"]) }
    }
}

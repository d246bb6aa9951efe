import GILAnalysis
import GILRecorder
import GILRuntime
import Synchronization
#if canImport(Glibc)
import Glibc
#endif
import Testing
import TraceStore

@testable import GILStatCLI

/// DESIGN.md §5: every number `gilstat` prints must be reproducible by a file in `Queries/`. For each
/// fixture run, and for each run of real recordings of the examples made by the test itself
/// (`RecordedDatabase`, issue #4), the JSON of `gilstat summary/contention/convoy/speedup` is compared field
/// by field with what the matching query returns through the same database.
@Suite(.serialized) struct CrossCheckTests {
    static let runs: [Int64] = [1, 2, 3, 4, 5]

    func json(_ args: [String], db: String) throws -> JSONValue {
        try JSONValue.parse(try GilstatCommand.output(args + ["--db", db, "--format", "json"]))
    }

    func query(_ name: String, db: String, _ parameters: [String: SQLValue]) throws -> QueryResult {
        let (_, sql) = try QueryFiles.load(name, queriesDir: QueryFiles.packageQueriesDirectory)
        return try TraceReader(path: db).query(sql, parameters: parameters)
    }

    /// Same keys in the same order, equal values (reals to 1e-9 relative: sums may associate differently).
    func expectSame(
        _ object: JSONValue, _ columns: [String], _ row: [SQLValue], _ context: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(object.fields.map(\.0) == columns, "\(context): keys", sourceLocation: sourceLocation)
        for (column, value) in zip(columns, row) {
            let mine = object[column] ?? .null
            let same: Bool
            switch (mine, value) {
            case (.null, .null): same = true
            case (.number(let a), .integer(let b)): same = a == Double(b)
            case (.number(let a), .real(let b)): same = a == b || abs(a - b) <= 1e-9 * max(abs(a), abs(b))
            case (.string(let a), .text(let b)): same = a == b
            default: same = false
            }
            #expect(same, "\(context).\(column): gilstat \(mine) vs SQL \(value)", sourceLocation: sourceLocation)
        }
    }

    func expectSameTable(
        _ array: JSONValue?, _ result: QueryResult, _ context: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let rows = array?.array ?? []
        #expect(rows.count == result.rows.count, "\(context): row count", sourceLocation: sourceLocation)
        for (i, (object, row)) in zip(rows, result.rows).enumerated() {
            expectSame(object, result.columns, row, "\(context)[\(i)]", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: runs) func summaryMatchesQueries(run: Int64) throws {
        try checkSummary(run: run, db: try FixtureDatabase.path())
    }

    /// The same checks on every run of a real recording: `GILSTAT_CROSSCHECK_DB=gil.db swift test --filter
    /// CrossCheckTests` (e.g. after `gilrec demo`).
    @Test(.enabled(if: getenv("GILSTAT_CROSSCHECK_DB") != nil, "set GILSTAT_CROSSCHECK_DB to a gilrec database"))
    func externalDatabaseMatchesQueries() throws {
        let db = String(cString: getenv("GILSTAT_CROSSCHECK_DB")!)
        for run in try TraceReader(path: db).runs().map(\.runID) {
            try checkSummary(run: run, db: db)
            try checkContention(run: run, db: db)
            try checkConvoy(run: run, db: db)
        }
    }

    /// Real recordings (convoy, cpu_bound serial/threaded, primitives, race with every check point, I/O
    /// fetches, a sweep): every gilstat figure against its query, run by run.
    @Test func realRecordingsMatchQueries() throws {
        let recorded = try RecordedDatabase.get()
        let db = recorded.path
        let runs = try TraceReader(path: db).runs()
        try #require(runs.count == recorded.runIDs.count)
        for run in runs {
            #expect(run.status == .ok, "run \(run.runID) \(run.info.label)")
            #expect(run.eventCount > 0)
            try checkSummary(run: run.runID, db: db)
            try checkContention(run: run.runID, db: db)
            try checkConvoy(run: run.runID, db: db)
            try checkWhere(run: run.runID, db: db)
            let phases = try json(["speedup", "--phases", String(run.runID)], db: db)
            expectSameTable(
                phases["phases"], try query("phases", db: db, ["run": .integer(run.runID)]), "phases \(run.runID)")
            // One object at a time: the GIL and the first user object (lock_contention.sql is the slow one).
            for case .integer(let obj)? in try query("lock_contention", db: db, ["run": .integer(run.runID)]).rows.prefix(2).map(\.first) {
                let out = try json(["contention", String(run.runID), "--object", String(obj)], db: db)
                let p: [String: SQLValue] = ["run": .integer(run.runID), "obj": .integer(obj)]
                expectSameTable(out["objects"], try query("lock_contention", db: db, p), "objects \(run.runID)/\(obj)")
            }
        }
        expectSameTable(try json(["runs"], db: db)["runs"], try query("runs", db: db, [:]), "runs")
        let serial = try #require(recorded.runIDs["cpu-serial"])
        let threaded = try #require(recorded.runIDs["cpu-threaded"])
        expectSameTable(
            try json(["speedup", String(serial), String(threaded)], db: db)["speedup"],
            try query("speedup", db: db, ["serial": .integer(serial), "threaded": .integer(threaded)]), "speedup")
        expectSameTable(
            try json(["speedup", "--sweep", String(recorded.sweepID)], db: db)["sweep"],
            try query("sweep_speedup", db: db, ["sweep": .integer(recorded.sweepID)]), "sweep")
    }

    /// What the real recordings must show whatever the timing: the race lost updates with every check point,
    /// the primitives' locks were used, the threaded fetches overlapped, the convoy program had I/O.
    @Test func realRecordingsShowTheirLessons() throws {
        let recorded = try RecordedDatabase.get()
        let db = recorded.path
        let race = try json(["summary", String(try #require(recorded.runIDs["race-every"]))], db: db)
        #expect(race["threads"]?.array.count == 5)
        let primitives = try json(["contention", String(try #require(recorded.runIDs["primitives"]))], db: db)
        #expect((primitives["objects"]?.array.count ?? 0) >= 7)
        let convoy = try json(["convoy", String(try #require(recorded.runIDs["convoy"]))], db: db)
        #expect(convoy["convoy"]?["io_count"]?.number == 100)
        let fetch = try json(["summary", String(try #require(recorded.runIDs["io-threaded"]))], db: db)
        #expect(fetch["threads"]?.array.count == 9)
    }

    func checkSummary(run: Int64, db: String) throws {
        let out = try json(["summary", String(run)], db: db)
        let summary = try query("gil_summary", db: db, ["run": .integer(run)])
        try #require(summary.rows.count == 1)
        expectSame(try #require(out["summary"]), summary.columns, summary.rows[0], "summary \(run)")
        expectSameTable(out["threads"], try query("per_thread_gil", db: db, ["run": .integer(run)]), "threads \(run)")
        expectSameTable(
            out["switch_rate"], try query("gil_switches_per_second", db: db, ["run": .integer(run)]), "rate \(run)")
    }

    /// `gilstat where` against `Queries/where.sql` (the sites, row for row) and `Queries/blocked_behind.sql`
    /// (every waiting site's holders, as a set: the two order ties differently).
    func checkWhere(run: Int64, db: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let out = try json(["where", String(run)], db: db)
        let sites = out["sites"]?.array ?? []
        let whereRows = try query("where", db: db, ["run": .integer(run)])
        #expect(sites.count == whereRows.rows.count, "where \(run): sites", sourceLocation: sourceLocation)
        for (i, (site, row)) in zip(sites, whereRows.rows).enumerated() {
            let projected = JSONValue.object(whereRows.columns.map { ($0, site[$0] ?? .null) })
            expectSame(projected, whereRows.columns, row, "where \(run)[\(i)]", sourceLocation: sourceLocation)
        }
        func key(_ values: [JSONValue?]) -> String {
            values.map { v -> String in
                switch v ?? .null {
                case .number(let d): String(Int64(d))
                case .string(let s): s
                default: "null"
                }
            }.joined(separator: "|")
        }
        func key(_ values: [SQLValue]) -> String {
            values.map { v -> String in
                switch v {
                case .integer(let i): String(i)
                case .text(let s): s
                default: "null"
                }
            }.joined(separator: "|")
        }
        var mine: [String: (Double, Double?)] = [:]
        for site in sites {
            for entry in site["behind"]?.array ?? [] {
                let k = key([
                    site["file"], site["line"], site["function"], entry["file"], entry["line"], entry["function"],
                    entry["obj_id"], entry["on"],
                ])
                mine[k] = (entry["ns"]?.number ?? -1, entry["share"]?.number)
            }
        }
        var theirs: [String: (Double, Double?)] = [:]
        for row in try query("blocked_behind", db: db, ["run": .integer(run)]).rows {
            let share: Double? = if case .real(let r) = row[9] { r } else { nil }
            theirs[key(Array(row[0..<8]))] = (Double(row[8].int64 ?? -2), share)
        }
        #expect(Set(mine.keys) == Set(theirs.keys), "blocked_behind \(run): pairs", sourceLocation: sourceLocation)
        for (k, (ns, share)) in mine {
            guard let other = theirs[k] else { continue }
            #expect(ns == other.0, "blocked_behind \(run) \(k): ns", sourceLocation: sourceLocation)
            #expect(abs((share ?? -1) - (other.1 ?? -1)) <= 1e-9, "blocked_behind \(run) \(k): share", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: runs) func contentionMatchesQueries(run: Int64) throws {
        try checkContention(run: run, db: try FixtureDatabase.path())
    }

    func checkContention(run: Int64, db: String) throws {
        let out = try json(["contention", String(run)], db: db)
        let p: [String: SQLValue] = ["run": .integer(run)]
        expectSameTable(out["objects"], try query("lock_contention", db: db, p), "objects \(run)")
        expectSameTable(out["threads"], try query("contention_threads", db: db, p), "threads \(run)")
        expectSameTable(
            out["gil_wait_distribution"], try query("gil_wait_distribution", db: db, p), "distribution \(run)")
    }

    @Test(arguments: runs) func contentionOfOneObjectMatchesQueries(run: Int64) throws {
        let db = try FixtureDatabase.path()
        let ids = try query("lock_contention", db: db, ["run": .integer(run)]).rows.map(\.first)
        for case .integer(let obj)? in ids {
            let out = try json(["contention", String(run), "--object", String(obj)], db: db)
            let p: [String: SQLValue] = ["run": .integer(run), "obj": .integer(obj)]
            expectSameTable(out["objects"], try query("lock_contention", db: db, p), "objects \(run)/\(obj)")
        }
    }

    @Test(arguments: runs) func convoyMatchesQueries(run: Int64) throws {
        try checkConvoy(run: run, db: try FixtureDatabase.path())
    }

    func checkConvoy(run: Int64, db: String) throws {
        let out = try json(["convoy", String(run)], db: db)
        let p: [String: SQLValue] = ["run": .integer(run)]
        let convoy = try query("convoy_episodes", db: db, p)
        try #require(convoy.rows.count == 1)
        expectSame(try #require(out["convoy"]), convoy.columns, convoy.rows[0], "convoy \(run)")
        expectSameTable(out["culprits"], try query("convoy_culprits", db: db, p), "culprits \(run)")
    }

    @Test func speedupAndPhasesMatchQueries() throws {
        let db = try FixtureDatabase.path()
        let out = try json(["speedup", "1", "2"], db: db)
        expectSameTable(
            out["speedup"], try query("speedup", db: db, ["serial": .integer(1), "threaded": .integer(2)]), "speedup")
        for run in Self.runs {
            let phases = try json(["speedup", "--phases", String(run)], db: db)
            expectSameTable(phases["phases"], try query("phases", db: db, ["run": .integer(run)]), "phases \(run)")
        }
    }

    @Test func runsMatchesQuery() throws {
        let db = try FixtureDatabase.path()
        expectSameTable(try json(["runs"], db: db)["runs"], try query("runs", db: db, [:]), "runs")
    }

    /// The cross-checks above would pass if both sides were wrong the same way; these figures were worked
    /// out by hand from the scenarios in Fixtures/make_fixtures.py.
    @Test func handComputedFigures() throws {
        let db = try FixtureDatabase.path()
        let cpu = try json(["summary", "2"], db: db)
        #expect(cpu["summary"]?["owner_switches"]?.number == 7)
        #expect(cpu["summary"]?["drop_requests"]?.number == 4)
        #expect(cpu["summary"]?["wait_max_ns"]?.number == 5_110_000)

        let convoy = try json(["convoy", "convoy"], db: db)
        #expect(convoy["convoy"]?["episodes"]?.number == 2)
        #expect(convoy["convoy"]?["episode_total_ns"]?.number == 10_170_000)
        #expect(convoy["convoy"]?["delay_p50_ns"]?.number == 1_709_000)
        #expect(convoy["culprits"]?.array.first?["held_ns"]?.number == 10_150_000)
        #expect(convoy["culprits"]?.array.first?["name"].map { if case .string(let s) = $0 { s } else { "" } } == "cpu")

        let locks = try json(["contention", "locks", "--object", "lock"], db: db)
        let lock = try #require(locks["objects"]?.array.first)
        #expect(lock["acquisitions"]?.number == 2)
        #expect(lock["contended"]?.number == 1)
        #expect(lock["wait_max_ns"]?.number == 1_231_000)
        #expect(lock["handoff_max_ns"]?.number == 211_000)
    }
}

/// Small real recordings of the examples, made once per test process into a temporary store (issue #4:
/// the cross-checks run on real data by default, not only with `GILSTAT_CROSSCHECK_DB`). Loops are shrunk
/// so a debug build records everything in a few seconds.
enum RecordedDatabase {
    struct Recorded: Sendable {
        var path: String
        /// Run id by name (see `record`).
        var runIDs: [String: Int64]
        var sweepID: Int64
    }

    private static let made = Mutex<Result<Recorded, any Error>?>(nil)

    static func get() throws -> Recorded {
        try made.withLock { made in
            if let made { return try made.get() }
            let result = Result { try record(at: FixtureDatabase.temporaryPath("recorded")) }
            made = result
            return try result.get()
        }
    }

    static func record(at path: String) throws -> Recorded {
        var ids: [String: Int64] = [:]
        func record(
            _ name: String, example: String, arguments: [String] = [], checkMode: CheckMode = .py310,
            shrink: (String) -> String = { $0 }
        ) throws {
            let loaded = try ExampleLibrary.load(example)
            let capture = OutputCapture()
            let request = Recording.Request(
                programPath: loaded.path, source: shrink(loaded.source), arguments: arguments, label: name,
                databasePath: path, checkMode: checkMode, output: .capture(capture))
            let result = try Recording.record(request)
            guard result.outcome.exitCode == 0 else {
                throw AnalysisError("\(name) failed (\(result.outcome.exitCode)): \(capture.standardError)")
            }
            ids[name] = result.runID
        }
        let smallLoop: (String) -> String = { $0.replacingOccurrences(of: "range(10**7)", with: "range(2 * 10**5)") }
        try record("convoy", example: "convoy")
        try record("cpu-serial", example: "cpu_bound", arguments: ["serial"], shrink: smallLoop)
        try record("cpu-threaded", example: "cpu_bound", arguments: ["threaded"], shrink: smallLoop)
        try record("primitives", example: "primitives") { $0.replacingOccurrences(of: "args=(20_000,)", with: "args=(2_000,)") }
        try record("race-every", example: "race", arguments: ["20000"], checkMode: .every)
        try record("io-threaded", example: "io_fetch", arguments: ["threaded"])

        let example = try ExampleLibrary.load("sweep_cpu")
        var sweep = Sweep(
            programPath: example.path, source: example.source, databasePath: path,
            plan: SweepPlan(threads: [1, 2], policies: [.cpython3, .cpython2], switchIntervalsNs: [5_000_000], repeats: 2))
        sweep.arguments = ["100000"]
        let outcome = try sweep.run()
        guard let sweepID = outcome.sweepID, outcome.stoppedEarly == nil else {
            throw AnalysisError("the sweep did not finish: \(outcome.stoppedEarly ?? "no run stored")")
        }
        for step in outcome.steps { ids["sweep-\(step.point.policy.name)-t\(step.point.threads)-\(step.point.repeatIndex)"] = step.runID }
        return Recorded(path: path, runIDs: ids, sweepID: sweepID)
    }
}

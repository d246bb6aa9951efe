import GILAnalysis
#if canImport(Glibc)
import Glibc
#endif
import Testing
import TraceStore

@testable import GILStatCLI

/// DESIGN.md §5: every number `gilstat` prints must be reproducible by a file in `Queries/`. For each
/// fixture run, the JSON of `gilstat summary/contention/convoy/speedup` is compared field by field with
/// what the matching query returns through the same database.
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

    func checkSummary(run: Int64, db: String) throws {
        let out = try json(["summary", String(run)], db: db)
        let summary = try query("gil_summary", db: db, ["run": .integer(run)])
        try #require(summary.rows.count == 1)
        expectSame(try #require(out["summary"]), summary.columns, summary.rows[0], "summary \(run)")
        expectSameTable(out["threads"], try query("per_thread_gil", db: db, ["run": .integer(run)]), "threads \(run)")
        expectSameTable(
            out["switch_rate"], try query("gil_switches_per_second", db: db, ["run": .integer(run)]), "rate \(run)")
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

import GILAnalysis
import Testing
import TraceStore

@testable import GILStatCLI

/// `gilstat speedup --sweep ID`, `gilstat runs` and `gilstat compare` on the real sweep that
/// `RecordedDatabase` records (sweep_cpu, threads 1,2 × cpython3,cpython2 × 2 repeats).
@Suite(.serialized) struct SweepSpeedupTests {
    func json(_ args: [String], db: String) throws -> JSONValue {
        try JSONValue.parse(try GilstatCommand.output(args + ["--db", db, "--format", "json"]))
    }

    func text(_ value: JSONValue?) -> String? {
        if case .string(let s)? = value { return s }
        return nil
    }

    /// The figures from plain SQL over `runs` and `slices`, written here without the query file: wall
    /// times, argv's last element, and Σ gil_hold / Σ io per run.
    @Test func figuresMatchIndependentSQL() throws {
        let recorded = try RecordedDatabase.get()
        let db = recorded.path
        let rows = try #require(try json(["speedup", "--sweep", String(recorded.sweepID)], db: db)["sweep"]?.array)
        #expect(rows.count == 8)
        let reader = try TraceReader(path: db)
        let facts = try reader.query(
            """
            SELECT r.run_id, r.policy, r.wall_ns, json_extract(r.argv, '$[#-1]'),
              (SELECT coalesce(sum(dur), 0) FROM slices s WHERE s.run_id = r.run_id AND s.state = 'gil_hold'),
              (SELECT coalesce(sum(dur), 0) FROM slices s WHERE s.run_id = r.run_id AND s.state = 'io')
            FROM runs r WHERE r.sweep_id = :sweep ORDER BY r.run_id
            """, parameters: ["sweep": .integer(recorded.sweepID)])
        #expect(facts.rows.count == 8)
        struct Fact { var policy: String; var wall: Int64; var threads: Int64; var held: Int64; var io: Int64 }
        var byRun: [Int64: Fact] = [:]
        for row in facts.rows {
            byRun[row[0].int64!] = Fact(
                policy: row[1].string!, wall: row[2].int64!, threads: Int64(row[3].string!)!, held: row[4].int64!,
                io: row[5].int64!)
        }
        // Baseline: the median (nearest rank: the lower of two) of the group's 1-thread walls.
        func baseline(_ policy: String) -> Int64 {
            byRun.values.filter { $0.policy == policy && $0.threads == 1 }.map(\.wall).min()!
        }
        var seenPolicies: [String] = []
        for row in rows {
            let run = try #require(row["run_id"]?.number.map { Int64($0) })
            let fact = try #require(byRun[run])
            let policy = try #require(text(row["policy"]))
            if seenPolicies.last != policy { seenPolicies.append(policy) }
            #expect(policy == fact.policy)
            #expect(row["sweep_id"]?.number == Double(recorded.sweepID))
            #expect(row["threads"]?.number == Double(fact.threads))
            #expect(row["wall_ns"]?.number == Double(fact.wall))
            #expect(row["baseline_threads"]?.number == 1)
            #expect(row["baseline_wall_ns"]?.number == Double(baseline(policy)))
            let speedup = Double(baseline(policy)) / Double(fact.wall)
            #expect(abs((row["speedup"]?.number ?? 0) - speedup) <= 1e-12 * speedup)
            #expect(abs((row["efficiency"]?.number ?? 0) - speedup / Double(fact.threads)) <= 1e-12)
            #expect(row["gil_held_ns"]?.number == Double(fact.held))
            #expect(row["busy_ns"]?.number == Double(fact.held + fact.io))
            let s = Double(fact.held) / Double(fact.held + fact.io)
            #expect(abs((row["serialised_fraction"]?.number ?? -1) - s) <= 1e-12)
            let amdahl = 1 / (s + (1 - s) / Double(fact.threads))
            #expect(abs((row["amdahl_bound"]?.number ?? -1) - amdahl) <= 1e-12 * amdahl)
        }
        // Groups stay together, in recording order; within one, threads ascend.
        #expect(seenPolicies == ["cpython3", "cpython2"])
        let threads = rows.compactMap { $0["threads"]?.number }
        #expect(threads == [1, 1, 2, 2, 1, 1, 2, 2])
        #expect(rows.compactMap { $0["repeat"]?.number } == [1, 2, 1, 2, 1, 2, 1, 2])

        // The query file with :sweep NULL picks the latest sweep: this one.
        let latest = try reader.query(
            try QueryFiles.load("sweep_speedup", queriesDir: QueryFiles.packageQueriesDirectory).1, parameters: [:])
        #expect(latest.rows.count == 8)
    }

    @Test func otherFormatsAndErrors() throws {
        let recorded = try RecordedDatabase.get()
        let db = recorded.path
        let csv = try GilstatCommand.output(["speedup", "--sweep", String(recorded.sweepID), "--db", db, "--format", "csv"])
        #expect(csv.split(separator: "\n").first?.hasPrefix("sweep_id,policy,switch_interval_ns,threads,run_id,repeat") == true)
        let table = try GilstatCommand.output(["speedup", "--sweep", String(recorded.sweepID), "--db", db])
        #expect(table.hasPrefix("sweep \(recorded.sweepID) · Examples/sweep_cpu.py · 8 runs in 2 groups"))

        #expect {
            try GilstatCommand.output(["speedup", "--sweep", "99", "--db", db])
        } throws: { error in
            String(describing: error).contains("no sweep 99 in \(db): its sweeps are \(recorded.sweepID)")
        }
        #expect(throws: (any Error).self) { try GilstatCommand.output(["speedup", "--sweep", "1", "3", "4", "--db", db]) }
    }

    @Test func runsShowSweepIDsAndCompareWorksWithinASweep() throws {
        let recorded = try RecordedDatabase.get()
        let db = recorded.path
        let runs = try #require(try json(["runs"], db: db)["runs"]?.array)
        let swept = runs.filter { $0["sweep_id"]?.number == Double(recorded.sweepID) }
        #expect(swept.count == 8)
        #expect(runs.filter { if case .null? = $0["sweep_id"] { true } else { false } }.count == runs.count - 8)

        let one = try #require(recorded.runIDs["sweep-cpython3-t1-1"])
        let two = try #require(recorded.runIDs["sweep-cpython3-t2-1"])
        let compared = try json(["compare", String(one), String(two)], db: db)
        let threads = try #require(compared["metrics"]?.array.first { text($0["metric"]) == "threads" })
        #expect(threads["a"]?.number == 2)
        #expect(threads["b"]?.number == 3)
    }
}

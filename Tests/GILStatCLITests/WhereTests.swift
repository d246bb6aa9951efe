import GILAnalysis
@testable import GILRecorder
import GILRuntime
import GILTrace
import Synchronization
import Testing
import TraceStore

@testable import GILStatCLI

/// Issue 14 "Done means": `gilstat where` names the lines — on the convoy, the sleep's line waits behind the
/// spinning loop; on a lock-contention program, the `with lock:` line waits behind the critical section —
/// collapsed flame graphs sum to the slice totals, the exports carry stacks, and the figures equal
/// `Queries/where.sql` and `Queries/blocked_behind.sql`. Serialized: recording starts threads.
@Suite(.serialized) struct WhereTests {
    /// Runs recorded once per test process: the convoy example, a lock-contention program, and both in one file.
    enum Recorded {
        /// Five workers, so their waits at `with lock:` (about four waiting at a time) stay well above the main
        /// thread's wait in `t.join()` (the run's length) even when a loaded machine staggers their starts; with
        /// three the two were close, and the join's line came first now and then.
        static let lockProgram = """
            import threading
            import time

            lock = threading.Lock()
            total = 0


            def worker():
                global total
                for _ in range(8):
                    with lock:
                        time.sleep(0.002)
                        total += 1


            threads = [threading.Thread(target=worker) for _ in range(5)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            print(total)
            """

        struct Store: Sendable {
            var path: String
            var convoy: Int64
            var locks: Int64
        }

        private static let made = Mutex<Result<Store, any Error>?>(nil)

        static func get() throws -> Store {
            try made.withLock { made in
                if let made { return try made.get() }
                let result = Result { try record(at: FixtureDatabase.temporaryPath("where")) }
                made = result
                return try result.get()
            }
        }

        static func record(at path: String) throws -> Store {
            func run(_ label: String, path programPath: String, source: String) throws -> Int64 {
                let capture = OutputCapture()
                let request = Recording.Request(
                    programPath: programPath, source: source, arguments: [], label: label, databasePath: path,
                    output: .capture(capture))
                let result = try Recording.record(request)
                guard result.outcome.exitCode == 0 else {
                    throw AnalysisError("\(label) failed (\(result.outcome.exitCode)): \(capture.standardError)")
                }
                return result.runID
            }
            let convoy = try ExampleLibrary.load("convoy")
            return Store(
                path: path, convoy: try run("convoy", path: convoy.path, source: convoy.source),
                locks: try run("locks", path: "locks.py", source: lockProgram))
        }
    }

    func json(_ args: [String], db: String) throws -> JSONValue {
        try JSONValue.parse(try GilstatCommand.output(args + ["--db", db, "--format", "json"]))
    }

    @Test func convoyWaitsAtTheSleepBehindTheSpinningLoop() throws {
        let store = try Recorded.get()
        let out = try json(["where", String(store.convoy), "--sort", "gil_wait"], db: store.path)
        #expect(out["notes"]?.array.isEmpty == true)
        let top = try #require(out["sites"]?.array.first)
        #expect(top["function"] == .string("io_loop"))
        #expect(top["line"]?.number == 21)
        #expect(top["source"] == .string("time.sleep(0.0002)"))
        #expect((top["gil_wait_ns"]?.number ?? 0) > 0)
        #expect((top["io_ns"]?.number ?? 0) > 0)
        let behind = try #require(top["behind"]?.array.first)
        #expect(behind["function"] == .string("spin"))
        #expect(behind["line"].flatMap(\.number).map { [14, 15].contains($0) } == true)
        #expect(behind["on"] == .string("GIL"))
        // The spinning loop is most of what the sleeper waited behind.
        #expect((behind["share"]?.number ?? 0) > 0.5)
        let table = try GilstatCommand.output(["where", String(store.convoy), "--db", store.path])
        #expect(table.contains("io_loop (") && table.contains(":21)") && table.contains("spin ("))
    }

    @Test func lockWaitsAtTheWithLineBehindTheCriticalSection() throws {
        let store = try Recorded.get()
        let out = try json(["where", String(store.locks), "--sort", "lock_wait"], db: store.path)
        let top = try #require(out["sites"]?.array.first)
        #expect(top["function"] == .string("worker"))
        #expect(top["line"]?.number == 11)
        #expect(top["source"] == .string("with lock:") || top["source"] == .null)
        #expect((top["lock_wait_ns"]?.number ?? 0) > 0)
        let lock = try #require(top["locks"]?.array.first)
        #expect(lock["lock"] == .string("lock"))
        let behind = try #require(top["behind"]?.array.first { $0["on"] == .string("lock") })
        #expect(behind["function"] == .string("worker"))
        #expect(behind["line"]?.number == 12)
        #expect((behind["share"]?.number ?? 0) > 0.8)
        // --stacks: whole stacks (the worker runs in a thread: its own frame is the outermost).
        let stacks = try json(["where", String(store.locks), "--stacks", "--sort", "lock_wait"], db: store.path)
        let frames = try #require(stacks["sites"]?.array.first?["stack"]?.array)
        #expect(frames.last?["line"]?.number == 11)
        #expect(frames.first?["function"] == .string("worker"))
    }

    @Test func whereMatchesTheQueries() throws {
        let store = try Recorded.get()
        let check = CrossCheckTests()
        for run in [store.convoy, store.locks] {
            try check.checkWhere(run: run, db: store.path)
        }
    }

    /// Every metric's collapsed lines sum to the total of its slices, with and without thread roots.
    @Test func collapsedStacksSumToTheSliceTotals() throws {
        let store = try Recorded.get()
        let reader = try TraceReader(path: store.path)
        for run in [store.convoy, store.locks] {
            let loaded = try LoadedRun.load(reader, try reader.resolveRun(String(run)))
            let graph = FlameGraph(loaded, names: try StackNames.load(reader, runID: run))
            for metric in [FlameGraph.Metric.gilWait, .lockWait, .gilHold, .io] {
                let expected: Int64 = switch metric {
                case .gilWait: loaded.slices.gilWaits.reduce(0) { $0 + $1.dur }
                case .lockWait: loaded.slices.lockWaits.reduce(0) { $0 + $1.dur }
                case .gilHold: loaded.slices.gilHolds.reduce(0) { $0 + $1.dur }
                case .io, .all: loaded.slices.io.reduce(0) { $0 + $1.dur }
                case .native: loaded.slices.native.reduce(0) { $0 + $1.dur }
                }
                for roots in [false, true] {
                    let lines = graph.collapsed(metric, threadRoots: roots).split(separator: "\n")
                    let sum = lines.reduce(Int64(0)) { $0 + (Int64($1.split(separator: " ").last!) ?? -1_000_000_000) }
                    #expect(sum == expected, "run \(run) \(metric) roots \(roots)")
                    #expect(lines.allSatisfy { $0.split(separator: ";").count >= 2 })
                }
            }
            let io = graph.collapsed(.io)
            if run == store.convoy { #expect(io.contains("io_loop (") && io.contains(";[I/O: sleep] ")) }
        }
    }

    @Test func exportsCarryStacks() throws {
        let store = try Recorded.get()
        let speedscope = FixtureDatabase.temporaryPath("speedscope") + ".json"
        _ = try ExportCommand.export(db: store.path, run: String(store.convoy), to: speedscope, format: .speedscope)
        let profile = try JSONValue.parse(try #require(FixtureDatabase.read(speedscope)))
        #expect(profile["$schema"] == .string("https://www.speedscope.app/file-format-schema.json"))
        let profiles = try #require(profile["profiles"]?.array)
        #expect(profiles.count == 2)
        let frames = try #require(profile["shared"]?["frames"]?.array)
        for p in profiles {
            let samples = p["samples"]?.array ?? []
            #expect(samples.count == p["weights"]?.array.count && !samples.isEmpty)
            #expect(samples.allSatisfy { $0.array.allSatisfy { ($0.number ?? -1) >= 0 && Int($0.number!) < frames.count } })
        }
        #expect(frames.contains { $0["name"] == .string("[GIL wait]") })
        let perfetto = FixtureDatabase.temporaryPath("perfetto") + ".json"
        _ = try ExportCommand.export(db: store.path, run: String(store.convoy), to: perfetto, format: .perfetto)
        let trace = try #require(FixtureDatabase.read(perfetto))
        #expect(trace.contains(#""args":{"where":"io_loop ("#))
        _ = try JSONValue.parse(trace)
    }

    /// Issue 14 item 7: the demo's lessons name the line that waited and the line it waited behind.
    @Test func demoNamesTheLines() throws {
        let store = try Recorded.get()
        let reader = try TraceReader(path: store.path)
        func lines(_ run: Int64, _ order: WhereAnalysis.Order) throws -> String {
            let loaded = try LoadedRun.load(reader, try reader.resolveRun(String(run)))
            return WhereLesson.lines(loaded, names: try StackNames.load(reader, runID: run), order: order, source: SourceText())
                .joined(separator: "\n")
        }
        let convoy = try lines(store.convoy, .gilWait)
        #expect(convoy.contains("`time.sleep(0.0002)` (convoy.py:21, in io_loop) waited "), "\(convoy)")
        #expect(convoy.contains("behind `while not done:` (convoy.py:14, in spin)") || convoy.contains("(convoy.py:15, in spin)"), "\(convoy)")
        let locks = try lines(store.locks, .lockWait)
        #expect(locks.contains("locks.py:11, in worker") && !locks.contains("<module>"), "\(locks)")
        #expect(locks.contains("behind locks.py:12, in worker"), "\(locks)")
    }

    @Test func runsWithoutStacksSaySo() throws {
        let db = try FixtureDatabase.path()
        let out = try json(["where", "3"], db: db)
        #expect(out["notes"]?.array.contains(.string("no stacks for this run")) == true)
        #expect(out["sites"]?.array.isEmpty == true)
        #expect(try GilstatCommand.output(["where", "3", "--db", db]).contains("note: no stacks for this run"))
        let collapsed = try query("where", db: db, ["run": .integer(3)])
        #expect(collapsed.rows.isEmpty)
    }

    func query(_ name: String, db: String, _ parameters: [String: SQLValue]) throws -> QueryResult {
        try CrossCheckTests().query(name, db: db, parameters)
    }
}

extension JSONValue: Equatable {
    static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case (.bool(let x), .bool(let y)): x == y
        case (.number(let x), .number(let y)): x == y
        case (.string(let x), .string(let y)): x == y
        case (.array(let x), .array(let y)): x == y
        case (.object(let x), .object(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }
}

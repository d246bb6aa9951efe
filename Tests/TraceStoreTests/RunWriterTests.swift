import Foundation
import GILTrace
import Testing
@testable import TraceStore

/// Recording through `RunWriter` and reading back through `TraceReader`. Serialized: starts threads.
@Suite(.serialized) struct RunWriterTests {
    let dir = TemporaryDirectory()

    func info(_ label: String, pid: Int32 = 0) -> RunInfo {
        RunInfo(label: label, program: "prog.py", argv: ["a b", "q\"uote", "ünï"], policy: "cpython3",
                switchIntervalNs: 5_000_000, checkMode: "py310", startedAt: "2026-11-25T06:00:00Z",
                host: "test", cpuCount: 2, sweepId: 7, pid: pid)
    }

    @Test func roundTripFromThreeThreads() async throws {
        let path = dir.path("gil.db")
        let run = CraftedRun(threads: 3, rounds: 600)
        let writer = try RunWriter.begin(path: path, info: info("round"))
        for tid in 1...3 {
            writer.describeThread(ThreadInfo(tid: Int32(tid), name: "T\(tid)", parentTid: tid == 1 ? 0 : 1, startNs: Int64(tid)))
        }
        writer.describeObject(ObjectInfo(id: 0, kind: .gil, name: "GIL"))
        writer.describeObject(ObjectInfo(id: 1, kind: .lock, name: "lock", sourceLine: 12))
        writer.describeLabel(id: 1, text: "tick")
        await run.submitConcurrently(to: writer, chunkSize: 97)
        writer.describeThread(ThreadInfo(tid: 2, name: "T2", parentTid: 1, startNs: 2, endNs: 99, daemon: true,
                                         cpuNs: 5, voluntaryContextSwitches: 6, involuntaryContextSwitches: 7))
        let outcome = RunOutcome(status: .ok, exitCode: 0, wallNs: 123_456, cpuNs: 654_321)
        try writer.finish(outcome, droppedEvents: 3)
        try writer.finish(outcome, droppedEvents: 3) // idempotent

        let reader = try TraceReader(path: path)
        let record = try reader.resolveRun(nil)
        #expect(record.runID == writer.runID)
        #expect(record.info == info("round").with(pid: getpid()))
        #expect(record.status == .ok)
        #expect(record.exitCode == 0)
        #expect(record.wallNs == 123_456)
        #expect(record.cpuNs == 654_321)
        #expect(record.eventCount == Int64(run.events.count))
        #expect(record.droppedEvents == 3)
        #expect(record.threadCount == 3)

        var events: [Event] = []
        try reader.forEachEvent(runID: record.runID) { events.append($0) }
        #expect(events == run.events)

        var slices: [Slice] = []
        try reader.forEachSlice(runID: record.runID, state: nil) { slices.append($0) }
        #expect(slices == SliceBuilder.slices(of: run.events))
        var holds: [Slice] = []
        try reader.forEachSlice(runID: record.runID, state: .gilHold) { holds.append($0) }
        #expect(holds == slices.filter { $0.state == .gilHold })
        #expect(holds.count == 600)
        // The contract's `slices` (state by name) is a view over the coded table: same rows.
        let byName = try reader.query(
            "SELECT state, count(*) FROM slices WHERE run_id = :run GROUP BY state ORDER BY state", parameters: ["run": .integer(record.runID)])
        let expected = Dictionary(grouping: slices, by: \.state.rawValue).map { [SQLValue.text($0.key), .integer(Int64($0.value.count))] }
        #expect(byName.rows == expected.sorted { $0[0].string! < $1[0].string! })

        let threads = try reader.threads(runID: record.runID)
        #expect(threads.map(\.name) == ["T1", "T2", "T3"])
        #expect(threads[1] == ThreadInfo(tid: 2, name: "T2", parentTid: 1, startNs: 2, endNs: 99, daemon: true,
                                         cpuNs: 5, voluntaryContextSwitches: 6, involuntaryContextSwitches: 7))
        #expect(try reader.objects(runID: record.runID) == [
            ObjectInfo(id: 0, kind: .gil, name: "GIL"), ObjectInfo(id: 1, kind: .lock, name: "lock", sourceLine: 12),
        ])
        #expect(try reader.labels(runID: record.runID) == [1: "tick"])
    }

    @Test func outOfOrderChunksStillGiveSeqOrderAndSlices() throws {
        let path = dir.path("gil.db")
        let run = CraftedRun(threads: 2, rounds: 300)
        let writer = try RunWriter.begin(path: path, info: info("shuffled"))
        // Thread 1's chunks newest first, then thread 2's: seq order only holds in the table.
        for chunk in run.chunks(of: 1, size: 50).reversed() + run.chunks(of: 2, size: 50) {
            chunk.withUnsafeBufferPointer { writer.submit($0) }
        }
        try writer.finish(RunOutcome(status: .ok, exitCode: 0, wallNs: 1, cpuNs: 1), droppedEvents: 0)
        let reader = try TraceReader(path: path)
        let record = try reader.resolveRun("shuffled")
        #expect(record.eventCount == Int64(run.events.count))
        var events: [Event] = []
        try reader.forEachEvent(runID: record.runID) { events.append($0) }
        #expect(events == run.events)
        var slices: [Slice] = []
        try reader.forEachSlice(runID: record.runID, state: nil) { slices.append($0) }
        #expect(slices == SliceBuilder.slices(of: run.events))
    }

    /// The writer appends rows without a key when the event's key follows the table's last one, and uses
    /// the explicit key otherwise: a later run's rows above this one's, events published late (a hole in
    /// `seq` filled afterwards), the first event of a run. Every event must land under its own key.
    @Test func appendedAndKeyedRowsInterleaveAcrossRunsAndHoles() throws {
        let path = dir.path("gil.db")
        let run = CraftedRun(threads: 2, rounds: 400)
        let a = try RunWriter.begin(path: path, info: info("a"))
        let b = try RunWriter.begin(path: path, info: info("b"))
        let events = run.events
        let chunk = 300
        var offset = 0
        while offset < events.count {
            let end = min(offset + chunk, events.count)
            // Run b's chunk arrives with its first 70 events late (after the rest of the chunk).
            let split = min(offset + 70, end)
            for (writer, parts) in [(a, [offset..<end]), (b, [split..<end, offset..<split])] {
                for part in parts {
                    Array(events[part]).withUnsafeBufferPointer { writer.submit($0) }
                    writer.waitUntilDrained()
                }
            }
            offset = end
        }
        let outcome = RunOutcome(status: .ok, exitCode: 0, wallNs: 1, cpuNs: 1)
        try a.finish(outcome, droppedEvents: 0)
        try b.finish(outcome, droppedEvents: 0)
        let reader = try TraceReader(path: path)
        for writer in [a, b] {
            var stored: [Event] = []
            try reader.forEachEvent(runID: writer.runID) { stored.append($0) }
            #expect(stored == events)
            #expect(try reader.resolveRun(String(writer.runID)).eventCount == Int64(events.count))
        }
    }

    #if os(Linux)
    /// The writer thread runs at the recorder's background priority (SCHED_IDLE) so it yields the cores to the
    /// traced program.
    @Test func writerThreadYieldsTheCores() throws {
        guard RecorderThreadPriority.mode == "idle" else { return }
        let before = Self.threadPolicies().filter { $0 == 5 }.count
        let writer = try RunWriter.begin(path: dir.path("gil.db"), info: info("idle"))
        defer { try? writer.finish(RunOutcome(status: .ok, exitCode: 0, wallNs: 1, cpuNs: 1), droppedEvents: 0) }
        // The writer sets it first thing after starting: poll until it shows (no timing asserted).
        var idle = 0
        for _ in 0..<400 {
            idle = Self.threadPolicies().filter { $0 == 5 }.count
            if idle > before { break }
            usleep(5_000)
        }
        #expect(idle > before, "threads' policies: \(Self.threadPolicies())")
    }

    /// Field 41 (policy; 5 = SCHED_IDLE) of /proc/self/task/*/stat (proc(5)).
    static func threadPolicies() -> [Int32] { threadStatField(41) }

    /// One field of /proc/self/task/*/stat (proc(5)), per thread; fields after the command name's ')' start at 3.
    static func threadStatField(_ field: Int) -> [Int32] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        return tasks.compactMap { task in
            guard let stat = try? String(contentsOfFile: "/proc/self/task/\(task)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > field - 3 ? Int32(fields[field - 3]) : nil
        }
    }
    #endif

    @Test func viewsAndQueriesName() throws {
        let path = dir.path("gil.db")
        let run = CraftedRun(threads: 2, rounds: 10)
        let writer = try RunWriter.begin(path: path, info: info("views"))
        writer.describeThread(ThreadInfo(tid: 1, name: "MainThread", parentTid: 0, startNs: 0))
        writer.describeLabel(id: 1, text: "tick")
        run.events.withUnsafeBufferPointer { writer.submit($0) }
        try writer.finish(RunOutcome(status: .ok, exitCode: 0, wallNs: 1, cpuNs: 1), droppedEvents: 0)
        let reader = try TraceReader(path: path)
        let named = try reader.query(
            "SELECT kind, object, reason, thread FROM events_named WHERE run_id = :run AND seq = :seq",
            parameters: ["run": .integer(writer.runID), ":seq": .integer(2)])
        #expect(named.columns == ["kind", "object", "reason", "thread"])
        #expect(named.rows == [[.text("gil_request"), .null, .text("after_drop"), .text("MainThread")]])
        let sleep = try reader.query(
            "SELECT object FROM events_named WHERE run_id = :run AND kind = 'io_begin' LIMIT 1", parameters: ["run": .integer(writer.runID)])
        #expect(sleep.rows == [[.text("sleep")]])
        let holds = try reader.query("SELECT count(*) FROM gil_holds WHERE run_id = :run", parameters: ["run": .integer(writer.runID)])
        #expect(holds.rows == [[.integer(10)]])
        // Unbound parameters stay NULL; several statements run, the last with columns answers.
        let multi = try reader.query("-- comment\nSELECT 1; SELECT :missing IS NULL AS unbound, ?2 AS positional; -- tail", parameters: [:])
        #expect(multi.columns == ["unbound", "positional"])
        #expect(multi.rows == [[.integer(1), .null]])
        // Read-only connection: writes fail.
        #expect(throws: SQLiteError.self) { try reader.query("DELETE FROM runs", parameters: [:]) }
    }

    /// Schema version 4: locations and stacks round-trip; `stack_frames` walks a stack outermost to innermost
    /// (levels from the innermost); slices and `gil_waits` carry the stack their thread announced.
    @Test func stacksRoundTripAndNameSlices() throws {
        let path = dir.path("gil.db")
        let writer = try RunWriter.begin(path: path, info: info("stacks"))
        writer.describeLocation(CodeLocation(id: 1, file: "p.py", line: 30, function: "<module>", firstLine: 1))
        writer.describeLocation(CodeLocation(id: 2, file: "p.py", line: 12, function: "Worker.run", firstLine: 10))
        writer.describeStack(StackEntry(id: 1, parent: 0, location: 1, depth: 0))
        writer.describeStack(StackEntry(id: 2, parent: 1, location: 2, depth: 1))
        let events = [
            Event(seq: 1, ts: 10, tid: 1, kind: .stack, arg: 2),
            Event(seq: 2, ts: 10, tid: 1, kind: .gilRequest, arg: GILRequestReason.io.rawValue),
            Event(seq: 3, ts: 25, tid: 1, kind: .gilAcquire, arg: 1),
            Event(seq: 4, ts: 30, tid: 1, kind: .stack, arg: 1),
            Event(seq: 5, ts: 30, tid: 1, kind: .gilRelease, arg: GILReleaseReason.exit.rawValue),
        ]
        events.withUnsafeBufferPointer { writer.submit($0) }
        try writer.finish(RunOutcome(status: .ok, exitCode: 0, wallNs: 30, cpuNs: 30), droppedEvents: 0)
        let reader = try TraceReader(path: path)
        #expect(try reader.locations(runID: writer.runID)[2] == CodeLocation(id: 2, file: "p.py", line: 12, function: "Worker.run", firstLine: 10))
        #expect(try reader.stacks(runID: writer.runID) == [
            1: StackEntry(id: 1, parent: 0, location: 1, depth: 0), 2: StackEntry(id: 2, parent: 1, location: 2, depth: 1)])
        let frames = try reader.query(
            "SELECT level, function, line FROM stack_frames WHERE run_id = :run AND stack_id = 2 ORDER BY level",
            parameters: ["run": .integer(writer.runID)])
        #expect(frames.rows == [[.integer(0), .text("Worker.run"), .integer(12)], [.integer(1), .text("<module>"), .integer(30)]])
        let parent = try reader.query("SELECT parent_id FROM stacks WHERE run_id = :run AND stack_id = 1", parameters: ["run": .integer(writer.runID)])
        #expect(parent.rows == [[.null]])
        var slices: [Slice] = []
        try reader.forEachSlice(runID: writer.runID, state: nil) { slices.append($0) }
        #expect(slices == [
            Slice(tid: 1, obj: 0, state: .gilWait, ts: 10, dur: 15, stack: 2), Slice(tid: 1, obj: 0, state: .gilHold, ts: 25, dur: 5, stack: 1),
        ])
        let waits = try reader.query(
            "SELECT w.dur, s.function, s.line FROM gil_waits w JOIN stack_sites s ON s.run_id = w.run_id AND s.stack_id = w.stack WHERE w.run_id = :run",
            parameters: ["run": .integer(writer.runID)])
        #expect(waits.rows == [[.integer(15), .text("Worker.run"), .integer(12)]])
        let named = try reader.query("SELECT kind FROM events_named WHERE run_id = :run AND seq = 1", parameters: ["run": .integer(writer.runID)])
        #expect(named.rows == [[.text("stack")]])
    }

    @Test func twoWritersIntoOneFileBothComplete() async throws {
        let path = dir.path("gil.db")
        let run = CraftedRun(threads: 2, rounds: 3_000)
        let a = try RunWriter.begin(path: path, info: info("a"))
        let b = try RunWriter.begin(path: path, info: info("b"))
        await withTaskGroup(of: Void.self) { group in
            for writer in [a, b] {
                group.addTask { await run.submitConcurrently(to: writer, chunkSize: 256) }
            }
        }
        let outcome = RunOutcome(status: .ok, exitCode: 0, wallNs: 1, cpuNs: 1)
        try a.finish(outcome, droppedEvents: 0)
        try b.finish(outcome, droppedEvents: 0)
        let reader = try TraceReader(path: path)
        let runs = try reader.runs()
        #expect(runs.map(\.info.label) == ["a", "b"])
        #expect(runs.allSatisfy { $0.status == .ok && $0.eventCount == Int64(run.events.count) })
        #expect(try reader.resolveRun("a").runID == a.runID)
        #expect(try reader.resolveRun(String(b.runID)).info.label == "b")
        #expect(throws: StoreError.unknownRun(path: path, selector: "zzz")) { try reader.resolveRun("zzz") }
    }

    @Test func readerWorksWhileAWriterRuns() throws {
        let path = dir.path("gil.db")
        let run = CraftedRun(threads: 2, rounds: 200)
        let writer = try RunWriter.begin(path: path, info: info("live"))
        let half = run.events.count / 2
        run.events[..<half].withUnsafeBufferPointer { writer.submit($0) }
        let reader = try TraceReader(path: path)
        // The writer commits when its queue runs dry; poll (no timing assumption) until the first half shows.
        var seen = 0
        for _ in 0..<10_000 where seen < half {
            seen = 0
            try reader.forEachEvent(runID: writer.runID) { _ in seen += 1 }
            if seen < half { usleep(1_000) }
        }
        #expect(seen == half)
        #expect(try reader.resolveRun(nil).status == .running)
        run.events[half...].withUnsafeBufferPointer { writer.submit($0) }
        try writer.finish(RunOutcome(status: .interrupted, exitCode: 130, wallNs: 1, cpuNs: 1), droppedEvents: 0)
        let done = try reader.resolveRun(nil)
        #expect(done.status == .interrupted)
        #expect(done.eventCount == Int64(run.events.count))
    }

    @Test func backPressureBlocksThenDeliversEverything() async throws {
        let path = dir.path("gil.db")
        let run = CraftedRun(threads: 1, rounds: 400)
        let writer = try RunWriter.begin(path: path, info: info("pressure"), queueLimitBytes: 1)
        writer.pauseWriterForTesting(true)
        let chunks = run.chunks(of: 1, size: 100)
        chunks[0].withUnsafeBufferPointer { writer.submit($0) }   // accepted: the queue was empty
        let rest = Task.detached {
            for chunk in chunks.dropFirst() { chunk.withUnsafeBufferPointer { writer.submit($0) } }
        }
        while writer.backPressure.waiting == 0 { usleep(1_000) }   // the second submit must block
        #expect(writer.backPressure.blocked >= 1)
        writer.pauseWriterForTesting(false)
        await rest.value
        try writer.finish(RunOutcome(status: .ok, exitCode: 0, wallNs: 1, cpuNs: 1), droppedEvents: 0)
        let reader = try TraceReader(path: path)
        var events: [Event] = []
        try reader.forEachEvent(runID: writer.runID) { events.append($0) }
        #expect(events == run.events)
    }

    @Test func concurrentFinishCallsAgreeOnTheFirst() async throws {
        let path = dir.path("gil.db")
        let run = CraftedRun(threads: 2, rounds: 500)
        let writer = try RunWriter.begin(path: path, info: info("race"))
        run.events.withUnsafeBufferPointer { writer.submit($0) }
        let statuses: [RunStatus] = [.interrupted, .ok, .error, .timeout]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for status in statuses {
                group.addTask {
                    try writer.finish(RunOutcome(status: status, exitCode: 1, wallNs: 1, cpuNs: 1), droppedEvents: 0)
                }
            }
            try await group.waitForAll()
        }
        let record = try TraceReader(path: path).resolveRun("race")
        #expect(statuses.contains(record.status))
        #expect(record.eventCount == Int64(run.events.count))
        // Submitting after finish is refused, not stored and not a crash.
        run.events.withUnsafeBufferPointer { writer.submit($0) }
        #expect(writer.queue.rejectedEvents == Int64(run.events.count))
    }

    @Test func deadRecorderIsReportedIncomplete() throws {
        let path = dir.path("gil.db")
        let noSuchPid: Int32 = 0x7FFF_FFF0  // above any pid_max
        do {
            let writer = try RunWriter.begin(path: path, info: info("killed", pid: noSuchPid))
            CraftedRun(threads: 1, rounds: 5).events.withUnsafeBufferPointer { writer.submit($0) }
            // dropped without finish(), as if the process had been killed
        }
        let alive = try RunWriter.begin(path: path, info: info("alive"))
        let reader = try TraceReader(path: path)
        #expect(try reader.runs().map(\.status) == [.incomplete, .running])
        #expect(try reader.query("SELECT status FROM runs ORDER BY run_id", parameters: [:]).rows == [[.text("running")], [.text("running")]])
        // Only the dead recorder's run is repaired in the file; the live one is left alone.
        #expect(try StoreMaintenance.markStaleRunsIncomplete(path: path) == [1])
        #expect(try reader.query("SELECT status FROM runs ORDER BY run_id", parameters: [:]).rows == [[.text("incomplete")], [.text("running")]])
        let killed = try reader.resolveRun("killed")
        #expect(killed.eventCount == Int64(CraftedRun(threads: 1, rounds: 5).events.count))
        var slices: [Slice] = []
        try reader.forEachSlice(runID: killed.runID, state: nil) { slices.append($0) }
        #expect(slices == SliceBuilder.slices(of: CraftedRun(threads: 1, rounds: 5).events))
        try alive.finish(RunOutcome(status: .ok, exitCode: 0, wallNs: 1, cpuNs: 1), droppedEvents: 0)
        #expect(try reader.runs().map(\.status) == [.incomplete, .ok])
    }
}

extension RunInfo {
    func with(pid: Int32) -> RunInfo {
        var copy = self
        copy.pid = pid
        return copy
    }
}

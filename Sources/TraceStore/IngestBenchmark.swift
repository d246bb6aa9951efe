#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CSQLite
import GILTrace

/// Measures the store's ingest rate and on-disk size per event against a plain C-API insert loop of the
/// same rows (DESIGN.md §6: 2.5 M rows/s for a 6-integer rowid table on this machine). For `gilbench`.
package enum IngestBenchmark {
    package struct Result: Sendable, CustomStringConvertible {
        package var events: Int
        /// Events stored per second, submit of the first chunk to the writer having stored the last.
        package var eventsPerSecond: Double
        /// Seconds `finish` took (slice derivation and the run's outcome).
        package var finishSeconds: Double
        /// File size after a checkpoint, divided by the event count: events, slices and indexes included.
        package var bytesPerEvent: Double
        package var slicesPerEvent: Double

        package var description: String {
            let rate = (eventsPerSecond / 1e6 * 100).rounded() / 100
            let size = (bytesPerEvent * 10).rounded() / 10
            let finish = (finishSeconds * 1000).rounded()
            return "\(events) events: \(rate) M events/s, \(size) B/event, finish \(finish) ms"
        }
    }

    /// A plausible CPU-bound recording: `threads` threads trading the GIL (request, drop request, release,
    /// acquire, os_ctx), every tenth hold with a lock round trip and a short sleep. With `stacks`, each
    /// thread spins at one line, takes the lock at another and sleeps at a third, and its `stack` events
    /// announce each change (three per tenth hold, about 5 % more rows): what our runtime records for such a
    /// program. `count` counts every event, `stack` events included.
    package static func syntheticEvents(count: Int, threads: Int = 2, stacks: Bool = true) -> [Event] {
        var events: [Event] = []
        events.reserveCapacity(count + 16)
        var ts: Int64 = 5_000_000
        var switchNumber: Int64 = 0
        var holder = 1
        var current = [Int32](repeating: 0, count: threads + 1)
        func add(_ tid: Int, _ kind: EventKind, obj: Int32 = 0, arg: Int64 = 0, after: Int64, site: Site = .loop) {
            ts += after
            let stack = syntheticStack(tid: tid, site: site)
            if stacks, kind.carriesStack, current[tid] != stack {
                current[tid] = stack
                events.append(Event(seq: Int64(events.count), ts: ts, tid: UInt16(tid), kind: .stack, arg: Int64(stack)))
            }
            events.append(Event(seq: Int64(events.count), ts: ts, tid: UInt16(tid), kind: kind, obj: obj, arg: arg))
        }
        while events.count < count {
            let next = holder % threads + 1
            add(next, .gilRequest, arg: GILRequestReason.afterDrop.rawValue, after: 1_300)
            add(next, .gilDropRequest, arg: Int64(holder), after: 5_000_000 + Int64(events.count % 977))
            add(holder, .osCtx, arg: OSContextSwitches(voluntary: 1, involuntary: 0).packed, after: 2_100)
            add(holder, .gilRelease, arg: GILReleaseReason.interval.rawValue, after: 400)
            switchNumber += 1
            add(next, .gilAcquire, arg: switchNumber, after: 38_000 + Int64(events.count % 7_919))
            if switchNumber % 10 == 0 {
                add(next, .lockRequest, obj: 1, arg: -1, after: 900, site: .lock)
                add(next, .lockAcquire, obj: 1, arg: 1, after: 300, site: .lock)
                add(next, .lockRelease, obj: 1, after: 2_000, site: .lock)
                add(next, .gilRelease, arg: GILReleaseReason.io.rawValue, after: 700, site: .sleep)
                add(next, .ioBegin, obj: IOKind.sleep.rawValue, arg: 100_000, after: 200, site: .sleep)
                add(next, .ioEnd, obj: IOKind.sleep.rawValue, after: 100_000, site: .sleep)
                add(next, .gilRequest, arg: GILRequestReason.io.rawValue, after: 300, site: .sleep)
                switchNumber += 1
                add(next, .gilAcquire, arg: switchNumber, after: 500, site: .sleep)
            }
            holder = next
        }
        return Array(events.prefix(count))
    }

    /// Where a synthetic thread is: its spinning loop, its `with lock:` or its `time.sleep()`.
    package enum Site: Int32, CaseIterable, Sendable {
        case loop = 1, lock, sleep
    }

    /// The synthetic program's stack for thread `tid` at `site`: `<module>` → `work` → the site's line.
    package static func syntheticStack(tid: Int, site: Site) -> Int32 {
        Int32(tid - 1) * Int32(Site.allCases.count) + site.rawValue + 1
    }

    /// The synthetic program's locations and stacks, as a recorder would describe them.
    package static func describeSyntheticStacks(_ sink: EventSink, threads: Int = 2) {
        sink.describeLocation(CodeLocation(id: 1, file: "synthetic.py", line: 20, function: "<module>", firstLine: 1))
        sink.describeStack(StackEntry(id: 1, parent: 0, location: 1, depth: 0))
        for site in Site.allCases {
            let location = site.rawValue + 1
            sink.describeLocation(CodeLocation(id: location, file: "synthetic.py", line: 5 + site.rawValue, function: "work", firstLine: 4))
            for tid in 1...threads {
                sink.describeStack(StackEntry(id: syntheticStack(tid: tid, site: site), parent: 1, location: location, depth: 1))
            }
        }
    }

    /// Records `events` synthetic events into a new run at `path` through `RunWriter`: each thread's events
    /// are submitted in 4,096-event chunks (the recorder's buffer size), in seq order.
    package static func run(events: Int, path: String) throws -> Result {
        let all = syntheticEvents(count: events)
        let writer = try RunWriter.begin(path: path, info: RunInfo(label: "ingest-benchmark", program: "<synthetic>"))
        describeSyntheticStacks(writer)
        let start = MonotonicClock.now()
        var offset = 0
        all.withUnsafeBufferPointer { buffer in
            while offset < buffer.count {
                let end = min(offset + 4_096, buffer.count)
                writer.submit(UnsafeBufferPointer(rebasing: buffer[offset..<end]))
                offset = end
            }
        }
        writer.waitUntilDrained()
        let ingested = MonotonicClock.now()
        // The run's outcome describes the synthetic program (its last timestamp), not the benchmark.
        let wall = all.last.map { $0.ts } ?? 0
        try writer.finish(RunOutcome(status: .ok, exitCode: 0, wallNs: wall, cpuNs: wall), droppedEvents: 0)
        let finished = MonotonicClock.now()
        let (bytes, slices) = try measure(path: path, runID: writer.runID)
        // Per recorded event: `stack` announcements are what stacks cost, not events of their own.
        let recorded = Double(all.count { $0.kind != .stack })
        return Result(
            events: events, eventsPerSecond: Double(events) / (Double(ingested - start) / 1e9),
            finishSeconds: Double(finished - ingested) / 1e9, bytesPerEvent: Double(bytes) / recorded,
            slicesPerEvent: Double(slices) / recorded)
    }

    /// The same rows inserted by a bare C-API loop (prepare once, bind, step, reset, commit every 10k) into
    /// a fresh file with `table` as the events table: the ceiling the store is measured against.
    package static func cLoop(events: Int, path: String, table: BaselineTable) throws -> Result {
        let all = syntheticEvents(count: events, stacks: false)
        let db = try Database(path: path, mode: .create)
        defer { db.close() }
        try db.execute(Schema.writerPragmas)
        try db.execute(table.createSQL)
        let start = MonotonicClock.now()
        var stmt: OpaquePointer?
        guard sqlite3_prepare_v2(db.handle, table.insertSQL, -1, &stmt, nil) == SQLITE_OK else {
            throw SQLiteError.from(db.handle, code: sqlite3_errcode(db.handle), sql: table.insertSQL)
        }
        defer { sqlite3_finalize(stmt) }
        sqlite3_exec(db.handle, Schema.begin, nil, nil, nil)
        // The store's blocks, without their rows: rowids from 1, timestamps relative to a base renewed
        // whenever an offset would not fit 4 bytes.
        var block = EventBlock(runID: 1, opening: all.first ?? Event(seq: 0, ts: 0, tid: 0, kind: .mark), firstID: 1)
        for (index, event) in all.enumerated() {
            switch table {
            case .eventRows:
                if !block.takes(event) { block = EventBlock(runID: 1, opening: event, firstID: block.lastID + 1) }
                block.lastID += 1
                sqlite3_bind_int64(stmt, 1, block.lastID)
                sqlite3_bind_int64(stmt, 2, block.offset(event))
                sqlite3_bind_int64(stmt, 3, EventRow.tk(event))
                sqlite3_bind_int64(stmt, 4, event.arg)
            case .withoutRowID, .rowid:
                sqlite3_bind_int64(stmt, 1, 1)
                sqlite3_bind_int64(stmt, 2, event.seq)
                sqlite3_bind_int64(stmt, 3, event.ts)
                sqlite3_bind_int64(stmt, 4, Int64(event.tid))
                sqlite3_bind_int64(stmt, 5, Int64(event.kindCode))
                sqlite3_bind_int64(stmt, 6, Int64(event.obj))
                sqlite3_bind_int64(stmt, 7, event.arg)
            }
            guard sqlite3_step(stmt) == SQLITE_DONE else {
                throw SQLiteError.from(db.handle, code: sqlite3_errcode(db.handle), sql: table.insertSQL)
            }
            sqlite3_reset(stmt)
            if index % 10_000 == 9_999 {
                sqlite3_exec(db.handle, Schema.commit, nil, nil, nil)
                sqlite3_exec(db.handle, Schema.begin, nil, nil, nil)
            }
        }
        sqlite3_exec(db.handle, Schema.commit, nil, nil, nil)
        let end = MonotonicClock.now()
        try db.execute(Schema.checkpoint)
        return Result(
            events: events, eventsPerSecond: Double(events) / (Double(end - start) / 1e9), finishSeconds: 0,
            bytesPerEvent: Double(fileSize(path)) / Double(events), slicesPerEvent: 0)
    }

    /// Events-table layouts for the baseline loop.
    package enum BaselineTable: String, CaseIterable, Sendable {
        /// The store's layout (schema version 6): `event_rows`, one row per event, same keys and packing.
        case eventRows = "event-rows"
        /// Schema version 1's layout: `WITHOUT ROWID`, `PRIMARY KEY(run_id, seq)`, seven columns.
        case withoutRowID = "without-rowid"
        /// DESIGN.md §6's ceiling: a plain rowid table of seven integers, no index.
        case rowid

        var createSQL: String {
            switch self {
            case .eventRows: Schema.baselineEventRowsTable
            case .withoutRowID: Schema.baselineWithoutRowIDTable
            case .rowid: Schema.baselineRowidTable
            }
        }

        var tableName: String { self == .eventRows ? "event_rows" : "events" }

        var insertSQL: String {
            switch self {
            case .eventRows: Schema.insertEventRow
            case .withoutRowID, .rowid: Schema.insertEventVersion1
            }
        }
    }

    /// Bytes of the main file after a checkpoint (WAL folded in), and the run's slice count.
    private static func measure(path: String, runID: Int64) throws -> (Int64, Int64) {
        let db = try Database(path: path, mode: .readWrite)
        defer { db.close() }
        try db.execute(Schema.checkpoint)
        let s = try db.cachedStatement(Schema.countSlices)
        s.bind(runID, at: 1)
        _ = try s.step()
        let slices = s.int64(0)
        s.reset()
        return (fileSize(path), slices)
    }

    private static func fileSize(_ path: String) -> Int64 {
        var info = stat()
        return stat(path, &info) == 0 ? Int64(info.st_size) : 0
    }
}

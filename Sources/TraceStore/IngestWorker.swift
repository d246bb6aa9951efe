#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GILTrace

/// The body of a `RunWriter`'s writer thread. It owns the write connection while the thread runs (the
/// recording threads only touch the queue), inserting events with one prepared INSERT reused and
/// committing every `commitEvery` rows or whenever the queue runs dry, so readers see progress.
/// `@unchecked Sendable`: handed to the writer thread at start and read back only after `pthread_join`.
final class IngestWorker: @unchecked Sendable {
    let db: Database
    let runID: Int64
    let queue: WriterQueue
    let commitEvery: Int
    /// Events stored (committed or about to be).
    private(set) var insertedEvents: Int64 = 0
    /// Events thrown away after a storage error (counted into `dropped_events`, never silent).
    private(set) var discardedEvents: Int64 = 0
    /// The first storage error; once set, later items are discarded.
    private(set) var firstError: (any Error)?
    private var rowsInTransaction = 0
    /// Events inserted in the open transaction: they count as stored only once it commits.
    private var uncommittedEvents: Int64 = 0
    /// The last rowid of `event_rows` and of every block's range inside the open transaction; nil outside
    /// one (another recorder may append between our transactions).
    private var knownLastRowID: Int64?
    /// The block the run's rows go to, while its last row is the table's last one.
    private var block: EventBlock?
    /// `block.lastID` as its `event_blocks` row says now (the row is brought up to date before each commit).
    private var storedBlockLastID: Int64 = 0

    init(db: Database, runID: Int64, queue: WriterQueue, commitEvery: Int = 10_000) {
        self.db = db
        self.runID = runID
        self.queue = queue
        self.commitEvery = commitEvery
    }

    /// Runs until the queue is closed and drained.
    func run() {
        lowerPriority()
        while let items = queue.takeAll() {
            var bytes = 0
            for item in items {
                if case .events(let events) = item { bytes += events.count * MemoryLayout<Event>.stride }
            }
            let committedBefore = insertedEvents
            var failed = firstError != nil
            if !failed {
                do {
                    try store(items)
                } catch {
                    firstError = error
                    failed = true
                    if db.isInTransaction { try? db.execute(Schema.rollback) }
                    rowsInTransaction = 0
                    uncommittedEvents = 0
                    knownLastRowID = nil
                    block = nil
                }
            }
            if failed {
                // Everything in this batch that no commit covered is lost: count it, never silently.
                let batchEvents = Int64(bytes / MemoryLayout<Event>.stride)
                discardedEvents += batchEvents - (insertedEvents - committedBefore)
            }
            queue.release(bytes: bytes)
        }
    }

    /// The writer needs ~2,200 instructions per event and cannot keep pace with an event-dense program on one
    /// core, so it is runnable for the whole program and competes with the program's threads for the cores:
    /// it runs at the recorder's background priority (`RecorderThreadPriority`), and the queue (`RunWriter`'s
    /// limit) absorbs what it falls behind by. (Before: nice +10; lock-heavy traced/untraced 1.74× at +0, 1.51×
    /// at +10 under load ~4, docs/recording-cost.md.)
    private func lowerPriority() {
        RecorderThreadPriority.lowerCallingThread()
    }

    private func store(_ items: [WriterQueue.Item]) throws {
        for item in items {
            switch item {
            case .events(let events):
                try insert(events)
            case .thread(let info): try upsert(info)
            case .object(let info): try upsert(info)
            case .label(let id, let text): try upsertLabel(id: id, text: text)
            case .location(let location): try upsert(location)
            case .stack(let stack): try upsert(stack)
            }
        }
        try commit()
    }

    private func beginIfNeeded() throws {
        if !db.isInTransaction {
            try db.execute(Schema.beginImmediate)
            rowsInTransaction = 0
            knownLastRowID = nil
        }
    }

    private func commit() throws {
        if db.isInTransaction {
            try storeBlockEnd()
            try db.execute(Schema.commit)
        }
        insertedEvents += uncommittedEvents
        uncommittedEvents = 0
        rowsInTransaction = 0
        knownLastRowID = nil
    }

    /// The hot loop. Events arrive in `seq` order (the recorder's drain merges its rings), so almost every
    /// event continues the open `EventBlock` at the table's last row: those rows go through
    /// `Schema.appendEventRowsBlock`, which leaves the key out and lets SQLite pick `max(id) + 1`
    /// (`OP_NewRowid`, an append at the cursor). An explicit key costs a uniqueness check, i.e. a B-tree
    /// search from the root per row, ~60 % of the writer's instructions in callgrind (sqlite3BtreeTableMoveto
    /// + sqlite3GetVarint; see https://sqlite.org/lang_createtable.html#rowid and the `OP_NotExists` of
    /// insert.c); only a block's first row takes one. A new block opens for the run's first event, an event
    /// published late, after another recorder's rows, and every ~2.1 s of timestamps. An event with a
    /// negative `seq` is discarded and counted.
    private func insert(_ events: [Event]) throws {
        let many = Schema.eventsPerInsert
        // Statements come from the connection's cache (emptied at close: a statement held past close would
        // keep the file open and locked).
        let appendMany = try db.cachedStatement(Schema.appendEventRowsBlock)
        let appendOne = try db.cachedStatement(Schema.appendEventRow)
        try beginIfNeeded()
        try events.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                if rowsInTransaction >= commitEvery {
                    try commit()
                    try beginIfNeeded()
                }
                let event = buffer[index]
                guard event.seq >= 0 else {
                    index += 1
                    discardedEvents += 1
                    continue
                }
                let last = try lastRowID()
                var stored = 1
                if var current = block, current.lastID == last, current.takes(event) {
                    let run = continuing(current, buffer, from: index, limit: many)
                    if run == many {
                        var parameter: Int32 = 1
                        for position in index..<(index + many) {
                            bindAppended(buffer[position], in: current, to: appendMany, at: parameter)
                            parameter += 3
                        }
                        try appendMany.step()
                        appendMany.reset()
                        stored = many
                    } else {
                        bindAppended(event, in: current, to: appendOne, at: 1)
                        try appendOne.step()
                        appendOne.reset()
                    }
                    current.lastID += Int64(stored)
                    // SQLite chose the keys; they must be ours (nothing else writes inside our transaction).
                    guard db.lastInsertRowID == current.lastID else {
                        throw SQLiteError(
                            code: 1, message: "event_rows appended at rowid \(db.lastInsertRowID), expected \(current.lastID)",
                            sql: Schema.appendEventRowsBlock)
                    }
                    block = current
                } else {
                    try open(EventBlock(runID: runID, opening: event, firstID: last + 1), with: event)
                }
                knownLastRowID = block?.lastID
                index += stored
                rowsInTransaction += stored
                uncommittedEvents += Int64(stored)
            }
        }
    }

    /// Ends the open block and starts `next` with its first event, stored under an explicit key: the rows
    /// of a block whose end was deleted by hand may lie above the table's last rowid, and nothing may
    /// reuse them.
    private func open(_ next: EventBlock, with event: Event) throws {
        try storeBlockEnd()
        var opened = next
        opened.lastID = opened.firstID
        let row = try db.cachedStatement(Schema.insertEventRow)
        row.bind(opened.firstID, at: 1)
        row.bind(opened.offset(event), at: 2)
        row.bind(EventRow.tk(event), at: 3)
        row.bind(event.arg, at: 4)
        try row.run()
        let s = try db.cachedStatement(Schema.insertEventBlock)
        s.bind(runID, at: 1)
        s.bind(opened.firstSeq, at: 2)
        s.bind(opened.firstID, at: 3)
        s.bind(opened.lastID, at: 4)
        s.bind(opened.baseTs, at: 5)
        try s.run()
        block = opened
        storedBlockLastID = opened.lastID
    }

    /// Brings the open block's `event_blocks` row up to its last row (before a commit or a new block).
    private func storeBlockEnd() throws {
        guard let block, block.lastID != storedBlockLastID else { return }
        let s = try db.cachedStatement(Schema.extendEventBlock)
        s.bind(runID, at: 1)
        s.bind(block.firstSeq, at: 2)
        s.bind(block.lastID, at: 3)
        try s.run()
        storedBlockLastID = block.lastID
    }

    /// How many events from `index` on (at most `limit`) continue `block` one after the other.
    @inline(__always)
    private func continuing(_ block: EventBlock, _ buffer: UnsafeBufferPointer<Event>, from index: Int, limit: Int) -> Int {
        var probe = block
        let end = min(buffer.count, index + limit)
        var position = index
        while position < end, probe.takes(buffer[position]) {
            probe.lastID += 1
            position += 1
        }
        return position - index
    }

    /// The last rowid in `event_rows` or in a block's range within the open transaction, read once per
    /// transaction (two descents to a last leaf) and then tracked as rows go in.
    @inline(__always)
    private func lastRowID() throws -> Int64 {
        if let knownLastRowID { return knownLastRowID }
        let last = try db.scalarInt(Schema.lastEventRowID) ?? 0
        knownLastRowID = last
        return last
    }

    @inline(__always)
    private func bindAppended(_ event: Event, in block: EventBlock, to statement: Statement, at first: Int32) {
        statement.bind(block.offset(event), at: first)
        statement.bind(EventRow.tk(event), at: first + 1)
        statement.bind(event.arg, at: first + 2)
    }

    private func upsert(_ info: ThreadInfo) throws {
        try beginIfNeeded()
        let s = try db.cachedStatement(Schema.upsertThread)
        s.bind(runID, at: 1)
        s.bind(Int64(info.tid), at: 2)
        s.bind(info.name, at: 3)
        s.bind(Int64(info.parentTid), at: 4)
        s.bind(info.startNs, at: 5)
        s.bind(info.endNs, at: 6)
        s.bind(Int64(info.daemon ? 1 : 0), at: 7)
        s.bind(info.cpuNs, at: 8)
        s.bind(info.voluntaryContextSwitches, at: 9)
        s.bind(info.involuntaryContextSwitches, at: 10)
        try s.run()
    }

    private func upsert(_ info: ObjectInfo) throws {
        try beginIfNeeded()
        let s = try db.cachedStatement(Schema.upsertObject)
        s.bind(runID, at: 1)
        s.bind(Int64(info.id), at: 2)
        s.bind(info.kind.rawValue, at: 3)
        s.bind(info.name, at: 4)
        s.bind(Int64(info.sourceLine), at: 5)
        try s.run()
    }

    private func upsert(_ location: CodeLocation) throws {
        try beginIfNeeded()
        let s = try db.cachedStatement(Schema.upsertLocation)
        s.bind(runID, at: 1)
        s.bind(Int64(location.id), at: 2)
        s.bind(location.file, at: 3)
        s.bind(Int64(location.line), at: 4)
        s.bind(location.function, at: 5)
        s.bind(Int64(location.firstLine), at: 6)
        try s.run()
    }

    private func upsert(_ stack: StackEntry) throws {
        try beginIfNeeded()
        let s = try db.cachedStatement(Schema.upsertStack)
        s.bind(runID, at: 1)
        s.bind(Int64(stack.id), at: 2)
        if stack.parent != 0 { s.bind(Int64(stack.parent), at: 3) } else { s.bindNull(at: 3) }
        s.bind(Int64(stack.location), at: 4)
        s.bind(Int64(stack.depth), at: 5)
        try s.run()
    }

    private func upsertLabel(id: Int32, text: String) throws {
        try beginIfNeeded()
        let s = try db.cachedStatement(Schema.upsertLabel)
        s.bind(runID, at: 1)
        s.bind(Int64(id), at: 2)
        s.bind(text, at: 3)
        try s.run()
    }
}

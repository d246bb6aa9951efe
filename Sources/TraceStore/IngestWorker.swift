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

    init(db: Database, runID: Int64, queue: WriterQueue, commitEvery: Int = 10_000) {
        self.db = db
        self.runID = runID
        self.queue = queue
        self.commitEvery = commitEvery
    }

    /// Runs until the queue is closed and drained.
    func run() {
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

    private func store(_ items: [WriterQueue.Item]) throws {
        for item in items {
            switch item {
            case .events(let events):
                try insert(events)
            case .thread(let info): try upsert(info)
            case .object(let info): try upsert(info)
            case .label(let id, let text): try upsertLabel(id: id, text: text)
            }
        }
        try commit()
    }

    private func beginIfNeeded() throws {
        if !db.isInTransaction {
            try db.execute(Schema.beginImmediate)
            rowsInTransaction = 0
        }
    }

    private func commit() throws {
        if db.isInTransaction { try db.execute(Schema.commit) }
        insertedEvents += uncommittedEvents
        uncommittedEvents = 0
        rowsInTransaction = 0
    }

    /// The hot loop: `Schema.eventsPerInsert` rows per step of one cached multi-row INSERT (the tail row by
    /// row), four integers per row (`EventRow`). An event whose `seq` does not fit the key is discarded and
    /// counted, never stored under another run's key.
    private func insert(_ events: [Event]) throws {
        let block = Schema.eventsPerInsert
        let many = try db.cachedStatement(Schema.insertEventRowsBlock)
        let one = try db.cachedStatement(Schema.insertEventRow)
        try beginIfNeeded()
        try events.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                if rowsInTransaction >= commitEvery {
                    try commit()
                    try beginIfNeeded()
                }
                if buffer.count - index >= block, fitsKey(buffer[index..<(index + block)]) {
                    var parameter: Int32 = 1
                    for event in buffer[index..<(index + block)] {
                        bind(event, to: many, at: parameter)
                        parameter += 4
                    }
                    try many.step()
                    many.reset()
                    index += block
                    rowsInTransaction += block
                    uncommittedEvents += Int64(block)
                } else {
                    let event = buffer[index]
                    index += 1
                    guard fitsKey(event) else {
                        discardedEvents += 1
                        continue
                    }
                    bind(event, to: one, at: 1)
                    try one.step()
                    one.reset()
                    rowsInTransaction += 1
                    uncommittedEvents += 1
                }
            }
        }
    }

    @inline(__always)
    private func bind(_ event: Event, to statement: Statement, at first: Int32) {
        statement.bind(EventRow.id(run: runID, seq: event.seq), at: first)
        statement.bind(event.ts, at: first + 1)
        statement.bind(EventRow.tk(event), at: first + 2)
        statement.bind(event.arg, at: first + 3)
    }

    @inline(__always)
    private func fitsKey(_ event: Event) -> Bool { event.seq >= 0 && event.seq < EventRow.seqLimit }

    private func fitsKey(_ events: Swift.Slice<UnsafeBufferPointer<Event>>) -> Bool {
        events.allSatisfy { fitsKey($0) }
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

    private func upsertLabel(id: Int32, text: String) throws {
        try beginIfNeeded()
        let s = try db.cachedStatement(Schema.upsertLabel)
        s.bind(runID, at: 1)
        s.bind(Int64(id), at: 2)
        s.bind(text, at: 3)
        try s.run()
    }
}

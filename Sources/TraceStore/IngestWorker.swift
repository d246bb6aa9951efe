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

    /// The hot loop: one cached statement, `run_id` bound once, six integers per row.
    private func insert(_ events: [Event]) throws {
        let statement = try db.cachedStatement(Schema.insertEvent)
        statement.bind(runID, at: 1)
        try beginIfNeeded()
        for event in events {
            statement.bind(event.seq, at: 2)
            statement.bind(event.ts, at: 3)
            statement.bind(Int64(event.tid), at: 4)
            statement.bind(Int64(event.kindCode), at: 5)
            statement.bind(Int64(event.obj), at: 6)
            statement.bind(event.arg, at: 7)
            try statement.step()
            statement.reset()
            rowsInTransaction += 1
            uncommittedEvents += 1
            if rowsInTransaction >= commitEvery {
                try commit()
                try beginIfNeeded()
            }
        }
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

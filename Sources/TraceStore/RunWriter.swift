#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GILTrace
import Synchronization

/// Records one run into a store: an `EventSink` whose `submit` copies events into a queue that a writer
/// thread, owning its own connection, inserts in batched transactions (DESIGN.md §3).
///
/// `@unchecked Sendable`: the queue is internally locked; the worker (and its connection) belongs to the
/// writer thread until `finish` joins it; `finish` itself is serialised by `finishState`.
public final class RunWriter: EventSink, @unchecked Sendable {
    public let runID: Int64
    public let path: String
    let queue: WriterQueue
    private let worker: IngestWorker
    private var thread: pthread_t
    private let finishState = Mutex<FinishState>(.recording)

    private enum FinishState {
        case recording
        case finished((any Error)?)
    }

    /// Default back-pressure threshold: 48 MiB of queued events (1.5 M events). A lock-heavy program emits
    /// ~4 M events/s, faster than any SQLite insert loop here: the queue absorbs a burst of that length
    /// without stalling the program, and stays under gilbench's memory goal (peak ≤ 64 MiB above the program).
    static let defaultQueueLimitBytes = 48 << 20

    /// Opens (creating and migrating if needed) the store at `path`, inserts the `runs` row with status
    /// `running` and the recorder's pid, and starts the writer thread.
    public static func begin(path: String, info: RunInfo) throws -> RunWriter {
        try begin(path: path, info: info, queueLimitBytes: defaultQueueLimitBytes)
    }

    /// - Parameter pageLimit: pages the file may grow by during this run (`PRAGMA max_page_count`): tests
    ///   simulate a disk filling up mid-recording with it.
    package static func begin(
        path: String, info: RunInfo, queueLimitBytes: Int = defaultQueueLimitBytes, commitEvery: Int = 10_000,
        pageLimit: Int? = nil
    ) throws -> RunWriter {
        let db = try StoreFile.openForWriting(path: path)
        do {
            if let pageLimit { try db.limitGrowth(toPages: pageLimit) }
            try db.execute(Schema.recordingPragmas)
            let runID = try db.inTransaction {
                let s = try db.cachedStatement(Schema.insertRun)
                s.bind(info.label, at: 1)
                s.bind(info.program, at: 2)
                s.bind(ArgvJSON.encode(info.argv), at: 3)
                s.bind(info.policy, at: 4)
                s.bind(info.switchIntervalNs, at: 5)
                s.bind(info.checkMode, at: 6)
                s.bind(info.startedAt, at: 7)
                s.bind(info.host, at: 8)
                s.bind(Int64(info.cpuCount), at: 9)
                s.bind(info.gilrecVersion, at: 10)
                s.bind(info.sweepId, at: 11)
                s.bind(Int64(info.pid != 0 ? info.pid : getpid()), at: 12)
                s.bind(info.engine, at: 13)
                s.bind(info.python, at: 14)
                s.bind(info.parentRunId, at: 15)
                try s.run()
                return db.lastInsertRowID
            }
            let queue = WriterQueue(limitBytes: queueLimitBytes)
            let worker = IngestWorker(db: db, runID: runID, queue: queue, commitEvery: commitEvery)
            return try RunWriter(runID: runID, path: path, queue: queue, worker: worker)
        } catch {
            db.close()
            throw error
        }
    }

    private init(runID: Int64, path: String, queue: WriterQueue, worker: IngestWorker) throws {
        self.runID = runID
        self.path = path
        self.queue = queue
        self.worker = worker
        var thread = pthread_t()
        let context = Unmanaged.passRetained(worker).toOpaque()
        let code = pthread_create(&thread, nil, { raw in
            let worker = Unmanaged<IngestWorker>.fromOpaque(raw!).takeRetainedValue()
            worker.run()
            return nil
        }, context)
        guard code == 0 else {
            Unmanaged<IngestWorker>.fromOpaque(context).release()
            throw StoreError.cannotOpen(path: path, reason: "cannot start the writer thread (error \(code))")
        }
        self.thread = thread
    }

    deinit {
        // A writer dropped without finish(): stop the thread; the run stays `running` → shown `incomplete`.
        finishState.withLock { state in
            if case .recording = state {
                queue.close()
                pthread_join(thread, nil)
                worker.db.close()
            }
        }
    }

    // MARK: - EventSink

    /// Copies the events into the queue; blocks while more than the queue limit is waiting (never drops).
    public func submit(_ events: UnsafeBufferPointer<Event>) {
        guard !events.isEmpty else { return }
        queue.push(.events(Array(events)), bytes: events.count * MemoryLayout<Event>.stride)
    }

    public func describeThread(_ info: ThreadInfo) {
        queue.push(.thread(info), bytes: 0)
    }

    public func describeObject(_ info: ObjectInfo) {
        queue.push(.object(info), bytes: 0)
    }

    public func describeLabel(id: Int32, text: String) {
        queue.push(.label(id, text), bytes: 0)
    }

    public func describeLocation(_ location: CodeLocation) {
        queue.push(.location(location), bytes: 0)
    }

    public func describeStack(_ stack: StackEntry) {
        queue.push(.stack(stack), bytes: 0)
    }

    // MARK: - Finishing

    /// Drains the queue, stops the writer thread, derives `slices` from the stored events in one pass, and
    /// sets the run's outcome, event count and dropped events (`droppedEvents` from the recorder plus any
    /// this writer had to discard). Idempotent: later calls return (or rethrow) the first call's result.
    /// Safe from a signal-handling thread while nothing else submits.
    public func finish(_ outcome: RunOutcome, droppedEvents: Int64) throws {
        let error: (any Error)? = finishState.withLock { state in
            if case .finished(let error) = state { return error }
            queue.close()
            pthread_join(thread, nil)
            var error = worker.firstError.map { StoreError.recordingFailed(path: path, committedEvents: worker.insertedEvents, reason: "\($0)") }
            let dropped = droppedEvents + worker.discardedEvents + queue.rejectedEvents
            // A storage failure (full disk, I/O error) mid-run: what was committed stays, the run is an error.
            var outcome = outcome
            if error != nil {
                outcome.status = .error
                if outcome.exitCode == 0 { outcome.exitCode = 1 }
            }
            do {
                try SliceDeriver.finishRun(worker.db, runID: runID, outcome: outcome, droppedEvents: dropped)
            } catch let finishError {
                if error == nil {
                    error = StoreError.recordingFailed(path: path, committedEvents: worker.insertedEvents, reason: "\(finishError)")
                }
                // No room for the slices: still mark the run (an in-place update of its row) so it never
                // stays `running`.
                outcome.status = .error
                if outcome.exitCode == 0 { outcome.exitCode = 1 }
                try? SliceDeriver.recordOutcome(
                    worker.db, runID: runID, outcome: outcome, eventCount: worker.insertedEvents, droppedEvents: dropped)
            }
            // Everything this run wrote reaches the disk now, fsynced (the recording itself ran unsynced).
            try? worker.db.execute(Schema.recordingDone)
            worker.db.close()
            state = .finished(error)
            return error
        }
        if let error { throw error }
    }

    // MARK: - Tests and benchmarks

    /// Waits until every event submitted so far is stored.
    package func waitUntilDrained() { queue.waitUntilDrained() }

    /// Holds the writer thread back (tests exercise back-pressure with it).
    func pauseWriterForTesting(_ paused: Bool) { queue.setPaused(paused) }
    var backPressure: (blocked: Int, waiting: Int) { queue.backPressure }
}

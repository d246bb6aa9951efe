/// A Python thread as the `threads` table stores it. Sent to the sink at start and again at end.
public struct ThreadInfo: Equatable, Sendable {
    public var tid: Int32
    public var name: String
    public var parentTid: Int32
    public var startNs: Int64
    /// nil while the thread runs.
    public var endNs: Int64?
    public var daemon: Bool
    /// CPU time of the OS thread (`RUSAGE_THREAD`), known at end.
    public var cpuNs: Int64
    public var voluntaryContextSwitches: Int64
    public var involuntaryContextSwitches: Int64

    public init(
        tid: Int32, name: String, parentTid: Int32, startNs: Int64, endNs: Int64? = nil, daemon: Bool = false,
        cpuNs: Int64 = 0, voluntaryContextSwitches: Int64 = 0, involuntaryContextSwitches: Int64 = 0
    ) {
        self.tid = tid
        self.name = name
        self.parentTid = parentTid
        self.startNs = startNs
        self.endNs = endNs
        self.daemon = daemon
        self.cpuNs = cpuNs
        self.voluntaryContextSwitches = voluntaryContextSwitches
        self.involuntaryContextSwitches = involuntaryContextSwitches
    }
}

/// What kind of thing an object id names (`objects.kind`).
public enum ObjectKind: String, CaseIterable, Sendable {
    case gil
    case lock
    case rlock
    case condition
    case semaphore
    case boundedSemaphore = "bounded_semaphore"
    case barrier
    case event
    case queue
    /// A thread being joined: `join()` waits are lock waits on the joined thread's object.
    case thread
    /// A per-object lock of the free-threaded policy (a list, dict, globals, cell…), registered when
    /// two threads first collided on it.
    case objectLock = "object_lock"
}

/// A traced object (`objects` table): the GIL is id 0, user objects count up from 1 in creation order.
public struct ObjectInfo: Equatable, Sendable {
    public var id: Int32
    public var kind: ObjectKind
    /// Python-side name when known (`lock = threading.Lock()` → "lock"), else e.g. "Lock-3".
    public var name: String
    /// Line of the creating call in the program, 0 when unknown.
    public var sourceLine: Int32

    public init(id: Int32, kind: ObjectKind, name: String, sourceLine: Int32 = 0) {
        self.id = id
        self.kind = kind
        self.name = name
        self.sourceLine = sourceLine
    }
}

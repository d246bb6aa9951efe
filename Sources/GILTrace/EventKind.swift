/// What happened. Stored as a small integer in `events.kind`; `event_kinds(code, name)` maps it back.
/// The vocabulary is DESIGN.md §2. Codes are part of the file format: append, never renumber.
public enum EventKind: UInt8, CaseIterable, Sendable {
    /// A Python thread began running (`arg` = parent tid, 0 for main).
    case threadStart = 1
    /// A Python thread finished (`arg` = 0 normal, 1 uncaught exception).
    case threadEnd = 2
    /// The thread wants the GIL (`arg` = `GILRequestReason`).
    case gilRequest = 3
    /// The thread holds the GIL (`arg` = switch number after the acquire).
    case gilAcquire = 4
    /// A waiter timed out after the switch interval and asked the holder to drop (`arg` = holder tid).
    case gilDropRequest = 5
    /// The holder let go of the GIL (`arg` = `GILReleaseReason`).
    case gilRelease = 6
    /// The thread asks for a user sync object (`obj`; `arg` = timeout in ns, -1 = none).
    case lockRequest = 7
    /// The wait ended (`obj`; `arg` = 1 acquired/woken, 0 timed out or failed; Barrier: the index + 1).
    case lockAcquire = 8
    /// The thread let go of the object (`obj`; `arg` = remaining recursion count for RLock, else 0).
    case lockRelease = 9
    /// A blocking call starts with the GIL released (`obj` = `IOKind`; `arg` = bytes asked or ns to sleep).
    case ioBegin = 10
    /// The blocking call returned (`obj` = `IOKind`; `arg` = bytes transferred, or -1 on error).
    case ioEnd = 11
    /// OS context switches of this thread since its previous sample (`arg` = `OSContextSwitches.packed`).
    case osCtx = 12
    /// A user marker (`obj` = label id; `arg` = `MarkPhase`).
    case mark = 13
    /// From this event on, this thread's Python stack is `arg` (a `StackEntry` id; 0 = no Python code on the
    /// stack, or not known). Emitted just before an event that `carriesStack`, and only when the thread's
    /// stack changed since its previous `stack` event: a loop that waits, holds or locks at one place adds
    /// none after the first. `obj` = 0.
    case stack = 14

    /// The snake_case name used in SQL and in exports.
    public var name: String {
        switch self {
        case .threadStart: "thread_start"
        case .threadEnd: "thread_end"
        case .gilRequest: "gil_request"
        case .gilAcquire: "gil_acquire"
        case .gilDropRequest: "gil_drop_request"
        case .gilRelease: "gil_release"
        case .lockRequest: "lock_request"
        case .lockAcquire: "lock_acquire"
        case .lockRelease: "lock_release"
        case .ioBegin: "io_begin"
        case .ioEnd: "io_end"
        case .osCtx: "os_ctx"
        case .mark: "mark"
        case .stack: "stack"
        }
    }
}

/// Why a thread asks for the GIL (`gil_request.arg`).
public enum GILRequestReason: Int64, CaseIterable, Sendable {
    case threadStart = 1   // a new thread's first acquire
    case io = 2            // back from a blocking call (sleep, socket, file)
    case afterDrop = 3     // re-request after a forced or voluntary drop at a check point
    case blockingCall = 4  // back from a lock/join/event/barrier wait
    /// Real CPython only: back from C code that ran without the GIL and was seen neither as I/O nor as a lock
    /// wait (native computation such as zlib or numpy, or a blocking call the recorder does not intercept).
    case native = 5

    public var name: String {
        switch self {
        case .threadStart: "start"
        case .io: "io"
        case .afterDrop: "after_drop"
        case .blockingCall: "blocking_call"
        case .native: "native"
        }
    }
}

/// Why the holder released the GIL (`gil_release.arg`).
public enum GILReleaseReason: Int64, CaseIterable, Sendable {
    case interval = 1      // drop request honoured at a check point (switch interval expired)
    case io = 2            // entering a blocking I/O call
    case blockingCall = 3  // entering a lock/join/event/barrier wait
    case exit = 4          // the thread ends
    case yield = 5         // policy-driven voluntary release (cpython2 ticks, io-priority preemption)
    /// Real CPython only: C code released the GIL (`Py_BEGIN_ALLOW_THREADS`) for something seen neither as
    /// I/O nor as a lock wait (see `GILRequestReason.native`).
    case native = 6

    public var name: String {
        switch self {
        case .interval: "interval"
        case .io: "io"
        case .blockingCall: "blocking_call"
        case .exit: "exit"
        case .yield: "yield"
        case .native: "native"
        }
    }
}

/// Which blocking call an `io_begin`/`io_end` pair brackets (stored in `obj`).
public enum IOKind: Int32, CaseIterable, Sendable {
    case sleep = 1
    case fileRead = 2
    case fileWrite = 3
    case connect = 4
    case accept = 5
    case recv = 6
    case send = 7
    case urlopen = 8
    /// Native work with the GIL released, as CPython's C code does it: `hashlib` over ≥ 2 KiB.
    case hash = 9
    /// Waiting on several descriptors at once: `poll`, `select`, `epoll_wait` (selectors, asyncio's loop).
    case poll = 10
    /// Waiting for a child process to end (`waitpid`: `subprocess` `wait`/`communicate`/`run`).
    case processWait = 11

    public var name: String {
        switch self {
        case .sleep: "sleep"
        case .fileRead: "file_read"
        case .fileWrite: "file_write"
        case .connect: "connect"
        case .accept: "accept"
        case .recv: "recv"
        case .send: "send"
        case .urlopen: "urlopen"
        case .hash: "hash"
        case .poll: "poll"
        case .processWait: "process_wait"
        }
    }
}

/// `mark.arg`: a point marker, or the begin/end of a `with gilrec.phase(...)` block.
public enum MarkPhase: Int64, Sendable {
    case point = 0
    case begin = 1
    case end = 2
}

/// Voluntary and involuntary context switches packed into one `os_ctx.arg`:
/// high 32 bits voluntary, low 32 bits involuntary.
public struct OSContextSwitches: Equatable, Sendable {
    public var voluntary: Int64
    public var involuntary: Int64

    public init(voluntary: Int64, involuntary: Int64) {
        self.voluntary = voluntary
        self.involuntary = involuntary
    }

    public init(packed: Int64) {
        voluntary = packed >> 32
        involuntary = packed & 0xFFFF_FFFF
    }

    public var packed: Int64 { (voluntary << 32) | (involuntary & 0xFFFF_FFFF) }
}

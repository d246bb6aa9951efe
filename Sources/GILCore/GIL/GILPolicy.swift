/// How the GIL hands itself over (DESIGN.md §4). Each case is a branch inside `GIL`, so callers
/// (`acquire`, `release`, `checkPoint`) never change; `freeThreaded` turns all three into no-ops.
public enum GILPolicy: String, CaseIterable, Sendable {
    /// CPython 3.2–3.13 (Python/ceval_gil.c): timed waits, drop requests, FORCE_SWITCHING.
    case cpython3
    /// CPython 2.x (Python/ceval.c `_Py_Ticker`, Python/thread_pthread.h): release and re-request every
    /// `checkInterval` check points on a plain mutex/cond, no drop request — the "GIL battle".
    case cpython2
    /// Waiters queue in arrival order; the releaser hands the GIL directly to the longest waiter.
    case fifo
    /// cpython3, except that a thread back from I/O or a blocking call asks the holder to drop at once
    /// and takes the GIL before CPU-bound waiters.
    case ioPriority = "io-priority"
    /// PEP 703 (CPython 3.13t): no GIL at all. Threads run Python code in parallel; the runtime keeps
    /// objects consistent with per-object locks instead (`ObjectLocking` in GILRuntime), so
    /// read-modify-write sequences like `counter += 1` can lose updates but nothing is corrupted.
    case freeThreaded = "free-threaded"

    /// Parses the `--policy` spelling (`cpython3`, `cpython2`, `fifo`, `io-priority`, `free-threaded`). - Returns: nil when unknown.
    public init?(name: String) { self.init(rawValue: name) }

    /// The `--policy` spelling.
    public var name: String { rawValue }

    /// Whether a GIL exists at all (false only for `freeThreaded`).
    public var hasGIL: Bool { self != .freeThreaded }
}

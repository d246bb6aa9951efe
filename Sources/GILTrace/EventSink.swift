/// Where the runtime sends what it records. The runtime knows only this protocol; `TraceStore`
/// implements it with a SQLite writer thread, tests with `MemorySink`.
///
/// Threading contract: every method may be called from any OS thread, concurrently. `submit` is called
/// rarely (a per-thread buffer filled up, or a thread ended) and must copy what it needs before returning:
/// the caller reuses the buffer. Implementations apply back-pressure by blocking in `submit` (never drop
/// silently; count drops if they must).
public protocol EventSink: AnyObject, Sendable {
    func submit(_ events: UnsafeBufferPointer<Event>)
    func describeThread(_ info: ThreadInfo)
    func describeObject(_ info: ObjectInfo)
    func describeLabel(id: Int32, text: String)
    /// A code location (`CodeLocation`), described once per run before any stack that uses it.
    func describeLocation(_ location: CodeLocation)
    /// An interned stack (`StackEntry`), described once per run after its parent and location and before any
    /// `stack` event names it.
    func describeStack(_ stack: StackEntry)
}

/// Discards everything: `gilrec run --no-trace` and benchmarks of the bare interpreter.
public final class NullSink: EventSink {
    public init() {}
    public func submit(_ events: UnsafeBufferPointer<Event>) {}
    public func describeThread(_ info: ThreadInfo) {}
    public func describeObject(_ info: ObjectInfo) {}
    public func describeLabel(id: Int32, text: String) {}
    public func describeLocation(_ location: CodeLocation) {}
    public func describeStack(_ stack: StackEntry) {}
}

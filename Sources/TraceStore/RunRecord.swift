import GILTrace

/// One `runs` row as the analysis sees it.
public struct RunRecord: Sendable, Equatable {
    public var runID: Int64
    public var info: RunInfo
    /// `.incomplete` for a run stored as `running` whose recorder process is gone.
    public var status: RunStatus
    public var exitCode: Int32?
    public var wallNs: Int64?
    public var cpuNs: Int64?
    public var eventCount: Int64
    public var droppedEvents: Int64
    /// Rows in `threads` for this run.
    public var threadCount: Int
    /// `runs.notes`: what the recorder could not see (one line each), nil when nothing.
    public var notes: String?

    public init(
        runID: Int64, info: RunInfo, status: RunStatus, exitCode: Int32?, wallNs: Int64?, cpuNs: Int64?,
        eventCount: Int64, droppedEvents: Int64, threadCount: Int, notes: String? = nil
    ) {
        self.runID = runID
        self.info = info
        self.status = status
        self.exitCode = exitCode
        self.wallNs = wallNs
        self.cpuNs = cpuNs
        self.eventCount = eventCount
        self.droppedEvents = droppedEvents
        self.threadCount = threadCount
        self.notes = notes
    }
}

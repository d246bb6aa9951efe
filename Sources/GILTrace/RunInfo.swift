/// What the recorder knows about a run before it starts (`runs` columns set at insert).
public struct RunInfo: Equatable, Sendable {
    public var label: String
    /// The program's path as given, or a demo name.
    public var program: String
    /// `sys.argv[1...]` of the program.
    public var argv: [String]
    /// GIL policy name: `cpython3`, `cpython2`, `free-threaded`, `fifo`, `io-priority`.
    public var policy: String
    public var switchIntervalNs: Int64
    /// Check-point mode: `py310` or `every`.
    public var checkMode: String
    /// ISO 8601 UTC.
    public var startedAt: String
    public var host: String
    public var cpuCount: Int
    public var gilrecVersion: String
    /// Runs recorded by one `gilrec sweep` share this id.
    public var sweepId: Int64?
    /// The recording process, so a reader can tell a live recording from a killed one.
    public var pid: Int32
    /// Which engine ran the program: `gilrec` (our runtime) or `cpython 3.11.7` (the real interpreter).
    public var engine: String
    /// The real interpreter's executable (`sys.executable`) for `cpython` runs; nil for our runtime.
    public var python: String?
    /// The run of the process that started this one (a `fork`, `multiprocessing` or `subprocess` child).
    public var parentRunId: Int64?

    public init(
        label: String, program: String, argv: [String] = [], policy: String = "cpython3",
        switchIntervalNs: Int64 = 5_000_000, checkMode: String = "py310", startedAt: String = WallClock.iso8601Now(),
        host: String = "", cpuCount: Int = 1, gilrecVersion: String = GILRecVersion.current, sweepId: Int64? = nil,
        pid: Int32 = 0, engine: String = RunInfo.runtimeEngine, python: String? = nil, parentRunId: Int64? = nil
    ) {
        self.label = label
        self.program = program
        self.argv = argv
        self.policy = policy
        self.switchIntervalNs = switchIntervalNs
        self.checkMode = checkMode
        self.startedAt = startedAt
        self.host = host
        self.cpuCount = cpuCount
        self.gilrecVersion = gilrecVersion
        self.sweepId = sweepId
        self.pid = pid
        self.engine = engine
        self.python = python
        self.parentRunId = parentRunId
    }

    /// `runs.engine` of runs our own runtime recorded.
    public static let runtimeEngine = "gilrec"

    /// Whether the real CPython ran the program (`engine` is `cpython X.Y.Z`).
    public var isCPython: Bool { engine.hasPrefix("cpython") }
}

/// `runs.status`.
public enum RunStatus: String, CaseIterable, Sendable {
    case running, ok, error, interrupted, incomplete, timeout, deadlock
}

/// What the recorder knows when a run ends (`runs` columns set at finish).
public struct RunOutcome: Equatable, Sendable {
    public var status: RunStatus
    public var exitCode: Int32
    public var wallNs: Int64
    /// Process CPU time (user + system) spent running the program.
    public var cpuNs: Int64
    /// What the recorder could not see or had to say about the run (one line each), nil when nothing.
    public var notes: String?

    public init(status: RunStatus, exitCode: Int32, wallNs: Int64, cpuNs: Int64, notes: String? = nil) {
        self.status = status
        self.exitCode = exitCode
        self.wallNs = wallNs
        self.cpuNs = cpuNs
        self.notes = notes
    }
}

public enum GILRecVersion {
    public static let current = "0.1.0"
}

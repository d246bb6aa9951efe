import Foundation
import GILCore
import GILRuntime
import GILTrace
import PythonSyntax
import TraceStore

/// What one recorded program produced.
package struct RecordingResult: Sendable {
    package var runID: Int64
    package var eventCount: Int64
    /// Events that could not be stored (counted in `runs.dropped_events`); 0 by default.
    package var droppedEvents: Int64 = 0
    package var outcome: ProgramOutcome
    package var databasePath: String
    /// What could not be recorded, one line each (also in `runs.notes`): the command prints them.
    package var warnings: [String] = []
    /// Runs of the program's child processes (real CPython: fork, multiprocessing, subprocess).
    package var childRunIDs: [Int64] = []
}

/// One way of running and recording a program into the store: our runtime (`RuntimeEngine`) or the real
/// CPython observed from inside its process (`CPythonEngine`). Both feed the same `RunWriter`.
protocol RecordingEngine {
    func record(_ request: Recording.Request, signals: SignalWatcher?) throws -> RecordingResult
}

/// Records one Python program into a store. The executable and tests both call this; nothing here prints
/// except the program itself.
package enum Recording {
    package struct Request: Sendable {
        package var programPath: String
        package var source: String
        package var arguments: [String]
        package var label: String
        package var databasePath: String
        package var switchIntervalNs: Int64
        package var traceEnabled: Bool
        package var checkMode: CheckMode
        package var policy: GILPolicy = .cpython3
        /// cpython2's ticks between releases.
        package var checkInterval: Int = 100
        /// Stop the program after this many seconds, keep the trace, status `timeout` (exit 124).
        package var timeoutSeconds: Double?
        package var output: OutputTarget
        /// The `runs.sweep_id` shared by the runs of one `gilrec sweep`.
        package var sweepId: Int64?
        /// Extra `os.environ` entries for the program.
        package var environment: [String: String] = [:]
        /// The largest object the program may build (MemoryError beyond; tests lower it).
        package var maxObjectBytes: Int?
        /// Pages the store may grow by during the run (tests simulate a full disk).
        package var storePageLimit: Int?
        /// Record the real interpreter this names (`python3`, a path) instead of running our runtime.
        package var python: String?
        /// Real CPython: run this module (`python -m MODULE`) instead of the program file; `programPath` is
        /// then "-m MODULE", as `runs.program` stores it.
        package var module: String?
        /// Real CPython: slots per thread ring (tests use small rings; default 32k).
        package var ringCapacity: Int?
        /// Real CPython: record every hold of a named lock (`--lock-holds all`), not only those another thread
        /// waited through (the others are counted: ~40 ns less per `with lock:`).
        package var recordAllLockHolds = false
        /// Record the Python stack at each wait, hold and I/O (`--no-stacks`: off, for the least overhead).
        package var recordStacks = true

        package init(
            programPath: String, source: String, arguments: [String] = [], label: String? = nil,
            databasePath: String, switchIntervalNs: Int64 = 5_000_000, traceEnabled: Bool = true,
            checkMode: CheckMode = .py310, timeoutSeconds: Double? = nil, output: OutputTarget = .standardStreams
        ) {
            self.programPath = programPath
            self.source = source
            self.arguments = arguments
            self.label = label ?? URL(fileURLWithPath: programPath).deletingPathExtension().lastPathComponent
            self.databasePath = databasePath
            self.switchIntervalNs = switchIntervalNs
            self.traceEnabled = traceEnabled
            self.checkMode = checkMode
            self.timeoutSeconds = timeoutSeconds
            self.output = output
        }
    }

    /// Records with the engine the request names: our runtime, or the real CPython when `python` is set.
    /// Throws before anything is stored for what the user can fix (a syntax error, an interpreter gilrec
    /// cannot record), `StoreError`/`SQLiteError` when the database cannot take the run.
    package static func record(_ request: Request, signals: SignalWatcher? = nil) throws -> RecordingResult {
        let engine: any RecordingEngine = request.python.map { CPythonEngine(python: $0) } ?? RuntimeEngine()
        return try engine.record(request, signals: signals)
    }

    /// The run's note when `--no-stacks` was given (`gilstat where` shows it).
    static let stacksTurnedOff = "no stacks for this run: turned off (--no-stacks)"

    static func hostName() -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        gethostname(&buffer, buffer.count - 1)
        return String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
    }
}

/// Wall and process CPU time of one recording.
struct ProcessClock: Sendable {
    let startWall: Int64
    let startCPU: Int64

    static func start() -> ProcessClock { ProcessClock(startWall: MonotonicClock.now(), startCPU: processCPUTime()) }

    func outcome(status: RunStatus, exitCode: Int32) -> RunOutcome {
        RunOutcome(status: status, exitCode: exitCode, wallNs: MonotonicClock.now() - startWall, cpuNs: Self.processCPUTime() - startCPU)
    }

    static func processCPUTime() -> Int64 {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Int64(t.tv_sec) * 1_000_000_000 + Int64(t.tv_nsec)
    }
}

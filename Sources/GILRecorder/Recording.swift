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
}

/// Records one Python program into a store: compile (a syntax error creates no run), open the run,
/// execute on the instrumented GIL, then finish the run with its status. The executable and tests both
/// call this; nothing here prints except the program itself.
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

    /// Compiles and records. Throws `SyntaxError` before anything is written, `StoreError`/`SQLiteError`
    /// when the database cannot take the run.
    package static func record(_ request: Request, signals: SignalWatcher? = nil) throws -> RecordingResult {
        let program = try PythonCompiler.compile(source: request.source, fileName: request.programPath, checkMode: request.checkMode)
        let info = RunInfo(
            label: request.label, program: request.programPath, argv: request.arguments, policy: request.policy.name,
            switchIntervalNs: request.switchIntervalNs, checkMode: request.checkMode.rawValue, host: hostName(),
            cpuCount: ProcessInfo.processInfo.activeProcessorCount, sweepId: request.sweepId, pid: getpid()
        )
        let writer = try RunWriter.begin(path: request.databasePath, info: info, pageLimit: request.storePageLimit)
        var options = RuntimeOptions(argv: [request.programPath] + request.arguments)
        options.switchIntervalNs = request.switchIntervalNs
        options.output = request.output
        options.policy = request.policy
        options.environment = request.environment
        if let limit = request.maxObjectBytes { options.maxObjectBytes = limit }
        let runtime = PythonRuntime(program: program, options: options, sink: writer, traceEnabled: request.traceEnabled)
        runtime.gil.checkInterval = request.checkInterval

        let clock = ProcessClock.start()
        let stopper = RunStopper(runtime: runtime, writer: writer, clock: clock, databasePath: request.databasePath)
        signals?.onInterrupt { stopper.stop(.signal($0)) }
        if let timeout = request.timeoutSeconds { stopper.arm(timeoutSeconds: timeout) }
        runtime.threads.watchForDeadlocks { report in
            printError(report.description)
            stopper.stop(.deadlock)
        }
        var outcome = runtime.run()
        guard stopper.claim() else {
            // The stopper is finishing the run and will end the process.
            while true { sleep(60) }
        }
        // A program may catch the KeyboardInterrupt a signal raised and end normally (its status stands), but a
        // deadlock or a timeout — even one met while waiting for threads at exit — is never the program's success.
        if let reason = stopper.reason, outcome.status != .ok || reason == .deadlock || reason == .timeout {
            outcome.status = reason.status
            outcome.exitCode = reason.exitCode
        }
        runtime.recorder.finish()
        try writer.finish(clock.outcome(status: outcome.status, exitCode: outcome.exitCode), droppedEvents: runtime.recorder.droppedEvents)
        let reader = try TraceReader(path: request.databasePath)
        let stored = try reader.resolveRun(String(writer.runID))
        return RecordingResult(
            runID: writer.runID, eventCount: stored.eventCount, droppedEvents: stored.droppedEvents, outcome: outcome,
            databasePath: request.databasePath)
    }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        gethostname(&buffer, buffer.count)
        return String(cString: buffer)
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

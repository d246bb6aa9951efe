import Foundation
import GILCore
import GILRuntime
import GILTrace
import PythonSyntax
import TraceStore

/// Our runtime as the engine: compile (a syntax error creates no run), open the run, execute on the
/// instrumented GIL, then finish the run with its status.
struct RuntimeEngine: RecordingEngine {
    /// Compiles and records. Throws `SyntaxError` before anything is written, `StoreError`/`SQLiteError`
    /// when the database cannot take the run.
    func record(_ request: Recording.Request, signals: SignalWatcher?) throws -> RecordingResult {
        let program = try PythonCompiler.compile(source: request.source, fileName: request.programPath, checkMode: request.checkMode)
        let info = RunInfo(
            label: request.label, program: request.programPath, argv: request.arguments, policy: request.policy.name,
            switchIntervalNs: request.switchIntervalNs, checkMode: request.checkMode.rawValue, host: Recording.hostName(),
            cpuCount: ProcessInfo.processInfo.activeProcessorCount, sweepId: request.sweepId, pid: getpid()
        )
        let writer = try RunWriter.begin(path: request.databasePath, info: info, pageLimit: request.storePageLimit)
        var options = RuntimeOptions(argv: [request.programPath] + request.arguments)
        options.switchIntervalNs = request.switchIntervalNs
        options.output = request.output
        options.policy = request.policy
        options.environment = request.environment
        if let limit = request.maxObjectBytes { options.maxObjectBytes = limit }
        options.recordStacks = request.recordStacks
        let runtime = PythonRuntime(program: program, options: options, sink: writer, traceEnabled: request.traceEnabled)
        runtime.gil.checkInterval = request.checkInterval

        let clock = ProcessClock.start()
        let stopper = RunStopper(runtime: runtime, writer: writer, clock: clock, databasePath: request.databasePath)
        signals?.onInterrupt { signal in
            // The program's own handler (signal.signal) takes it: the run goes on, and a later signal is heard.
            if runtime.deliverSignal(signal) {
                signals?.rearm()
            } else {
                stopper.stop(.signal(signal))
                // KeyboardInterrupt, which the program may catch: the next Ctrl-C interrupts it again. (A second
                // SIGTERM still ends gilrec at once.)
                if signal == SIGINT { signals?.rearm() }
            }
        }
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
        var finished = clock.outcome(status: outcome.status, exitCode: outcome.exitCode)
        if request.traceEnabled, !request.recordStacks { finished.notes = Recording.stacksTurnedOff }
        try writer.finish(finished, droppedEvents: runtime.recorder.droppedEvents)
        let reader = try TraceReader(path: request.databasePath)
        let stored = try reader.resolveRun(String(writer.runID))
        return RecordingResult(
            runID: writer.runID, eventCount: stored.eventCount, droppedEvents: stored.droppedEvents, outcome: outcome,
            databasePath: request.databasePath)
    }

}

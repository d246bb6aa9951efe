import CGILRecShared
import Foundation
import GILCore
import GILRuntime
import GILTrace
import TraceStore

/// The real CPython as the engine: the user's own interpreter runs the program unmodified, observed from
/// inside its process by gilrec's preloaded library and start-up code (docs/cpython-engine.md); events reach
/// the store through `CPythonDrain` while it runs. The program's exit status is the run's; its children
/// that run Python are recorded as runs of their own, linked to this one.
struct CPythonEngine: RecordingEngine {
    /// The interpreter to run: a command on PATH or a path.
    var python: String

    func record(_ request: Recording.Request, signals: SignalWatcher?) throws -> RecordingResult {
        let interpreter = try PythonInterpreter.probe(python)
        let session = try CPythonSession(ringCapacity: request.ringCapacity)
        defer { session.remove() }
        let program = try request.module.map { ["-m", $0] } ?? [programFile(request, session: session)]
        let info = RunInfo(
            label: request.label, program: request.programPath, argv: request.arguments, policy: "cpython3",
            switchIntervalNs: request.switchIntervalNs,
            checkMode: interpreter.version.lexicographicallyPrecedes([3, 10]) ? "every" : "py310",
            host: Recording.hostName(), cpuCount: ProcessInfo.processInfo.activeProcessorCount, sweepId: request.sweepId,
            pid: getpid(), engine: interpreter.engine, python: interpreter.executable)
        let writer = try RunWriter.begin(path: request.databasePath, info: info, pageLimit: request.storePageLimit)
        // As under gilrec's runtime, $GILREC_HTTP names the loopback server (Examples/io_fetch.py fetches from it).
        var base = ProcessInfo.processInfo.environment.merging(request.environment) { $1 }
        base["GILREC_HTTP"] = LoopbackHTTPServer.shared.baseURL
        if request.recordAllLockHolds { base[GILREC_ENV_LOCK_HOLDS] = "all" }
        if !request.recordStacks { base[GILREC_ENV_STACKS] = "off" }
        // `--switch-interval`: the start-up code calls sys.setswitchinterval before the program runs.
        if request.switchIntervalNs != 5_000_000 {
            base["GILREC_SWITCH_INTERVAL"] = String(Double(request.switchIntervalNs) / 1e9)
        }
        let environment = session.environment(base: base, consumer: getpid())
        let start = MonotonicClock.now()
        let child: ChildProcess
        do {
            child = try ChildProcess(
                arguments: [python] + program + request.arguments, environment: environment, output: request.output)
        } catch {
            try? writer.finish(RunOutcome(status: .error, exitCode: 1, wallNs: 0, cpuNs: 0, notes: "\(error)"), droppedEvents: 0)
            throw error
        }
        let drain = CPythonDrain(
            session: session,
            configuration: .init(databasePath: request.databasePath, template: info, pageLimit: request.storePageLimit),
            main: writer, mainPid: child.pid)
        drain.start()
        let stopper = ChildStopper(child: child)
        signals?.onInterrupt { signal in
            // A terminal's Ctrl-C reached the whole process group, the program included: do not send it twice.
            let fromTerminal = signals?.signalCameFromTerminal ?? false
            stopper.stop(.signal(signal), forward: !(fromTerminal && signal == SIGINT))
        }
        if let timeout = request.timeoutSeconds { stopper.arm(timeoutSeconds: timeout) }
        let exit = child.wait()
        let wallNs = MonotonicClock.now() - start
        stopper.programEnded()
        Self.waitForChildren(of: drain, upToNs: 2_000_000_000)
        drain.stop()

        var warnings: [String] = []
        let childRuns = finishChildren(drain)
        let main = drain.mainProcess
        var notes = main?.notes ?? []
        if let main, main.disarmed {
            warnings.append("not recorded: " + (main.disarmReason ?? "the recorder disarmed"))
        } else if main == nil {
            let why = "\(interpreter.command) did not run gilrec's start-up code (started with -I, -E or -S, or PYTHONPATH reset?): nothing was recorded"
            notes.append(why)
            warnings.append(why)
        }
        warnings += notes.filter { $0.hasPrefix("partly recorded: ") }
        notes += drain.childNotes
        warnings += drain.childNotes
        let dropped = main?.rings.droppedEvents ?? 0
        let outcome = Self.outcome(exit, reason: stopper.reason)
        try writer.finish(
            RunOutcome(
                status: outcome.status, exitCode: outcome.exitCode, wallNs: wallNs, cpuNs: exit.cpuNs,
                notes: notes.isEmpty ? nil : notes.joined(separator: "\n")),
            droppedEvents: dropped)
        let stored = try TraceReader(path: request.databasePath).resolveRun(String(writer.runID))
        return RecordingResult(
            runID: writer.runID, eventCount: stored.eventCount, droppedEvents: stored.droppedEvents, outcome: outcome,
            databasePath: request.databasePath, warnings: warnings, childRunIDs: childRuns)
    }

    /// The file the interpreter runs: the program's own path, or — for an embedded example with no file on
    /// disk — its source written into the session.
    private func programFile(_ request: Recording.Request, session: CPythonSession) throws -> String {
        if FileManager.default.fileExists(atPath: request.programPath) { return request.programPath }
        guard !request.source.isEmpty else {
            throw ProgramSource.ReadError(description: "\(request.programPath): no such file")
        }
        let path = session.directory + "/" + (request.programPath as NSString).lastPathComponent
        try request.source.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The run's status from how the program ended and why gilrec stopped it, if it did.
    static func outcome(_ exit: ChildProcess.Exit, reason: ChildStopper.Reason?) -> ProgramOutcome {
        switch reason {
        case .timeout?: return ProgramOutcome(exitCode: 124, status: .timeout)
        case .signal(let signal)? where exit.code != 0:
            return ProgramOutcome(exitCode: 128 + signal, status: .interrupted)
        default: break
        }
        if let code = exit.code { return ProgramOutcome(exitCode: code, status: code == 0 ? .ok : .error) }
        switch exit.signal {
        case SIGINT?, SIGTERM?, SIGHUP?: return ProgramOutcome(exitCode: exit.shellStatus, status: .interrupted)
        case SIGKILL?: return ProgramOutcome(exitCode: exit.shellStatus, status: .incomplete)
        default: return ProgramOutcome(exitCode: exit.shellStatus, status: .error)
        }
    }

    /// Children (multiprocessing workers, subprocesses) may outlive the program by a moment.
    private static func waitForChildren(of drain: CPythonDrain, upToNs limit: Int64) {
        let deadline = MonotonicClock.now() + limit
        while MonotonicClock.now() < deadline {
            drain.pass()
            if !drain.children.contains(where: { $0.isAlive }) { return }
            usleep(10_000)
        }
    }

    /// Finishes every child's run: `ok`/`error` by its exit code, `incomplete` when it was killed (no exit
    /// record: SIGKILL, a pool's SIGTERM) or still ran when the program ended.
    private func finishChildren(_ drain: CPythonDrain) -> [Int64] {
        drain.children.sorted { $0.pid < $1.pid }.map { process in
            var notes = process.notes
            let outcome: RunOutcome
            if let code = process.exitCode {
                outcome = RunOutcome(status: code == 0 ? .ok : .error, exitCode: code, wallNs: process.lastEventNs, cpuNs: process.threadCPUNs)
            } else {
                notes.append(process.isAlive
                    ? "still running when the program ended: recorded up to then"
                    : "ended without exit() (killed by a signal): recorded up to then")
                outcome = RunOutcome(status: .incomplete, exitCode: -1, wallNs: process.lastEventNs, cpuNs: process.threadCPUNs)
            }
            var finished = outcome
            finished.notes = notes.isEmpty ? nil : notes.joined(separator: "\n")
            try? process.writer.finish(finished, droppedEvents: process.rings.droppedEvents)
            return process.runID
        }
    }
}

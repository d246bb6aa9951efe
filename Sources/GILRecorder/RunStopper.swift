import Foundation
import GILRuntime
import GILTrace
import Synchronization
import TraceStore

/// Stops a recording from outside — a SIGINT/SIGTERM or `--timeout` — without losing the trace.
/// First it asks the program to stop the way CPython would (KeyboardInterrupt in the main thread). If the
/// program is still running `grace` later (threads that never end), it drains what was recorded, stores the
/// run with its status and leaves the process. Whoever finishes the run first (the program or the stopper)
/// claims it, so the run is finished exactly once.
///
/// SIGINT is CPython's: every one raises KeyboardInterrupt in the main thread, and a program that catches it
/// and goes on is left alone. Only an interrupt the main thread has not taken `grace` later (it is blocked
/// where it cannot take one, or it has ended and other threads keep the program alive) ends the run.
final class RunStopper: Sendable {
    enum Reason: Sendable, Equatable {
        case signal(Int32)
        case timeout
        case deadlock

        var status: RunStatus {
            switch self {
            case .signal: .interrupted
            case .timeout: .timeout
            case .deadlock: .deadlock
            }
        }

        /// 128 + signal, as a shell reports it; 124 for a timeout, as coreutils' `timeout` does; 3 for a deadlock.
        var exitCode: Int32 {
            switch self {
            case .signal(let number): 128 + number
            case .timeout: 124
            case .deadlock: 3
            }
        }
    }

    private struct State {
        var reason: Reason?
        var claimed = false
    }

    private let state = Mutex(State())
    private let runtime: PythonRuntime
    private let writer: RunWriter
    private let clock: ProcessClock
    private let databasePath: String
    private let grace: Double

    init(runtime: PythonRuntime, writer: RunWriter, clock: ProcessClock, databasePath: String, grace: Double = 1.5) {
        self.runtime = runtime
        self.writer = writer
        self.clock = clock
        self.databasePath = databasePath
        self.grace = grace
    }

    /// Asks the program to stop; the first reason is the run's. After a SIGINT, another SIGINT interrupts
    /// again (CPython's), and a SIGTERM or a timeout stops the program even if it caught the interrupt.
    func stop(_ reason: Reason) {
        let go = state.withLock { state -> Bool in
            if state.claimed { return false }
            if state.reason == nil {
                state.reason = reason
                return true
            }
            return state.reason == .signal(SIGINT)
        }
        guard go else { return }
        let sigint = reason == .signal(SIGINT)
        switch reason {
        case .signal: runtime.interrupt()
        case .timeout: runtime.interrupt(stopReason: "--timeout")
        case .deadlock: runtime.interrupt(stopReason: "deadlock")
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + grace) { [self] in
            // A KeyboardInterrupt the program took is its to handle: it may catch it and go on.
            if sigint && !runtime.interruptPending { return }
            guard claim() else { return }  // the program ended in time
            runtime.flushOutput()
            runtime.recorder.finish()
            try? writer.finish(
                clock.outcome(status: reason.status, exitCode: reason.exitCode), droppedEvents: runtime.recorder.droppedEvents)
            printError("recorded run \(writer.runID) (\(reason.status.rawValue); threads still running were stopped) → \(databasePath)")
            exit(reason.exitCode)
        }
    }

    /// Starts the `--timeout` clock.
    func arm(timeoutSeconds: Double) {
        DispatchQueue.global().asyncAfter(deadline: .now() + timeoutSeconds) { [self] in
            guard self.reason == nil || self.reason == .signal(SIGINT) else { return }
            printError("gilrec: --timeout of \(timeoutSeconds) s reached; stopping the program")
            stop(.timeout)
        }
    }

    /// Called by the recording when the program returned: true if it may finish the run (the stopper has not).
    func claim() -> Bool {
        state.withLock { state in
            if state.claimed { return false }
            state.claimed = true
            return true
        }
    }

    var reason: Reason? { state.withLock { $0.reason } }
}

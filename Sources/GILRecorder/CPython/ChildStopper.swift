import Foundation
import Synchronization

/// Stops the recorded CPython from outside — gilrec got SIGINT/SIGTERM, or `--timeout` expired — the way a
/// user would: SIGINT first (KeyboardInterrupt, `finally` blocks and atexit handlers run), SIGKILL if the
/// program is still there `grace` later (threads that never end keep CPython from exiting).
final class ChildStopper: Sendable {
    enum Reason: Sendable, Equatable {
        case signal(Int32)
        case timeout
    }

    private struct State {
        var reason: Reason?
        var ended = false
    }

    private let child: ChildProcess
    private let grace: Double
    private let state = Mutex(State())

    init(child: ChildProcess, grace: Double = 3) {
        self.child = child
        self.grace = grace
    }

    var reason: Reason? { state.withLock { $0.reason } }

    /// - Parameter forward: send the signal on to the program (false when it got it from the terminal already).
    func stop(_ reason: Reason, forward: Bool) {
        let first = state.withLock { state -> Bool in
            guard state.reason == nil, !state.ended else { return false }
            state.reason = reason
            return true
        }
        guard first else { return }
        switch reason {
        case .signal(let signal): if forward { child.send(signal) }
        case .timeout: child.send(SIGINT)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + grace) { [self] in
            guard !state.withLock({ $0.ended }) else { return }
            printError("gilrec: the program did not stop within \(Int(grace)) s; killing it")
            child.send(SIGKILL)
        }
    }

    func arm(timeoutSeconds: Double) {
        DispatchQueue.global().asyncAfter(deadline: .now() + timeoutSeconds) { [self] in
            guard !state.withLock({ $0.ended || $0.reason != nil }) else { return }
            printError("gilrec: --timeout of \(timeoutSeconds) s reached; stopping the program")
            stop(.timeout, forward: true)
        }
    }

    /// The program ended: nothing more to stop.
    func programEnded() {
        state.withLock { $0.ended = true }
    }
}

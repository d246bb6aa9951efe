import Foundation
import Synchronization

/// Turns SIGINT/SIGTERM into a callback on an ordinary thread (`sigwait`), so the handler may take locks,
/// drain buffers and write SQLite — none of which is allowed in a real signal handler.
package final class SignalWatcher: Sendable {
    private let state = Mutex<(handler: (@Sendable (Int32) -> Void)?, received: Int32?, fromTerminal: Bool)>((nil, nil, false))

    /// Blocks SIGINT and SIGTERM in the calling thread (call it first thing in `main`, before any thread
    /// exists, so every thread inherits the mask) and starts the waiting thread.
    package static func install() -> SignalWatcher {
        let watcher = SignalWatcher()
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &set, nil)
        let signals = set
        let thread = Thread {
            while true {
                var waitSet = signals
                var info = siginfo_t()
                let signal = sigwaitinfo(&waitSet, &info)
                guard signal > 0 else { continue }
                let handler = watcher.state.withLock { state -> (@Sendable (Int32) -> Void)? in
                    if state.received != nil { return nil }  // second signal: leave now
                    state.received = signal
                    // Sent by the kernel: a terminal's Ctrl-C, which the whole foreground process group got.
                    state.fromTerminal = info.si_code == 0x80  // SI_KERNEL
                    return state.handler
                }
                if let handler { handler(signal) } else { exit(128 + signal) }
            }
        }
        thread.start()
        return watcher
    }

    package func onInterrupt(_ handler: @escaping @Sendable (Int32) -> Void) {
        state.withLock { $0.handler = handler }
    }

    /// The signal was handled by the program: the next one is delivered again instead of ending gilrec.
    package func rearm() {
        state.withLock { $0.received = nil }
    }

    package var receivedSignal: Int32? { state.withLock { $0.received } }

    /// Whether the signal came from the terminal (Ctrl-C), so a child in gilrec's process group got it too;
    /// a `kill` of gilrec alone reached only gilrec.
    package var signalCameFromTerminal: Bool { state.withLock { $0.fromTerminal } }
}

#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// sigaction(2) (the bare name inside a type means the struct).
private func setAction(_ signum: Int32, _ new: UnsafePointer<sigaction>?, _ old: UnsafeMutablePointer<sigaction>?) -> Int32 {
    sigaction(signum, new, old)
}

/// The signal handlers a program installed with `signal.signal`, and their delivery as CPython does it
/// (Modules/signalmodule.c): the C-level handler only notes the signal; the Python handler runs later in the
/// main thread, at its next check point (a pending call), with `(signum, None)` — we have no frame objects.
///
/// The C handler writes the signal number to a pipe (write(2) is async-signal-safe; nothing else is done
/// there) and one reader thread per process hands it to the runtime that installed the handler. SIGINT and
/// SIGTERM under `gilrec` never reach a C handler: gilrec takes them with sigwait and asks
/// `PythonRuntime.deliverSignal` first, so a program's own handler runs instead of the recording stopping.
final class SignalHandlers: @unchecked Sendable {  // `handlers` behind `lock`
    static let defaultAction = 0
    static let ignoreAction = 1

    private let lock = Mutex<[Int32: Value]>([:])
    private var saved: [Int32: sigaction] = [:]  // behind the table's lock too (installs happen in the main thread)
    private let wakeupFD = Atomic<Int>(-1)
    weak var runtime: PythonRuntime?

    /// The Python-level handler of `signum`: what `signal.getsignal` answers.
    func handler(_ signum: Int32) -> Value? { lock.withLock { $0[signum] } }

    /// `signal.set_wakeup_fd`: a byte per delivered signal is written there too (asyncio's self-pipe).
    func setWakeupFD(_ fd: Int) -> Int { wakeupFD.exchange(fd, ordering: .relaxed) }

    /// Installs `handler` (SIG_DFL, SIG_IGN as ints, or a callable) for `signum` at the C level too.
    func install(_ signum: Int32, _ handler: Value) throws {
        SignalPipe.start()
        var action = sigaction()
        sigemptyset(&action.sa_mask)
        if case .int(let code) = handler, code == Self.defaultAction || code == Self.ignoreAction {
            action.__sigaction_handler.sa_handler = code == Self.defaultAction ? SIG_DFL : SIG_IGN
        } else {
            action.__sigaction_handler.sa_handler = SignalPipe.cHandler
            action.sa_flags = SA_RESTART
        }
        var old = sigaction()
        if setAction(signum, &action, &old) != 0 { throw OSErrors.make(errno: errno) }
        lock.withLock { table in
            if saved[signum] == nil { saved[signum] = old }
            table[signum] = handler
        }
        SignalPipe.owner.withLock { $0 = WeakHandlers(handlers: self) }
    }

    /// A signal arrived (from the pipe's reader, or gilrec's watcher): queues the program's handler for the
    /// main thread. - Returns: false when the program has no Python handler for it (default action: the
    /// caller does what it would have done), true when it was handled (queued, or ignored).
    func deliver(_ signum: Int32) -> Bool {
        guard let handler = handler(signum) else { return false }
        if case .int(let code) = handler {
            return code == Self.ignoreAction
        }
        let fd = wakeupFD.load(ordering: .relaxed)
        if fd >= 0 {
            var byte = UInt8(truncatingIfNeeded: signum)
            _ = Glibc.write(Int32(fd), &byte, 1)
        }
        guard let runtime else { return false }
        runtime.pendingCalls.add(mainThreadOnly: true) { ctx in
            _ = try ctx.call(handler, [.int(Int(signum)), .none])
        }
        return true
    }

    /// Whether the process ignores `signum` now (inherited SIG_IGN).
    static func isIgnored(_ signum: Int32) -> Bool {
        var current = sigaction()
        let none: UnsafePointer<sigaction>? = nil
        guard setAction(signum, none, &current) == 0 else { return false }
        return unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == 1  // SIG_IGN
    }

    /// The program ended: the process's handlers as they were before it.
    func restore() {
        let old = lock.withLock { table -> [Int32: sigaction] in
            table.removeAll()
            defer { saved.removeAll() }
            return saved
        }
        for (signum, action) in old {
            var a = action
            _ = setAction(signum, &a, nil)
        }
    }
}

struct WeakHandlers: @unchecked Sendable {
    weak var handlers: SignalHandlers?
}

/// The self-pipe between the C signal handler and the runtime.
enum SignalPipe {
    /// The pipe's write end, read by `cHandler`: set once before any handler is installed, never changed.
    nonisolated(unsafe) static var writeFD: Int32 = -1
    static let owner = Mutex(WeakHandlers(handlers: nil))
    private static let started = Mutex(false)

    static let cHandler: @convention(c) (Int32) -> Void = { signum in
        let saved = errno
        var byte = UInt8(truncatingIfNeeded: signum)
        _ = Glibc.write(SignalPipe.writeFD, &byte, 1)
        errno = saved
    }

    static func start() {
        started.withLock { done in
            if done { return }
            done = true
            var fds: [Int32] = [0, 0]
            guard Glibc.pipe(&fds) == 0 else { return }
            for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            _ = fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK)
            writeFD = fds[1]
            let readFD = fds[0]
            let reader = Thread {
                var byte: UInt8 = 0
                while true {
                    let n = Glibc.read(readFD, &byte, 1)
                    if n < 0, errno == EINTR { continue }
                    if n <= 0 { return }
                    let target = owner.withLock { $0.handlers }
                    _ = target?.deliver(Int32(byte))
                }
            }
            reader.name = "gilrec signals"
            reader.start()
        }
    }
}

import GILTrace
import Synchronization

/// Who is waiting, without a timeout, for what: the wait-for graph a deadlock check reads. Sync waits
/// register here only when they really block with no timeout (`SyncWait`), so a thread that runs, sleeps,
/// does I/O or waits with a timeout is never part of a deadlock.
public final class WaitRegistry: Sendable {
    /// One blocked thread: the object it waits for and, when the object has one, the thread holding it.
    public struct Wait: Sendable {
        public var objectID: Int32
        /// Asked at check time (the holder may change while the waiter sleeps); nil when the object has no
        /// single holder (Event, Semaphore).
        var holder: @Sendable () -> Int32?
    }

    private struct State {
        var names: [Int32: String] = [:]
        var waits: [Int32: Wait] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    /// A Python thread exists from `spawn` (even before its OS thread runs) until its body returned.
    func threadBegan(_ tid: Int32, name: String) { state.withLock { $0.names[tid] = name } }

    func threadEnded(_ tid: Int32) {
        state.withLock {
            $0.names[tid] = nil
            $0.waits[tid] = nil
        }
    }

    func beginWait(_ tid: Int32, objectID: Int32, holder: @escaping @Sendable () -> Int32?) {
        state.withLock { $0.waits[tid] = Wait(objectID: objectID, holder: holder) }
    }

    func endWait(_ tid: Int32) { state.withLock { $0.waits[tid] = nil } }

    /// Live threads (tid → name) and the untimed waits among them, taken together.
    func snapshot() -> (threads: [Int32: String], waits: [Int32: Wait]) {
        state.withLock { ($0.names, $0.waits) }
    }
}

import GILCore
import Synchronization

/// Calls queued for the next check point (CPython's `Py_AddPendingCall`, Python/ceval_gil.c): Python signal
/// handlers, which only the main thread runs, and callbacks of weak references whose object was freed, which
/// any thread runs. They cannot run where they are queued — a deinit may be in the middle of a container
/// mutation or of popping a frame — so they run at the next check point (backward jump, call, function
/// entry), as CPython runs signal handlers.
final class PendingCalls: @unchecked Sendable {  // `queue` behind its mutex
    struct Call: @unchecked Sendable {  // run only by a thread holding the GIL
        let mainThreadOnly: Bool
        let body: (ExecutionContext) throws -> Void
    }

    private let queue = Mutex<[Call]>([])
    /// Calls only the main thread may run are queued (signal handlers): its sleep ends early to run them.
    private let mainThreadQueued = Atomic<Bool>(false)
    var hasMainThreadCalls: Bool { mainThreadQueued.load(ordering: .relaxed) }
    private let breaker: EvalBreaker

    init(breaker: EvalBreaker) {
        self.breaker = breaker
    }

    /// Queues `body` and raises the eval-breaker bit (safe from any thread, and from a deinit).
    func add(mainThreadOnly: Bool, _ body: @escaping (ExecutionContext) throws -> Void) {
        queue.withLock { $0.append(Call(mainThreadOnly: mainThreadOnly, body: body)) }
        if mainThreadOnly { mainThreadQueued.store(true, ordering: .relaxed) }
        breaker.setPendingCalls()
    }

    /// Runs the calls this thread may run, in order; the others stay queued (and the bit set) for the main
    /// thread. An exception from a call (a signal handler raising) propagates after the rest are re-queued.
    func run(_ ctx: ExecutionContext) throws {
        let isMain = ctx.ts.tid == 1
        var mine: [Call] = []
        let othersLeft = queue.withLock { q -> Bool in
            mine = q.filter { isMain || !$0.mainThreadOnly }
            q.removeAll { isMain || !$0.mainThreadOnly }
            if isMain { mainThreadQueued.store(false, ordering: .relaxed) }
            return !q.isEmpty
        }
        if othersLeft { breaker.setPendingCalls() }
        for k in mine.indices {
            do {
                try mine[k].body(ctx)
            } catch {
                let rest = mine[(k + 1)...]
                if !rest.isEmpty {
                    queue.withLock { $0.insert(contentsOf: rest, at: 0) }
                    breaker.setPendingCalls()
                }
                throw error
            }
        }
    }
}

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
    /// Calls only the main thread may run are queued (signal handlers): its sleeps and waits end early to run
    /// them (the flag lives in the breaker, where GILCore's waits read it).
    var hasMainThreadCalls: Bool { breaker.mainThreadCallsPending }
    private let breaker: EvalBreaker

    init(breaker: EvalBreaker) {
        self.breaker = breaker
    }

    /// Queues `body` and raises the eval-breaker bit (safe from any thread, and from a deinit).
    func add(mainThreadOnly: Bool, _ body: @escaping (ExecutionContext) throws -> Void) {
        queue.withLock { q in
            q.append(Call(mainThreadOnly: mainThreadOnly, body: body))
            if mainThreadOnly { breaker.setMainThreadCalls(true) }  // under the lock: `run` clears it under it too
        }
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
            if isMain { breaker.setMainThreadCalls(false) }
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
                    if rest.contains(where: \.mainThreadOnly) { breaker.setMainThreadCalls(true) }
                    breaker.setPendingCalls()
                }
                throw error
            }
        }
    }
}

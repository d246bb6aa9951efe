import Foundation
import GILCore
import GILTrace

/// `_gilrec_asyncio`: what our `asyncio` (written in Python, `AsyncioSource`) needs from the runtime.
/// `Waker` is the event loop's idle wait — CPython's loop blocks in `epoll_wait` until a timer is due or a
/// thread calls `call_soon_threadsafe`; ours blocks here, with the GIL released, and the trace shows it as
/// CPython's would: `io_begin(poll, timeout)` … `io_end(poll, woken)`.
enum AsyncioSupport {
    final class WakerState: @unchecked Sendable {  // `pending` behind `condition`
        let condition = NSCondition()
        var pending = false
    }

    static func make() -> PyModule {
        let m = PyModule(name: "_gilrec_asyncio")
        let waker = PyType(name: "Waker", base: BuiltinTypes.object, module: "_gilrec_asyncio")
        waker.construct = { t, _, _, _ in
            let i = PyInstance(type: t)
            i.native = WakerState()
            return .object(i)
        }
        func state(_ v: Value) throws -> WakerState {
            guard case .object(let i as PyInstance) = v, let s = i.native as? WakerState else {
                throw PyException.make(.typeError, "descriptor requires a 'Waker' object")
            }
            return s
        }
        /// `wait(timeout)`: True when woken, False at the timeout (None: no timeout).
        waker.addMethod("wait") { a, _, ctx in
            let s = try state(a[0])
            let timeoutNs: Int64? = a.count > 1 && !a[1].isNone ? try TimeModule.nanoseconds(max(0, try TimeModule.seconds(a[1]))) : nil
            let deadline = timeoutNs.map { MonotonicClock.now() + $0 }
            do {
                let woken = try ctx.ts.blockingIO(.poll, request: timeoutNs ?? -1, { () throws -> Bool in
                    s.condition.lock()
                    defer { s.condition.unlock() }
                    while !s.pending {
                        let now = MonotonicClock.now()
                        if let deadline, now >= deadline { return false }
                        let slice = min(deadline.map { $0 - now } ?? 50_000_000, 50_000_000)
                        _ = s.condition.wait(until: Date(timeIntervalSinceNow: Double(slice) / 1e9))
                        if !s.pending { try ctx.ts.throwIfInterrupted() }
                    }
                    s.pending = false
                    return true
                }, result: { $0 ? 1 : 0 })
                return .bool(woken)
            } catch let e as PyException {
                throw e
            } catch {
                throw PyException.make(.keyboardInterrupt)
            }
        }
        /// `wake()`: from any thread; the next (or current) `wait` returns True at once.
        waker.addMethod("wake") { a, _, _ in
            let s = try state(a[0])
            s.condition.lock()
            s.pending = true
            s.condition.broadcast()
            s.condition.unlock()
            return .none
        }
        m.dict["Waker"] = .object(waker)
        m.addFunction("iscoroutinefunction") { a, _, _ in
            var f = a.first ?? .none
            if case .object(let bound as PyBoundMethod) = f { f = bound.function }
            if case .object(let fn as PyFunction) = f { return .bool(fn.code.isCoroutine && !fn.code.isAsyncGenerator) }
            return .bool(false)
        }
        m.addFunction("isasyncgenfunction") { a, _, _ in
            var f = a.first ?? .none
            if case .object(let bound as PyBoundMethod) = f { f = bound.function }
            if case .object(let fn as PyFunction) = f { return .bool(fn.code.isAsyncGenerator) }
            return .bool(false)
        }
        m.addFunction("iscoroutine") { a, _, _ in
            if case .object(let g as PyGenerator)? = a.first { return .bool(g.kind == .coroutine) }
            return .bool(false)
        }
        return m
    }
}

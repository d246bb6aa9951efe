import GILCore

/// `queue.Queue` (Lib/queue.py): a mutex and two conditions from GILCore, so blocked `get`/`put`
/// release the GIL and show up as lock waits on the queue's conditions.
enum QueueModule {
    /// Which end `get` takes from: Queue (FIFO), LifoQueue, PriorityQueue (smallest first, Lib/queue.py's heap).
    enum Order { case fifo, lifo, priority }

    final class QueueState {
        var items: [Value] = []
        let maxsize: Int
        var order = Order.fifo
        let mutex: LockCore
        let notEmpty: ConditionCore
        let notFull: ConditionCore
        let allDone: ConditionCore
        var unfinished = 0

        init(maxsize: Int, recorder: TraceRecorder, name: String, line: Int32) {
            self.maxsize = maxsize
            mutex = LockCore(recorder: recorder, name: name, sourceLine: line)
            notEmpty = ConditionCore(lock: mutex, recorder: recorder, name: "\(name).not_empty", sourceLine: line)
            notFull = ConditionCore(lock: mutex, recorder: recorder, name: "\(name).not_full", sourceLine: line)
            allDone = ConditionCore(lock: mutex, recorder: recorder, name: "\(name).all_tasks_done", sourceLine: line)
        }
    }

    static func make() -> PyModule {
        let m = PyModule(name: "queue")
        let empty = PyType(name: "Empty", base: ExceptionKind.exception.type, module: "_queue")
        let full = PyType(name: "Full", base: ExceptionKind.exception.type, module: "queue")
        m.dict["Empty"] = .object(empty)
        m.dict["Full"] = .object(full)
        var counter = 0
        let queueType = PyType(name: "Queue", base: BuiltinTypes.object, module: "queue")
        func constructor(_ order: Order) -> (PyType, [Value], [(String, Value)], ExecutionContext) throws -> Value {
            { t, args, kwargs, ctx in
                counter += 1
                let maxsize = indexValue(ThreadingModule.argument(args, kwargs, 0, "maxsize") ?? .int(0)) ?? 0
                let i = PyInstance(type: t)
                let q = QueueState(maxsize: maxsize, recorder: ctx.runtime.recorder, name: ctx.pendingObjectName ?? "\(t.name)-\(counter)", line: ctx.pendingObjectLine)
                q.order = order
                i.native = q
                return .object(i)
            }
        }
        queueType.construct = constructor(.fifo)
        func state(_ v: Value) throws -> QueueState { try SyncPrimitives.native(v, QueueState.self) }
        // Lib/queue.py's public counters: `maxsize` and `unfinished_tasks` (read under the queue's mutex there).
        queueType.dict["unfinished_tasks"] = .object(PyMethodWrapper(.property, .object(PyBuiltinFunction("unfinished_tasks") { a, _, ctx in
            let q = try state(a[0])
            _ = q.mutex.acquire(ctx.ts, blocking: true, timeoutNs: nil)
            defer { try? q.mutex.release(ctx.ts) }
            return .int(q.unfinished)
        })))
        func raise(_ t: PyType) -> PyException {
            let e = PyInstance(type: t)
            e.attributes["args"] = .object(PyTuple([]))
            e.native = ExceptionData()
            return PyException(e)
        }
        queueType.addMethod("put") { a, kw, ctx in
            let q = try state(a[0])
            let block = try ThreadingModule.argument(a, kw, 2, "block").map { try truthy($0, ctx) } ?? true
            let timeout = try ThreadingModule.timeoutNs(ThreadingModule.argument(a, kw, 3, "timeout"))
            _ = q.mutex.acquire(ctx.ts, blocking: true, timeoutNs: nil)
            defer { try? q.mutex.release(ctx.ts) }
            if q.maxsize > 0 {
                let deadline = timeout.map { MonotonicNow.value() + $0 }
                while q.items.count >= q.maxsize {
                    if !block { throw raise(full) }
                    let remaining = deadline.map { $0 - MonotonicNow.value() }
                    if let r = remaining, r <= 0 { throw raise(full) }
                    _ = try q.notFull.wait(ctx.ts, timeoutNs: remaining, duringWait: ThreadingModule.handlersDuringWait(ctx))
                    try ThreadingModule.checkInterrupt(ctx)
                }
            }
            if q.order == .priority {
                var at = q.items.count
                while at > 0, try compareOrder(.less, a[1], q.items[at - 1], ctx) { at -= 1 }
                q.items.insert(a[1], at: at)
            } else {
                q.items.append(a[1])
            }
            q.unfinished += 1
            try? q.notEmpty.notify(ctx.ts, n: 1)
            return .none
        }
        queueType.addMethod("get") { a, kw, ctx in
            let q = try state(a[0])
            let block = try ThreadingModule.argument(a, kw, 1, "block").map { try truthy($0, ctx) } ?? true
            let timeout = try ThreadingModule.timeoutNs(ThreadingModule.argument(a, kw, 2, "timeout"))
            _ = q.mutex.acquire(ctx.ts, blocking: true, timeoutNs: nil)
            defer { try? q.mutex.release(ctx.ts) }
            let deadline = timeout.map { MonotonicNow.value() + $0 }
            while q.items.isEmpty {
                if !block { throw raise(empty) }
                let remaining = deadline.map { $0 - MonotonicNow.value() }
                if let r = remaining, r <= 0 { throw raise(empty) }
                _ = try q.notEmpty.wait(ctx.ts, timeoutNs: remaining, duringWait: ThreadingModule.handlersDuringWait(ctx))
                try ThreadingModule.checkInterrupt(ctx)
            }
            let item = q.order == .lifo ? q.items.removeLast() : q.items.removeFirst()
            try? q.notFull.notify(ctx.ts, n: 1)
            return item
        }
        queueType.addMethod("put_nowait") { a, _, ctx in
            guard let put = queueType.lookup("put") else { return .none }
            return try ctx.call(put, [a[0], a[1], .bool(false)])
        }
        queueType.addMethod("get_nowait") { a, _, ctx in
            guard let get = queueType.lookup("get") else { return .none }
            return try ctx.call(get, [a[0], .bool(false)])
        }
        queueType.addMethod("task_done") { a, _, ctx in
            let q = try state(a[0])
            _ = q.mutex.acquire(ctx.ts, blocking: true, timeoutNs: nil)
            defer { try? q.mutex.release(ctx.ts) }
            if q.unfinished <= 0 { throw PyException.make(.valueError, "task_done() called too many times") }
            q.unfinished -= 1
            if q.unfinished == 0 { try? q.allDone.notifyAll(ctx.ts) }
            return .none
        }
        queueType.addMethod("join") { a, _, ctx in
            let q = try state(a[0])
            _ = q.mutex.acquire(ctx.ts, blocking: true, timeoutNs: nil)
            defer { try? q.mutex.release(ctx.ts) }
            while q.unfinished > 0 {
                _ = try q.allDone.wait(ctx.ts, timeoutNs: nil, duringWait: ThreadingModule.handlersDuringWait(ctx))
                try ThreadingModule.checkInterrupt(ctx)
            }
            return .none
        }
        /// `with self.mutex: return …` as in Lib/queue.py (and without a GIL, the only safe way to read `items`).
        func underMutex<T>(_ a: [Value], _ ctx: ExecutionContext, _ body: (QueueState) -> T) throws -> T {
            let q = try state(a[0])
            _ = q.mutex.acquire(ctx.ts, blocking: true, timeoutNs: nil)
            defer { try? q.mutex.release(ctx.ts) }
            return body(q)
        }
        queueType.addMethod("qsize") { a, _, ctx in .int(try underMutex(a, ctx) { $0.items.count }) }
        queueType.addMethod("empty") { a, _, ctx in .bool(try underMutex(a, ctx) { $0.items.isEmpty }) }
        queueType.addMethod("full") { a, _, ctx in .bool(try underMutex(a, ctx) { $0.maxsize > 0 && $0.items.count >= $0.maxsize }) }
        m.dict["Queue"] = .object(queueType)
        for (name, order) in [("LifoQueue", Order.lifo), ("PriorityQueue", .priority), ("SimpleQueue", .fifo)] {
            let sub = PyType(name: name, base: queueType, module: "queue")
            sub.construct = constructor(order)
            m.dict[name] = .object(sub)
        }
        return m
    }
}

import GILCore
import GILTrace

/// threading.Lock, RLock, Event, Semaphore, BoundedSemaphore, Barrier, Condition over GILCore's cores.
enum SyncPrimitives {
    static func native<T>(_ v: Value, _ type: T.Type) throws -> T {
        guard case .object(let i as PyInstance) = v, let n = i.native as? T else {
            throw PyException.make(.typeError, "descriptor requires a '\(T.self)' object")
        }
        return n
    }

    static func syncError(_ e: SyncError) -> PyException {
        switch e {
        case .releaseUnlocked: return PyException.make(.runtimeError, "release unlocked lock")
        case .releaseNotOwner: return PyException.make(.runtimeError, "cannot release un-acquired lock")
        case .boundedOverflow: return PyException.make(.valueError, "Semaphore released too many times")
        case .brokenBarrier: return PyException(PyException.make(.brokenBarrierError).value)
        default: return PyException.make(.runtimeError, "cannot wait on un-acquired lock")
        }
    }

    static func notifyError(_ e: SyncError) -> PyException {
        if case .notOwned = e { return PyException.make(.runtimeError, "cannot notify on un-acquired lock") }
        return syncError(e)
    }

    /// The traced name: the assignment target, else `Kind-N`.
    static func objectName(_ kind: String, _ ctx: ExecutionContext, _ counters: ThreadingModule.Counters) -> (String, Int32) {
        let n = counters.next(kind)
        return (ctx.pendingObjectName ?? "\(kind)-\(n)", ctx.pendingObjectLine)
    }

    /// acquire(blocking=True, timeout=-1) arguments.
    static func acquireArguments(_ args: [Value], _ kwargs: [(String, Value)], _ ctx: ExecutionContext) throws -> (Bool, Int64?) {
        let blocking = try ThreadingModule.argument(args, kwargs, 1, "blocking").map { try truthy($0, ctx) } ?? true
        let timeoutValue = ThreadingModule.argument(args, kwargs, 2, "timeout")
        var timeout: Int64?
        if let t = timeoutValue, !t.isNone {
            let s = try TimeModule.seconds(t)
            if s >= 0 {
                if !blocking { throw PyException.make(.valueError, "can't specify a timeout for a non-blocking call") }
                timeout = try TimeModule.durationNs(t)
            } else if s != -1 {
                throw PyException.make(.valueError, "timeout value must be a non-negative number")
            }
        }
        return (blocking, timeout)
    }

    /// acquire/release/`with` of Lock and RLock: the same four methods over either core. A blocking acquire
    /// that was cut short by SIGINT raises KeyboardInterrupt in the main thread (both `acquire` and `__enter__`).
    static func addMutexMethods<Core: MutexCore>(_ type: PyType, _ core: Core.Type) {
        type.addMethod("acquire") { a, kw, ctx in
            let (blocking, timeout) = try acquireArguments(a, kw, ctx)
            let core = try native(a[0], Core.self)
            return .bool(try ThreadingModule.waitRunningHandlers(ctx, blocking: blocking, timeoutNs: timeout) {
                core.acquire(ctx.ts, blocking: blocking, timeoutNs: $0)
            })
        }
        type.addMethod("__enter__") { a, _, ctx in
            let core = try native(a[0], Core.self)
            return .bool(try ThreadingModule.waitRunningHandlers(ctx, timeoutNs: nil) { core.acquire(ctx.ts, blocking: true, timeoutNs: $0) })
        }
        let release: NativeFunction = { a, _, ctx in
            do { try native(a[0], Core.self).release(ctx.ts) } catch let e as SyncError { throw syncError(e) }
            return .none
        }
        type.addMethod("release", release)
        type.addMethod("__exit__") { a, kw, ctx in
            _ = try release(a, kw, ctx)
            return .bool(false)
        }
    }

    static func install(into m: PyModule, _ runtime: PythonRuntime, _ counters: ThreadingModule.Counters) {
        let recorder = runtime.recorder
        m.dict["BrokenBarrierError"] = .object(ExceptionKind.brokenBarrierError.type)
        m.dict["ThreadError"] = .object(ExceptionKind.runtimeError.type)

        // Lock
        let lockType = PyType(name: "lock", base: BuiltinTypes.object, module: "_thread")
        lockType.construct = { t, _, _, ctx in
            let (name, line) = objectName("Lock", ctx, counters)
            let i = PyInstance(type: t)
            i.native = LockCore(recorder: recorder, name: name, sourceLine: line)
            return .object(i)
        }
        addMutexMethods(lockType, LockCore.self)
        lockType.addMethod("locked") { a, _, _ in .bool(try native(a[0], LockCore.self).isLocked) }
        m.dict["Lock"] = .object(lockType)

        // RLock
        let rlockType = PyType(name: "RLock", base: BuiltinTypes.object, module: "_thread")
        rlockType.construct = { t, _, _, ctx in
            let (name, line) = objectName("RLock", ctx, counters)
            let i = PyInstance(type: t)
            i.native = RLockCore(recorder: recorder, name: name, sourceLine: line)
            return .object(i)
        }
        addMutexMethods(rlockType, RLockCore.self)
        m.dict["RLock"] = .object(rlockType)

        // Event
        let eventType = PyType(name: "Event", base: BuiltinTypes.object, module: "threading")
        eventType.construct = { t, _, _, ctx in
            let (name, line) = objectName("Event", ctx, counters)
            let i = PyInstance(type: t)
            i.native = EventCore(recorder: recorder, name: name, sourceLine: line)
            return .object(i)
        }
        eventType.addMethod("set") { a, _, ctx in
            try native(a[0], EventCore.self).set(ctx.ts)
            return .none
        }
        eventType.addMethod("clear") { a, _, _ in
            try native(a[0], EventCore.self).clear()
            return .none
        }
        eventType.addMethod("is_set") { a, _, _ in .bool(try native(a[0], EventCore.self).isSet) }
        eventType.addMethod("isSet") { a, _, _ in .bool(try native(a[0], EventCore.self).isSet) }
        eventType.addMethod("wait") { a, kw, ctx in
            let timeout = try ThreadingModule.timeoutNs(ThreadingModule.argument(a, kw, 1, "timeout"), negativeMeansForever: false)
            let core = try native(a[0], EventCore.self)
            return .bool(try ThreadingModule.waitRunningHandlers(ctx, timeoutNs: timeout) { core.wait(ctx.ts, timeoutNs: $0) })
        }
        m.dict["Event"] = .object(eventType)

        // Semaphore / BoundedSemaphore
        for (typeName, bounded) in [("Semaphore", false), ("BoundedSemaphore", true)] {
            let semType = PyType(name: typeName, base: BuiltinTypes.object, module: "threading")
            semType.construct = { t, args, kwargs, ctx in
                let value = indexValue(ThreadingModule.argument(args, kwargs, 0, "value") ?? .int(1)) ?? 1
                if value < 0 { throw PyException.make(.valueError, "semaphore initial value must be >= 0") }
                let (name, line) = objectName(typeName, ctx, counters)
                let i = PyInstance(type: t)
                i.native = SemaphoreCore(recorder: recorder, value: value, bounded: bounded, name: name, sourceLine: line)
                return .object(i)
            }
            semType.addMethod("acquire") { a, kw, ctx in
                let blocking = try ThreadingModule.argument(a, kw, 1, "blocking").map { try truthy($0, ctx) } ?? true
                let timeout = try ThreadingModule.timeoutNs(ThreadingModule.argument(a, kw, 2, "timeout"))
                let core = try native(a[0], SemaphoreCore.self)
                return .bool(try ThreadingModule.waitRunningHandlers(ctx, blocking: blocking, timeoutNs: timeout) {
                    core.acquire(ctx.ts, blocking: blocking, timeoutNs: $0)
                })
            }
            semType.addMethod("release") { a, kw, ctx in
                let n = indexValue(ThreadingModule.argument(a, kw, 1, "n") ?? .int(1)) ?? 1
                do { try native(a[0], SemaphoreCore.self).release(ctx.ts, n: n) } catch let e as SyncError { throw syncError(e) }
                return .none
            }
            semType.addMethod("__enter__") { a, _, ctx in
                let core = try native(a[0], SemaphoreCore.self)
                return .bool(try ThreadingModule.waitRunningHandlers(ctx, timeoutNs: nil) { core.acquire(ctx.ts, blocking: true, timeoutNs: $0) })
            }
            semType.addMethod("__exit__") { a, _, ctx in
                do { try native(a[0], SemaphoreCore.self).release(ctx.ts, n: 1) } catch let e as SyncError { throw syncError(e) }
                return .bool(false)
            }
            m.dict[typeName] = .object(semType)
        }

        // Barrier
        let barrierType = PyType(name: "Barrier", base: BuiltinTypes.object, module: "threading")
        barrierType.construct = { t, args, kwargs, ctx in
            guard let parties = indexValue(ThreadingModule.argument(args, kwargs, 0, "parties") ?? .none), parties >= 1 else {
                throw PyException.make(.valueError, "parties must be >= 1")
            }
            let timeout = try ThreadingModule.timeoutNs(ThreadingModule.argument(args, kwargs, 2, "timeout"))
            let (name, line) = objectName("Barrier", ctx, counters)
            let i = PyInstance(type: t)
            i.native = BarrierCore(recorder: recorder, parties: parties, timeoutNs: timeout, name: name, sourceLine: line)
            if let action = ThreadingModule.argument(args, kwargs, 1, "action"), !action.isNone { i.attributes["_action"] = action }
            i.attributes["parties"] = .int(parties)
            return .object(i)
        }
        barrierType.addMethod("wait") { a, kw, ctx in
            let core = try native(a[0], BarrierCore.self)
            let timeout = try ThreadingModule.timeoutNs(ThreadingModule.argument(a, kw, 1, "timeout"))
            do {
                let index = try core.wait(ctx.ts, timeoutNs: timeout ?? core.defaultTimeoutNs)
                try ThreadingModule.checkInterrupt(ctx)
                // CPython runs `action` in the thread that gets index 0 (the last to arrive) before releasing
                // the others; BarrierCore has already released them, so it runs here, once per phase.
                if index == 0, case .object(let i as PyInstance) = a[0], let action = i.attributes["_action"] {
                    _ = try ctx.call(action, [])
                }
                return .int(index)
            } catch let e as SyncError {
                throw syncError(e)
            }
        }
        barrierType.dict["n_waiting"] = .object(PyMethodWrapper(.property, .object(PyBuiltinFunction("n_waiting") { a, _, _ in
            .int(try native(a[0], BarrierCore.self).waitingCount)
        })))
        barrierType.dict["broken"] = .object(PyMethodWrapper(.property, .object(PyBuiltinFunction("broken") { a, _, _ in
            .bool(try native(a[0], BarrierCore.self).isBroken)
        })))
        barrierType.addMethod("abort") { a, _, _ in
            try native(a[0], BarrierCore.self).abort()
            return .none
        }
        barrierType.addMethod("reset") { a, _, _ in
            try native(a[0], BarrierCore.self).reset()
            return .none
        }
        m.dict["Barrier"] = .object(barrierType)

        installCondition(into: m, runtime, counters, lockType: lockType, rlockType: rlockType)
    }

    static func installCondition(into m: PyModule, _ runtime: PythonRuntime, _ counters: ThreadingModule.Counters, lockType: PyType, rlockType: PyType) {
        let recorder = runtime.recorder
        let condType = PyType(name: "Condition", base: BuiltinTypes.object, module: "threading")
        condType.construct = { t, args, kwargs, ctx in
            var lock = ThreadingModule.argument(args, kwargs, 0, "lock") ?? .none
            if lock.isNone {
                let saved = ctx.pendingObjectName
                ctx.pendingObjectName = saved.map { "\($0).lock" }
                lock = try Interpreter.construct(rlockType, [], [], ctx)
                ctx.pendingObjectName = saved
            }
            let (name, line) = objectName("Condition", ctx, counters)
            let i = PyInstance(type: t)
            guard case .object(let li as PyInstance) = lock else { throw PyException.make(.typeError, "Condition() needs a Lock or RLock") }
            if let l = li.native as? LockCore {
                i.native = ConditionCore(lock: l, recorder: recorder, name: name, sourceLine: line)
            } else if let l = li.native as? RLockCore {
                i.native = ConditionCore(lock: l, recorder: recorder, name: name, sourceLine: line)
            } else {
                throw PyException.make(.typeError, "Condition() needs a Lock or RLock")
            }
            i.attributes["_lock"] = lock
            return .object(i)
        }
        func lockOf(_ v: Value) -> Value {
            if case .object(let i as PyInstance) = v { return i.attributes["_lock"] ?? .none }
            return .none
        }
        for name in ["acquire", "release", "__enter__", "__exit__"] {
            condType.addMethod(name) { a, kw, ctx in
                let lock = lockOf(a[0])
                guard let f = typeOf(lock).lookup(name) else { return .none }
                return try ctx.call(f, [lock] + a.dropFirst(), kwargs: kw)
            }
        }
        condType.addMethod("wait") { a, kw, ctx in
            let timeout = try ThreadingModule.timeoutNs(ThreadingModule.argument(a, kw, 1, "timeout"))
            do {
                let r = try native(a[0], ConditionCore.self).wait(
                    ctx.ts, timeoutNs: timeout, duringWait: ThreadingModule.handlersDuringWait(ctx))
                try ThreadingModule.checkInterrupt(ctx)
                return .bool(r)
            } catch let e as SyncError {
                throw syncError(e)
            }
        }
        condType.addMethod("wait_for") { a, kw, ctx in
            let predicate = a[1]
            let timeout = try ThreadingModule.timeoutNs(ThreadingModule.argument(a, kw, 2, "timeout"))
            let deadline = timeout.map { MonotonicClock.now() + $0 }
            var result = try ctx.call(predicate, [])
            while try !truthy(result, ctx) {
                var remaining: Int64?
                if let deadline {
                    remaining = deadline - MonotonicClock.now()
                    if remaining! <= 0 { break }
                }
                do {
                    _ = try native(a[0], ConditionCore.self).wait(
                        ctx.ts, timeoutNs: remaining, duringWait: ThreadingModule.handlersDuringWait(ctx))
                } catch let e as SyncError {
                    throw syncError(e)
                }
                try ThreadingModule.checkInterrupt(ctx)
                result = try ctx.call(predicate, [])
            }
            return result
        }
        condType.addMethod("notify") { a, kw, ctx in
            let n = indexValue(ThreadingModule.argument(a, kw, 1, "n") ?? .int(1)) ?? 1
            do { try native(a[0], ConditionCore.self).notify(ctx.ts, n: n) } catch let e as SyncError { throw notifyError(e) }
            return .none
        }
        condType.addMethod("notify_all") { a, _, ctx in
            do { try native(a[0], ConditionCore.self).notifyAll(ctx.ts) } catch let e as SyncError { throw notifyError(e) }
            return .none
        }
        m.dict["Condition"] = .object(condType)
    }
}

/// What Lock and RLock share: the Python methods are written once over this (`addMutexMethods`).
protocol MutexCore: AnyObject {
    func acquire(_ ts: ThreadState, blocking: Bool, timeoutNs: Int64?) -> Bool
    func release(_ ts: ThreadState) throws(SyncError)
}

extension LockCore: MutexCore {}
extension RLockCore: MutexCore {}

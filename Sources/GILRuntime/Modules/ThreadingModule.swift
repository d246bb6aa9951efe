#if canImport(Glibc)
import Glibc
#endif
import GILCore
import GILTrace
import Synchronization

/// Native state of a `threading.Thread` object.
final class ThreadData {
    var handle: ThreadHandle?
    var started = false
}

/// `threading` (Lib/threading.py): Thread on a real OS thread via `ThreadSystem.spawn`, and the sync
/// primitives as thin wrappers over GILCore's cores (which release the GIL while waiting and record
/// lock events). Objects are named after the assignment that created them.
enum ThreadingModule {
    final class Counters {
        var thread = 0
        var objects: [String: Int] = [:]

        func next(_ kind: String) -> Int {
            objects[kind, default: 0] += 1
            return objects[kind]!
        }
    }

    static func checkInterrupt(_ ctx: ExecutionContext) throws {
        do {
            try ctx.ts.throwIfInterrupted()
        } catch {
            throw PyException.make(.keyboardInterrupt)
        }
    }

    /// A blocking wait as CPython's `acquire_timed` makes it (Python/thread_pthread.h, Modules/_threadmodule.c):
    /// in the main thread, SIGINT ends it with KeyboardInterrupt, and a Python signal handler due there ends
    /// it early, runs (it may raise), and the wait goes on for what is left of the timeout. `wait` is given
    /// the time left (nil: forever) and returns whether it got what it waited for.
    static func waitRunningHandlers(
        _ ctx: ExecutionContext, blocking: Bool = true, timeoutNs: Int64?, _ wait: (Int64?) -> Bool
    ) throws -> Bool {
        let start = MonotonicClock.now()
        var remaining = timeoutNs
        while true {
            let got = wait(remaining)
            try checkInterrupt(ctx)
            if got { return true }
            let calls = ctx.runtime.pendingCalls
            guard blocking, ctx.ts.tid == 1, calls.hasMainThreadCalls else { return false }
            try calls.run(ctx)
            if let timeoutNs {
                let left = timeoutNs - (MonotonicClock.now() - start)
                if left <= 0 { return false }
                remaining = left
            }
        }
    }

    /// What a main-thread `Condition` wait runs when signal handlers are due (`ConditionCore.wait(duringWait:)`):
    /// the handlers, with the condition's lock released. Nil in other threads.
    static func handlersDuringWait(_ ctx: ExecutionContext) -> (() throws -> Void)? {
        guard ctx.ts.tid == 1 else { return nil }
        return { try ctx.runtime.pendingCalls.run(ctx) }
    }

    static func timeoutNs(_ v: Value?, negativeMeansForever: Bool = false) throws -> Int64? {
        guard let v, !v.isNone else { return nil }
        let s = try TimeModule.seconds(v)
        if s < 0 {
            if negativeMeansForever { return nil }
            throw PyException.make(.valueError, "timeout value must be a non-negative number")
        }
        return try TimeModule.durationNs(v)
    }

    static func argument(_ args: [Value], _ kwargs: [(String, Value)], _ index: Int, _ name: String) -> Value? {
        if index < args.count { return args[index] }
        return kwargs.first { $0.0 == name }?.1
    }

    static func make(_ runtime: PythonRuntime) -> PyModule {
        let m = PyModule(name: "threading")
        let counters = Counters()
        let threadType = makeThreadType(counters)
        m.dict["Thread"] = .object(threadType)
        let mainThreadType = PyType(name: "_MainThread", base: threadType, module: "threading")

        func threadObject(_ ctx: ExecutionContext) -> PyInstance {
            if let t = ctx.threadObject { return t }
            let t = PyInstance(type: mainThreadType)
            t.attributes["name"] = .str(ctx.ts.name)
            t.attributes["daemon"] = .bool(false)
            t.attributes["ident"] = .int(identOf(ctx.ts.tid))
            let data = ThreadData()
            data.started = true
            t.native = data
            ctx.threadObject = t
            return t
        }
        m.addFunction("current_thread") { _, _, ctx in .object(threadObject(ctx)) }
        m.addFunction("main_thread") { _, _, ctx in .object(threadObject(ctx.runtime.mainContext ?? ctx)) }
        m.addFunction("active_count") { _, _, ctx in .int(1 + ctx.runtime.threads.threads.filter { $0.tid != 1 && $0.isAlive }.count) }
        m.addFunction("get_ident") { _, _, ctx in .int(identOf(ctx.ts.tid)) }
        m.addFunction("get_native_id") { _, _, ctx in .int(Int(getpid()) + Int(ctx.ts.tid) - 1) }
        m.addFunction("enumerate") { _, _, ctx in
            var out: [Value] = [.object(threadObject(ctx.runtime.mainContext ?? ctx))]
            for t in ctx.runtime.liveThreadObjects() { out.append(.object(t)) }
            return .object(PyList(out))
        }
        m.addFunction("setswitchinterval") { args, _, ctx in
            ctx.runtime.gil.switchIntervalNs = max(1, try TimeModule.nanoseconds(try TimeModule.seconds(args[0])))
            return .none
        }
        m.addFunction("getswitchinterval") { _, _, ctx in .float(Double(ctx.runtime.gil.switchIntervalNs) / 1e9) }
        m.dict["TIMEOUT_MAX"] = .float(9_223_372_036.0)
        // A `__new__`, not a `construct`: subclasses (`class Context(threading.local)`) get their storage too,
        // and `type.__call__` runs their `__init__` in the creating thread.
        let localType = PyType(name: "_local", base: BuiltinTypes.object, module: "_thread")
        localType.dict["__new__"] = .object(PyMethodWrapper(.staticMethod, .object(PyBuiltinFunction("__new__", minimumArguments: 1) { args, kwargs, ctx in
            guard case .object(let t as PyType) = args[0], t.isSubtype(of: localType) else {
                throw PyException.make(.typeError, "_local.__new__(X): X is not a subtype of _thread._local")
            }
            let initializer = t.lookup("__init__")
            if args.count > 1 || !kwargs.isEmpty, initializer.map(TypeObject.isObjectInit) ?? true {
                throw PyException.make(.typeError, "Initialization arguments are not supported")
            }
            let i = PyInstance(type: t)
            i.native = ThreadLocalStorage(arguments: Array(args.dropFirst()), keywords: kwargs, creator: ctx.ts.tid)
            return .object(i)
        })))
        m.dict["local"] = .object(localType)
        installExceptHook(m)
        SyncPrimitives.install(into: m, runtime, counters)
        return m
    }

    /// What `threading.excepthook` is given: CPython's `_thread._ExceptHookArgs` (attributes only here).
    static let exceptHookArgsType = PyType(name: "_ExceptHookArgs", base: BuiltinTypes.object, module: "_thread")

    /// `threading.excepthook` (= `__excepthook__`, the default): `Exception in thread NAME:` and the
    /// traceback on stderr; SystemExit is silent. A program may assign its own (`PythonRuntime.runThread`).
    static func installExceptHook(_ m: PyModule) {
        let hook = PyBuiltinFunction("excepthook") { args, kwargs, ctx in
            guard let hookArgs = argument(args, kwargs, 0, "args") else {
                throw PyException.make(.typeError, "excepthook() missing required argument 'args' (pos 1)")
            }
            let value = try Attributes.get(hookArgs, "exc_value", ctx)
            guard case .object(let instance as PyInstance) = value else { return .none }
            let e = PyException(instance)
            if e.matches(.systemExit) { return .none }
            let thread = try Attributes.get(hookArgs, "thread", ctx)
            let name = thread.isNone ? String(identOf(ctx.ts.tid)) : try str(try Attributes.get(thread, "name", ctx), ctx)
            ctx.runtime.output.writeErr("Exception in thread \(name):\n" + Traceback.format(e, program: ctx.runtime.program, ctx))
            return .none
        }
        m.dict["excepthook"] = .object(hook)
        m.dict["__excepthook__"] = .object(hook)
        m.dict["ExceptHookArgs"] = .object(exceptHookArgsType)
    }

    /// CPython's idents are pthread ids; ours are derived from the tid so `get_ident()` in a thread equals
    /// its `Thread.ident`.
    static func identOf(_ tid: Int32) -> Int {
        139_800_000_000_000 + Int(tid) * 8_392_704
    }

    static func makeThreadType(_ counters: Counters) -> PyType {
        let t = PyType(name: "Thread", base: BuiltinTypes.object, module: "threading")
        // `daemon` is a property, as in Lib/threading.py: it cannot change once the thread has started.
        let daemon = PyMethodWrapper(.property, .object(PyBuiltinFunction("daemon") { a, _, _ in
            guard case .object(let inst as PyInstance) = a[0] else { return .bool(false) }
            return inst.attributes["daemon"] ?? .bool(false)
        }))
        daemon.setter = .object(PyBuiltinFunction("daemon") { a, _, ctx in
            guard case .object(let inst as PyInstance) = a[0] else { return .none }
            if inst.type.name == "_MainThread" || (inst.native as? ThreadData)?.started == true {
                throw PyException.make(.runtimeError, "cannot set daemon status of active thread")
            }
            inst.attributes["daemon"] = .bool(try truthy(a[1], ctx))
            return .none
        })
        t.dict["daemon"] = .object(daemon)
        t.addMethod("__init__") { args, kwargs, ctx in
            guard case .object(let inst as PyInstance) = args[0] else { return .none }
            let target = argument(args, kwargs, 2, "target") ?? .none
            var name = argument(args, kwargs, 3, "name") ?? .none
            if name.isNone {
                counters.thread += 1
                var text = "Thread-\(counters.thread)"
                if !target.isNone, let n = try? Attributes.get(target, "__name__", ctx), case .object(let s as PyStr) = n {
                    text += " (\(s.value))"
                }
                name = .str(text)
            } else {
                name = .str(try str(name, ctx))
            }
            inst.attributes["_target"] = target
            inst.attributes["_args"] = argument(args, kwargs, 4, "args") ?? .object(PyTuple([]))
            inst.attributes["_kwargs"] = argument(args, kwargs, 5, "kwargs") ?? Value.none
            inst.attributes["name"] = name
            var daemon = kwargs.first { $0.0 == "daemon" }?.1 ?? .none
            if daemon.isNone { daemon = .bool(ctx.threadObject.flatMap { $0.attributes["daemon"] }.map { (try? truthy($0, ctx)) ?? false } ?? false) }
            inst.attributes["daemon"] = daemon
            inst.attributes["ident"] = Value.none
            inst.attributes["native_id"] = Value.none
            inst.native = ThreadData()
            return .none
        }
        t.addMethod("run") { args, _, ctx in
            guard case .object(let inst as PyInstance) = args[0], let target = inst.attributes["_target"], !target.isNone else { return .none }
            let positional = try collect(inst.attributes["_args"] ?? .object(PyTuple([])), ctx)
            var kw: [(String, Value)] = []
            if case .object(let d as PyDict)? = inst.attributes["_kwargs"] {
                for (k, v) in d.entries { if case .object(let s as PyStr) = k { kw.append((s.value, v)) } }
            }
            _ = try ctx.call(target, positional, kwargs: kw)
            return .none
        }
        t.addMethod("start") { args, _, ctx in
            guard case .object(let inst as PyInstance) = args[0] else { return .none }
            let data = (inst.native as? ThreadData) ?? ThreadData()
            inst.native = data
            if data.started { throw PyException.make(.runtimeError, "threads can only be started once") }
            data.started = true
            let name = try str(inst.attributes["name"] ?? .str("Thread"), ctx)
            let daemon = try truthy(inst.attributes["daemon"] ?? .bool(false), ctx)
            let box = UncheckedBox(inst)
            // The thread holds the runtime while it runs (an ended program frees it: PythonRuntime.releaseObjects).
            let runtime = ctx.runtime
            let handle = runtime.threads.spawn(parent: ctx.ts, name: name, daemon: daemon) { ts in
                runtime.runThread(box.value, ts)
            }
            data.handle = handle
            inst.attributes["ident"] = .int(identOf(handle.tid))
            inst.attributes["native_id"] = .int(Int(getpid()) + Int(handle.tid) - 1)
            runtime.registerThreadObject(inst)
            // Like CPython, start() returns once the new thread runs (holding the GIL).
            handle.waitUntilStarted(from: ctx.ts)
            return .none
        }
        t.addMethod("join") { args, kwargs, ctx in
            guard case .object(let inst as PyInstance) = args[0] else { return .none }
            guard let data = inst.native as? ThreadData, data.started, let handle = data.handle else {
                if inst.type.name == "_MainThread" { throw PyException.make(.runtimeError, "cannot join current thread") }
                throw PyException.make(.runtimeError, "cannot join thread before it is started")
            }
            if handle.tid == ctx.ts.tid { throw PyException.make(.runtimeError, "cannot join current thread") }
            let timeout = try timeoutNs(argument(args, kwargs, 1, "timeout"), negativeMeansForever: false)
            _ = try waitRunningHandlers(ctx, timeoutNs: timeout.map { max($0, 0) }) { handle.join(from: ctx.ts, timeoutNs: $0) }
            return .none
        }
        t.addMethod("is_alive") { args, _, _ in
            guard case .object(let inst as PyInstance) = args[0], let data = inst.native as? ThreadData else { return .bool(false) }
            if inst.type.name == "_MainThread" { return .bool(true) }
            return .bool(data.handle?.isAlive ?? false)
        }
        t.addMethod("getName") { args, _, ctx in try Attributes.get(args[0], "name", ctx) }
        t.addMethod("setName") { args, _, ctx in
            try Attributes.set(args[0], "name", args[1], ctx)
            return .none
        }
        t.addMethod("isDaemon") { args, _, ctx in try Attributes.get(args[0], "daemon", ctx) }
        t.addMethod("setDaemon") { args, _, ctx in
            try Attributes.set(args[0], "daemon", args[1], ctx)
            return .none
        }
        t.addMethod("__repr__") { args, _, ctx in
            guard case .object(let inst as PyInstance) = args[0] else { return .str("<Thread>") }
            let name = try str(inst.attributes["name"] ?? .str("?"), ctx)
            let data = inst.native as? ThreadData
            var state = "initial"
            if let data, data.started {
                let alive = inst.type.name == "_MainThread" || (data.handle?.isAlive ?? false)
                state = alive ? "started" : "stopped"
                if let ident = inst.attributes["ident"], case .int(let i) = ident { state += " \(i)" }
            }
            if (try? truthy(inst.attributes["daemon"] ?? .bool(false), ctx)) == true { state += " daemon" }
            return .str("<\(inst.type.name)(\(name), \(state))>")
        }
        return t
    }
}

/// `threading.local()`: one attribute dictionary per Python thread (keyed by tid), under a lock because
/// threads come and go while others read. As CPython's `_thread._local`, a subclass's `__init__` runs again,
/// with the arguments the object was created with, in each other thread the first time it touches the object.
final class ThreadLocalStorage: @unchecked Sendable {
    private let lock = Mutex<[Int32: [String: Value]]>([:])
    private let arguments: [Value]
    private let keywords: [(String, Value)]
    /// The creating thread: `type.__call__` ran `__init__` there already.
    private let creator: Int32

    init(arguments: [Value] = [], keywords: [(String, Value)] = [], creator: Int32 = 0) {
        self.arguments = arguments
        self.keywords = keywords
        self.creator = creator
    }

    /// Before an attribute access: a thread meeting the object for the first time gets its dictionary, then
    /// the class's `__init__` (what it raises propagates to the access, as in CPython).
    func prepare(_ instance: PyInstance, _ ctx: ExecutionContext) throws {
        let tid = ctx.ts.tid
        let fresh = lock.withLock { table -> Bool in
            guard table[tid] == nil else { return false }
            table[tid] = [:]
            return true
        }
        guard fresh, tid != creator, let initializer = instance.type.lookup("__init__"),
            !TypeObject.isObjectInit(initializer)
        else { return }
        _ = try ctx.call(initializer, [.object(instance)] + arguments, kwargs: keywords)
    }

    func get(_ name: String, _ ctx: ExecutionContext) -> Value? {
        let tid = ctx.ts.tid
        return lock.withLock { $0[tid]?[name] }
    }

    func set(_ name: String, _ value: Value, _ ctx: ExecutionContext) {
        let tid = ctx.ts.tid
        lock.withLock { $0[tid, default: [:]][name] = value }
    }

    /// `del local.name` in this thread. - Returns: whether it was there.
    func remove(_ name: String, _ ctx: ExecutionContext) -> Bool {
        let tid = ctx.ts.tid
        return lock.withLock { $0[tid]?.removeValue(forKey: name) } != nil
    }
}

/// Carries a non-Sendable reference into a `@Sendable` thread body; only the new thread uses it after.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T

    init(_ value: T) {
        self.value = value
    }
}

extension PythonRuntime {
    /// The body of a Python thread: `self.run()`; an uncaught exception is reported like CPython's
    /// threading.excepthook (`Exception in thread NAME:` + traceback on stderr) and the program goes on.
    func runThread(_ inst: PyInstance, _ ts: ThreadState) -> Int32 {
        let ctx = ExecutionContext(runtime: self, ts: ts)
        ctx.threadObject = inst
        CurrentContext.set(ctx)
        defer {
            CurrentContext.set(nil)
            ctx.detachFrames()
        }
        do {
            let (f, s) = try Attributes.loadMethod(.object(inst), "run", ctx)
            if f.isNone { _ = try ctx.call(s, []) } else { _ = try ctx.call(f, [s]) }
            return 0
        } catch {
            // SystemExit too goes to the hook (a program's own may log it); the default one ignores it.
            let e = Interpreter.convertError(error)
            reportUncaught(e, in: inst, ctx)
            return e.matches(.systemExit) ? 0 : 1
        }
    }

    /// `threading.excepthook(args)` as the program left it (Lib/threading.py `_make_invoke_excepthook`); when
    /// the hook itself raises, that error is reported the default way, as CPython's `sys.excepthook` would.
    private func reportUncaught(_ e: PyException, in thread: PyInstance, _ ctx: ExecutionContext) {
        let threading = (try? modules.table.get(.str("threading"))).flatMap { $0 }?.asObject as? PyModule
        let hook = threading?.get("excepthook") ?? .none
        let hookArgs = PyInstance(type: ThreadingModule.exceptHookArgsType)
        hookArgs.attributes["exc_type"] = .object(e.value.type)
        hookArgs.attributes["exc_value"] = .object(e.value)
        hookArgs.attributes["exc_traceback"] = (try? Attributes.get(.object(e.value), "__traceback__", ctx)) ?? Value.none
        hookArgs.attributes["thread"] = .object(thread)
        do {
            guard !hook.isNone else {
                if e.matches(.systemExit) { return }
                throw e
            }
            _ = try ctx.call(hook, [.object(hookArgs)])
        } catch {
            let failure = Interpreter.convertError(error)
            let name = (try? str(thread.attributes["name"] ?? .str("?"), ctx)) ?? "?"
            output.writeErr("Exception in thread \(name):\n" + Traceback.format(failure, program: program, ctx))
        }
    }

    func registerThreadObject(_ inst: PyInstance) {
        threadObjects.withLock { $0.append(UncheckedBox(inst)) }
    }

    func liveThreadObjects() -> [PyInstance] {
        threadObjects.withLock { $0.map(\.value) }.filter { ($0.native as? ThreadData)?.handle?.isAlive ?? false }
    }
}

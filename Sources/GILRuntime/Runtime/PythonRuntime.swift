#if canImport(Glibc)
import Glibc
#endif
import GILCore
import GILTrace
import Synchronization

/// How to run a program.
public struct RuntimeOptions: Sendable {
    /// `sys.argv`; argv[0] is the program path.
    public var argv: [String]
    public var switchIntervalNs: Int64 = 5_000_000
    /// How the GIL is handed over (`gilrec run --policy`).
    public var policy: GILPolicy = .cpython3
    public var recursionLimit: Int = 1000
    /// The largest object (list, tuple, str, bytes, int) the program may build; bigger is MemoryError.
    public var maxObjectBytes: Int = AllocationLimit.defaultBytes
    public var output: OutputTarget = .standardStreams
    /// Extra `os.environ` entries over the process's own (`gilrec sweep` passes `GILREC_THREADS` here, so
    /// runs in one process each see their own value without `setenv`).
    public var environment: [String: String] = [:]
    /// `sys.path` as given, instead of the one built from the script's directory and `PYTHONPATH`
    /// (`ModulePath.initial`).
    public var modulePath: [String]?
    /// Whether modules we do not implement are looked for in the installed CPython's standard library
    /// (the last `sys.path` entry; `GILREC_CPYTHON_LIB` names the directory, empty disables it).
    public var cpythonLibrary = true
    /// Whether traced events carry the Python stack (`gilrec run --no-stacks` turns the lookups off: ~50
    /// instructions per lock event, docs/recording-cost.md).
    public var recordStacks = true
    /// Where imported modules' compiled code is kept between runs (`CodeCache`; `GILREC_CODE_CACHE=off`).
    package var codeCache: CodeCache = .shared

    public init(argv: [String]) {
        self.argv = argv
    }
}

/// How a program ended: the process exit code CPython would give, and the run status to store.
public struct ProgramOutcome: Sendable {
    public var exitCode: Int32
    public var status: RunStatus

    public init(exitCode: Int32, status: RunStatus) {
        self.exitCode = exitCode
        self.status = status
    }
}

/// One execution of a compiled program on real OS threads contending for the instrumented GIL.
public final class PythonRuntime: @unchecked Sendable {
    public let recorder: TraceRecorder
    public let gil: GIL
    public let threads: ThreadSystem
    /// Signal handlers and weak-reference callbacks waiting for a check point.
    let pendingCalls: PendingCalls
    /// The program's `signal.signal` handlers (restored when the program ends).
    let signalHandlers = SignalHandlers()
    /// `atexit.register`ed calls, run last-registered first when the program ends (`AtexitModule`).
    let exitHandlers = Mutex<[ExitHandler]>([])
    let program: CompiledProgram
    let options: RuntimeOptions
    let output: ProgramOutput
    let builtins: PyModule
    let recursionLimit: Int
    private(set) var modules: ModuleRegistry!
    let mainGlobals: Globals
    /// The main thread's context once it runs (threading.main_thread()).
    var mainContext: ExecutionContext?
    /// Started `threading.Thread` objects (threading.enumerate()).
    let threadObjects = Mutex<[UncheckedBox<PyInstance>]>([])

    public init(program: CompiledProgram, options: RuntimeOptions, sink: EventSink, traceEnabled: Bool = true) {
        self.program = program
        self.options = options
        recorder = TraceRecorder(sink: sink, enabled: traceEnabled)
        gil = GIL(recorder: recorder, switchIntervalNs: options.switchIntervalNs, policy: options.policy)
        threads = ThreadSystem(gil: gil, recorder: recorder)
        pendingCalls = PendingCalls(breaker: gil.breaker)
        output = ProgramOutput(target: options.output)
        builtins = BuiltinFunctions.module(output: output)
        recursionLimit = options.recursionLimit
        mainGlobals = Globals(names: program.globalNames)
        modules = ModuleRegistry(runtime: self)
        signalHandlers.runtime = self
        builtins.dict["open"] = .object(FileObjects.make(self))
    }

    /// Runs the program to completion: main module, then (like threading._shutdown) every non-daemon
    /// thread; flushes output and the recorder. The main Python thread gets its own OS thread with a
    /// large stack so 1000 Python frames never overflow the native stack.
    public func run() -> ProgramOutcome {
        // One process-wide switch: object locks cost one flag read under every GIL policy.
        ObjectLocking.enabled = !options.policy.hasGIL
        let box = OutcomeBox()
        let started = BigStackThread.run(stackBytes: 512 << 20) { [self] in
            box.outcome = runMain()
        }
        if !started { box.outcome = runMain() }
        output.flush()
        recorder.finish()
        if threads.activeCount == 0 { releaseObjects() }
        return box.outcome ?? ProgramOutcome(exitCode: 1, status: .error)
    }

    /// Breaks the reference cycles an ended program leaves — module closures hold the runtime, functions hold
    /// the globals that hold them — so a run inside a longer process (a sweep, the demo, gilbench, the tests)
    /// frees its objects. Only once no Python thread is alive: a daemon thread still running may use any of
    /// them, so then the runtime is left as it is (CPython, too, never finalises under a running daemon).
    private func releaseObjects() {
        signalHandlers.restore()
        modules.unloadAll()
        mainGlobals.removeAll()
        builtins.lock.withLock { builtins.dict.removeAll() }
        threadObjects.withLock { $0.removeAll() }
    }

    /// Called from a signal-handling thread: KeyboardInterrupt in the main thread at its next check point.
    /// - Parameter stopReason: set when the recorder stops the program itself (a deadlock, a timeout) rather
    ///   than the user's Ctrl-C; if the KeyboardInterrupt goes uncaught, its traceback then says where the
    ///   main thread was stopped and why, instead of blaming a KeyboardInterrupt nobody typed.
    public func interrupt(stopReason: String? = nil) {
        if let stopReason { self.stopReason.withLock { $0 = stopReason } }
        threads.requestInterrupt()
    }

    private let stopReason = Mutex<String?>(nil)

    /// Whether an interrupt is still waiting for the main thread to take it (as KeyboardInterrupt).
    public var interruptPending: Bool { gil.breaker.interruptPending }

    /// Writes out what the program printed and is still buffered (before gilrec ends the process itself).
    public func flushOutput() { output.flush() }

    /// A signal gilrec took with sigwait (SIGINT, SIGTERM): true when the program's own `signal.signal`
    /// handler takes it (queued for the main thread, or ignored); false for the default action.
    public func deliverSignal(_ signum: Int32) -> Bool {
        signalHandlers.deliver(signum)
    }

    private func runMain() -> ProgramOutcome {
        let ts = threads.startMainThread()
        let ctx = ExecutionContext(runtime: self, ts: ts)
        mainContext = ctx
        CurrentContext.set(ctx)
        defer { CurrentContext.set(nil) }
        mainGlobals.set(named: "__name__", .str("__main__"))
        mainGlobals.set(named: "__file__", .str(ModulePath.absolute(program.fileName)))
        mainGlobals.set(named: "__doc__", program.module.docstring.map { .str($0) } ?? .none)
        mainGlobals.set(named: "__package__", .none)
        mainGlobals.set(named: "__spec__", .none)
        mainGlobals.set(named: "__loader__", ModuleSpecs.sourceLoader(name: "__main__", path: ModulePath.absolute(program.fileName)))
        mainGlobals.set(named: "__builtins__", .object(builtins))
        var outcome = ProgramOutcome(exitCode: 0, status: .ok)
        do {
            try Interpreter.runModule(program.module, globals: mainGlobals, ctx)
        } catch {
            outcome = handleUncaught(Interpreter.convertError(error), ctx)
        }
        output.flush()
        threads.joinNonDaemonThreads(ts)
        if let status = runExitHandlers(ctx) { outcome = status }
        output.flush()
        ctx.detachFrames()
        threads.finishMainThread(ts)
        output.flush()
        mainContext = nil  // frees the main thread's register stack
        return outcome
    }

    /// SystemExit gives its code; anything else prints the traceback (exit 1; KeyboardInterrupt 130).
    func handleUncaught(_ e: PyException, _ ctx: ExecutionContext) -> ProgramOutcome {
        if e.matches(.systemExit) {
            let args = exceptionArgs(e.value)
            guard let code = args.first else { return ProgramOutcome(exitCode: 0, status: .ok) }
            switch code {
            case .none: return ProgramOutcome(exitCode: 0, status: .ok)
            case .int(let i): return ProgramOutcome(exitCode: Int32(truncatingIfNeeded: i), status: i == 0 ? .ok : .error)
            default:
                output.writeErr(((try? str(code, ctx)) ?? "") + "\n")
                return ProgramOutcome(exitCode: 1, status: .error)
            }
        }
        output.flush()
        var traceback = Traceback.format(e, program: program, ctx)
        if e.matches(.keyboardInterrupt), let reason = stopReason.withLock({ $0 }) {
            traceback = Self.stoppedHere(traceback, reason: reason)
        }
        output.writeErr(traceback)
        if e.matches(.keyboardInterrupt) { return ProgramOutcome(exitCode: 130, status: .interrupted) }
        return ProgramOutcome(exitCode: 1, status: .error)
    }

    /// A KeyboardInterrupt traceback rewritten as where the recorder stopped the main thread: the header names
    /// the reason and the closing `KeyboardInterrupt` line goes. Chained tracebacks are left as they are.
    static func stoppedHere(_ traceback: String, reason: String) -> String {
        let header = "Traceback (most recent call last):\n"
        let footer = "KeyboardInterrupt\n"
        guard traceback.hasPrefix(header), traceback.hasSuffix(footer),
            traceback.components(separatedBy: header).count == 2
        else { return traceback }
        return "MainThread was stopped here (\(reason)), most recent call last:\n"
            + traceback.dropFirst(header.count).dropLast(footer.count)
    }

    /// print(): stdout, stderr, or any object with a `write` method.
    func write(_ text: String, to file: Value, flush: Bool, _ ctx: ExecutionContext) throws {
        switch file {
        case .none:
            // print() without file= writes to whatever sys.stdout is now (contextlib.redirect_stdout, tests).
            if case .object(let sys as PyModule)?? = try? modules.table.get(.str("sys")), let out = sys.get("stdout") {
                if out.isNone { return }
                if case .object(let o as PyInstance) = out, o.native is StreamTag {} else { return try write(text, to: out, flush: flush, ctx) }
            }
            output.writeOut(text, flush: flush)
        case .object(let o as PyInstance) where o.native is StreamTag:
            let tag = o.native as! StreamTag
            if tag.fd == 2 { output.writeErr(text) } else { output.writeOut(text, flush: flush) }
        default:
            let (f, s) = try Attributes.loadMethod(file, "write", ctx)
            if f.isNone { _ = try ctx.call(s, [.str(text)]) } else { _ = try ctx.call(f, [s, .str(text)]) }
        }
    }
}

/// Marks the `sys.stdout` / `sys.stderr` objects.
final class StreamTag {
    let fd: Int32

    init(fd: Int32) {
        self.fd = fd
    }
}

private final class OutcomeBox: @unchecked Sendable {
    var outcome: ProgramOutcome?
}

/// Runs a closure on a fresh pthread with a chosen stack size and waits for it.
enum BigStackThread {
    private final class Job {
        let body: () -> Void

        init(_ body: @escaping () -> Void) {
            self.body = body
        }
    }

    static func run(stackBytes: Int, _ body: @escaping () -> Void) -> Bool {
        var attr = pthread_attr_t()
        pthread_attr_init(&attr)
        defer { pthread_attr_destroy(&attr) }
        pthread_attr_setstacksize(&attr, stackBytes)
        let job = Unmanaged.passRetained(Job(body)).toOpaque()
        var thread = pthread_t()
        let rc = pthread_create(&thread, &attr, { raw in
            let job = Unmanaged<Job>.fromOpaque(raw!).takeRetainedValue()
            job.body()
            return nil
        }, job)
        guard rc == 0 else {
            Unmanaged<Job>.fromOpaque(job).release()
            return false
        }
        pthread_join(thread, nil)
        return true
    }
}

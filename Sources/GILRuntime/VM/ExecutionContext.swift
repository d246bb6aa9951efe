import GILCore
import GILTrace

/// Everything one Python thread owns while it runs (DESIGN.md §7: per-thread state never lives in shared
/// singletons): its `ThreadState`, the register stack frames are carved from, the stack of exceptions being
/// handled, the recursion depth. Only its own OS thread touches it.
final class ExecutionContext {
    unowned let runtime: PythonRuntime
    let ts: ThreadState
    let gil: GIL
    let breaker: EvalBreaker
    /// Exceptions being handled (innermost last): `raise` with no argument, implicit `__context__`.
    var handled: [PyInstance] = []
    /// Namespaces of the class bodies running on this thread, innermost last (`locals()` in a class body).
    var classNamespaces: [PyDict] = []
    var depth = 0
    var recursionLimit: Int
    /// The native stack must not be used below this address (`NativeStack`): a recursion limit raised with
    /// `sys.setrecursionlimit`, or recursion inside `repr`/`==` of deeply nested data, would overflow it.
    /// Computed on the context's own thread (contexts are created by the thread they belong to).
    let nativeStackLimit = NativeStack.limitOfCurrentThread()
    /// `RuntimeOptions.maxObjectBytes` (`AllocationLimit`).
    let maxObjectBytes: Int
    /// Registers of every active frame of this thread, allocated once.
    private let stackBase: UnsafeMutablePointer<Value>
    private let stackCapacity: Int
    private var stackTop = 0
    /// Objects whose repr is in progress (`[...]` for self-containing lists).
    private var reprInProgress: Set<ObjectIdentifier> = []
    /// The emptied argument array of the outermost builtin call in progress (`withArguments`), swapped out
    /// while a call uses it; `spareArguments` serve the nested ones.
    private var firstArguments: [Value] = []
    private var firstArgumentsInUse = false
    /// Emptied argument arrays kept for the next nested builtin call (`withArguments`).
    private var spareArguments: [[Value]] = []
    /// Name and line of the assignment whose call is running (names traced sync objects).
    var pendingObjectName: String?
    var pendingObjectLine: Int32 = 0
    /// The `threading.Thread` object of this thread (current_thread()).
    var threadObject: PyInstance?
    /// This thread's current `decimal.Context` (`DecimalModule.current`; the C module keeps it per thread too).
    var decimalContext: PyInstance? {
        didSet { decimalState = nil }
    }
    /// The native state of `decimalContext`, which keeps it alive: unretained, because Decimal operators read
    /// it on every operation (DecimalModule sets it; a retain and a release are two atomic operations).
    var decimalState: Unmanaged<DecimalContextState>?
    /// The active Python frames, for the recorder's stacks: `Interpreter.execute` pushes and pops.
    let frames: FrameStack

    init(runtime: PythonRuntime, ts: ThreadState, stackCapacity: Int = 1 << 18) {
        self.runtime = runtime
        self.ts = ts
        self.gil = runtime.gil
        self.breaker = runtime.gil.breaker
        self.recursionLimit = runtime.recursionLimit
        self.maxObjectBytes = runtime.options.maxObjectBytes
        self.stackCapacity = stackCapacity
        stackBase = .allocate(capacity: stackCapacity)
        frames = FrameStack(recorder: ts.recorder)
        if runtime.options.recordStacks { ts.attachStackSource(frames) }
    }

    /// The thread runs no more Python code of this context: its next events are announced without a stack.
    /// Call on the context's own thread.
    func detachFrames() {
        ts.attachStackSource(nil)
    }

    deinit {
        stackBase.deinitialize(count: stackTop)
        stackBase.deallocate()
    }

    /// A frame of `size` registers, all None.
    @inline(__always)
    func pushFrame(_ size: Int) throws -> UnsafeMutablePointer<Value> {
        try pushFrame(size, noneIn: 0..<size)
    }

    /// A frame of `size` registers of which only `none` is set to None: the caller initializes every
    /// other register before anything can read or release the frame (arguments and constants).
    @inline(__always)
    func pushFrame(_ size: Int, noneIn none: Range<Int>) throws -> UnsafeMutablePointer<Value> {
        guard stackTop + size <= stackCapacity else { throw stackExhausted() }
        let p = stackBase + stackTop
        (p + none.lowerBound).initialize(repeating: .none, count: none.count)
        stackTop += size
        return p
    }

    @inline(never)
    private func stackExhausted() -> PyException {
        PyException.make(.recursionError, "maximum recursion depth exceeded")
    }

    /// Releases the frame's object references. A per-register tag test instead of `deinitialize(count:)`,
    /// whose generic `swift_arrayDestroy` calls the value witness for every register, scalars included.
    @inline(__always)
    func popFrame(_ size: Int) {
        popFrame(size, releasing: size)
    }

    /// As `popFrame(_:)`, looking only at the first `count` registers: the caller knows the others hold
    /// no objects (`CodeObject.releaseCount`: a frame's constants are all scalars).
    @inline(__always)
    func popFrame(_ size: Int, releasing count: Int) {
        stackTop -= size
        let p = stackBase + stackTop
        for k in 0..<count {
            // The object's release, without the generic value-witness destroy `deinitialize` calls.
            if case .object = p[k] { Unmanaged<PyObject>.fromOpaque(UnsafeRawPointer(p + k).load(as: UnsafeRawPointer.self)).release() }
        }
    }

    /// The GIL check point: honours a drop request; an interrupt becomes KeyboardInterrupt.
    @inline(never)
    func checkPoint() throws {
        do {
            try gil.checkPoint(ts)
        } catch {
            throw PyException.make(.keyboardInterrupt)
        }
        if breaker.takePendingCalls() { try runtime.pendingCalls.run(self) }
    }

    /// Calls any Python callable from Swift (builtins calling back into Python code).
    func call(_ callable: Value, _ args: [Value], kwargs: [(String, Value)] = []) throws -> Value {
        try Interpreter.call(callable, args: args, kwargs: kwargs, ctx: self)
    }

    /// Runs `body` with `count` values from `start` in an array, for a builtin's body (its signature takes
    /// `[Value]`). The array's storage is reused from call to call: a fresh one per call was a malloc, a
    /// free and their bookkeeping, a third of `id(x)` or `isinstance(x, T)`. A body that keeps the array
    /// (`tuple(args)`) shares its storage, and emptying ours then copies: the kept one is never touched.
    /// Nested calls (a builtin calling back into Python) take another spare or a new array.
    @inline(__always)
    func withArguments<R>(
        _ first: Value?, _ start: UnsafeMutablePointer<Value>, _ count: Int, _ body: ([Value]) throws -> R
    ) rethrows -> R {
        var (a, outermost) = takeArgumentArray()
        defer { giveBack(&a, outermost) }
        if let first { a.append(first) }
        for k in 0..<count { a.append(start[k]) }
        return try body(a)
    }

    /// As `withArguments`, moving the `count` values from `start` into the array instead of copying them (no
    /// retain now, no release when the caller's frame is left), and leaving None behind: for a call block the
    /// compiler filled for this call alone and never reads again (`Interpreter.callDirect`).
    @inline(__always)
    func withMovedArguments<R>(_ start: UnsafeMutablePointer<Value>, _ count: Int, _ body: ([Value]) throws -> R) rethrows -> R {
        var (a, outermost) = takeArgumentArray()
        defer { giveBack(&a, outermost) }
        for k in 0..<count {
            a.append((start + k).move())
            (start + k).initialize(to: .none)
        }
        return try body(a)
    }

    /// An empty argument array with room, and whether it is the outermost call's: that one by a swap (no
    /// reference counting), nested calls' from `spareArguments` (popping an array of arrays costs a
    /// uniqueness check and a move).
    @inline(__always)
    private func takeArgumentArray() -> ([Value], Bool) {
        var a: [Value] = []
        if firstArgumentsInUse { return (spareArguments.popLast() ?? a, false) }
        firstArgumentsInUse = true
        swap(&a, &firstArguments)
        return (a, true)
    }

    @inline(__always)
    private func giveBack(_ a: inout [Value], _ outermost: Bool) {
        // Not `removeAll(keepingCapacity:)`: that is a generic replaceSubrange, ~200 instructions.
        while !a.isEmpty { a.removeLast() }
        if outermost {
            swap(&a, &firstArguments)
            firstArgumentsInUse = false
        } else if spareArguments.count < 8 {
            spareArguments.append(a)
        }
    }

    /// RecursionError before the native stack overflows (CPython 3.12's C recursion check).
    @inline(__always)
    func checkNativeStack() throws {
        if NativeStack.isExhausted(limit: nativeStackLimit) { try nativeStackExhausted() }
    }

    @inline(never)
    private func nativeStackExhausted() throws {
        throw PyException.make(.recursionError, "maximum recursion depth exceeded")
    }

    func reprGuard(_ o: PyObject, _ placeholder: String, _ body: () throws -> String) throws -> String {
        try checkNativeStack()
        let id = ObjectIdentifier(o)
        guard reprInProgress.insert(id).inserted else { return placeholder }
        defer { reprInProgress.remove(id) }
        return try body()
    }
}

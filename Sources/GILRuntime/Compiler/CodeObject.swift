import PythonSyntax
import Synchronization

/// One compiled function, class body or module: register bytecode plus everything the VM needs to set
/// up a frame. Immutable after compilation, shared by every thread running it.
final class CodeObject: @unchecked Sendable {
    enum Kind { case module, function, classBody }

    let kind: Kind
    let name: String
    let qualifiedName: String
    let fileName: String
    let firstLine: Int32
    var instructions: [Instruction] = []
    /// Source line of each instruction (tracebacks).
    var lines: [Int32] = []
    /// Copied into registers `constantBase ..< constantBase + constants.count` at frame entry.
    var constants: [Value] = []
    /// Attribute, class-namespace and module names used by instructions.
    var names: [String] = []
    var exceptionTable: [ExceptionTableEntry] = []
    /// Registers: parameters and locals first, then temporaries, then constants.
    var localCount: Int32 = 0
    var constantBase: Int32 = 0
    var frameSize: Int32 = 0
    /// Positional parameter names (positional-only first), then keyword-only, then *args, then **kwargs.
    var parameterNames: [String] = []
    var positionalCount = 0
    var positionalOnlyCount = 0
    var keywordOnlyCount = 0
    var hasVarArgs = false
    var hasVarKeywords = false
    /// Registers of locals captured by nested functions: wrapped in cells at entry.
    var cellRegisters: [Int32] = []
    /// Registers receiving the function's closure cells at entry, in closure order.
    var freeRegisters: [Int32] = []
    /// Register of the first parameter, for `super()`.
    var usesSuper = false
    /// A generator whose body has `try`/`with` (or that delegates, or a coroutine): `close()` and finalisation
    /// throw GeneratorExit in at its `yield` so its handlers and `finally` blocks run; without, nothing in the
    /// frame could see it, and the frame just ends.
    var resumeChecks = false
    /// The body's leading string literal (`__doc__`), if any.
    var docstring: String?
    /// Some local may be read before assignment: plain locals start as `Unbound.marker` (see `checkBound`).
    var needsUnboundMarkers = false
    /// A function containing `yield`: calling it returns a generator.
    var isGenerator = false
    /// `async def` (with `isGenerator` set too, so calling it makes a suspended frame): a coroutine.
    var isCoroutine = false
    /// `async def` whose body yields: an asynchronous generator.
    var isAsyncGenerator = false
    /// The globals of the module this code was last run in (set by `Interpreter.runModule` for the module's
    /// code and every code object nested in it): what `globals()` called from this code answers.
    /// Strong, not Swift `weak`: a weakly referenced object keeps its reference counts in a side table, and
    /// every retain and release of it takes the runtime's slow path (~50 instructions instead of ~5), and a
    /// `Globals` is retained by every function created, every call frame run with it and every generator
    /// resume. The cycle this makes (globals → function → code → globals) was there already through
    /// `PyFunction.globals`; a code object without functions (an `exec` of a compiled statement) keeps only
    /// the last globals it ran in. Behind a lock: `exec` of one code object may run on two threads at once.
    var moduleGlobals: Globals? {
        get { boundGlobals.withLock { $0 } }
        set {
            // The old globals are released outside the lock (their deinit may run Python code that asks).
            let old = boundGlobals.withLock { bound in
                defer { bound = newValue }
                return bound
            }
            _ = old
        }
    }
    private let boundGlobals = Mutex<Globals?>(nil)
    /// Call instructions whose result is assigned to a name: traced sync objects are named after it.
    var assignmentNames: [Int32: String] = [:]

    /// The instructions at a stable address for the dispatch loop (set by `seal()`; code objects live
    /// as long as the program, so this is never freed while running).
    private(set) var sealed: UnsafeMutablePointer<Instruction>?
    /// One inline cache per instruction (see `InlineCache`), written only by the GIL holder.
    private(set) var caches: UnsafeMutablePointer<InlineCache>?

    /// `assignmentNames` by instruction index (set by `seal()`): read on every class call, so no hashing.
    private(set) var assignmentNameAt: [String?] = []
    /// `constants` at a stable address (set by `seal()`), copied into every new frame.
    private(set) var sealedConstants: UnsafeMutablePointer<Value>?
    /// `constants.count`, read without touching the array on every frame entry.
    private(set) var constantCount = 0
    /// The positional argument count of a call that needs nothing but copying arguments and constants into
    /// a fresh frame (no defaults, keywords, `*args`, cells, unbound markers or generator); -1 otherwise.
    /// Set by `seal()`; the VM's call fast path (`Interpreter.callDirect`) compares it with argc.
    private(set) var plainArgumentCount = -1
    /// How many leading registers of a frame can hold objects when it is popped: `constantBase` when every
    /// constant is a scalar (constant registers are never written), else `frameSize`. Set by `seal()`.
    private(set) var releaseCount = 0

    func seal() {
        assignmentNameAt = Array(repeating: nil, count: instructions.count)
        for (pc, name) in assignmentNames where Int(pc) < instructions.count { assignmentNameAt[Int(pc)] = name }
        let p = UnsafeMutablePointer<Instruction>.allocate(capacity: max(instructions.count, 1))
        p.initialize(from: instructions, count: instructions.count)
        sealed = p
        let c = UnsafeMutablePointer<InlineCache>.allocate(capacity: max(instructions.count, 1))
        // One fresh value per slot: `initialize(repeating:)` copies a prototype through its value witness per
        // instruction (a third of sealing, which every compiled or cache-loaded code object pays).
        for k in 0..<max(instructions.count, 1) { (c + k).initialize(to: InlineCache()) }
        caches = c
        let k = UnsafeMutablePointer<Value>.allocate(capacity: max(constants.count, 1))
        k.initialize(from: constants, count: constants.count)
        sealedConstants = k
        constantCount = constants.count
        let plain = isSimple && !isGenerator && !needsUnboundMarkers && cellRegisters.isEmpty && freeRegisters.isEmpty
        plainArgumentCount = plain ? positionalCount : -1
        let objectConstants = constants.contains { if case .object = $0 { true } else { false } }
        releaseCount = Int(objectConstants ? frameSize : constantBase)
    }

    deinit {
        sealed?.deallocate()
        if let caches {
            caches.deinitialize(count: max(instructions.count, 1))
            caches.deallocate()
        }
        if let sealedConstants {
            sealedConstants.deinitialize(count: constants.count)
            sealedConstants.deallocate()
        }
    }

    init(kind: Kind, name: String, qualifiedName: String, fileName: String, firstLine: Int32) {
        self.kind = kind
        self.name = name
        self.qualifiedName = qualifiedName
        self.fileName = fileName
        self.firstLine = firstLine
    }

    /// True when a call with exactly `positionalCount` positional arguments needs no binding logic.
    var isSimple: Bool { !hasVarArgs && !hasVarKeywords && keywordOnlyCount == 0 }
}

/// A protected range [start, end) and its handler; `depth` = except/finally handlers already active
/// around the `try` in this frame. Entries are ordered innermost first.
struct ExceptionTableEntry {
    var start: Int32
    var end: Int32
    var handler: Int32
    var depth: Int32
}

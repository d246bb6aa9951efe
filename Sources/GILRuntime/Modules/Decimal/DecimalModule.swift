import BigInt

/// An instance of `decimal.Decimal` or of a subclass, its value (immutable, as CPython's) held in the
/// object itself: one allocation per result, as `PyDecObject`.
final class DecimalObject: PyInstance, @unchecked Sendable {
    let value: DecimalNumber

    init(_ value: DecimalNumber, type: PyType) {
        self.value = value
        super.init(type: type)
    }
}

/// The mutable state of a `decimal.Context`: the settings operations read, the flags they raise, the traps
/// that turn a flag into an exception (both as condition sets: a trapped InvalidOperation covers all its
/// conditions, as libmpdec's MPD_IEEE_Invalid_operation).
final class DecimalContextState: PlainNativeState, @unchecked Sendable {
    var settings: DecimalSettings
    var flags: DecimalStatus = []
    var traps: DecimalStatus
    /// The module (of one runtime) whose operations use it, by identity: reading a reference on every
    /// operation costs an atomic retain and release.
    let moduleID: ObjectIdentifier
    /// That module's `Decimal` type, by identity: the VM's hooks tell exact Decimals by it.
    let decimalTypeID: ObjectIdentifier
    /// The module itself, for the hooks' signals: unretained (the runtime keeps the module until the
    /// program ends, `keepNativeState`).
    unowned(unsafe) let module: DecimalModule

    init(module: DecimalModule, settings: DecimalSettings = .default, traps: DecimalStatus = DecimalModule.defaultTraps) {
        moduleID = ObjectIdentifier(module)
        decimalTypeID = ObjectIdentifier(module.decimalType)
        self.module = module
        self.settings = settings
        self.traps = traps
    }
}

/// `_decimal` (Modules/_decimal/_decimal.c over libmpdec) for one runtime: the `Decimal` and `Context` types
/// with the arithmetic programs use most in native code (`DecimalNumber`), and a Python half
/// (`DecimalSource`) with the exception classes, `localcontext`, the signal dicts and the operations not
/// native yet, which it computes with CPython's `_pydecimal` on converted operands (traps off, the
/// conditions it met raised here as the C module raises them).
final class DecimalModule {
    static let defaultTraps: DecimalStatus = [.anyInvalid, .divisionByZero, .overflow]

    let decimalType: PyType
    let contextType: PyType
    /// Exception classes of the signals and conditions, by name (`DecimalStatus.listOrder` names).
    var exceptionClasses: [String: Value] = [:]
    /// `DefaultContext` (the template of new contexts) and the Basic/Extended templates.
    var defaultContext: PyInstance?
    var templates: [PyInstance] = []
    /// Python-half helpers the native code calls (`_tuple_text`, `_compare_other`…).
    var helpers: [String: Value] = [:]

    init() {
        decimalType = PyType(name: "Decimal", base: BuiltinTypes.object, module: "decimal")
        contextType = PyType(name: "Context", base: BuiltinTypes.object, module: "decimal")
        decimalType.messageName = "decimal.Decimal"
        contextType.messageName = "decimal.Context"
    }

    static func make(_ ctx: ExecutionContext) throws -> PyModule {
        let state = DecimalModule()
        ctx.runtime.modules.keepNativeState(state)
        state.installDecimal()
        state.installHooks()
        state.installIntegral()
        state.installContext()
        let m = PyModule(name: "_decimal")
        m.set("__doc__", .str("C decimal arithmetic module"))
        let half = try SourceModules.load("_decimal", source: DecimalSource.text, ctx) { half in
            half.set("Decimal", .object(state.decimalType))
            half.set("Context", .object(state.contextType))
            half.set("_native", .object(state.nativeHelpers()))
        }
        ctx.runtime.modules.keepHelper(half)
        for (_, name) in DecimalStatus.listOrder { if let c = half.get(name) { state.exceptionClasses[name] = c } }
        for name in ["_tuple_text", "_compare_other", "_from_float_subclass"] { if let f = half.get(name) { state.helpers[name] = f } }
        if case .object(let i as PyInstance)? = half.get("DefaultContext") { state.defaultContext = i }
        for name in ["BasicContext", "ExtendedContext"] {
            if case .object(let i as PyInstance)? = half.get(name) { state.templates.append(i) }
        }
        guard case .object(let names as PyList)? = half.get("_exports") else { return m }
        for v in names.withItems({ $0 }) {
            if case .object(let s as PyStr) = v, let x = half.get(s.value) { m.set(s.value, x) }
        }
        return m
    }

    // MARK: - Contexts

    /// The calling thread's context (`getcontext()`): made from DefaultContext at its first use.
    @inline(__always)
    func current(_ ctx: ExecutionContext) throws -> DecimalContextState {
        if let s = ctx.decimalState?.takeUnretainedValue(), s.moduleID == ObjectIdentifier(self) { return s }
        return try currentContextObject(ctx).native as! DecimalContextState
    }

    @inline(never)
    func currentContextObject(_ ctx: ExecutionContext) throws -> PyInstance {
        if let c = ctx.decimalContext, let s = c.native as? DecimalContextState, s.moduleID == ObjectIdentifier(self) {
            ctx.decimalState = .passUnretained(s)
            return c
        }
        let c = copyContext(defaultContext.flatMap { $0.native as? DecimalContextState })
        (c.native as! DecimalContextState).flags = []
        adopt(c, ctx)
        return c
    }

    /// Makes `c` the thread's context, its state the one operations read unretained.
    private func adopt(_ c: PyInstance, _ ctx: ExecutionContext) {
        ctx.decimalContext = c
        ctx.decimalState = .passUnretained(c.native as! DecimalContextState)
    }

    /// `setcontext(c)`: a template is copied first (so changing the current context leaves it alone).
    func setCurrent(_ v: Value, _ ctx: ExecutionContext) throws {
        guard case .object(let i as PyInstance) = v, i.native is DecimalContextState else {
            throw PyException.make(.typeError, "argument must be a context")
        }
        if i === defaultContext || templates.contains(where: { $0 === i }) {
            let c = copyContext(i.native as? DecimalContextState)
            (c.native as! DecimalContextState).flags = []
            adopt(c, ctx)
        } else {
            adopt(i, ctx)
        }
    }

    /// A new `Context` with the settings, flags and traps of `source` (or libmpdec's defaults).
    func copyContext(_ source: DecimalContextState?, type: PyType? = nil) -> PyInstance {
        let i = PyInstance(type: type ?? contextType)
        let s = DecimalContextState(module: self)
        if let source {
            s.settings = source.settings
            s.flags = source.flags
            s.traps = source.traps
        }
        i.native = s
        return i
    }

    /// The context an operation's `context` argument names: the current one for None or nothing.
    func context(_ v: Value?, _ ctx: ExecutionContext) throws -> DecimalContextState {
        guard let v, !v.isNone else { return try current(ctx) }
        guard case .object(let i as PyInstance) = v, let s = i.native as? DecimalContextState else {
            throw PyException.make(.typeError, "optional argument must be a context")
        }
        return s
    }

    // MARK: - Signals

    /// `dec_addstatus`: the conditions become flags; if any is trapped, the first trapped signal is raised
    /// with the list of trapped conditions as its argument.
    @inline(__always)
    func signal(_ status: DecimalStatus, _ c: DecimalContextState, _ ctx: ExecutionContext) throws {
        try Self.signal(status, c, ctx)
    }

    /// `signal` for the VM's hooks, which reach the module through the context.
    @inline(__always)
    static func signal(_ status: DecimalStatus, _ c: DecimalContextState, _ ctx: ExecutionContext) throws {
        if status.isEmpty { return }
        c.flags.formUnion(status)
        let trapped = status.intersection(c.traps)
        if !trapped.isEmpty { throw try c.module.trap(trapped, ctx) }
    }

    @inline(never)
    func trap(_ trapped: DecimalStatus, _ ctx: ExecutionContext) throws -> PyException {
        guard let (_, name) = DecimalStatus.signals.first(where: { !trapped.intersection($0.0).isEmpty }),
              let cls = exceptionClasses[name] else {
            return PyException.make(.runtimeError, "internal error in flags_as_exception")
        }
        let list = DecimalStatus.listOrder.filter { trapped.contains($0.0) }.compactMap { exceptionClasses[$0.1] }
        let e = try ctx.call(cls, [.object(PyList(list))])
        guard case .object(let i as PyInstance) = e else { return PyException.make(.runtimeError, "bad decimal signal") }
        return PyException(i)
    }

    /// The conditions named in `names` (exception class names), for the Python half's delegated operations.
    static func status(named names: [String]) -> DecimalStatus {
        var s: DecimalStatus = []
        for n in names { if let (bit, _) = DecimalStatus.listOrder.first(where: { $0.1 == n }) { s.insert(bit) } }
        return s
    }

    // MARK: - Values

    func make(_ d: DecimalNumber, type: PyType? = nil) -> Value {
        .object(DecimalObject(d, type: type ?? decimalType))
    }

    /// The Decimal `v` is (of any Decimal type), by the object's class: no dynamic cast.
    @inline(__always)
    static func object(_ v: Value) -> DecimalObject? {
        if case .object(let o) = v, type(of: o) == DecimalObject.self { return unsafeDowncast(o, to: DecimalObject.self) }
        return nil
    }

    @inline(__always)
    static func value(_ v: Value) -> DecimalNumber? { object(v)?.value }

    /// A Decimal or an int as an exact operand (`convert_op`); nil for anything else.
    @inline(__always)
    static func operand(_ v: Value) -> DecimalNumber? {
        switch v {
        case .int(let i): return DecimalNumber(negative: i < 0, coefficient: UInt64(i.magnitude), exponent: 0)
        case .bool(let b): return DecimalNumber(negative: false, coefficient: UInt64(b ? 1 : 0), exponent: 0)
        case .object(let o):
            if type(of: o) == DecimalObject.self { return unsafeDowncast(o, to: DecimalObject.self).value }
            if let n = Arithmetic.number(v) {
                switch n {
                case .small(let i): return DecimalNumber(negative: i < 0, coefficient: UInt64(i.magnitude), exponent: 0)
                case .int(let b): return DecimalNumber(negative: b.sign == .minus && !b.isZero, coefficient: b.magnitude, exponent: 0)
                case .float: return nil
                }
            }
            return nil
        default: return nil
        }
    }

    /// `convert_op_raise`: a TypeError for what is neither Decimal nor int.
    static func requiredOperand(_ v: Value) throws -> DecimalNumber {
        if let d = operand(v) { return d }
        throw PyException.make(.typeError, "conversion from \(typeName(v)) to Decimal is not supported")
    }

    /// A float exactly (`PyDecType_FromFloatExact`): m * 2**e = m * 5**-e / 10**-e.
    static func exact(_ x: Double) -> DecimalNumber {
        if x.isNaN { return .special(.nan, negative: x.sign == .minus) }
        if x.isInfinite { return .special(.infinity, negative: x < 0) }
        if x == 0 { return DecimalNumber(negative: x.sign == .minus, coefficient: UInt64(0), exponent: 0) }
        var m = x.significandBitPattern | (x.isNormal ? (1 << 52) : 0)
        var e = Int(x.exponentBitPattern) - 1075 + (x.isNormal ? 0 : 1)
        let zeros = m.trailingZeroBitCount
        m >>= UInt64(zeros)
        e += zeros
        if e >= 0 { return DecimalNumber(negative: x < 0, coefficient: BigUInt(m) << e, exponent: 0) }
        return DecimalNumber(negative: x < 0, coefficient: BigUInt(m) * BigUInt(5).power(-e), exponent: e)
    }
}

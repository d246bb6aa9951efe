import Glibc
import Synchronization
import PythonSyntax

/// A native function: positional arguments, keyword arguments (name, value) in call order, and the
/// calling thread's context.
typealias NativeFunction = (_ args: [Value], _ kwargs: [(String, Value)], _ ctx: ExecutionContext) throws -> Value

/// A builtin function or a builtin method (then `args[0]` is `self`).
final class PyBuiltinFunction: PyObject, @unchecked Sendable {
    let name: String
    let body: NativeFunction
    /// Fewest positional arguments (self included for methods) the body may index without checking;
    /// calls with fewer raise TypeError instead of trapping.
    let minimumArguments: Int
    /// How CPython words a call with too few arguments (`BuiltinArity.tooFew`); nil: the generic form.
    let arity: BuiltinArity.Rule?
    /// Set for the few builtins the VM runs without building an argument array (`Interpreter.callBuiltin`).
    var fast = FastBuiltin.none
    /// A method of a builtin type binds to the instance it is looked up through; a module's function (`len`,
    /// `codecs.utf_8_decode`) stored as a class attribute does not — CPython's builtin functions are not
    /// descriptors. Cleared by `PyModule.addFunction`.
    var bindsToInstance = true

    init(_ name: String, minimumArguments: Int? = nil, arity: BuiltinArity.Rule? = nil, _ body: @escaping NativeFunction) {
        self.name = name
        self.body = body
        let rule = arity ?? (minimumArguments == nil ? BuiltinArity.functions[name] : nil)
        self.arity = rule
        self.minimumArguments = minimumArguments ?? rule?.minimum ?? 0
        super.init(tag: .builtin)
    }

    /// The TypeError for a call with `given` positional arguments (`self` included for methods), fewer than
    /// `minimumArguments`.
    @inline(never)
    func tooFewArguments(given: Int) -> PyException {
        let selfCount = arity?.isMethod == true ? 1 : 0
        let text = BuiltinArity.tooFew(name, arity, minimum: minimumArguments - selfCount, given: max(given - selfCount, 0))
        return PyException.make(.typeError, text)
    }
}

/// Builtins with an inline path in the VM (`Interpreter.fastBuiltin`): `len(x)` of a container, `list.append`, `isinstance`.
enum FastBuiltin: UInt8 {
    case none, len, listAppend
    /// `isinstance(x, C)` for a class without a metaclass: `type(x)`'s MRO.
    case isinstance
    /// `globals()`: the module of the calling code (`CodeObject.moduleGlobals`), not only `__main__`'s.
    case callerGlobals
}

/// A Python function: code plus what `def` evaluated (defaults, globals, closure cells).
final class PyFunction: PyObject, @unchecked Sendable {
    let code: CodeObject
    let globals: Globals
    var defaults: [Value]
    /// `__defaults__` was set to `()`: it reads back `()`, not None (no defaults at all).
    var defaultsAreEmptyTuple = false
    var keywordDefaults: [String: Value]
    var cells: [PyCell]
    var name: String
    var qualifiedName: String
    /// The class whose body defined this function, for zero-argument `super()`.
    var definingClass: PyType?
    var attributes: [String: Value] = [:]

    init(code: CodeObject, globals: Globals, defaults: [Value], keywordDefaults: [String: Value], cells: [PyCell]) {
        self.code = code
        self.globals = globals
        self.defaults = defaults
        self.keywordDefaults = keywordDefaults
        self.cells = cells
        self.name = code.name
        self.qualifiedName = code.qualifiedName
        super.init(tag: .function)
    }
}

/// A closure cell (a variable shared between a function and the functions nested in it).
final class PyCell: PyObject, LazilyLocked, @unchecked Sendable {
    /// Touched only under `lock`: threads started with a closure share its cells.
    private var storage: Value?
    private let ownLock = AtomicLazyReference<ObjectLock>()
    /// No lock object unless the policy is free-threaded (`LazyObjectLock`): a frame whose locals a closure or
    /// generator expression captures made one cell and one `ObjectLock` per captured name at every call.
    var lock: LazyObjectLock<PyCell> { LazyObjectLock(owner: self) }
    var objectLock: ObjectLock { ownLock.load() ?? ownLock.storeIfNil(ObjectLock("cell")) }

    init(_ value: Value? = nil) {
        storage = value
        super.init(tag: .cell)
    }

    deinit { Trashcan.release(&storage) }

    /// Inlined into `loadCell`/`storeCell`: under a GIL policy a field read or write (nqueens' generator
    /// expressions read a free variable per item; the out-of-line accessor was ~47 instructions a read).
    var value: Value? {
        @inline(__always) get { ObjectLocking.enabled ? lockedValue : storage }
        @inline(__always) set {
            if ObjectLocking.enabled { setLocked(newValue) } else { storage = newValue }
        }
    }

    private var lockedValue: Value? {
        @inline(never) get { objectLock.withLock { storage } }
    }

    @inline(never)
    private func setLocked(_ v: Value?) { objectLock.withLock { storage = v } }
}

/// `obj.method` taken as a value.
final class PyBoundMethod: PyObject, @unchecked Sendable {
    let function: Value
    let receiver: Value

    init(function: Value, receiver: Value) {
        self.function = function
        self.receiver = receiver
        super.init(tag: .boundMethod)
    }
}

/// A class: builtin (int, list, Exception, threading.Thread, …) or defined by a `class` statement.
/// Attribute lookup walks the method resolution order (C3, Objects/typeobject.c mro_internal).
final class PyType: PyObject, @unchecked Sendable {
    let name: String
    let base: PyType?
    var dict: [String: Value] {
        didSet { TypeCache.invalidate() }
    }
    var module: String
    /// The names of the class body's namespace in the order they were bound (`dict` is unordered): the
    /// order `cls.__dict__` lists them in, as CPython's (enum's `_simple_enum` numbers `auto()` members by it).
    var definitionOrder: [String] = []
    /// A native type's binary operators for its exact instances (`Arithmetic.instanceBinary` asks it before
    /// looking up and calling `__add__` & co.): nil from it falls back to the general path.
    var nativeBinary: ((_ op: BinaryOperator, _ l: Value, _ r: Value, _ ctx: ExecutionContext) throws -> Value?)?
    /// Likewise its rich comparisons (`compare` asks it before `__eq__`, `__lt__`… for a left operand of this
    /// exact type); nil falls back to the general path.
    var nativeCompare: ((_ op: ComparisonOperator, _ l: Value, _ r: Value, _ ctx: ExecutionContext) throws -> Bool?)?
    /// Likewise `str(v)` for its exact instances (`str()` and `print` ask it before looking up `__str__`); nil
    /// falls back to the general path.
    var nativeStr: ((_ v: Value, _ ctx: ExecutionContext) throws -> String?)?
    /// The name error messages give when it is not `name`: CPython's `tp_name` of an extension type
    /// (`'decimal.Decimal'`), which includes its module.
    var messageName: String?
    /// `__qualname__` when it differs from `name` (classes nested in classes or functions).
    var qualifiedName: String?
    /// The class's metaclass when it is not `type` (`class C(metaclass=M)`, or inherited from a base).
    var metaclass: PyType?
    /// `SubclassHooks.of`'s memo for builtin subclasses: which item and hash methods the class defines in Python,
    /// with the `TypeCache.version` it was computed at (one word, so a reader never pairs two states).
    let subclassHookMemo = Atomic<Int>(0)
    /// `ExceptionConstruction.isPlain`'s memo: `TypeCache.version << 2` plus 1 (calling the class is
    /// BaseException's own construction) or 2 (it is not); anything else is not known yet.
    let plainExceptionMemo = Atomic<Int>(0)
    /// `WeakReferences.instancesReferenceable`'s memo: 0 not known yet, 1 yes, 2 no.
    let weakReferenceableMemo = Atomic<UInt8>(0)
    /// `object.__new__`'s memo of what never changes (a class's bases are fixed): 0 not known yet, 1 a plain
    /// class, 2 one deriving from a builtin value type (refused), 3 an exception class.
    let objectNewKindMemo = Atomic<UInt8>(0)
    /// The `TypeCache.version` at which `TypeObject.checkNotAbstract` last found the class instantiable (-1: not
    /// known): `__abstractmethods__` can only change with the class dicts, which moves the version.
    let instantiableAtVersion = Atomic<Int>(-1)
    /// Classes made with this one as a direct base (`type.__subclasses__()`), unretained; under `lock`.
    /// Not Swift `weak` references: a weakly referenced Swift object keeps its reference counts in a side
    /// table, and every retain and release of it takes the runtime's slow path (~50 instructions instead
    /// of ~5; 1.7 M of them in 10 deltablue loops, mostly instances retaining their class). A class takes
    /// itself out of its bases' lists as it dies (`deinit`), and readers skip one that is dying.
    private var subclassRefs: [Unmanaged<PyType>] = []

    func addSubclass(_ t: PyType) {
        lock.withLock { subclassRefs.append(Unmanaged.passUnretained(t)) }
    }

    private func removeSubclass(_ dying: UnsafeMutableRawPointer) {
        lock.withLock { subclassRefs.removeAll { $0.toOpaque() == dying } }
    }

    var subclasses: [PyType] {
        lock.withLock {
            // A subclass whose last reference went on another thread (free-threaded) may not have reached
            // its `deinit` yet: `swift_tryRetain` refuses an object that is deinitialising.
            subclassRefs.compactMap { swiftTryRetain($0.toOpaque()) == nil ? nil : $0.takeRetainedValue() }
        }
    }

    deinit {
        let me = Unmanaged.passUnretained(self).toOpaque()
        for b in bases { b.removeSubclass(me) }
    }
    /// Classes made by a `class` statement belong to one runtime (only its GIL holder touches them), so
    /// they may memoize lookups; builtin types are shared by every runtime in the process and never do.
    var cacheable = false
    private var cache = NameMemo()
    private var cacheVersion = -1
    /// `special(_:)`'s per-class slot table (SpecialSlots.swift), made at the first special-method lookup.
    var specialSlots: SpecialSlotTable?
    /// `cls.__dict__`'s snapshot and the `TypeCache.version` it was built at (`Attributes.namespaceSnapshot`);
    /// under `lock`.
    var namespaceMemo: (version: Int, dict: PyDict)?
    /// Builtin constructor: called instead of creating a `PyInstance` (int(), str(), list(), …).
    var construct: ((_ type: PyType, _ args: [Value], _ kwargs: [(String, Value)], _ ctx: ExecutionContext) throws -> Value)?
    let lock = ObjectLock("class")

    /// The empty shape every new instance starts from (one tree of shapes per class, so a shape
    /// identifies its class too).
    let rootShape = Shape()
    /// The shape of instances a native constructor fills whole (a struct sequence's fields, an exception's
    /// `args` — builtin exception classes and every class statement deriving from BaseException), set once
    /// before the type is published: such instances take it and their slots in one step.
    var filledShape: Shape?
    /// For each slot of `filledShape`, the position in the constructor's values it takes; nil when they are
    /// the values in order (a struct sequence whose field names repeat keeps each name's last value).
    var filledSources: [Int]?

    /// Direct bases in declaration order (`base` is the first).
    let bases: [PyType]
    /// The ancestors in C3 order, without this class: storing the class in its own list would make every
    /// class a reference cycle, so no class — and no runtime a class's native methods capture — were ever freed.
    private(set) var ancestors: [PyType] = []

    /// This class, then its ancestors in C3 order (`__mro__`; allocates, so hot paths use `ancestors`).
    var mro: [PyType] { [self] + ancestors }

    init(name: String, base: PyType?, dict: [String: Value] = [:], module: String = "builtins") {
        self.name = name
        self.base = base
        self.bases = base.map { [$0] } ?? []
        self.dict = dict
        self.module = module
        super.init(tag: .type)
        ancestors = base?.mro ?? []
    }

    /// A class with several bases; nil when no consistent C3 order exists.
    init?(name: String, bases: [PyType], module: String) {
        self.name = name
        self.base = bases.first
        self.bases = bases
        self.dict = [:]
        self.module = module
        super.init(tag: .type)
        guard let order = Self.c3(bases.map(\.mro) + [bases]) else { return nil }
        ancestors = order
    }

    private static func c3(_ lists: [[PyType]]) -> [PyType]? {
        var lists = lists.filter { !$0.isEmpty }
        var out: [PyType] = []
        while !lists.isEmpty {
            guard let head = lists.lazy.map({ $0[0] }).first(where: { h in !lists.contains { $0.dropFirst().contains { $0 === h } } }) else {
                return nil
            }
            out.append(head)
            lists = lists.map { $0[0] === head ? Array($0.dropFirst()) : $0 }.filter { !$0.isEmpty }
        }
        return out
    }

    /// Looks `name` up through the inheritance chain (memoized for user classes until any class changes).
    func lookup(_ name: String) -> Value? {
        guard cacheable else { return lookupUncached(name) }
        // Under `lock`: without a GIL two threads may fill the memo at once.
        return lock.withLock {
            let version = TypeCache.version.load(ordering: .relaxed)
            let h = NameMemo.hash(name)
            if cacheVersion == version, let hit = cache.get(name, h) { return hit }
            if cacheVersion != version {
                cache.removeAll()
                cacheVersion = version
            }
            let found = lookupUncached(name)
            cache.set(name, h, found)
            return found
        }
    }

    private func lookupUncached(_ name: String) -> Value? {
        lookup(name, after: nil)
    }

    /// Lookup along the MRO, starting after `start` when given (`super()`).
    func lookup(_ name: String, after start: PyType?) -> Value? {
        var i = 0  // into `ancestors`
        if let start, start === self {
            // super() in this class: its own dict is skipped
        } else if let start, let k = ancestors.firstIndex(where: { $0 === start }) {
            i = k + 1
        } else if let v = lock.withLock({ dict[name] }) {
            return v
        }
        while i < ancestors.count {
            let cur = ancestors[i]
            if let v = cur.lock.withLock({ cur.dict[name] }) { return v }
            i += 1
        }
        return nil
    }

    func isSubtype(of other: PyType) -> Bool {
        self === other || ancestors.contains { $0 === other }
    }

    /// The builtin constructor of the nearest builtin ancestor, if any (for `class X(dict)` etc.).
    var inheritedConstruct: ((_ type: PyType, _ args: [Value], _ kwargs: [(String, Value)], _ ctx: ExecutionContext) throws -> Value)? {
        if let construct { return construct }
        for cur in ancestors { if let c = cur.construct { return c } }
        return nil
    }

    func addMethod(_ name: String, _ body: @escaping NativeFunction) {
        let rule = BuiltinArity.methods["\(self.name).\(name)"]
        let f = PyBuiltinFunction(name, minimumArguments: rule?.minimum ?? 1, arity: rule, body)
        if self.name == "list" && name == "append" && module == "builtins" { f.fast = .listAppend }
        dict[name] = .object(f)
    }
}

/// The Swift runtime's `swift_tryRetain` (what loading a `weak` reference does): retains `object` and
/// answers it, or answers nil when it is already deinitialising. Looked up by name: the compiler reserves
/// runtime symbols for `@_silgen_name` (and `HeapObject *swift_tryRetain(HeapObject *)` answers the
/// object, not the `bool` older headers declare).
let swiftTryRetain: @convention(c) (UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? = {
    guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "swift_tryRetain") else {
        fatalError("the Swift runtime has no swift_tryRetain")
    }
    return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutableRawPointer) -> UnsafeMutableRawPointer?).self)
}()

/// The global version of all class dictionaries: any change invalidates every memoized lookup.
enum TypeCache {
    static let version = Atomic<Int>(0)

    static func invalidate() { version.wrappingAdd(1, ordering: .relaxed) }
}

/// The Swift state of a builtin base (`PyInstance.native`) that leaves attribute lookup as it is for a
/// plain instance: the method caches serve such instances (`BytesIO` and its subclasses), while other
/// native state (thread-local storage, whose attributes are per thread) keeps them on the general path.
class PlainNativeState {
    /// `T.__new__(cls)` for a native type `t` whose instances carry `make()` as their state (`BytesIO`,
    /// `StringIO`): `cls` must be `t` or a subclass, as the C types' `tp_new` checks.
    static func installNew(on t: PyType, _ make: @escaping () -> PlainNativeState) {
        let new = PyBuiltinFunction("__new__", minimumArguments: 1) { args, _, _ in
            guard case .object(let cls as PyType) = args[0], cls.isSubtype(of: t) else {
                throw PyException.make(.typeError, "\(t.name).__new__(X): X is not a subtype of \(t.name)")
            }
            let i = PyInstance(type: cls)
            i.native = make()
            return .object(i)
        }
        t.dict["__new__"] = .object(PyMethodWrapper(.staticMethod, .object(new)))
    }
}

/// An instance of a Python class. `native` carries the Swift state of builtin bases (a thread handle,
/// a LockCore, exception data…).
/// Attributes live in `slots`, named by `shape` (see `Shape`); both change only under `lock`, and the VM's
/// unlocked inline-cache reads happen only while object locking is off (one GIL holder at a time).
/// Not final only so that a native type can keep its value in the object itself (`DecimalObject`: one
/// allocation per result instead of two); every member is final, so access stays direct.
class PyInstance: PyObject, @unchecked Sendable {
    final let type: PyType
    final var shape: Shape
    final var slots: [Value] = []
    final var native: AnyObject?
    /// The instance's own lock, created at its first use under the free-threaded policy (published
    /// atomically, so racing threads agree on one): a GIL run allocates and frees no lock per object.
    private let ownLock = AtomicLazyReference<ObjectLock>()

    /// This instance's `ObjectLock`. With object locking off every `withLock` is a flag test that never
    /// touches the lock, so all instances share `ObjectLock.unlockedInstances`.
    final var lock: ObjectLock {
        guard ObjectLocking.enabled else { return ObjectLock.unlockedInstances }
        if let l = ownLock.load() { return l }
        return ownLock.storeIfNil(ObjectLock("instance"))
    }

    init(type: PyType) {
        self.type = type
        self.shape = type.rootShape
        super.init(tag: .instance)
    }

    deinit {
        if isWeakReference { WeakReferences.referenceDied(self) }
        // Only objects can nest; an instance whose slots are all scalars (a point of two ints) skips the
        // trashcan's per-thread state lookup, a third of its deallocation.
        if slots.contains(where: { if case .object = $0 { true } else { false } }) { Trashcan.release(&slots) }
    }

    final func getAttribute(_ name: String) -> Value? { lock.withLock { shape.slot(of: name).map { slots[$0] } } }
    final func setAttribute(_ name: String, _ v: Value) { lock.withLock { storeUnlocked(name, v) } }
}

extension ObjectLock {
    /// What `PyInstance.lock` returns while object locking is off (never entered: `withLock` and `enter`
    /// test `ObjectLocking.enabled` first).
    static let unlockedInstances = ObjectLock("instance")
}

/// A module: builtin ones keep attributes in `dict`; `__main__` keeps its globals in slots.
final class PyModule: PyObject, @unchecked Sendable {
    let name: String
    /// Changing it bumps `dictVersion` (the VM's `module.name` caches; a `didSet` that does not read the
    /// old value keeps in-place mutation).
    var dict: [String: Value] {
        didSet { dictVersion &+= 1 }
    }
    /// Bumped by every change of `dict` and by replacing `globals`.
    private(set) var dictVersion = 0
    /// Replaced only by `SourceFileLoader.exec_module` (a module made empty by `module_from_spec`).
    private(set) var globals: Globals? {
        didSet { dictVersion &+= 1 }
    }
    let lock = ObjectLock("module")

    init(name: String, dict: [String: Value] = [:], globals: Globals? = nil) {
        self.name = name
        self.dict = dict
        self.globals = globals
        super.init(tag: .module)
    }

    func get(_ attr: String) -> Value? {
        if let g = globals { return g.value(named: attr) }
        return lock.withLock { dict[attr] }
    }

    func set(_ attr: String, _ v: Value) {
        if let g = globals { g.set(named: attr, v); return }
        lock.withLock { dict[attr] = v }
        // The VM caches builtins per `loadGlobal` under `TypeCache.version` (`builtins.len = …`).
        if name == "builtins" { TypeCache.invalidate() }
    }

    func addFunction(_ name: String, _ body: @escaping NativeFunction) {
        let f = PyBuiltinFunction(name, body)
        f.bindsToInstance = false
        if self.name == "builtins" && name == "len" { f.fast = .len }
        if self.name == "builtins" && name == "isinstance" { f.fast = .isinstance }
        dict[name] = .object(f)
    }

    /// Runs a module's code in new globals that keep everything the old ones held.
    func adopt(_ newGlobals: Globals) {
        lock.withLock { globals = newGlobals }
    }
}

/// `super()`: attribute lookup starting after `startAfter` in the MRO, bound to `receiver`.
final class PySuper: PyObject, @unchecked Sendable {
    let startAfter: PyType
    let receiver: Value

    init(startAfter: PyType, receiver: Value) {
        self.startAfter = startAfter
        self.receiver = receiver
        super.init(tag: .superProxy)
    }
}

/// Module globals resolved to slots at compile time (DESIGN.md §7), with a dictionary for names the
/// compiler never saw (`from x import *`, `globals()[...]`). Stores go through `lock`.
final class Globals: @unchecked Sendable {
    let names: [String]
    let slots: UnsafeMutablePointer<Value?>
    private var index: [String: Int]
    private var extra: [String: Value] = [:]
    /// The live dict view of these globals once something asked for it (`namespaceDict()`).
    private(set) var namespace: ModuleNamespace?
    let lock = ObjectLock("globals")

    init(names: [String]) {
        self.names = names
        slots = .allocate(capacity: max(names.count, 1))
        slots.initialize(repeating: nil, count: max(names.count, 1))
        var index: [String: Int] = [:]
        for (i, n) in names.enumerated() { index[n] = i }
        self.index = index
    }

    deinit {
        namespace?.detach()
        slots.deinitialize(count: max(names.count, 1))
        slots.deallocate()
    }

    /// The slot of `name`, if the compiler gave it one (slots never move to another name).
    func slotIndex(of name: String) -> Int? {
        lock.withLock { index[name] }
    }

    func value(named name: String) -> Value? {
        let (slot, extraValue) = lock.withLock { () -> (Int?, Value?) in
            if let i = index[name] { return (i, slots[i]) }
            return (nil, namespace == nil ? extra[name] : nil)
        }
        if slot != nil || extraValue != nil { return extraValue ?? slots[slot!] }
        return namespace?.extraValue(name)
    }

    func set(named name: String, _ v: Value) {
        let stored = lock.withLock { () -> Bool in
            if let i = index[name] { slots[i] = v; return true }
            if namespace == nil { extra[name] = v; return true }
            return false
        }
        if !stored { namespace?.setExtra(name, v) }
    }

    func remove(named name: String) -> Bool {
        let (done, removed) = lock.withLock { () -> (Bool, Bool) in
            if let i = index[name] {
                defer { slots[i] = nil }
                return (true, slots[i] != nil)
            }
            if namespace == nil { return (true, extra.removeValue(forKey: name) != nil) }
            return (false, false)
        }
        if done { return removed }
        return namespace?.removeExtra(name) ?? false
    }

    /// Globals for `names` holding every value of `other` (`exec` of a file into an existing module: the
    /// code compiled with `other.names` as its seed keeps their slot numbers).
    convenience init(names: [String], copying other: Globals) {
        self.init(names: names)
        for n in other.allNames { if let v = other.value(named: n) { set(named: n, v) } }
    }

    var allNames: [String] {
        let (bound, extraNames) = lock.withLock {
            (names.enumerated().compactMap { slots[$0.offset] == nil ? nil : $0.element }, namespace == nil ? extra.keys.sorted() : [])
        }
        return bound + (namespace?.extraNames ?? extraNames)
    }

    /// The module's namespace as a live dict (`module.__dict__`, `globals()`), made on first request; from then
    /// on it also stores the names without a slot.
    func namespaceDict() -> ModuleNamespace {
        let (ns, moved) = lock.withLock { () -> (ModuleNamespace, [String: Value]) in
            if let namespace { return (namespace, [:]) }
            let made = ModuleNamespace(self)
            namespace = made
            defer { extra.removeAll() }
            return (made, extra)
        }
        for (k, v) in moved.sorted(by: { $0.key < $1.key }) { ns.setExtra(k, v) }
        ns.pull()
        return ns
    }
}

import Synchronization

/// Real weak references (Objects/weakrefobject.c): a `weakref.ref` holds its object unretained, so it never
/// keeps the object alive and answers None once the object is freed.
///
/// Not a Swift `weak` reference: a weakly referenced Swift object keeps its reference counts in a side table
/// for the rest of its life, and every retain and release of it takes the runtime's slow path (~50
/// instructions instead of ~5). Classes registered with an ABC (`numbers.Number.register(Decimal)` puts
/// Decimal in a WeakSet) are retained by every instance made and every `isinstance`: 3.2 M slow retains per
/// `_pydecimal` telco loop. Instead every object reports its death (`PyObject.deinit` when
/// `weaklyReferenced`), which clears its references under the registry's lock, and a reader retains the
/// referent under that same lock with `swift_tryRetain`, which refuses an object already deinitialising on
/// another thread (free-threaded) — as `PyType.subclasses` does.
///
/// What differs from CPython: a callback does not run inside the object's deallocation (a deinit may be in the
/// middle of a container mutation) but at the next check point of a running thread — a backward jump, a call,
/// a function entry — through `PendingCalls`.
final class WeakReferenceData: @unchecked Sendable {
    /// The referent, unretained; nil once it died. Read and written only under `WeakReferences.registry`'s lock.
    fileprivate var referent: Unmanaged<PyObject>?
    let callback: Value
    /// `hash(ref)`: the object's hash, remembered so a dead reference keeps hashing the same (a dict key).
    var hash: Int?
    /// Where callbacks are queued (the runtime that made the reference).
    weak var runtime: PythonRuntime?
    /// Text for `repr` once the object is gone: its type's name.
    let targetTypeName: String

    fileprivate init(target: PyObject, callback: Value, runtime: PythonRuntime?, targetTypeName: String) {
        self.referent = Unmanaged.passUnretained(target)
        self.callback = callback
        self.runtime = runtime
        self.targetTypeName = targetTypeName
    }

    /// The referent, retained, or nil when it died or is dying.
    var target: PyObject? { WeakReferences.load(self) }
}

enum WeakReferences {
    /// One weak reference to an object, in the registry of that object's references. Unretained: a
    /// reference takes its entry out as it dies (`referenceDied`), so every entry names a live reference.
    private struct Entry {
        let reference: Unmanaged<PyInstance>
        let data: WeakReferenceData
        /// Exactly `weakref.ref` without a callback: the one `ref(o)` answers again.
        let isBasic: Bool
    }

    /// The weak references of each weakly referenced live object, oldest first. An object's entries go when
    /// it dies (`died`), before its address can be reused.
    private static let registry = Mutex<[ObjectIdentifier: [Entry]]>([:])

    /// Whether `o` can be weakly referenced (CPython: not int, str, tuple, list, dict, bytes…).
    static func canReference(_ o: PyObject) -> Bool {
        switch o.tag {
        case .function, .type, .set, .generator, .boundMethod, .module, .builtin: return true
        case .instance: return instancesReferenceable(unsafeDowncast(o, to: PyInstance.self).type)
        default: return false
        }
    }

    /// Whether instances of `t` have CPython's `__weakref__` slot (typeobject.c type_new: a class gets one
    /// unless its base has one already or its `__slots__` leave `__weakref__` out). `object` and the
    /// exceptions have none; other builtin bases are taken as having one.
    static func instancesReferenceable(_ t: PyType) -> Bool {
        let known = t.weakReferenceableMemo.load(ordering: .relaxed)
        if known != 0 { return known == 1 }
        let answer = t.mro.contains { c in
            if c === BuiltinTypes.object { return false }
            guard c.module != "builtins" || !c.isSubtype(of: ExceptionKind.baseException.type) else { return false }
            guard c.cacheable, let slots = c.dict["__slots__"] else { return true }
            return slotNames(slots).contains("__weakref__")
        }
        t.weakReferenceableMemo.store(answer ? 1 : 2, ordering: .relaxed)
        return answer
    }

    /// The names a class's `__slots__` declares: one str or an iterable of them.
    private static func slotNames(_ slots: Value) -> [String] {
        switch slots {
        case .object(let s as PyStr): return [s.value]
        case .object(let t as PyTuple): return t.items.compactMap { if case .object(let s as PyStr) = $0 { s.value } else { nil } }
        case .object(let l as PyList): return l.items.compactMap { if case .object(let s as PyStr) = $0 { s.value } else { nil } }
        default: return ["__weakref__"]  // another iterable: assume it names it rather than refuse wrongly
        }
    }

    /// A reference of class `type` (weakref.ref or a subclass) to `target`. `ref(o)` without a callback is the
    /// existing callback-less `ref` of `o` when there is one (weakrefobject.c get_basic_refs: `ref(o) is
    /// ref(o)`), so `WeakSet.__contains__`'s `ref(item)` makes no object for an item already referenced.
    static func make(_ type: PyType, _ target: Value, callback: Value, _ ctx: ExecutionContext) throws -> PyInstance {
        guard case .object(let o) = target, canReference(o) else {
            throw PyException.make(.typeError, "cannot create weak reference to '\(typeName(target))' object")
        }
        let basic = type === WeakrefModule.referenceType && callback.isNone
        if basic, o.weaklyReferenced, let existing = basicReference(to: o) { return existing }
        let r = PyInstance(type: type)
        let data = WeakReferenceData(target: o, callback: callback, runtime: ctx.runtime, targetTypeName: typeName(target))
        r.native = data
        r.isWeakReference = true
        let entry = Entry(reference: Unmanaged.passUnretained(r), data: data, isBasic: basic)
        registry.withLock { table in
            // CPython's list order (weakrefobject.c new_weakref): the basic ref first, then the others newest
            // first — the order of getweakrefs and of the callbacks at death.
            var entries = table[ObjectIdentifier(o)] ?? []
            let firstOther = entries.first.map { $0.isBasic ? 1 : 0 } ?? 0
            entries.insert(entry, at: basic ? 0 : firstOther)
            table[ObjectIdentifier(o)] = entries
            o.weaklyReferenced = true
        }
        return r
    }

    /// The live `ref` of exactly `weakref.ref` without a callback to `o`, retained.
    private static func basicReference(to o: PyObject) -> PyInstance? {
        registry.withLock { table in
            // The reference may be deinitialising on another thread (its entry is not out yet).
            guard let e = table[ObjectIdentifier(o)]?.first, e.isBasic, swiftTryRetain(e.reference.toOpaque()) != nil else { return nil }
            return e.reference.takeRetainedValue()
        }
    }

    /// The referent of `data`, retained, or nil.
    fileprivate static func load(_ data: WeakReferenceData) -> PyObject? {
        registry.withLock { _ in
            guard let u = data.referent, swiftTryRetain(u.toOpaque()) != nil else { return nil }
            return u.takeRetainedValue()
        }
    }

    /// The live weak references to `o`, oldest first.
    static func references(to o: PyObject) -> [PyInstance] {
        guard o.weaklyReferenced else { return [] }
        return registry.withLock { table in
            (table[ObjectIdentifier(o)] ?? []).compactMap {
                swiftTryRetain($0.reference.toOpaque()) == nil ? nil : $0.reference.takeRetainedValue()
            }
        }
    }

    /// From `PyInstance.deinit` of a weak reference: takes its entry out of its (still live) referent's list.
    static func referenceDied(_ reference: PyInstance) {
        guard let data = reference.native as? WeakReferenceData else { return }
        let me = Unmanaged.passUnretained(reference).toOpaque()
        registry.withLock { table in
            guard let target = data.referent else { return }
            let id = ObjectIdentifier(target.takeUnretainedValue())
            guard var entries = table[id] else { return }
            entries.removeAll { $0.reference.toOpaque() == me }
            table[id] = entries.isEmpty ? nil : entries
            data.referent = nil
        }
    }

    /// From the deinit of a weakly referenced object (`PyObject.deinit`): its references answer None from now
    /// on, and the callbacks of those still alive are queued, each called with its reference
    /// (weakref.c handle_callback).
    static func died(_ id: ObjectIdentifier) {
        let withCallbacks: [(PyInstance, WeakReferenceData)] = registry.withLock { table in
            let entries = table.removeValue(forKey: id) ?? []
            var live: [(PyInstance, WeakReferenceData)] = []
            for e in entries {
                e.data.referent = nil
                guard !e.data.callback.isNone, swiftTryRetain(e.reference.toOpaque()) != nil else { continue }
                live.append((e.reference.takeRetainedValue(), e.data))
            }
            return live
        }
        for (reference, data) in withCallbacks {
            guard let runtime = data.runtime else { continue }
            let callback = data.callback
            runtime.pendingCalls.add(mainThreadOnly: false) { ctx in
                do {
                    _ = try ctx.call(callback, [.object(reference)])
                } catch {
                    reportUnraisable(Interpreter.convertError(error), in: callback, ctx)
                }
            }
        }
    }

    /// CPython's default unraisable hook: `Exception ignored in: <obj>` and the traceback on stderr.
    /// Written to whatever `sys.stderr` is now (a program's StringIO), as PyErr_WriteUnraisable.
    static func reportUnraisable(_ e: PyException, in object: Value, _ ctx: ExecutionContext) {
        let what = (try? repr(object, ctx)) ?? "?"
        let text = "Exception ignored in: \(what)\n" + Traceback.format(e, program: ctx.runtime.program, ctx)
        if case .object(let sys as PyModule)?? = try? ctx.runtime.modules.table.get(.str("sys")), let stderr = sys.get("stderr") {
            if stderr.isNone || (try? ctx.runtime.write(text, to: stderr, flush: true, ctx)) != nil { return }
        }
        ctx.runtime.output.writeErr(text)
    }

    static func data(_ v: Value) -> WeakReferenceData? {
        guard case .object(let o) = v, o.tag == .instance else { return nil }
        return unsafeDowncast(o, to: PyInstance.self).native as? WeakReferenceData
    }

    /// The referent, or None when it was freed.
    static func target(_ v: Value) -> Value {
        guard let d = data(v), let o = d.target else { return .none }
        return .object(o)
    }
}

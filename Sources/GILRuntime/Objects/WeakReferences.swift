import Synchronization

/// Real weak references (Objects/weakrefobject.c): a `weakref.ref` holds its object through a Swift `weak`
/// reference, so it never keeps the object alive and answers None once the object is freed.
///
/// What differs from CPython: a callback does not run inside the object's deallocation (a deinit may be in the
/// middle of a container mutation) but at the next check point of a running thread — a backward jump, a call,
/// a function entry — through `PendingCalls`; and callbacks fire only for objects whose deinit reports
/// (instances of classes and functions), the kinds programs weakly reference in practice.
final class WeakReferenceData: @unchecked Sendable {
    weak var target: PyObject?
    let callback: Value
    /// `hash(ref)`: the object's hash, remembered so a dead reference keeps hashing the same (a dict key).
    var hash: Int?
    /// Where callbacks are queued (the runtime that made the reference).
    weak var runtime: PythonRuntime?
    /// Text for `repr` once the object is gone: its type's name.
    let targetTypeName: String

    init(target: PyObject, callback: Value, runtime: PythonRuntime?, targetTypeName: String) {
        self.target = target
        self.callback = callback
        self.runtime = runtime
        self.targetTypeName = targetTypeName
    }
}

enum WeakReferences {
    /// One weak reference to an object, in the registry of that object's references.
    private final class Entry {
        weak var reference: PyInstance?
        weak var target: PyObject?

        init(_ reference: PyInstance, _ target: PyObject) {
            self.reference = reference
            self.target = target
        }
    }

    /// The weak references of each weakly referenced object, for callbacks and `getweakrefs`. An address can be
    /// reused after its object died, so entries whose target is gone are dropped before a new object's are added.
    private static let registry = Mutex<[ObjectIdentifier: [Entry]]>([:])

    /// Whether `o` can be weakly referenced (CPython: not int, str, tuple, list, dict, bytes…).
    static func canReference(_ o: PyObject) -> Bool {
        switch o.tag {
        case .instance, .function, .type, .set, .generator, .boundMethod, .module, .builtin: return true
        default: return false
        }
    }

    /// A new reference of class `type` (weakref.ref or a subclass) to `target`.
    static func make(_ type: PyType, _ target: Value, callback: Value, _ ctx: ExecutionContext) throws -> PyInstance {
        guard case .object(let o) = target, canReference(o) else {
            throw PyException.make(.typeError, "cannot create weak reference to '\(typeName(target))' object")
        }
        let r = PyInstance(type: type)
        r.native = WeakReferenceData(target: o, callback: callback, runtime: ctx.runtime, targetTypeName: typeName(target))
        r.setAttribute("__callback__", callback)
        register(r, o)
        return r
    }

    private static func register(_ reference: PyInstance, _ target: PyObject) {
        let id = ObjectIdentifier(target)
        registry.withLock { table in
            var entries = (table[id] ?? []).filter { $0.target === target && $0.reference != nil }
            entries.append(Entry(reference, target))
            table[id] = entries
        }
        target.weaklyReferenced = true
    }

    /// The live weak references to `o`, oldest first.
    static func references(to o: PyObject) -> [PyInstance] {
        registry.withLock { table in
            (table[ObjectIdentifier(o)] ?? []).compactMap { $0.target === o ? $0.reference : nil }
        }
    }

    /// From the deinit of a weakly referenced object: queues the callbacks of its references that are still
    /// alive, each called with its reference (weakref.c handle_callback).
    static func died(_ id: ObjectIdentifier) {
        let entries = registry.withLock { $0.removeValue(forKey: id) } ?? []
        for entry in entries {
            guard let reference = entry.reference, let data = reference.native as? WeakReferenceData,
                !data.callback.isNone, let runtime = data.runtime
            else { continue }
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
    static func reportUnraisable(_ e: PyException, in object: Value, _ ctx: ExecutionContext) {
        let what = (try? repr(object, ctx)) ?? "?"
        ctx.runtime.output.writeErr("Exception ignored in: \(what)\n" + Traceback.format(e, program: ctx.runtime.program, ctx))
    }

    static func data(_ v: Value) -> WeakReferenceData? {
        guard case .object(let i as PyInstance) = v else { return nil }
        return i.native as? WeakReferenceData
    }

    /// The referent, or None when it was freed.
    static func target(_ v: Value) -> Value {
        guard let d = data(v), let o = d.target else { return .none }
        return .object(o)
    }
}

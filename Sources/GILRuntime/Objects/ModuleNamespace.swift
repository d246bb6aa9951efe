import Synchronization

/// A module's namespace as a live `dict` (`module.__dict__`, `globals()`, `vars(module)`, `f.__globals__`,
/// `frame.f_globals`). Our module globals are compiler-assigned slots (`Globals`, DESIGN.md §7) read and written
/// by the VM without a dictionary, so this dict is a two-way view rather than the storage:
/// - writes through the dict (`d[k] = v`, `update`, `del`, `pop`, `clear`, … — every dict mutation ends in
///   `set`/`remove`/`clear`) go on to the slot, or for names the compiler never saw, to the dict itself, which is
///   then where `Globals` keeps them;
/// - before any read, the slots that changed since the last read are copied in (a comparison per slot, only
///   for modules whose namespace was asked for: the VM's global loads and stores do not know this exists).
/// (`PullingDict`.) enum's `_convert_` writes members into `sys.modules[name].__dict__`: signal.Signals needs this.
final class ModuleNamespace: PullingDict, @unchecked Sendable {
    /// The globals own this namespace, so it holds them unretained; a namespace that outlives its module is a
    /// plain dict (`Globals.deinit` detaches it). Not a Swift `weak` reference: that would give every
    /// `Globals` a side table, and every retain and release of it (each function made, each call and
    /// generator resume) the runtime's slow path. Read under `globalsRef`'s lock with `swift_tryRetain`,
    /// which refuses globals already deinitialising on another thread (free-threaded).
    private let globalsRef: Mutex<Unmanaged<Globals>?>
    var globals: Globals? {
        globalsRef.withLock { ref in
            guard let ref, swiftTryRetain(ref.toOpaque()) != nil else { return nil }
            return ref.takeRetainedValue()
        }
    }
    /// Slot values as last copied into the table (guarded by `globals.lock`).
    private var seen: [Value?]

    init(_ globals: Globals) {
        globalsRef = Mutex(Unmanaged.passUnretained(globals))
        seen = Array(repeating: nil, count: globals.names.count)
        super.init()
    }

    /// Its globals are going away (their `deinit`): from now on this is a plain dict.
    func detach() {
        globalsRef.withLock { $0 = nil }
    }

    /// Copies the slots that changed since the last call into the table.
    override func pull() {
        guard let g = globals else { return }
        var changes: [(name: String, value: Value?)] = []
        g.lock.withLock {
            for i in 0..<g.names.count {
                let now = g.slots[i]
                switch (now, seen[i]) {
                case (nil, nil): continue
                case (let a?, let b?) where a.isIdentical(b): continue
                default:
                    seen[i] = now
                    changes.append((g.names[i], now))
                }
            }
        }
        for (name, value) in changes {
            if let value { try? super.set(.str(name), value) } else { _ = try? super.remove(.str(name)) }
        }
    }

    /// The value of `name` when the compiler gave it no slot (the table is the storage for those).
    func extraValue(_ name: String) -> Value? { try? super.get(.str(name)) }

    func setExtra(_ name: String, _ value: Value) { try? super.set(.str(name), value) }

    func removeExtra(_ name: String) -> Bool { (try? super.remove(.str(name))) != nil }

    /// Names without a slot, in insertion order.
    var extraNames: [String] {
        guard let g = globals else { return [] }
        return super.entries.compactMap { entry in
            guard case .object(let s as PyStr) = entry.key, g.slotIndex(of: s.value) == nil else { return nil }
            return s.value
        }
    }

    /// Forgets every binding (the program ended: `ModuleRegistry.unloadAll`).
    func clearAll() {
        super.clear()
        globals?.lock.withLock { for i in seen.indices { seen[i] = nil } }
    }

    /// The slot of a str key, with the globals.
    private func slot(_ key: Value) -> (Globals, Int)? {
        guard let g = globals, case .object(let s as PyStr) = key, let i = g.slotIndex(of: s.value) else { return nil }
        return (g, i)
    }

    override func set(_ key: Value, _ value: Value) throws {
        pull()
        try super.set(key, value)
        if let (g, i) = slot(key) { g.lock.withLock { g.slots[i] = value; seen[i] = value } }
    }

    @discardableResult
    override func remove(_ key: Value) throws -> Value? {
        pull()
        let old = try super.remove(key)
        if let (g, i) = slot(key) { g.lock.withLock { g.slots[i] = nil; seen[i] = nil } }
        return old
    }

    override func clear() {
        super.clear()
        guard let g = globals else { return }
        g.lock.withLock {
            for i in 0..<g.names.count { g.slots[i] = nil; seen[i] = nil }
        }
    }
}

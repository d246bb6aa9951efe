/// An instance's `__dict__` as a live `dict`. Our instances keep their attributes as a hidden class (`Shape`)
/// and a slot array, not a dictionary, so this is a view like `ModuleNamespace`: writes (`obj.__dict__.update(d)`,
/// `obj.__dict__[k] = v`, `del`, `pop`, `clear`) go to the instance's attributes; reads first rebuild the
/// table when the instance's shape or slot values changed since the last read. Made per `__dict__` access
/// (instances carry no field for it), so `obj.__dict__ is obj.__dict__` is False where CPython says True.
/// lib2to3's `Grammar.loads` fills a grammar with `self.__dict__.update(pickle.loads(...))`.
final class InstanceNamespace: PullingDict, @unchecked Sendable {
    let instance: PyInstance
    /// The shape and slots as last copied into the table (nil: copy on the next read).
    private var seenShape: Shape?
    private var seenSlots: [Value] = []
    private let viewLock = ObjectLock("instance dict")

    init(_ instance: PyInstance) {
        self.instance = instance
        super.init()
    }

    /// Rebuilds the table from the instance when its attributes changed.
    override func pull() {
        let (shape, slots) = instance.lock.withLock { (instance.shape, instance.slots) }
        let unchanged = viewLock.withLock {
            shape === seenShape && slots.count == seenSlots.count && zip(slots, seenSlots).allSatisfy { $0.isIdentical($1) }
        }
        if unchanged { return }
        super.clear()
        // An exception's `args` is BaseException's own field in CPython, not in the instance's `__dict__`.
        let hidesArgs = instance.native is ExceptionData
        for (name, value) in zip(shape.names, slots) where !(hidesArgs && name == "args") { try? super.set(.str(name), value) }
        viewLock.withLock {
            seenShape = shape
            seenSlots = slots
        }
    }

    /// `obj.__dict__[name]` (logging's `fmt % record.__dict__` reads a few of a record's ~20 attributes): an
    /// exact str key reads the attribute itself instead of first copying every attribute into the table.
    override func get(_ key: Value) throws -> Value? {
        if case .object(let o) = key, o.tag == .str, case let name = unsafeDowncast(o, to: PyStr.self).value,
           let v = instance.getAttribute(name), !(name == "args" && instance.native is ExceptionData) {
            return v
        }
        return try super.get(key)
    }

    private func attributeName(_ key: Value) -> String? {
        if case .object(let s as PyStr) = key { return s.value }
        return nil
    }

    private func forget() { viewLock.withLock { seenShape = nil } }

    override func set(_ key: Value, _ value: Value) throws {
        guard let name = attributeName(key) else { return try super.set(key, value) }
        instance.setAttribute(name, value)
        forget()
    }

    @discardableResult
    override func remove(_ key: Value) throws -> Value? {
        guard let name = attributeName(key) else { return try super.remove(key) }
        forget()
        return instance.removeAttribute(name)
    }

    override func clear() {
        for name in instance.lock.withLock({ instance.shape.names }) { _ = instance.removeAttribute(name) }
        forget()
    }
}

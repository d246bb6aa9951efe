import Synchronization

/// Python's `set` and `frozenset` (`frozen`), on CPython's table (`SetTable`): iteration, `pop`, `repr` and
/// every operation's result come out in the order CPython produces. Every access takes `lock` (a flag read
/// unless the policy is free-threaded); operations on two sets lock one at a time, as CPython's critical
/// sections do. Instances of Python subclasses are `SubclassedSet`s (tag `.subclassed`; `asAnySet` finds both).
class PySet: PyObject, LazilyLocked, @unchecked Sendable {
    /// Allocated once and never moved (the slot array behind it is replaced on resize).
    let table: SetTable.Ref
    private let ownLock = AtomicLazyReference<ObjectLock>()
    /// Locking for this set (see `LazyObjectLock`: no lock object unless the policy is free-threaded).
    var lock: LazyObjectLock<PySet> { LazyObjectLock(owner: self) }
    var objectLock: ObjectLock { ownLock.load() ?? ownLock.storeIfNil(ObjectLock("set")) }
    /// A frozenset: hashable, never mutated after construction.
    let frozen: Bool
    /// `frozenset_hash`, computed once (0 = not yet).
    private var hashCache = 0

    init(frozen: Bool = false, tag: ObjectTag = .set) {
        self.frozen = frozen
        table = .mallocated(capacity: 1)
        table.initialize(to: SetTable())
        super.init(tag: tag)
    }

    /// A set or frozenset, or an instance of a subclass of either (`PyAnySet_Check`).
    @inline(__always)
    static func asAnySet(_ v: Value) -> PySet? {
        guard case .object(let o) = v else { return nil }
        if o.tag == .set { return unsafeDowncast(o, to: PySet.self) }
        return o.tag == .subclassed ? o as? PySet : nil
    }

    deinit {
        // Keys that can nest go through the trashcan (a frozenset of a frozenset … deep), others die here.
        var nested: [Value] = []
        table.pointee.destroy(movingNestableKeysInto: &nested)
        table.deallocate()
        Trashcan.release(&nested)
    }

    var count: Int { lock.withLock { table.pointee.used } }

    /// The hash of a key, with CPython's rule that a set looked up in a set stands for the frozenset with
    /// the same elements (`set_contains_key`'s retry): only the key's hash is needed for that.
    static func keyHash(_ key: Value) throws -> DictHash {
        if let s = asAnySet(key), !s.frozen { return DictHash(precomputed: s.computeFrozenHash(), userEq: false) }
        return try DictHash(key)
    }

    /// Adds `v` (TypeError when unhashable).
    func add(_ v: Value) throws {
        let h = try DictHash(v)
        lock.withLock { SetTable.add(table, v, h) }
    }

    /// Adds a key whose hash the caller already has (from another table).
    func add(_ v: Value, hash h: DictHash) {
        lock.withLock { SetTable.add(table, v, h) }
    }

    func contains(_ v: Value) throws -> Bool {
        let h = try PySet.keyHash(v)
        return lock.withLock { SetTable.find(table, v, h) != nil }
    }

    /// `contains` for a hash taken from another table.
    func contains(_ v: Value, hash h: DictHash) -> Bool {
        lock.withLock { SetTable.find(table, v, h) != nil }
    }

    /// Removes `v`; false when it was absent.
    @discardableResult
    func discard(_ v: Value) throws -> Bool {
        let h = try PySet.keyHash(v)
        return lock.withLock { SetTable.discard(table, v, h) }
    }

    func discard(_ v: Value, hash h: DictHash) -> Bool {
        lock.withLock { SetTable.discard(table, v, h) }
    }

    func pop() -> Value? { lock.withLock { SetTable.pop(table) } }

    func clear() { lock.withLock { SetTable.clear(table) } }

    /// The live keys in table (iteration) order.
    var elements: [Value] {
        lock.withLock {
            var out: [Value] = []
            out.reserveCapacity(table.pointee.used)
            var position = 0
            while let e = SetTable.next(table, &position) { out.append(e.pointee.key) }
            return out
        }
    }

    /// (key, hash) pairs in table order: what the set algorithms walk (`set_next`).
    var entries: [(key: Value, hash: DictHash)] {
        lock.withLock {
            var out: [(key: Value, hash: DictHash)] = []
            out.reserveCapacity(table.pointee.used)
            var position = 0
            while let e = SetTable.next(table, &position) {
                out.append((e.pointee.key, DictHash(precomputed: e.pointee.hash, userEq: e.pointee.state == SetTable.activeUserEq)))
            }
            return out
        }
    }

    /// Calls `body` with each live (key, hash) in table order until it returns false (`set_next` loops):
    /// no array of entries is built. The set is locked only while one entry is read, never while `body`
    /// runs (it may probe or change another set, or this one: the position is checked against the table
    /// as it is at each step, as CPython's walk is).
    @inline(__always)
    func forEachEntry(_ body: (Value, DictHash) throws -> Bool) rethrows {
        var position = 0
        while let (key, h) = lock.withLock({ () -> (Value, DictHash)? in
            guard let e = SetTable.next(table, &position) else { return nil }
            return (e.pointee.key, DictHash(precomputed: e.pointee.hash, userEq: e.pointee.state == SetTable.activeUserEq))
        }) {
            if try !body(key, h) { return }
        }
    }

    /// The entry at raw table position `position` or after, advancing it; nil at the end (iterators).
    func next(_ position: inout Int) -> Value? {
        lock.withLock { SetTable.next(table, &position)?.pointee.key }
    }

    /// `frozenset_hash`, cached for frozensets.
    var frozenHash: Int {
        if hashCache != 0 { return hashCache }
        let h = computeFrozenHash()
        if frozen { hashCache = h == 0 ? 1 : h }
        return h
    }

    func computeFrozenHash() -> Int {
        lock.withLock {
            var hashes: [Int] = []
            hashes.reserveCapacity(table.pointee.used)
            var position = 0
            while let e = SetTable.next(table, &position) { hashes.append(e.pointee.hash) }
            return CPythonHash.frozenset(hashes, count: hashes.count)
        }
    }

    /// Adds every element of `other` (`set_update_internal`): another set's table merged slot by slot, a
    /// dict's keys with their stored hashes after one resize up front, anything else as iterated.
    func update(_ other: Value, _ ctx: ExecutionContext) throws {
        if case .object(let o) = other {
            if let s = PySet.asAnySet(other) {
                if s === self { return }
                if !ObjectLocking.enabled { return SetTable.merge(table, s.table) }
                let snapshot = s.lock.withLock { () -> SetTable.Ref in
                    // Copied so that two locks are never held together (the other set may be locked elsewhere).
                    let copy = SetTable.Ref.mallocated(capacity: 1)
                    copy.initialize(to: SetTable(size: s.table.pointee.mask + 1))
                    SetTable.copySlots(into: copy, from: s.table)
                    copy.pointee.fill = s.table.pointee.fill
                    copy.pointee.used = s.table.pointee.used
                    return copy
                }
                defer {
                    snapshot.pointee.destroy()
                    snapshot.deallocate()
                }
                lock.withLock { SetTable.merge(table, snapshot) }
                return
            }
            if o.tag == .dict {
                let d = unsafeDowncast(o, to: PyDict.self)
                let keys = d.keysWithHashes
                lock.withLock {
                    if (table.pointee.fill + keys.count) * 5 >= table.pointee.mask * 3 {
                        SetTable.resize(table, minimumUsed: (table.pointee.used + keys.count) * 2)
                    }
                    for (k, h) in keys { SetTable.add(table, k, h) }
                }
                return
            }
        }
        if case .object(let o) = other, o.tag == .generator, unsafeDowncast(o, to: PyGenerator.self).kind == .generator {
            // `set(f(x) for x in …)`: resumed from here, no iterator dispatch per element.
            let g = unsafeDowncast(o, to: PyGenerator.self)
            let installed = g.installSink(.set)  // ints and strs go in from its activation
            if installed { g.sinkSet = Unmanaged.passUnretained(self) }
            defer { if installed { g.removeSink() } }
            // Adding what the sink left runs `__hash__`/`__eq__`: with the sink lifted, so that code sees the
            // generator's values (`next(g)`) instead of this set taking them.
            while let x = try g.resume(sending: .none, ctx) { try PyGenerator.withoutSink(installed ? g : nil) { try add(x) } }
            return
        }
        let it = try makeIterator(other, ctx)
        while let x = try iteratorNext(it, ctx) { try add(x) }
    }

    /// A new set (or frozenset) of the elements of `iterable` (`make_new_set`).
    static func from(_ iterable: Value?, frozen: Bool = false, _ ctx: ExecutionContext) throws -> PySet {
        let s = PySet(frozen: frozen)
        if let iterable { try s.update(iterable, ctx) }
        return s
    }

    /// `set_copy`: same elements, same kind unless `frozen` says otherwise.
    func copy(frozen: Bool? = nil, _ ctx: ExecutionContext) throws -> PySet {
        try PySet.from(.object(self), frozen: frozen ?? self.frozen, ctx)
    }

    /// Makes this set's contents those of `other` (`set_swap_bodies` for the `*_update` methods).
    func replaceContents(with other: PySet) {
        let fresh = other.lock.withLock { () -> SetTable in
            let t = other.table.pointee
            other.table.initialize(to: SetTable())
            return t
        }
        lock.withLock {
            table.pointee.destroy()
            table.pointee = fresh
            table.pointee.version &+= 1
        }
    }
}

extension PyDict {
    /// Live keys with their stored hashes, in insertion order.
    var keysWithHashes: [(Value, DictHash)] {
        lock.withLock {
            var out: [(Value, DictHash)] = []
            out.reserveCapacity(table.pointee.count)
            guard let e = table.pointee.entries else { return out }
            for i in 0..<table.pointee.used where e[i].state != 0 {
                out.append((e[i].key, DictHash(precomputed: e[i].hash, userEq: e[i].state == 2)))
            }
            return out
        }
    }
}

extension PySet {
    /// A set display of constants as CPython builds it: the compiler's frozenset (`built`, in source
    /// order) is rebuilt from its own iteration order by the constant merger, and `SET_UPDATE` merges
    /// that into a new empty set.
    static func foldedConstant(_ built: PySet, _ ctx: ExecutionContext) throws -> PySet {
        let merged = PySet(frozen: true)
        for key in built.elements { try merged.add(key) }
        let result = PySet()
        try result.update(.object(merged), ctx)
        return result
    }
}

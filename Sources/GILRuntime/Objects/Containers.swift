#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Python's `list`. Every access goes through `lock` so the free-threaded policy stays memory-safe:
/// reading `items` hands out a snapshot (one retain of the array buffer, taken under the lock; a later
/// mutation copies), mutating it (`l.items.append(x)`) or `withItems` works in place under the lock.
class PyList: PyObject, LazilyLocked, @unchecked Sendable {
    /// Touched only under `lock`.
    private var storage: [Value]
    private let ownLock = AtomicLazyReference<ObjectLock>()
    /// Locking for this list (see `LazyObjectLock`: no lock object unless the policy is free-threaded).
    var lock: LazyObjectLock<PyList> { LazyObjectLock(owner: self) }
    var objectLock: ObjectLock { ownLock.load() ?? ownLock.storeIfNil(ObjectLock("list")) }

    init(_ items: [Value] = [], tag: ObjectTag = .list) {
        storage = items
        super.init(tag: tag)
    }

    deinit { Trashcan.release(&storage) }

    /// A snapshot of the elements; assigning replaces them all.
    var items: [Value] {
        get { lock.withLock { storage } }
        _modify {
            let held = lock.enter()
            defer { lock.exit(held) }
            yield &storage
        }
    }

    var count: Int { lock.withLock { storage.count } }

    /// Element `i` (already normalised), or nil when out of range (another thread may have shrunk the list).
    func element(at i: Int) -> Value? {
        lock.withLock { storage.indices.contains(i) ? storage[i] : nil }
    }

    /// Runs `body` on the elements under the lock: every check and mutation inside is atomic.
    func withItems<R>(_ body: (inout [Value]) throws -> R) rethrows -> R {
        try lock.withLock { try body(&storage) }
    }

    /// Appends; an empty list starts with room for 8 (CPython's list_resize also over-allocates small
    /// lists) instead of growing 1, 2, 4, 8.
    func append(_ v: Value) {
        lock.withLock {
            if storage.capacity == 0 { storage.reserveCapacity(8) }
            storage.append(v)
        }
    }
}

/// The Python thread's context, reachable where no context is passed (hashing dict keys that call
/// `__hash__`/`__eq__`). Set by the runtime when a Python thread starts running.
enum CurrentContext {
    nonisolated(unsafe) private static var key: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k, nil)
        return k
    }()

    static func set(_ ctx: ExecutionContext?) {
        pthread_setspecific(key, ctx.map { Unmanaged.passUnretained($0).toOpaque() })
    }

    static func get() -> ExecutionContext? {
        guard let p = pthread_getspecific(key) else { return nil }
        return Unmanaged<ExecutionContext>.fromOpaque(p).takeUnretainedValue()
    }
}

/// Python equality of two hashable keys whose hashes matched (no user `__eq__`): str by code points,
/// tuples structurally, numbers across int/float/bool, other objects by identity.
func keysEqual(_ a: Value, _ b: Value) -> Bool {
    // Keys of one exact builtin type first (str, bytes, tuple keys of dicts and Counters): no complex or
    // subclass probes, no retain of the operands.
    if case .object(let x) = a, case .object(let y) = b, x.tag == y.tag {
        if x === y { return true }
        switch x.tag {
        case .str: return PyStr.equal(unsafeDowncast(x, to: PyStr.self), unsafeDowncast(y, to: PyStr.self))
        case .bytes: return BytesLike.equal(unsafeDowncast(x, to: PyBytes.self).value, unsafeDowncast(y, to: PyBytes.self).value)
        case .tuple:
            return unsafeDowncast(x, to: PyTuple.self).items.withUnsafeBufferPointer { s in
                unsafeDowncast(y, to: PyTuple.self).items.withUnsafeBufferPointer { t in
                    guard s.count == t.count else { return false }
                    for i in 0..<s.count where !keysEqual(s[i], t[i]) { return false }
                    return true
                }
            }
        default: break
        }
    }
    if let e = ComplexMath.equal(a, b) { return e }
    if case .object(let x) = a, x.tag == .subclassed { return BuiltinSubclasses.keysEqual(a, b) }
    if case .object(let y) = b, y.tag == .subclassed { return BuiltinSubclasses.keysEqual(a, b) }
    switch (a, b) {
    case (.int(let x), .int(let y)): return x == y
    case (.object(let x), .object(let y)):
        if x === y { return true }
        guard x.tag == y.tag else { return false }
        switch x.tag {
        case .str: return PyStr.equal(unsafeDowncast(x, to: PyStr.self), unsafeDowncast(y, to: PyStr.self))
        case .tuple:
            let s = unsafeDowncast(x, to: PyTuple.self), t = unsafeDowncast(y, to: PyTuple.self)
            return s.items.count == t.items.count && zip(s.items, t.items).allSatisfy { keysEqual($0, $1) }
        case .bigint: return unsafeDowncast(x, to: PyBigInt.self).value == unsafeDowncast(y, to: PyBigInt.self).value
        case .bytes: return unsafeDowncast(x, to: PyBytes.self).value == unsafeDowncast(y, to: PyBytes.self).value
        case .set:
            // frozenset keys: the same elements (hashable, so probing runs no Python code but a user __eq__).
            let s = unsafeDowncast(x, to: PySet.self), t = unsafeDowncast(y, to: PySet.self)
            return s.count == t.count && s.entries.allSatisfy { t.contains($0.key, hash: $0.hash) }
        default: return false
        }
    case (.object(let o), let n), (let n, .object(let o)):
        // A big int equals a float of the same value (2**70 == 2.0**70 hash alike too).
        guard o.tag == .bigint, let number = Arithmetic.number(n) else { return false }
        return Arithmetic.order(.int(unsafeDowncast(o, to: PyBigInt.self).value), number) == 0
    default: return (try? valuesEqualScalar(a, b)) ?? false
    }
}


/// Python's `dict`: insertion-ordered, CPython's compact table (`DictTable`). Every access takes `lock`
/// (a flag read unless the policy is free-threaded).
class PyDict: PyObject, LazilyLocked, @unchecked Sendable {
    /// Allocated once and never moved, so table operations need no exclusivity checks on a class field.
    let table: DictTable.Ref
    private let ownLock = AtomicLazyReference<ObjectLock>()
    /// Locking for this dict (see `LazyObjectLock`: no lock object unless the policy is free-threaded).
    var lock: LazyObjectLock<PyDict> { LazyObjectLock(owner: self) }
    var objectLock: ObjectLock { ownLock.load() ?? ownLock.storeIfNil(ObjectLock("dict")) }

    override init(tag: ObjectTag = .dict) {
        table = .mallocated(capacity: 1)
        table.initialize(to: DictTable())
        super.init(tag: tag)
    }

    deinit {
        // Values that can nest go through the trashcan (a dict of a dict … a million deep); others die here.
        var nested: [Value] = []
        if let entries = table.pointee.entries {
            for k in 0..<table.pointee.used where entries[k].state != 0 {
                if case .object(let o) = entries[k].value, Trashcan.canNest(o) { nested.append(entries[k].value) }
            }
        }
        DictTable.clear(table)
        Trashcan.release(&nested)
        table.deinitialize(count: 1)
        table.deallocate()
    }

    var count: Int { table.pointee.count }

    func get(_ key: Value) throws -> Value? {
        let h = try DictHash(key)
        return lock.withLock { DictTable.get(table, key, h) }
    }

    func set(_ key: Value, _ value: Value) throws {
        let h = try DictHash(key)
        lock.withLock { DictTable.set(table, key, h, value) }
    }

    @discardableResult
    func remove(_ key: Value) throws -> Value? {
        let h = try DictHash(key)
        return lock.withLock { DictTable.remove(table, key, h) }
    }

    func clear() {
        lock.withLock { DictTable.clear(table) }
    }

    /// Live (key, value) pairs in insertion order.
    var entries: [(key: Value, value: Value)] {
        lock.withLock {
            var out: [(key: Value, value: Value)] = []
            out.reserveCapacity(table.pointee.count)
            guard let e = table.pointee.entries else { return out }
            for i in 0..<table.pointee.used where e[i].state != 0 { out.append((e[i].key, e[i].value)) }
            return out
        }
    }

    /// Entry at raw position `i` (for iterators that walk the entry array), nil for a removed entry.
    func entry(at i: Int) -> (key: Value, value: Value)? {
        lock.withLock {
            guard i < table.pointee.used, let e = table.pointee.entries, e[i].state != 0 else { return nil }
            return (e[i].key, e[i].value)
        }
    }

    /// Entries filled so far, removed ones included (the bound of `entry(at:)`).
    var rawCount: Int { lock.withLock { table.pointee.used } }

    /// The first live entry at raw index `i` or after, as an iterator in `mode` yields it, and the index after
    /// it; nil at the end. One lock and one pass for what `rawCount` + `entry(at:)` per index did.
    func nextEntry(from i: Int, _ mode: PyDictIterator.Mode) -> (item: Value, next: Int)? {
        lock.withLock {
            guard let k = firstLiveEntry(from: i), let e = table.pointee.entries else { return nil }
            switch mode {
            case .keys: return (e[k].key, k + 1)
            case .values: return (e[k].value, k + 1)
            case .items: return (.object(PyTuple([e[k].key, e[k].value])), k + 1)
            }
        }
    }

    /// The next entry's key and value without the `(key, value)` tuple (`for k, v in d.items()`).
    func nextPair(from i: Int) -> (key: Value, value: Value, next: Int)? {
        lock.withLock {
            guard let k = firstLiveEntry(from: i), let e = table.pointee.entries else { return nil }
            return (e[k].key, e[k].value, k + 1)
        }
    }

    /// The index of the first entry at or after `i` that is not deleted (the caller holds `lock`).
    @inline(__always)
    private func firstLiveEntry(from i: Int) -> Int? {
        let used = table.pointee.used
        guard i < used, let e = table.pointee.entries else { return nil }
        var k = i
        while k < used {
            if e[k].state != 0 { return k }
            k += 1
        }
        return nil
    }
}


/// One slot of a dict's entry array (Objects/dictobject.c `PyDictKeyEntry`), in insertion order. A removed
/// entry keeps its place (state 0, key and value `.none`) until the next resize compacts the array, so
/// iterators that walk raw positions keep their place.
struct DictEntry {
    var hash: Int
    var key: Value
    var value: Value
    /// 0: removed; 1: live; 2: live, and the key's class defines `__hash__` (comparing may call `__eq__`).
    var state: UInt8
}

/// A key's hash and whether comparing it may run Python code (a class with its own `__hash__`).
struct DictHash {
    let value: Int
    let userEq: Bool

    /// CPython-compatible hash (`HashKey.pythonHash`; str hashes are cached in the `PyStr`); raises
    /// TypeError for unhashable keys and calls a user `__hash__` (`HashKey.hash`).
    @inline(__always)
    init(_ key: Value) throws {
        switch key {
        case .int(let i):
            value = CPythonHash.int(i)
            userEq = false
        case .object(let o) where o.tag == .str:
            value = unsafeDowncast(o, to: PyStr.self).hash
            userEq = false
        case .object(let o) where o.tag == .bytes:
            value = unsafeDowncast(o, to: PyBytes.self).hash
            userEq = false
        default:
            self = try DictHash.general(key)
        }
    }

    /// A precomputed hash (`CPythonHash.int` of an int key, a str's cached hash) of a key without user `__eq__`.
    @inline(__always)
    init(int h: Int) {
        value = h
        userEq = false
    }

    /// A hash stored in a table entry (a set's or dict's), with whether the key's class has `__hash__`.
    @inline(__always)
    init(precomputed value: Int, userEq: Bool) {
        self.value = value
        self.userEq = userEq
    }

    private init(value: Int, userEq: Bool) {
        self.value = value
        self.userEq = userEq
    }

    @inline(never)
    private static func general(_ key: Value) throws -> DictHash {
        var userEq = false
        let h = try HashKey.hash(key, userEq: &userEq)
        return DictHash(value: h, userEq: userEq)
    }
}

/// The compact, insertion-ordered hash table of CPython's dict (Objects/dictobject.c, "compact dict" of
/// Python 3.6): `indices` is an open-addressed table of entry numbers probed with CPython's perturbation
/// recurrence; `entries` keeps the keys in insertion order with their hashes, so a probe compares stored
/// hashes before keys (str keys by identity first) and a resize never rehashes.
///
/// Replaces a Swift `Dictionary<HashKey, Int>` whose generic hashing and equality witnesses were a quarter
/// of a dict-heavy loop. `PyDict` holds the table behind a pointer, so mutations need no exclusivity checks;
/// it is touched only by the GIL holder or under the dict's `ObjectLock`.
struct DictTable {
    static let emptySlot: Int32 = -1
    static let dummySlot: Int32 = -2

    var indices: UnsafeMutablePointer<Int32>?
    /// Index table size - 1 (the table is a power of two).
    var mask = 0
    var entries: UnsafeMutablePointer<DictEntry>?
    /// Entries allocated (two thirds of the index table, CPython's USABLE_FRACTION).
    var capacity = 0
    /// Entries filled, removed ones included.
    var used = 0
    /// Live entries.
    var count = 0
    /// Bumped by every change of the key set or layout; a probe that ran `__eq__` restarts when it moved.
    var version = 0

    typealias Ref = UnsafeMutablePointer<DictTable>

    /// Where a `DictEntry` keeps its key: after the hash word (DictTableTests checks the layout).
    @inline(__always) static var keyOffset: Int { MemoryLayout<Int>.size }

    /// Where `key` is: `entry` its entry number (-1 when absent); `slot` its index slot, or when absent the
    /// empty slot an insertion goes to (-1 when the table has none yet).
    @inline(__always)
    static func find(_ t: Ref, _ key: Value, _ h: DictHash) -> (entry: Int, slot: Int) {
        var k = key
        return withUnsafeMutablePointer(to: &k) { find(t, at: $0, h) }
    }

    /// `find` for a key read in place (a register): compared without copying it unless the bits differ.
    @inline(__always)
    static func find(_ t: Ref, at kp: UnsafeMutablePointer<Value>, _ h: DictHash) -> (entry: Int, slot: Int) {
        guard let indices = t.pointee.indices, let entries = t.pointee.entries else { return (-1, -1) }
        let mask = t.pointee.mask
        let bits = ValueBits(at: UnsafeRawPointer(kp))
        var i = h.value & mask
        var perturb = UInt(bitPattern: h.value)
        while true {
            let ix = indices[i]
            if ix == emptySlot { return (-1, i) }
            if ix >= 0 {
                let e = entries + Int(ix)
                if e.pointee.hash == h.value {
                    if e.pointee.state == 2 || h.userEq { return findCallingEq(t, kp.pointee, h) }
                    // The same object or the same scalar: equal without copying (retaining) either key.
                    if ValueBits(at: UnsafeRawPointer(e) + keyOffset) == bits || sameKey(e.pointee.key, kp.pointee) { return (Int(ix), i) }
                }
            }
            perturb >>= 5
            i = (i &* 5 &+ Int(bitPattern: perturb) &+ 1) & mask
        }
    }

    /// `find` when keys of classes with `__hash__` are involved: their `__eq__` may run Python code that
    /// changes this dict, so the probe starts over whenever the table changed during a comparison.
    @inline(never)
    static func findCallingEq(_ t: Ref, _ key: Value, _ h: DictHash) -> (entry: Int, slot: Int) {
        restart: while true {
            guard let indices = t.pointee.indices, let entries = t.pointee.entries else { return (-1, -1) }
            let mask = t.pointee.mask
            let stamp = t.pointee.version
            var i = h.value & mask
            var perturb = UInt(bitPattern: h.value)
            while true {
                let ix = indices[i]
                if ix == emptySlot { return (-1, i) }
                if ix >= 0, entries[Int(ix)].hash == h.value {
                    let stored = entries[Int(ix)].key
                    if entries[Int(ix)].state == 2 || h.userEq {
                        let equal = userKeysEqual(stored, key)
                        if t.pointee.version != stamp || t.pointee.indices != indices { continue restart }
                        if equal { return (Int(ix), i) }
                    } else if sameKey(stored, key) {
                        return (Int(ix), i)
                    }
                }
                perturb >>= 5
                i = (i &* 5 &+ Int(bitPattern: perturb) &+ 1) & mask
            }
        }
    }

    /// Identity, small ints and str content inline; everything else through `keysEqual`.
    @inline(__always)
    static func sameKey(_ a: Value, _ b: Value) -> Bool {
        if case .object(let x) = a, case .object(let y) = b {
            if x === y { return true }
            if x.tag == .str && y.tag == .str { return PyStr.equal(unsafeDowncast(x, to: PyStr.self), unsafeDowncast(y, to: PyStr.self)) }
        } else if case .int(let x) = a, case .int(let y) = b {
            return x == y
        }
        return keysEqual(a, b)
    }

    /// Equality when a key (or an element of a tuple key) has a class-defined `__hash__`: identity, else
    /// the stored key's `==` (CPython compares `startkey == key`), which may run `__eq__`; a raising `__eq__`
    /// counts as unequal.
    static func userKeysEqual(_ stored: Value, _ key: Value) -> Bool {
        if case .object(let a) = stored, case .object(let b) = key, a === b { return true }
        guard let ctx = CurrentContext.get() else { return keysEqual(stored, key) }
        return (try? valuesEqual(stored, key, ctx)) ?? false
    }

    /// The value stored for `key`, or nil.
    @inline(__always)
    static func get(_ t: Ref, _ key: Value, _ h: DictHash) -> Value? {
        let (ix, _) = find(t, key, h)
        return ix >= 0 ? t.pointee.entries![ix].value : nil
    }

    /// `get` for a key read in place.
    @inline(__always)
    static func get(_ t: Ref, at kp: UnsafeMutablePointer<Value>, _ h: DictHash) -> Value? {
        let (ix, _) = find(t, at: kp, h)
        return ix >= 0 ? t.pointee.entries![ix].value : nil
    }

    /// `set` for a key read in place: copied only when a new entry is made.
    @inline(__always)
    static func set(_ t: Ref, at kp: UnsafeMutablePointer<Value>, _ h: DictHash, _ value: Value) {
        let (ix, slot) = find(t, at: kp, h)
        if ix >= 0 {
            t.pointee.entries![ix].value = value
        } else {
            insert(t, kp.pointee, h, value, slot: slot)
        }
    }

    /// `d[key] = value`: overwrites in place, or appends an entry (growing first when the entries are full).
    static func set(_ t: Ref, _ key: Value, _ h: DictHash, _ value: Value) {
        let (ix, slot) = find(t, key, h)
        if ix >= 0 {
            t.pointee.entries![ix].value = value
            return
        }
        insert(t, key, h, value, slot: slot)
    }

    /// Appends a new entry for `key` (absent; `slot` is the empty index slot `find` returned).
    @inline(never)
    private static func insert(_ t: Ref, _ key: Value, _ h: DictHash, _ value: Value, slot: Int) {
        var slot = slot
        if t.pointee.used == t.pointee.capacity {
            resize(t)
            slot = freeSlot(t, h.value)
        }
        let n = t.pointee.used
        (t.pointee.entries! + n).initialize(to: DictEntry(hash: h.value, key: key, value: value, state: h.userEq ? 2 : 1))
        t.pointee.indices![slot] = Int32(truncatingIfNeeded: n)
        t.pointee.used = n + 1
        t.pointee.count += 1
        t.pointee.version &+= 1
    }

    /// Removes `key`, returning its value (nil when absent). Its index slot becomes a dummy so probes for
    /// keys inserted after it still pass through.
    static func remove(_ t: Ref, _ key: Value, _ h: DictHash) -> Value? {
        let (ix, slot) = find(t, key, h)
        guard ix >= 0 else { return nil }
        let e = t.pointee.entries! + ix
        let v = e.pointee.value
        t.pointee.indices![slot] = dummySlot
        e.pointee.state = 0
        e.pointee.key = .none
        e.pointee.value = .none
        t.pointee.count -= 1
        t.pointee.version &+= 1
        return v
    }

    /// The first empty slot on `hash`'s probe path (the table has no equal key).
    @inline(__always)
    private static func freeSlot(_ t: Ref, _ hash: Int) -> Int {
        let indices = t.pointee.indices!
        let mask = t.pointee.mask
        var i = hash & mask
        var perturb = UInt(bitPattern: hash)
        while indices[i] != emptySlot {
            perturb >>= 5
            i = (i &* 5 &+ Int(bitPattern: perturb) &+ 1) & mask
        }
        return i
    }

    /// Reallocates for three times the live entries (CPython's GROWTH_RATE), dropping removed entries and
    /// rebuilding the index table from the stored hashes.
    @inline(never)
    static func resize(_ t: Ref) {
        let live = t.pointee.count
        var size = 8
        while size < live * 3 { size <<= 1 }
        let capacity = size * 2 / 3
        let indices = UnsafeMutablePointer<Int32>.mallocated(capacity: size)
        indices.initialize(repeating: emptySlot, count: size)
        let entries = UnsafeMutablePointer<DictEntry>.mallocated(capacity: capacity)
        var n = 0
        if let old = t.pointee.entries {
            for k in 0..<t.pointee.used {
                if old[k].state == 0 {
                    (old + k).deinitialize(count: 1)
                } else {
                    (entries + n).moveInitialize(from: old + k, count: 1)
                    n += 1
                }
            }
            old.deallocate()
        }
        t.pointee.indices?.deallocate()
        t.pointee.indices = indices
        t.pointee.mask = size - 1
        t.pointee.entries = entries
        t.pointee.capacity = capacity
        t.pointee.used = n
        t.pointee.version &+= 1
        for k in 0..<n { indices[freeSlot(t, entries[k].hash)] = Int32(truncatingIfNeeded: k) }
    }

    /// Frees everything; the table is empty and unallocated afterwards.
    static func clear(_ t: Ref) {
        if let e = t.pointee.entries {
            e.deinitialize(count: t.pointee.used)
            e.deallocate()
        }
        t.pointee.indices?.deallocate()
        t.pointee.indices = nil
        t.pointee.entries = nil
        t.pointee.mask = 0
        t.pointee.capacity = 0
        t.pointee.used = 0
        t.pointee.count = 0
        t.pointee.version &+= 1
    }
}

/// The raw bytes of a `Value` (payload word and case byte): equal bits mean the same object or the same
/// scalar, which a probe can test without a retain/release pair. Only an identity test: different bits may
/// still be equal values (1 and 1.0, two strs with the same text).
struct ValueBits: Equatable {
    let payload: UInt64
    let tag: UInt8

    @inline(__always)
    init(_ v: Value) {
        (payload, tag) = unsafeBitCast(v, to: (UInt64, UInt8).self)
    }

    @inline(__always)
    init(at p: UnsafeRawPointer) {
        payload = p.loadUnaligned(as: UInt64.self)
        tag = p.load(fromByteOffset: 8, as: UInt8.self)
    }
}

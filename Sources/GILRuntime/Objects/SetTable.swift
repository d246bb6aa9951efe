/// One slot of a set's table (Objects/setobject.c `setentry`).
struct SetEntry {
    var hash: Int
    var key: Value
    /// `SetTable.unused`, `.active`, `.activeUserEq` (comparing may call `__eq__`) or `.dummy`.
    var state: UInt8
}

/// CPython's set table (Objects/setobject.c), slot for slot: open addressing with runs of
/// `linearProbes` neighbouring slots between perturbed jumps, removed keys left as dummies, growth at
/// 60 % fill to four times the live entries, and iteration in table order. With CPython's hashes for
/// numbers, tuples and frozensets (`CPythonHash`) a set of them iterates — and prints — in CPython's order,
/// and the algorithms on top (`PySet+Operations`) insert in CPython's order too.
///
/// `PySet` owns one behind a pointer (no exclusivity checks); only the GIL holder or the set's `ObjectLock`
/// holder touches it.
struct SetTable {
    static let unused: UInt8 = 0
    static let active: UInt8 = 1
    static let activeUserEq: UInt8 = 2
    static let dummy: UInt8 = 3
    /// `PySet_MINSIZE`.
    static let minimumSize = 8
    /// `LINEAR_PROBES`.
    static let linearProbes = 9

    var entries: UnsafeMutablePointer<SetEntry>
    var mask: Int
    /// Active and dummy slots.
    var fill = 0
    /// Active slots.
    var used = 0
    /// Where `pop` starts looking (`so->finger`).
    var finger = 0
    /// Bumped by every change of the table's layout or key set (a probe that ran `__eq__` restarts when
    /// it moved; iterators compare `used`, as CPython does).
    var version = 0

    typealias Ref = UnsafeMutablePointer<SetTable>

    init(size: Int = SetTable.minimumSize) {
        entries = .mallocated(capacity: size)
        entries.initialize(repeating: SetEntry(hash: 0, key: .none, state: SetTable.unused), count: size)
        mask = size - 1
    }

    /// Releases the keys and the slot array. Only active slots own a key (unused and dummy slots hold None), so
    /// only they are deinitialised: `deinitialize(count:)` over the whole array went through the runtime's
    /// generic array destroy, a value-witness call per slot (a 128-slot frozenset paid ~1,200 instructions).
    /// Ints, floats and bools own nothing either; the walk stops after the last active slot (`set_dealloc`).
    mutating func destroy() {
        var left = used
        var k = 0
        while left > 0 {
            if Self.isActive(entries[k].state) {
                left -= 1
                if case .object = entries[k].key { (entries + k).deinitialize(count: 1) }
            }
            k += 1
        }
        entries.deallocate()
    }

    /// `destroy`, handing the keys that can nest (containers, instances) to `nested` instead of releasing them,
    /// for the trashcan (`PySet.deinit`).
    mutating func destroy(movingNestableKeysInto nested: inout [Value]) {
        var left = used
        var k = 0
        while left > 0 {
            if Self.isActive(entries[k].state) {
                left -= 1
                if case .object(let o) = entries[k].key {
                    if Trashcan.canNest(o) { nested.append((entries + k).move().key) } else { (entries + k).deinitialize(count: 1) }
                }
            }
            k += 1
        }
        entries.deallocate()
    }

    @inline(__always)
    static func isActive(_ state: UInt8) -> Bool { state == active || state == activeUserEq }

    /// Copies `other`'s slots into `t`'s slot array of the same size, which holds no keys yet: bit for bit, then
    /// +1 on each object key (`set_merge`'s copy loop; assigning slot by slot released the None it replaced
    /// and retained through the value witness, ~15 instructions per slot).
    static func copySlots(into t: Ref, from other: Ref) {
        let size = other.pointee.mask + 1
        let to = t.pointee.entries, from = other.pointee.entries
        UnsafeMutableRawPointer(to).copyMemory(from: UnsafeRawPointer(from), byteCount: size * MemoryLayout<SetEntry>.stride)
        let keyOffset = MemoryLayout<SetEntry>.offset(of: \SetEntry.key)!
        for k in 0..<size where isActive(from[k].state) {
            if case .object = from[k].key {
                _ = Unmanaged<PyObject>.fromOpaque((UnsafeRawPointer(from + k) + keyOffset).load(as: UnsafeRawPointer.self)).retain()
            }
        }
    }

    // MARK: - lookup

    /// The active slot holding a key equal to `key`, or nil (`set_lookkey`). Comparisons that run Python
    /// code restart the probe when the table changed meanwhile.
    static func find(_ t: Ref, _ key: Value, _ h: DictHash) -> Int? {
        restart: while true {
            let table = t.pointee.entries
            let mask = t.pointee.mask
            let stamp = t.pointee.version
            var perturb = UInt(bitPattern: h.value)
            var i = h.value & mask
            while true {
                var probes = i + linearProbes <= mask ? linearProbes : 0
                var j = i
                while true {
                    let e = table + j
                    let state = e.pointee.state
                    if state == unused { return nil }
                    if state != dummy && e.pointee.hash == h.value {
                        switch compare(e, key, h, t, stamp: stamp, table: table) {
                        case .equal: return j
                        case .changed: continue restart
                        case .different: break
                        }
                    }
                    if probes == 0 { break }
                    probes -= 1
                    j += 1
                }
                perturb >>= 5
                i = (i &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
            }
        }
    }

    /// What a probe learns from an active entry with the key's hash.
    private enum Comparison { case equal, different, changed }

    /// `set_lookkey`'s comparison, shared with `set_add_entry`: identity or builtin equality, or `__eq__` when a
    /// class defines `__hash__`; `.changed` when that `__eq__` changed the table (the probe starts again).
    @inline(__always)
    private static func compare(
        _ e: UnsafeMutablePointer<SetEntry>, _ key: Value, _ h: DictHash, _ t: Ref, stamp: Int, table: UnsafeMutablePointer<SetEntry>
    ) -> Comparison {
        guard e.pointee.state == activeUserEq || h.userEq else {
            return DictTable.sameKey(e.pointee.key, key) ? .equal : .different
        }
        let equal = DictTable.userKeysEqual(e.pointee.key, key)
        if t.pointee.version != stamp || t.pointee.entries != table { return .changed }
        return equal ? .equal : .different
    }

    // MARK: - insertion

    /// `set_add_entry`: adds `key` unless an equal key is present; true when added.
    @discardableResult
    static func add(_ t: Ref, _ key: Value, _ h: DictHash) -> Bool {
        restart: while true {
            let table = t.pointee.entries
            let mask = t.pointee.mask
            let stamp = t.pointee.version
            var perturb = UInt(bitPattern: h.value)
            var i = h.value & mask
            var freeSlot: Int?
            while true {
                var probes = i + linearProbes <= mask ? linearProbes : 0
                var j = i
                while true {
                    let e = table + j
                    let state = e.pointee.state
                    if state == unused {
                        if let freeSlot {
                            // A dummy on the way is reused (fill unchanged).
                            // Over a dummy's None: nothing to release first.
                            (table + freeSlot).initialize(to: SetEntry(hash: h.value, key: key, state: h.userEq ? activeUserEq : active))
                            t.pointee.used += 1
                            t.pointee.version &+= 1
                            return true
                        }
                        e.initialize(to: SetEntry(hash: h.value, key: key, state: h.userEq ? activeUserEq : active))  // over None
                        t.pointee.fill += 1
                        t.pointee.used += 1
                        t.pointee.version &+= 1
                        if t.pointee.fill * 5 >= mask * 3 {
                            let used = t.pointee.used
                            resize(t, minimumUsed: used > 50000 ? used * 2 : used * 4)
                        }
                        return true
                    }
                    if state == dummy {
                        if freeSlot == nil { freeSlot = j }
                    } else if e.pointee.hash == h.value {
                        switch compare(e, key, h, t, stamp: stamp, table: table) {
                        case .equal: return false
                        case .changed: continue restart
                        case .different: break
                        }
                    }
                    if probes == 0 { break }
                    probes -= 1
                    j += 1
                }
                perturb >>= 5
                i = (i &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
            }
        }
    }

    /// `set_table_resize`: a table of the smallest power of two above `minimumUsed`, the old active
    /// entries re-placed in old table order.
    static func resize(_ t: Ref, minimumUsed: Int) {
        let size = size(forMinimumUsed: minimumUsed)
        let old = t.pointee.entries
        let oldSize = t.pointee.mask + 1
        let fresh = UnsafeMutablePointer<SetEntry>.mallocated(capacity: size)
        // Unused slots are written lazily by `insertClean`; initialize them all first so deinit is uniform.
        fresh.initialize(repeating: SetEntry(hash: 0, key: .none, state: unused), count: size)
        for k in 0..<oldSize where isActive(old[k].state) { insertClean(fresh, size - 1, (old + k).move()) }
        old.deallocate()  // what is left holds None only (unused, dummy and moved-out slots)
        t.pointee.entries = fresh
        t.pointee.mask = size - 1
        t.pointee.fill = t.pointee.used
        t.pointee.version &+= 1
    }

    /// The table size `set_table_resize` picks: the smallest power of two above `minimumUsed`, at least 8.
    static func size(forMinimumUsed minimumUsed: Int) -> Int {
        var size = minimumSize
        while size <= minimumUsed { size <<= 1 }
        return size
    }

    /// `set_insert_clean`: places a key known to be absent into a table without dummies (its unused slots
    /// hold `.none`).
    private static func insertClean(_ entries: UnsafeMutablePointer<SetEntry>, _ mask: Int, _ entry: SetEntry) {
        var perturb = UInt(bitPattern: entry.hash)
        var i = entry.hash & mask
        while true {
            if entries[i].state == unused {
                (entries + i).initialize(to: entry)  // over None
                return
            }
            if i + linearProbes <= mask {
                for j in (i + 1)...(i + linearProbes) where entries[j].state == unused {
                    (entries + j).initialize(to: entry)
                    return
                }
            }
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
        }
    }

    // MARK: - removal

    /// `set_discard_entry`: true when the key was present.
    @discardableResult
    static func discard(_ t: Ref, _ key: Value, _ h: DictHash) -> Bool {
        guard let j = find(t, key, h) else { return false }
        t.pointee.entries[j] = SetEntry(hash: -1, key: .none, state: dummy)
        t.pointee.used -= 1
        t.pointee.version &+= 1
        return true
    }

    /// `set_pop`: the first live key from the finger on, or nil when empty.
    static func pop(_ t: Ref) -> Value? {
        guard t.pointee.used > 0 else { return nil }
        let mask = t.pointee.mask
        var i = t.pointee.finger & mask
        while t.pointee.entries[i].state == unused || t.pointee.entries[i].state == dummy {
            i += 1
            if i > mask { i = 0 }
        }
        let key = t.pointee.entries[i].key
        t.pointee.entries[i] = SetEntry(hash: -1, key: .none, state: dummy)
        t.pointee.used -= 1
        t.pointee.finger = i + 1
        t.pointee.version &+= 1
        return key
    }

    /// `set_clear_internal`: back to an empty minimum-size table.
    static func clear(_ t: Ref) {
        t.pointee.destroy()
        t.pointee = SetTable()
    }

    // MARK: - bulk

    /// The live slot at or after `position`, advancing it (`set_next`); nil at the end.
    @inline(__always)
    static func next(_ t: Ref, _ position: inout Int) -> UnsafeMutablePointer<SetEntry>? {
        let mask = t.pointee.mask
        while position <= mask {
            let e = t.pointee.entries + position
            position += 1
            if isActive(e.pointee.state) { return e }
        }
        return nil
    }

    /// `set_merge`: adds every key of `other` (another set's table), copying the layout outright when this
    /// table is empty and of the same size.
    static func merge(_ t: Ref, _ other: Ref) {
        guard t != other, other.pointee.used > 0 else { return }
        let grows = (t.pointee.fill + other.pointee.used) * 5 >= t.pointee.mask * 3
        let newSize = grows ? size(forMinimumUsed: (t.pointee.used + other.pointee.used) * 2) : t.pointee.mask + 1
        if t.pointee.fill == 0 && newSize == other.pointee.mask + 1 && other.pointee.fill == other.pointee.used {
            // `set_copy` of a table without dummies: the same layout, so the resize to that size and its filling
            // with unused slots would only be overwritten.
            if grows {
                t.pointee.entries.deallocate()  // unused slots only (fill 0): nothing to release
                t.pointee.entries = .mallocated(capacity: newSize)
                t.pointee.mask = newSize - 1
            }
            copySlots(into: t, from: other)
            t.pointee.fill = other.pointee.fill
            t.pointee.used = other.pointee.used
            t.pointee.version &+= 1
            return
        }
        if grows { resize(t, minimumUsed: (t.pointee.used + other.pointee.used) * 2) }
        if t.pointee.fill == 0 {
            var position = 0
            while let e = next(other, &position) { insertClean(t.pointee.entries, t.pointee.mask, e.pointee) }
            t.pointee.fill = other.pointee.used
            t.pointee.used = other.pointee.used
            t.pointee.version &+= 1
            return
        }
        var position = 0
        while let e = next(other, &position) {
            add(t, e.pointee.key, DictHash(precomputed: e.pointee.hash, userEq: e.pointee.state == activeUserEq))
        }
    }
}

/// Polymorphic inline caches: an instruction that sees instances of several classes (richards'
/// `self.fn(pkt, r)` over four Task subclasses, `t.priority` for any task) keeps up to four more entries
/// beside its primary one, so it stops paying the general lookup at every change of receiver class
/// (V8's polymorphic inline caches; CPython 3.11 instead makes its generic lookup cheap). The primary entry
/// stays the dispatch loop's one-compare fast path; the extra ones are searched only after it missed.
final class PolymorphicCache {
    static let capacity = 4
    let entries = UnsafeMutablePointer<InlineCache>.allocate(capacity: PolymorphicCache.capacity)
    private(set) var count = 0
    /// The entry the next fill replaces once all are taken (round robin).
    private var victim = 0

    deinit {
        entries.deinitialize(count: count)
        entries.deallocate()
    }

    /// The entry that answered the previous polymorphic hit (-1: none since the last promotion).
    var lastHit = -1

    /// The entry for `shape` under the current `TypeCache.version`, if any, and its index.
    @inline(__always)
    func entry(for shape: Shape, version: Int) -> (UnsafeMutablePointer<InlineCache>, Int)? {
        for k in 0..<count where entries[k].shape === shape && entries[k].version == version { return (entries + k, k) }
        return nil
    }

    func add(_ entry: InlineCache, version: Int) {
        for k in 0..<count where entries[k].shape === entry.shape || entries[k].version != version {
            entries[k] = entry
            return
        }
        if count < Self.capacity {
            (entries + count).initialize(to: entry)
            count += 1
        } else {
            entries[victim] = entry
            victim = (victim + 1) % Self.capacity
        }
    }
}

extension Interpreter {
    /// Stores a freshly filled entry: as the primary one when that is empty, stale, keyed by something other
    /// than a shape, or for the same shape; otherwise among the extra entries.
    @inline(never)
    static func record(_ c: UnsafeMutablePointer<InlineCache>, _ entry: InlineCache) {
        let version = entry.version
        let primary = c.pointee
        guard primary.kind != .empty, primary.version == version, let shape = primary.shape, let new = entry.shape, shape !== new else {
            var e = entry
            e.more = primary.more
            c.pointee = e
            return
        }
        let more: PolymorphicCache
        if let m = primary.more {
            more = m
        } else {
            more = PolymorphicCache()
            c.pointee.more = more
        }
        more.add(entry, version: version)
    }

    /// The entry of `c` for an instance of shape `shape` when the site is polymorphic and has one among its
    /// extra entries. An entry that answers two polymorphic hits in a row is swapped into the primary slot
    /// first (returned pointer: the primary), so a run of one class goes back to the one-compare fast path
    /// (go's board squares); swapping at every hit copied two entries with their references at each change
    /// of receiver class, which is every call at richards' sites (a fifth of its attribute loads).
    @inline(__always)
    static func polymorphicEntry(_ c: UnsafeMutablePointer<InlineCache>, _ shape: Shape) -> UnsafeMutablePointer<InlineCache>? {
        guard let more = c.pointee.more, let (e, k) = more.entry(for: shape, version: typeVersion) else { return nil }
        guard more.lastHit == k else {
            more.lastHit = k
            return e
        }
        more.lastHit = -1
        promote(c, e, more)
        return c
    }

    @inline(never)
    static func promote(_ c: UnsafeMutablePointer<InlineCache>, _ e: UnsafeMutablePointer<InlineCache>, _ more: PolymorphicCache) {
        swap(&c.pointee, &e.pointee)
        // Only the primary entry owns the table (an extra entry holding it would be a reference cycle).
        e.pointee.more = nil
        c.pointee.more = more
    }

    /// `inst.name` from an extra entry of a polymorphic site (the primary one missed); nil on a miss.
    @inline(never)
    static func polymorphicLoadAttr(_ inst: PyInstance, _ r: UnsafeMutablePointer<Value>, _ c: UnsafeMutablePointer<InlineCache>) -> Value? {
        guard let e = polymorphicEntry(c, inst.shape) else { return nil }
        return loadAttrHit(inst, r.pointee, e)
    }

    /// `inst.name = v` through an extra entry; false on a miss.
    @inline(never)
    static func polymorphicStoreAttr(_ inst: PyInstance, _ v: UnsafeMutablePointer<Value>, _ c: UnsafeMutablePointer<InlineCache>) -> Bool {
        guard let e = polymorphicEntry(c, inst.shape) else { return false }
        storeAttrHit(inst, v.pointee, e)
        return true
    }

    /// (function, self) for a receiver of shape `shape` from an extra entry: stores them in `out` and
    /// answers nil (done), or answers false on a miss (`cachedLoadMethod`'s convention). The receiver is
    /// copied from its register only on a hit.
    @inline(never)
    static func polymorphicLoadMethod(
        _ shape: Shape, _ v: UnsafeMutablePointer<Value>, _ out: UnsafeMutablePointer<Value>, _ c: UnsafeMutablePointer<InlineCache>
    ) -> Bool? {
        guard let e = polymorphicEntry(c, shape) else { return false }
        guard e.pointee.kind == .classFunction else {
            guard case .object(let o) = v.pointee, o.tag == .instance else { return false }
            return wrappedMethodHit(unsafeDowncast(o, to: PyInstance.self), out, e)
        }
        out.set(0, e.pointee.value)
        out.set(1, v.pointee)
        return nil
    }

    /// `inst.name` from an entry (primary or extra) already known to match the instance's shape.
    @inline(__always)
    static func loadAttrHit(_ inst: PyInstance, _ receiver: Value, _ e: UnsafeMutablePointer<InlineCache>) -> Value? {
        switch e.pointee.kind {
        case .slot: return inst.slots[e.pointee.index]
        case .classValue: return e.pointee.value
        case .classFunction: return .object(PyBoundMethod(function: e.pointee.value, receiver: receiver))
        default: return nil
        }
    }

    /// `inst.name = v` through an entry known to match the instance's shape.
    @inline(__always)
    static func storeAttrHit(_ inst: PyInstance, _ v: Value, _ e: UnsafeMutablePointer<InlineCache>) {
        if let next = e.pointee.next {
            if inst.slots.capacity == 0 { inst.slots.reserveCapacity(4) }
            inst.slots.append(v)
            inst.shape = next
        } else {
            inst.slots[e.pointee.index] = v
        }
    }
}

/// A class's memo of attribute lookups (name → what the MRO walk found, nil for "nothing"), in the spirit
/// of CPython's type attribute cache (Objects/typeobject.c `_PyType_Lookup`'s method cache).
///
/// It replaces a `[String: Value?]` whose SipHash of the name (`Hasher` init, combine, finalise: ~200
/// instructions) was a quarter of richards, where call sites see several classes and miss their inline
/// caches. Here a name hashes with FNV-1a over its UTF-8 (a few instructions per byte) into an
/// open-addressed table probed linearly; entries are compared by hash first, then by bytes.
struct NameMemo {
    struct Entry {
        /// 0: empty slot.
        var hash = 0
        var name = ""
        var value: Value? = nil
    }

    private var entries: [Entry] = []
    private var count = 0

    /// FNV-1a of the name's UTF-8, never 0.
    @inline(__always)
    static func hash(_ name: String) -> Int {
        var copy = name
        let h = copy.withUTF8 { bytes -> UInt64 in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            return h
        }
        let v = Int(truncatingIfNeeded: h)
        return v == 0 ? 1 : v
    }

    /// `.some(found)` when `name` is memoized (found may be nil: known absent), nil when not.
    @inline(__always)
    func get(_ name: String, _ h: Int) -> Value?? {
        guard !entries.isEmpty else { return nil }
        return entries.withUnsafeBufferPointer { p -> Value?? in
            let mask = p.count - 1
            var i = h & mask
            while p[i].hash != 0 {
                if p[i].hash == h && p[i].name == name { return .some(p[i].value) }
                i = (i + 1) & mask
            }
            return nil
        }
    }

    mutating func set(_ name: String, _ h: Int, _ value: Value?) {
        if (count + 1) * 2 > entries.count { grow() }
        let mask = entries.count - 1
        var i = h & mask
        while entries[i].hash != 0 {
            if entries[i].hash == h && entries[i].name == name {
                entries[i].value = value
                return
            }
            i = (i + 1) & mask
        }
        entries[i] = Entry(hash: h, name: name, value: value)
        count += 1
    }

    mutating func removeAll() {
        guard count > 0 else { return }
        for i in entries.indices { entries[i] = Entry() }
        count = 0
    }

    private mutating func grow() {
        let old = entries
        entries = Array(repeating: Entry(), count: max(16, old.count * 2))
        count = 0
        for e in old where e.hash != 0 { set(e.name, e.hash, e.value) }
    }
}

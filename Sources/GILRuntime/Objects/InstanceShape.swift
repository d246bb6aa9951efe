import Synchronization

/// A hidden class (V8 "maps", CPython 3.11's shared-key dicts, PEP 412): the ordered attribute names an
/// instance has, so the instance keeps only a `[Value]` of slots and the VM's inline caches can turn
/// `self.x` into "same shape? then slot 2". Shapes form a tree per class: `adding(name)` returns the
/// shared child, so every instance whose `__init__` assigns the same names in the same order shares one
/// shape. Immutable except for the transition table, which is behind a mutex because builtin classes
/// (and so their root shapes) are shared by every runtime in the process.
final class Shape: Sendable {
    /// Attribute names in insertion order; slot `k` of an instance holds `names[k]`'s value.
    let names: [String]
    /// `NameMemo.hash` of each name: shapes of up to `scanLimit` names are searched by these (FNV-1a of the
    /// name, then one compare per slot) instead of `index`, whose SipHash of the name cost ~350 instructions a
    /// lookup (`getAttribute` and the method-cache fills of pure-Python pickle: 3 % of it).
    private let hashes: [Int]
    private let index: [String: Int]
    private let transitions = Mutex<[String: Shape]>([:])
    private static let scanLimit = 16

    init(names: [String] = []) {
        self.names = names
        hashes = names.map { NameMemo.hash($0) }
        var index: [String: Int] = [:]
        index.reserveCapacity(names.count)
        for (k, n) in names.enumerated() { index[n] = k }
        self.index = index
    }

    private init(names: [String], hashes: [Int], index: [String: Int]) {
        self.names = names
        self.hashes = hashes
        self.index = index
    }

    @inline(__always)
    func slot(of name: String) -> Int? {
        let n = hashes.count
        if n == 0 { return nil }
        if n > Self.scanLimit { return index[name] }
        let h = NameMemo.hash(name)
        return hashes.withUnsafeBufferPointer { p -> Int? in
            for k in 0..<n where p[k] == h && names[k] == name { return k }
            return nil
        }
    }

    /// The shape with `name` appended (shared with every other instance taking the same path).
    func adding(_ name: String) -> Shape {
        transitions.withLock { table in
            if let s = table[name] { return s }
            // The parent's index plus one entry: a copy keeps the parent's buckets (no rehash), where building
            // the index afresh hashed every name again — quadratic for an object given many attributes one by
            // one (argparse sets each option on its Namespace: 1,000 options were 500,000 string hashes).
            var index = self.index
            index[name] = names.count
            let s = Shape(names: names + [name], hashes: hashes + [NameMemo.hash(name)], index: index)
            table[name] = s
            return s
        }
    }
}

extension PyInstance {
    /// Sets or adds `name` (caller holds `lock` when object locking is on).
    func storeUnlocked(_ name: String, _ v: Value) {
        if let k = shape.slot(of: name) {
            slots[k] = v
        } else {
            shape = shape.adding(name)
            slots.append(v)
        }
    }

    /// Removes `name`, rebuilding the shape from the class's root without it; nil when absent.
    func removeAttribute(_ name: String) -> Value? {
        lock.withLock {
            guard let k = shape.slot(of: name) else { return nil }
            let removed = slots[k]
            var rebuilt = type.rootShape
            var kept: [Value] = []
            kept.reserveCapacity(slots.count - 1)
            for (j, n) in shape.names.enumerated() where j != k {
                rebuilt = rebuilt.adding(n)
                kept.append(slots[j])
            }
            shape = rebuilt
            slots = kept
            return removed
        }
    }

    /// The attributes as a dictionary. Mutating it (`attributes["x"] = v`) happens under `lock`, keeps the
    /// order of names already present and appends new ones, so code written against the old
    /// `[String: Value]` storage keeps working.
    var attributes: [String: Value] {
        get { lock.withLock { dictionaryUnlocked() } }
        _modify {
            let held = lock.enter()
            defer { lock.exit(held) }
            var d = dictionaryUnlocked()
            yield &d
            applyUnlocked(d)
        }
    }

    private func dictionaryUnlocked() -> [String: Value] {
        var d: [String: Value] = [:]
        for (k, n) in shape.names.enumerated() { d[n] = slots[k] }
        return d
    }

    /// Makes the attributes equal to `d` (caller holds `lock`; `removeAttribute` re-enters it).
    private func applyUnlocked(_ d: [String: Value]) {
        for n in shape.names where d[n] == nil { _ = removeAttribute(n) }
        for n in shape.names { if let v = d[n] { storeUnlocked(n, v) } }
        for (n, v) in d.sorted(by: { $0.key < $1.key }) where shape.slot(of: n) == nil { storeUnlocked(n, v) }
    }

    /// (name, value) pairs in insertion order (`__dict__`, `vars()`).
    var orderedAttributes: [(String, Value)] {
        lock.withLock { Array(zip(shape.names, slots)) }
    }
}

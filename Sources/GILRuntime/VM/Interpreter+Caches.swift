import PythonSyntax

/// Inline caches (CPython 3.11's specializing interpreter, PEP 659, in miniature): one `InlineCache` per
/// instruction remembers what the last execution found — the receiver's `Shape` (which also identifies its
/// class) and `TypeCache.version` — so `self.x`, `self.x = v`, `obj.m(…)`, builtins and `Class(…)` skip
/// the string-keyed lookups while nothing changed. Caches are read and written only by the GIL holder:
/// under the free-threaded policy (`ObjectLocking.enabled`) the VM neither fills nor uses them.
struct InlineCache {
    /// Receiver shape the entry is valid for (nil: entry keyed on an object tag or unused).
    var shape: Shape?
    /// `TypeCache.version` when filled; -1: empty.
    var version = -1
    /// Slot index (attributes), object tag (builtin methods), or `Kind`.
    var index = -1
    var kind = Kind.empty
    /// Class attribute, method, `__init__` or builtin value.
    var value: Value = .none
    /// `storeAttr` adding an attribute: the shape after the store.
    var next: Shape?

    enum Kind: UInt8 { case empty, slot, classValue, classFunction, builtinMethod, global, initializer }
}

extension Interpreter {
    @inline(__always)
    static var typeVersion: Int { TypeCache.version.load(ordering: .relaxed) }

    // MARK: - loadAttr

    /// `r.pointee.name` from the cache, or nil on a miss. The receiver is borrowed from its register
    /// (`borrowedObject`): no retain/release around the lookup.
    @inline(__always)
    static func cachedLoadAttr(_ r: UnsafeMutablePointer<Value>, _ c: UnsafeMutablePointer<InlineCache>) -> Value? {
        guard let u = r.borrowedObject(0) else { return nil }
        return u._withUnsafeGuaranteedRef { o -> Value? in
            guard o.tag == .instance else { return nil }
            let inst = unsafeDowncast(o, to: PyInstance.self)
            guard inst.shape === c.pointee.shape, c.pointee.version == typeVersion, inst.native == nil else { return nil }
            switch c.pointee.kind {
            case .slot: return inst.slots[c.pointee.index]
            case .classValue: return c.pointee.value
            case .classFunction: return .object(PyBoundMethod(function: c.pointee.value, receiver: r.pointee))
            default: return nil
            }
        }
    }

    /// The general `v.name`, filling the cache when the receiver is a plain instance.
    @inline(never)
    static func loadAttrMiss(_ v: Value, _ name: String, _ c: UnsafeMutablePointer<InlineCache>?, _ ctx: ExecutionContext) throws -> Value {
        guard let c, case .object(let o) = v, o.tag == .instance else { return try Attributes.get(v, name, ctx) }
        let inst = unsafeDowncast(o, to: PyInstance.self)
        guard inst.native == nil else { return try Attributes.get(v, name, ctx) }
        let version = typeVersion
        let cv = inst.type.lookup(name)
        if case .object(let w)? = cv, w is PyMethodWrapper { return try Attributes.get(v, name, ctx) }
        // A class attribute that may be a descriptor is looked up every time (its __get__ runs on each access).
        if case .object(let d)? = cv, d.tag == .instance { return try Attributes.get(v, name, ctx) }
        if let k = inst.shape.slot(of: name) {
            c.pointee = InlineCache(shape: inst.shape, version: version, index: k, kind: .slot)
            return inst.slots[k]
        }
        guard let cv else { return try Attributes.get(v, name, ctx) }
        let isFunction = if case .object(let f) = cv { Attributes.bindsAsMethod(f) } else { false }
        c.pointee = InlineCache(shape: inst.shape, version: version, kind: isFunction ? .classFunction : .classValue, value: cv)
        return try Attributes.get(v, name, ctx)
    }

    // MARK: - storeAttr

    /// `target.pointee.name = v.pointee` through the cache; false on a miss. The target is borrowed from
    /// its register (no retain/release); the value is copied into the slot.
    @inline(__always)
    static func cachedStoreAttr(_ target: UnsafeMutablePointer<Value>, _ v: UnsafeMutablePointer<Value>, _ c: UnsafeMutablePointer<InlineCache>) -> Bool {
        guard let u = target.borrowedObject(0) else { return false }
        return u._withUnsafeGuaranteedRef { o -> Bool in
            guard o.tag == .instance else { return false }
            let inst = unsafeDowncast(o, to: PyInstance.self)
            guard inst.shape === c.pointee.shape, c.pointee.version == typeVersion, inst.native == nil else { return false }
            if let next = c.pointee.next {
                if inst.slots.capacity == 0 { inst.slots.reserveCapacity(4) }
                inst.slots.append(v.pointee)
                inst.shape = next
            } else {
                inst.slots[c.pointee.index] = v.pointee
            }
            return true
        }
    }

    @inline(never)
    static func storeAttrMiss(_ target: Value, _ name: String, _ v: Value, _ c: UnsafeMutablePointer<InlineCache>?, _ ctx: ExecutionContext) throws {
        guard let c, case .object(let o) = target, o.tag == .instance else { return try Attributes.set(target, name, v, ctx) }
        let inst = unsafeDowncast(o, to: PyInstance.self)
        let version = typeVersion
        guard inst.native == nil else { return try Attributes.set(target, name, v, ctx) }
        if case .object(let w)? = inst.type.lookup(name), w is PyMethodWrapper || w.tag == .instance { return try Attributes.set(target, name, v, ctx) }
        if case .object(let f)? = inst.type.lookup("__setattr__"), f is PyFunction { return try Attributes.set(target, name, v, ctx) }
        let before = inst.shape
        if let k = before.slot(of: name) {
            c.pointee = InlineCache(shape: before, version: version, index: k, kind: .slot)
            inst.slots[k] = v
        } else {
            let after = before.adding(name)
            c.pointee = InlineCache(shape: before, version: version, index: before.names.count, kind: .slot, next: after)
            inst.slots.append(v)
            inst.shape = after
        }
    }

    // MARK: - loadMethod

    /// `v.pointee.name` as (function, self) from the cache; false on a miss. The receiver is borrowed
    /// from its register until it is copied into `out[1]`.
    @inline(__always)
    static func cachedLoadMethod(_ v: UnsafeMutablePointer<Value>, _ out: UnsafeMutablePointer<Value>, _ c: UnsafeMutablePointer<InlineCache>) -> Bool {
        guard let u = v.borrowedObject(0), c.pointee.version == typeVersion else { return false }
        let hit = u._withUnsafeGuaranteedRef { o -> Bool in
            if o.tag == .instance {
                let inst = unsafeDowncast(o, to: PyInstance.self)
                return inst.shape === c.pointee.shape && inst.native == nil
            }
            return c.pointee.shape == nil && c.pointee.index == Int(o.tag.rawValue)
        }
        guard hit else { return false }
        out.set(0, c.pointee.value)
        out.set(1, v.pointee)
        return true
    }

    @inline(never)
    static func loadMethodMiss(_ v: Value, _ name: String, _ out: UnsafeMutablePointer<Value>, _ c: UnsafeMutablePointer<InlineCache>?, _ ctx: ExecutionContext) throws {
        let version = typeVersion
        let (f, s) = try Attributes.loadMethod(v, name, ctx)
        out[0] = f
        out[1] = s
        guard let c, !f.isNone, case .object(let o) = v else { return }
        switch o.tag {
        case .instance:
            let inst = unsafeDowncast(o, to: PyInstance.self)
            guard inst.native == nil, inst.shape.slot(of: name) == nil else { return }
            c.pointee = InlineCache(shape: inst.shape, version: version, kind: .classFunction, value: f)
        case .str, .list, .dict, .set, .tuple, .bytes:
            // These tags are only ever the builtin class itself (subclasses are instances).
            c.pointee = InlineCache(shape: nil, version: version, index: Int(o.tag.rawValue), kind: .builtinMethod, value: f)
        default:
            break
        }
    }

    // MARK: - builtins

    @inline(never)
    static func loadBuiltinMiss(_ name: String, _ c: UnsafeMutablePointer<InlineCache>?, _ ctx: ExecutionContext) throws -> Value {
        let version = typeVersion
        let v = try loadBuiltin(name, ctx)
        c?.pointee = InlineCache(shape: nil, version: version, kind: .global, value: v)
        return v
    }
}

extension Interpreter {
    /// Operators whose int/str cases are common enough to skip `Arithmetic`'s number classification:
    /// `%` and `//` on small ints (Python floors toward −∞; Objects/longobject.c l_divmod) and str `+`.
    @inline(__always)
    static func binaryFast(_ op: BinaryOperator, _ l: Value, _ r: Value) -> Value? {
        switch (l, r) {
        case (.int(let x), .int(let y)):
            guard y != 0, y != -1 else { return nil }
            switch op {
            case .modulo:
                let m = x % y
                return .int(m != 0 && (m < 0) != (y < 0) ? m + y : m)
            case .floorDivide:
                let q = x / y
                return .int(x % y != 0 && (x < 0) != (y < 0) ? q - 1 : q)
            default: return nil
            }
        case (.object(let a), .object(let b)) where op == .add && a.tag == .str && b.tag == .str:
            let x = unsafeDowncast(a, to: PyStr.self).value
            let y = unsafeDowncast(b, to: PyStr.self).value
            // Big results take the slow path, which checks them against the object size cap (AllocationLimit).
            guard x.utf8.count + y.utf8.count < 1 << 20 else { return nil }
            return .object(StrBuild.concat(unsafeDowncast(a, to: PyStr.self), unsafeDowncast(b, to: PyStr.self)))  // objs
        default:
            return nil
        }
    }
}

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
    /// The module or class an `owned*` entry was filled for (compared by identity), or the class after
    /// which a `superMethod` entry searched.
    var owner: PyObject?
    /// More entries, when the instruction has seen instances of several shapes (Interpreter+Polymorphic).
    var more: PolymorphicCache?

    enum Kind: UInt8 {
        case empty, slot, classValue, classFunction, builtinMethod, global, initializer
        /// `module.name` of a module whose globals are slots: `index` is the slot, read at every hit, while
        /// the module's `dictVersion` (bumped when its globals are replaced) is `value`.
        case moduleSlot
        /// `module.name` of a builtin module: `value`, valid while the module's `dictVersion` is `index`.
        case moduleDict
        /// `Class.name`: `value` (not a descriptor), valid while `TypeCache.version` is `version`.
        case typeAttribute
        /// `super().name(…)` on an instance whose class's root shape is `shape`: the function `value`.
        case superMethod
        /// `Class.name(…)` (`loadMethod` only) of a classmethod: its function `value` with the class as self.
        case typeClassMethod
        /// `inst.name` of a property of the instance's class (LOAD_ATTR_PROPERTY): its getter `value`, called
        /// with the instance (no bound method, no lookup).
        case property
        /// `inst.name(…)` (`loadMethod` only) of a classmethod: its function `value` with the instance's class
        /// as self.
        case instanceClassMethod
        /// `inst.name(…)` (`loadMethod` only) of a staticmethod: its function `value`, called without self.
        case instanceStaticMethod
        /// `t.name` of a namedtuple field (a `_collections._tuplegetter` of the class `owner`): item `index` of
        /// the tuple, on an instance of exactly that class (LOAD_ATTR of CPython's member descriptors).
        case tupleField
        /// `super(C, cls).name(…)` (`loadMethod` only) with a class receiver whose root shape is `shape`: a
        /// staticmethod's function `value` called without self (`index` 0: `__new__`), or a classmethod's with
        /// the receiver (`index` 1).
        case superTypeMethod
    }
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
            guard o.tag == .instance else { return cachedOwnedValue(o, c) }
            let inst = unsafeDowncast(o, to: PyInstance.self)
            guard inst.shape === c.pointee.shape, c.pointee.version == typeVersion, inst.native == nil else {
                return c.pointee.more == nil ? nil : polymorphicLoadAttr(inst, r, c)
            }
            return loadAttrHit(inst, r.pointee, c)
        }
    }

    /// `module.name` or `Class.name` from an entry filled for this very module or class (LOAD_ATTR_MODULE,
    /// LOAD_ATTR_CLASS); nil on a miss.
    @inline(__always)
    static func cachedOwnedValue(_ o: PyObject, _ c: UnsafeMutablePointer<InlineCache>) -> Value? {
        guard o === c.pointee.owner else { return c.pointee.kind == .tupleField ? tupleFieldHit(o, c) : nil }
        switch c.pointee.kind {
        case .moduleSlot:
            let m = unsafeDowncast(o, to: PyModule.self)
            guard case .int(let filled) = c.pointee.value, filled == m.dictVersion, let g = m.globals else { return nil }
            return g.slots[c.pointee.index]
        case .moduleDict:
            return unsafeDowncast(o, to: PyModule.self).dictVersion == c.pointee.index ? c.pointee.value : nil
        case .typeAttribute:
            return c.pointee.version == typeVersion ? c.pointee.value : nil
        default:
            return nil
        }
    }

    /// `t.name` of a namedtuple field from an entry filled for `t`'s class: the item, read in place.
    @inline(__always)
    static func tupleFieldHit(_ o: PyObject, _ c: UnsafeMutablePointer<InlineCache>) -> Value? {
        guard let t = BuiltinSubclasses.tuple(o), t.pythonType === c.pointee.owner, c.pointee.version == typeVersion else { return nil }
        let k = c.pointee.index
        // A shorter tuple (`tuple.__new__(Point, ())`) takes the general path and its IndexError.
        return t.items.withUnsafeBufferPointer { k < $0.count ? $0[k] : nil }
    }

    /// Fills `c` for `t.name` when the class's attribute is a namedtuple field (a data descriptor: it outranks
    /// anything a subclass's instance dict holds).
    @inline(never)
    static func fillTupleField(_ t: SubclassedTuple, _ name: String, _ c: UnsafeMutablePointer<InlineCache>) {
        let version = typeVersion
        let cls = t.pythonType
        guard cls.cacheable, let index = cls.lookup(name).flatMap(CollectionsAccelerator.fieldIndex), index >= 0 else { return }
        c.pointee = InlineCache(version: version, index: index, kind: .tupleField, owner: cls)
    }

    /// Fills `c` for `module.name` / `Class.name` when the general lookup's answer can be replayed: a module
    /// attribute, or a class attribute that is no descriptor, of a class without a metaclass of its own.
    @inline(never)
    static func fillOwnedValue(
        _ o: PyObject, _ name: String, _ found: Value, _ c: UnsafeMutablePointer<InlineCache>, version: Int, forMethod: Bool = false
    ) {
        switch o.tag {
        case .module:
            let m = unsafeDowncast(o, to: PyModule.self)
            if let g = m.globals {
                guard let k = g.slotIndex(of: name) else { return }
                c.pointee = InlineCache(version: version, index: k, kind: .moduleSlot, value: .int(m.dictVersion), owner: o)
            } else {
                let dictVersion = m.dictVersion
                guard m.lock.withLock({ m.dict[name] }) != nil else { return }
                c.pointee = InlineCache(version: version, index: dictVersion, kind: .moduleDict, value: found, owner: o)
            }
        case .type:
            let t = unsafeDowncast(o, to: PyType.self)
            guard t.metaclass == nil, let cv = t.lookup(name) else { return }
            // A staticmethod reads as its function; a classmethod called at once (`cls.weaker(a, b)`, deltablue)
            // is its function with the class as self, without the bound method `Attributes.get` makes.
            if case .object(let w as PyMethodWrapper) = cv {
                switch w.kind {
                case .staticMethod:
                    c.pointee = InlineCache(version: version, kind: .typeAttribute, value: w.function, owner: o)
                case .classMethod where forMethod:
                    c.pointee = InlineCache(version: version, kind: .typeClassMethod, value: w.function, owner: o)
                default:
                    break
                }
                return
            }
            // Descriptors (instances whose class defines __get__) run on every access.
            if case .object(let w) = cv, isDescriptorInstance(w) { return }
            c.pointee = InlineCache(version: version, kind: .typeAttribute, value: cv, owner: o)
        default:
            return
        }
    }

    /// The general `v.name`, filling the cache when the receiver is a plain instance.
    @inline(never)
    static func loadAttrMiss(_ v: Value, _ name: String, _ c: UnsafeMutablePointer<InlineCache>?, _ ctx: ExecutionContext) throws -> Value {
        // LOAD_ATTR_PROPERTY: `cachedLoadAttr` cannot throw, so a property hit lands here first — the getter
        // called at once, before the general path's checks.
        if let c, c.pointee.kind == .property, case .object(let o) = v, o.tag == .instance {
            let inst = unsafeDowncast(o, to: PyInstance.self)
            if inst.shape === c.pointee.shape, c.pointee.version == typeVersion, inst.native == nil {
                return try propertyGet(c.pointee.value, v, ctx)
            }
        }
        if let c, case .object(let o) = v, o.tag == .module || o.tag == .type {
            let version = typeVersion
            let found = try Attributes.get(v, name, ctx)
            fillOwnedValue(o, name, found, c, version: version)
            return found
        }
        if let c, case .object(let o) = v, o.tag == .subclassed, let t = BuiltinSubclasses.tuple(o) {
            fillTupleField(t, name, c)
            return try Attributes.get(v, name, ctx)
        }
        guard let c, case .object(let o) = v, o.tag == .instance else { return try Attributes.get(v, name, ctx) }
        let inst = unsafeDowncast(o, to: PyInstance.self)
        guard inst.native == nil else { return try Attributes.get(v, name, ctx) }
        let version = typeVersion
        let known = c.pointee.shape === inst.shape && c.pointee.version == version ? c : polymorphicEntry(c, inst.shape)
        if let e = known {
            if e.pointee.kind == .property { return try propertyGet(e.pointee.value, v, ctx) }
            if let hit = loadAttrHit(inst, v, e) { return hit }
        }
        let cv = inst.type.lookup(name)
        if case .object(let w)? = cv, w is PyMethodWrapper {
            let wrapper = unsafeDowncast(w, to: PyMethodWrapper.self)
            // With `__getattr__`, a getter's AttributeError falls back to it (`Attributes.fallingBack`).
            if wrapper.kind == .property, !wrapper.function.isNone, inst.type.lookup("__getattr__") == nil {
                record(c, InlineCache(shape: inst.shape, version: version, kind: .property, value: wrapper.function))
            }
            return try Attributes.get(v, name, ctx)
        }
        // A class attribute that is a descriptor is looked up every time (its __get__ runs on each access).
        if case .object(let d)? = cv, isDescriptorInstance(d) { return try Attributes.get(v, name, ctx) }
        if let k = inst.shape.slot(of: name) {
            record(c, InlineCache(shape: inst.shape, version: version, index: k, kind: .slot))
            return inst.slots[k]
        }
        guard let cv else {
            // `self.__class__` (deltablue's `self.__class__.WEAKEST`): `Attributes.get` answers the class
            // when neither the class nor the instance has the name.
            if name == "__class__" {
                record(c, InlineCache(shape: inst.shape, version: version, kind: .classValue, value: .object(inst.type)))
                return .object(inst.type)
            }
            return try Attributes.get(v, name, ctx)
        }
        let isFunction = if case .object(let f) = cv { Attributes.bindsAsMethod(f) } else { false }
        record(c, InlineCache(shape: inst.shape, version: version, kind: isFunction ? .classFunction : .classValue, value: cv))
        return try Attributes.get(v, name, ctx)
    }

    /// Whether a class attribute is an instance of a class with `__get__` (a builtin's subclass too). Other
    /// instances (pathlib's `_flavour`, enum members, sentinels) are plain values, cached like any other; adding
    /// `__get__` to their class later changes the type version, which drops the cache.
    @inline(__always)
    static func isDescriptorInstance(_ o: PyObject) -> Bool {
        switch o.tag {
        case .instance: unsafeDowncast(o, to: PyInstance.self).type.special(.get) != nil
        case .subclassed: BuiltinSubclasses.type(of: o).special(.get) != nil
        default: false
        }
    }

    /// A property's getter called with the instance: a Python function on a fast frame.
    @inline(__always)
    static func propertyGet(_ getter: Value, _ receiver: Value, _ ctx: ExecutionContext) throws -> Value {
        if case .object(let o) = getter, o.tag == .function, let r = try callPlain(unsafeDowncast(o, to: PyFunction.self), receiver, ctx) {
            return r
        }
        return try ctx.call(getter, [receiver])
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
            guard inst.shape === c.pointee.shape, c.pointee.version == typeVersion, inst.native == nil else {
                return c.pointee.more == nil ? false : polymorphicStoreAttr(inst, v, c)
            }
            storeAttrHit(inst, v.pointee, c)
            return true
        }
    }

    @inline(never)
    static func storeAttrMiss(_ target: Value, _ name: String, _ v: Value, _ c: UnsafeMutablePointer<InlineCache>?, _ ctx: ExecutionContext) throws {
        guard let c, case .object(let o) = target, o.tag == .instance else { return try Attributes.set(target, name, v, ctx) }
        let inst = unsafeDowncast(o, to: PyInstance.self)
        let version = typeVersion
        guard inst.native == nil else { return try Attributes.set(target, name, v, ctx) }
        if let e = polymorphicEntry(c, inst.shape) { return storeAttrHit(inst, v, e) }
        if case .object(let w)? = inst.type.lookup(name), w is PyMethodWrapper || w.tag == .instance || isDescriptorInstance(w) {
            return try Attributes.set(target, name, v, ctx)
        }
        if case .object(let f)? = inst.type.special(.setattr), f is PyFunction { return try Attributes.set(target, name, v, ctx) }
        let before = inst.shape
        if let k = before.slot(of: name) {
            record(c, InlineCache(shape: before, version: version, index: k, kind: .slot))
            inst.slots[k] = v
        } else {
            let after = before.adding(name)
            record(c, InlineCache(shape: before, version: version, index: before.names.count, kind: .slot, next: after))
            inst.slots.append(v)
            inst.shape = after
        }
    }

    // MARK: - loadMethod

    /// `v.pointee.name` as (function, self) from the cache; false on a miss. The receiver is borrowed
    /// from its register until it is copied into `out[1]`.
    @inline(__always)
    static func cachedLoadMethod(_ v: UnsafeMutablePointer<Value>, _ out: UnsafeMutablePointer<Value>, _ c: UnsafeMutablePointer<InlineCache>) -> Bool {
        guard c.pointee.version == typeVersion else { return false }
        guard let u = v.borrowedObject(0) else {
            // `n.to_bytes(5)`, `x.is_integer()`: an inline int/float/bool has its builtin class's methods.
            guard c.pointee.kind == .builtinMethod, c.pointee.index == scalarMethodKey(v.pointee) else { return false }
            out.set(0, c.pointee.value)
            out.set(1, v.pointee)
            return true
        }
        let hit = u._withUnsafeGuaranteedRef { o -> Bool? in
            switch o.tag {
            case .instance:
                let inst = unsafeDowncast(o, to: PyInstance.self)
                guard inst.native == nil || inst.native is PlainNativeState else { return false }
                if inst.shape === c.pointee.shape { return c.pointee.kind == .classFunction ? true : wrappedMethodHit(inst, out, c) }
                return c.pointee.more == nil ? false : polymorphicLoadMethod(inst.shape, v, out, c)
            case .subclassed:
                // An instance of a list/dict/str… subclass (deltablue's `OrderedCollection(list)`): keyed by
                // its attribute bag's shape, which also names its class.
                guard let bag = BuiltinSubclasses.bag(of: o) else { return false }
                if bag.shape === c.pointee.shape { return true }
                return c.pointee.more == nil ? false : polymorphicLoadMethod(bag.shape, v, out, c)
            case .module, .type:
                if c.pointee.kind == .typeClassMethod {
                    guard o === c.pointee.owner else { return false }
                    out.set(0, c.pointee.value)
                    out.set(1, v.pointee)
                    return nil
                }
                // `module.f(…)`, `Class.f(…)`: the attribute itself is the callee (no self).
                guard let found = cachedOwnedValue(o, c) else { return false }
                out.set(0, .none)
                out.set(1, found)
                return nil
            case .superProxy:
                let s = unsafeDowncast(o, to: PySuper.self)
                guard s.startAfter === c.pointee.owner, case .object(let r) = s.receiver else { return false }
                if c.pointee.kind == .superTypeMethod {
                    // `super(Fraction, cls).__new__(cls)`: the receiver is the class itself.
                    guard r.tag == .type, unsafeDowncast(r, to: PyType.self).rootShape === c.pointee.shape else { return false }
                    if c.pointee.index == 0 {
                        out.set(0, .none)
                        out.set(1, c.pointee.value)
                    } else {
                        out.set(0, c.pointee.value)
                        out.set(1, s.receiver)
                    }
                    return nil
                }
                guard c.pointee.kind == .superMethod, r.tag == .instance,
                      unsafeDowncast(r, to: PyInstance.self).type.rootShape === c.pointee.shape else { return false }
                out.set(0, c.pointee.value)
                out.set(1, s.receiver)
                return nil
            default:
                return c.pointee.shape == nil && c.pointee.index == Int(o.tag.rawValue)
            }
        }
        guard let hit else { return true }
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
        guard let c else { return }
        guard case .object(let o) = v else {
            // Inline ints, floats and bools are never instances of a subclass: their class's builtin method
            // (found by `Attributes.loadMethod` on the type) is the answer for every such receiver.
            if !f.isNone, scalarMethodKey(v) >= 0 {
                c.pointee = InlineCache(shape: nil, version: version, index: scalarMethodKey(v), kind: .builtinMethod, value: f)
            }
            return
        }
        if o.tag == .module || o.tag == .type {
            fillOwnedValue(o, name, s, c, version: version, forMethod: true)
            return
        }
        if o.tag == .superProxy {
            fillSuperMethod(unsafeDowncast(o, to: PySuper.self), name, c, version: version)
            return
        }
        if f.isNone, o.tag == .instance {
            fillWrappedMethod(unsafeDowncast(o, to: PyInstance.self), name, c, version: version)
            return
        }
        guard !f.isNone else { return }
        switch o.tag {
        case .instance:
            let inst = unsafeDowncast(o, to: PyInstance.self)
            guard inst.native == nil || inst.native is PlainNativeState, inst.shape.slot(of: name) == nil else { return }
            record(c, InlineCache(shape: inst.shape, version: version, kind: .classFunction, value: f))
        case .subclassed:
            // `Attributes.loadMethod` found `f` on the class (the bag has no such attribute, and a subclass
            // never has a `ThreadLocalStorage`): the same answer while the bag's shape and the classes stay.
            guard let bag = BuiltinSubclasses.bag(of: o), bag.shape.slot(of: name) == nil, s.isIdentical(v) else { return }
            record(c, InlineCache(shape: bag.shape, version: version, kind: .classFunction, value: f))
        case .str, .list, .dict, .set, .tuple, .bytes, .bigint:
            // These tags are only ever the builtin class itself (subclasses are instances).
            c.pointee = InlineCache(shape: nil, version: version, index: Int(o.tag.rawValue), kind: .builtinMethod, value: f)
        default:
            break
        }
    }

    /// The `InlineCache.index` of a `builtinMethod` entry for an inline receiver: past every `ObjectTag`
    /// raw value (object receivers are keyed by their tag), -1 for `None`, which is never cached.
    @inline(__always)
    static func scalarMethodKey(_ v: Value) -> Int {
        switch v {
        case .int: 256
        case .float: 257
        case .bool: 258
        default: -1
        }
    }

    /// `inst.name(…)` of a classmethod or staticmethod of the instance's class (the instance has no such
    /// attribute of its own): cached as its function with the class, or without self.
    /// Also `inst.name(…)` of the instance's own attribute (pure-Python pickle keeps bound methods so:
    /// `self.write = self.framer.write`, `self.append = self.stack.append`): cached as the slot, called without
    /// self, on loadAttr's conditions for a slot (no class attribute that is a wrapper or may be a descriptor).
    /// Every such call went through `Attributes.loadMethod` and this function again (libs: small shared edit).
    @inline(never)
    static func fillWrappedMethod(_ inst: PyInstance, _ name: String, _ c: UnsafeMutablePointer<InlineCache>, version: Int) {
        if let k = inst.shape.slot(of: name) {
            guard inst.native == nil else { return }
            if case .object(let cv)? = inst.type.lookup(name), cv is PyMethodWrapper || isDescriptorInstance(cv) { return }
            record(c, InlineCache(shape: inst.shape, version: version, index: k, kind: .slot))
            return
        }
        guard inst.native == nil || inst.native is PlainNativeState,
              case .object(let w)? = inst.type.lookup(name), let wrapper = w as? PyMethodWrapper else { return }
        switch wrapper.kind {
        case .classMethod: record(c, InlineCache(shape: inst.shape, version: version, kind: .instanceClassMethod, value: wrapper.function))
        case .staticMethod: record(c, InlineCache(shape: inst.shape, version: version, kind: .instanceStaticMethod, value: wrapper.function))
        case .property: return
        }
    }

    /// (function, self) from an entry for a classmethod or staticmethod already known to match the
    /// instance's shape: stored in `out`, answering nil (done), or false for another kind.
    @inline(never)
    static func wrappedMethodHit(_ inst: PyInstance, _ out: UnsafeMutablePointer<Value>, _ e: UnsafeMutablePointer<InlineCache>) -> Bool? {
        switch e.pointee.kind {
        case .instanceClassMethod:
            out.set(0, e.pointee.value)
            out.set(1, .object(inst.type))
            return nil
        case .instanceStaticMethod:
            out.set(0, .none)
            out.set(1, e.pointee.value)
            return nil
        case .slot:
            guard inst.native == nil else { return false }
            out.set(0, .none)
            out.set(1, inst.slots[e.pointee.index])
            return nil
        default:
            return false
        }
    }

    /// `super().name(…)` from a method of an instance: cached when the MRO search after `startAfter` found
    /// a plain function (bound to the receiver: CPython's LOAD_SUPER_ATTR_METHOD, 3.12).
    @inline(never)
    static func fillSuperMethod(_ s: PySuper, _ name: String, _ c: UnsafeMutablePointer<InlineCache>, version: Int) {
        guard case .object(let r) = s.receiver else { return }
        if r.tag == .type {
            fillSuperTypeMethod(s, unsafeDowncast(r, to: PyType.self), name, c, version: version)
            return
        }
        guard r.tag == .instance else { return }
        let type = unsafeDowncast(r, to: PyInstance.self).type
        guard type.metaclass == nil, typeOf(s.receiver) === type, let f = type.lookup(name, after: s.startAfter),
              case .object(let fo) = f, Attributes.bindsAsMethod(fo) else { return }
        c.pointee = InlineCache(shape: type.rootShape, version: version, kind: .superMethod, value: f, owner: s.startAfter)
    }

    /// `super(C, cls).name` with a class receiver deriving from `C` (`Attributes.lookup` then searches the
    /// receiver's MRO after `C`): a staticmethod (`object.__new__`, a Python `__new__`) or a classmethod found
    /// there is replayed while no class changes. A receiver of another kind (a metaclass's `super()`) is not
    /// cached.
    @inline(never)
    static func fillSuperTypeMethod(_ s: PySuper, _ t: PyType, _ name: String, _ c: UnsafeMutablePointer<InlineCache>, version: Int) {
        guard t.isSubtype(of: s.startAfter),
              case .object(let w as PyMethodWrapper)? = t.lookup(name, after: s.startAfter) else { return }
        switch w.kind {
        case .staticMethod:
            c.pointee = InlineCache(shape: t.rootShape, version: version, index: 0, kind: .superTypeMethod, value: w.function, owner: s.startAfter)
        case .classMethod:
            c.pointee = InlineCache(shape: t.rootShape, version: version, index: 1, kind: .superTypeMethod, value: w.function, owner: s.startAfter)
        case .property:
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
        case (.object(let a), .object(let b)) where op == .add:
            return Arithmetic.concatSameType(a, b)  // libs: bytes, list, tuple by tag
        default:
            return nil
        }
    }
}

import PythonSyntax

/// The set algebra of Objects/setobject.c, step for step (which set is walked, which is probed, when a
/// copy is made first), so results iterate in CPython's order. Results take the kind (set or frozenset)
/// of the left operand, as CPython's `make_new_set_basetype` does.
extension PySet {
    /// The other operand as a set: itself when it is one, else a new set of what it yields.
    func asSet(_ other: Value, _ ctx: ExecutionContext) throws -> PySet {
        if let s = PySet.asAnySet(other) { return s }
        return try PySet.from(other, ctx)
    }

    /// `set_intersection`.
    func intersection(_ other: Value, _ ctx: ExecutionContext) throws -> PySet {
        if case .object(let o) = other, o === self { return try copy(ctx) }
        let result = PySet(frozen: frozen)
        if let otherSet = PySet.asAnySet(other) {
            var walked = otherSet, probed = self
            if walked.count > probed.count { swap(&walked, &probed) }
            walked.forEachEntry { key, h in
                if probed.contains(key, hash: h) { result.add(key, hash: h) }
                return true
            }
            return result
        }
        let it = try makeIterator(other, ctx)
        while let key = try iteratorNext(it, ctx) {
            let h = try DictHash(key)
            if contains(key, hash: h) { result.add(key, hash: h) }
        }
        return result
    }

    /// `set_difference`.
    func difference(_ other: Value, _ ctx: ExecutionContext) throws -> PySet {
        let otherSize: Int
        switch other {
        case .object(let o) where PySet.asAnySet(other) != nil: otherSize = unsafeDowncast(o, to: PySet.self).count
        case .object(let o) where o.tag == .dict: otherSize = unsafeDowncast(o, to: PyDict.self).count
        default: return try copyAndDifference(other, ctx)
        }
        if count >> 2 > otherSize { return try copyAndDifference(other, ctx) }
        let result = PySet(frozen: frozen)
        if case .object(let o) = other, o.tag == .dict {
            let d = unsafeDowncast(o, to: PyDict.self)
            forEachEntry { key, h in
                if d.lock.withLock({ DictTable.find(d.table, key, h).entry < 0 }) { result.add(key, hash: h) }
                return true
            }
            return result
        }
        guard case .object(let o) = other else { return result }
        let s = unsafeDowncast(o, to: PySet.self)
        forEachEntry { key, h in
            if !s.contains(key, hash: h) { result.add(key, hash: h) }
            return true
        }
        return result
    }

    private func copyAndDifference(_ other: Value, _ ctx: ExecutionContext) throws -> PySet {
        let result = try copy(ctx)
        try result.differenceUpdate(other, ctx)
        return result
    }

    /// `set_difference_update_internal`.
    func differenceUpdate(_ other: Value, _ ctx: ExecutionContext) throws {
        if case .object(let o) = other, o === self { return clear() }
        if let otherSet = PySet.asAnySet(other) {
            var walked = otherSet
            if walked.count >> 3 > count { walked = try intersection(other, ctx) }
            walked.forEachEntry { key, h in
                _ = discard(key, hash: h)
                return true
            }
        } else {
            let it = try makeIterator(other, ctx)
            while let key = try iteratorNext(it, ctx) { try discard(key) }
        }
        // More than a quarter dummies: resized away.
        lock.withLock {
            if table.pointee.fill - table.pointee.used > table.pointee.mask / 4 {
                let used = table.pointee.used
                SetTable.resize(table, minimumUsed: used > 50000 ? used * 2 : used * 4)
            }
        }
    }

    /// `set_symmetric_difference`: a copy of the other operand updated with this one.
    func symmetricDifference(_ other: Value, _ ctx: ExecutionContext) throws -> PySet {
        let result = try PySet.from(other, frozen: frozen, ctx)
        try result.symmetricDifferenceUpdate(.object(self), ctx)
        return result
    }

    /// `set_symmetric_difference_update`.
    func symmetricDifferenceUpdate(_ other: Value, _ ctx: ExecutionContext) throws {
        if case .object(let o) = other, o === self { return clear() }
        if case .object(let o) = other, o.tag == .dict {
            for (key, h) in unsafeDowncast(o, to: PyDict.self).keysWithHashes where !discard(key, hash: h) { add(key, hash: h) }
            return
        }
        let walked = try asSet(other, ctx)
        walked.forEachEntry { key, h in
            if !discard(key, hash: h) { add(key, hash: h) }
            return true
        }
    }

    /// `set_issubset`.
    func isSubset(of other: Value, _ ctx: ExecutionContext) throws -> Bool {
        let s = try asSet(other, ctx)
        if count > s.count { return false }
        var subset = true
        forEachEntry { key, h in
            subset = s.contains(key, hash: h)
            return subset
        }
        return subset
    }

    /// `set_issuperset`.
    func isSuperset(of other: Value, _ ctx: ExecutionContext) throws -> Bool {
        if let otherSet = PySet.asAnySet(other) { return try otherSet.isSubset(of: .object(self), ctx) }
        let it = try makeIterator(other, ctx)
        while let key = try iteratorNext(it, ctx) {
            if try !contains(key) { return false }
        }
        return true
    }

    /// `set_isdisjoint`.
    func isDisjoint(_ other: Value, _ ctx: ExecutionContext) throws -> Bool {
        if let otherSet = PySet.asAnySet(other) {
            var walked = self, probed = otherSet
            if walked.count > probed.count { swap(&walked, &probed) }
            var disjoint = true
            walked.forEachEntry { key, h in
                disjoint = !probed.contains(key, hash: h)
                return disjoint
            }
            return disjoint
        }
        let it = try makeIterator(other, ctx)
        while let key = try iteratorNext(it, ctx) {
            if try contains(key) { return false }
        }
        return true
    }

    /// `set_richcompare` for two sets; nil for an operator sets do not order by.
    func compare(_ op: ComparisonOperator, _ other: PySet, _ ctx: ExecutionContext) throws -> Bool {
        let a = count, b = other.count
        switch op {
        case .equal, .notEqual:
            var equal = a == b
            if equal, frozen, other.frozen, frozenHash != other.frozenHash { equal = false }
            if equal { equal = try isSubset(of: .object(other), ctx) }
            return equal == (op == .equal)
        case .lessEqual: return try isSubset(of: .object(other), ctx)
        case .greaterEqual: return try other.isSubset(of: .object(self), ctx)
        case .less: return try a < b && isSubset(of: .object(other), ctx)
        default: return try a > b && other.isSubset(of: .object(self), ctx)
        }
    }

    /// `a | b`, `a & b`, `a - b`, `a ^ b` (both operands sets; `set_or` copies the left one first).
    func binary(_ op: SetOperator, _ other: PySet, _ ctx: ExecutionContext) throws -> PySet {
        switch op {
        case .union:
            let result = try copy(ctx)
            if other !== self { try result.update(.object(other), ctx) }
            return result
        case .intersection: return try intersection(.object(other), ctx)
        case .difference: return try difference(.object(other), ctx)
        case .symmetricDifference: return try symmetricDifference(.object(other), ctx)
        }
    }

    /// `a |= b` and friends on a set (a frozenset gets a new object, as its `__ior__` does not exist).
    func inPlace(_ op: SetOperator, _ other: PySet, _ ctx: ExecutionContext) throws {
        switch op {
        case .union: try update(.object(other), ctx)
        case .intersection: replaceContents(with: try intersection(.object(other), ctx))
        case .difference: try differenceUpdate(.object(other), ctx)
        case .symmetricDifference: try symmetricDifferenceUpdate(.object(other), ctx)
        }
    }

    enum SetOperator {
        case union, intersection, difference, symmetricDifference
    }
}

/// `|`, `&`, `-`, `^` where a keys or items view of a dict meets a set or another view
/// (Objects/dictobject.c `dictviews_or`, `_PyDictView_Intersect`, `dictviews_sub`, `dictviews_xor`): the
/// result is always a set.
enum DictViewSetAlgebra {
    static func isSetLike(_ v: Value) -> PyDictView? {
        guard case .object(let o) = v, o.tag == .dictView else { return nil }
        let view = unsafeDowncast(o, to: PyDictView.self)
        return view.mode == .values ? nil : view
    }

    /// `dictviews_to_set`: a keys view reads its dict (stored hashes), anything else is iterated.
    private static func toSet(_ v: Value, _ ctx: ExecutionContext) throws -> PySet {
        if let view = isSetLike(v), view.mode == .keys { return try PySet.from(.object(view.dict), ctx) }
        return try PySet.from(v, ctx)
    }

    static func apply(_ op: PySet.SetOperator, _ l: Value, _ r: Value, _ ctx: ExecutionContext) throws -> Value {
        switch op {
        case .union:
            let result = try toSet(l, ctx)
            try result.update(r, ctx)
            return .object(result)
        case .difference:
            let result = try toSet(l, ctx)
            try result.differenceUpdate(r, ctx)
            return .object(result)
        case .symmetricDifference:
            let result = try toSet(l, ctx)
            try result.symmetricDifferenceUpdate(r, ctx)
            return .object(result)
        case .intersection:
            var (view, other) = isSetLike(l) != nil ? (l, r) : (r, l)
            let viewLength = try length(view, ctx)
            if case .object(let o) = other, o.tag == .set, !unsafeDowncast(o, to: PySet.self).frozen,
               viewLength <= unsafeDowncast(o, to: PySet.self).count {
                return .object(try unsafeDowncast(o, to: PySet.self).intersection(view, ctx))
            }
            if isSetLike(other) != nil, try length(other, ctx) > viewLength { swap(&view, &other) }
            let result = PySet()
            let it = try makeIterator(other, ctx)
            while let key = try iteratorNext(it, ctx) {
                if try contains(view, key, ctx) { try result.add(key) }
            }
            return .object(result)
        }
    }
}

extension Arithmetic {
    /// `|`, `&`, `-`, `^` with a set or a set-like dict view on the left; nil when the operands do not
    /// qualify (the caller tries the reflected operator, then raises TypeError).
    static func setAlgebra(_ op: BinaryOperator, _ l: Value, _ r: Value, _ ctx: ExecutionContext) throws -> Value? {
        guard let setOp = PySet.SetOperator(op) else { return nil }
        if let a = PySet.asAnySet(l), let b = PySet.asAnySet(r) { return .object(try a.binary(setOp, b, ctx)) }
        // A set-like view takes any iterable (`d.keys() | [1]`); a set needs a set or a set-like view.
        guard DictViewSetAlgebra.isSetLike(l) != nil || DictViewSetAlgebra.isSetLike(r) != nil else { return nil }
        if case .object(let a) = l, a.tag == .dictView, DictViewSetAlgebra.isSetLike(l) == nil { return nil }
        return try DictViewSetAlgebra.apply(setOp, l, r, ctx)
    }
}

extension PySet.SetOperator {
    /// The set operation a binary operator stands for, if any.
    init?(_ op: BinaryOperator) {
        switch op {
        case .bitOr: self = .union
        case .bitAnd: self = .intersection
        case .subtract: self = .difference
        case .bitXor: self = .symmetricDifference
        default: return nil
        }
    }
}

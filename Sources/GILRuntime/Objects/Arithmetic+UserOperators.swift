import PythonSyntax

/// Binary operators defined in Python (`__add__`, `__radd__`, `__iadd__`…): Objects/abstract.c binary_op1
/// with typeobject.c's SLOT1BINFULL. The left operand's method first, unless the right operand's class is
/// a proper subclass of the left's that overrides the reflected method; the reflected method only for
/// operands of different classes; NotImplemented passes on to the next candidate.
extension Arithmetic {
    /// The special methods of `op`: left, reflected, in place (static strings: no hashing, no building).
    static func specialNames(_ op: BinaryOperator) -> (name: String, reflected: String, inPlace: String) {
        let (left, reflected, inPlace) = SpecialSlot.binary(op)
        return (left.name, reflected.name, inPlace.name)
    }

    /// `l op r` (or `l op= r` when `inPlace`) when an operand is an instance of a class defined in Python and
    /// neither is an instance of a builtin's subclass (`BuiltinSubclasses` orders those): the Python-level
    /// operators first, as CPython's number slots come before str/list/tuple concatenation and repetition
    /// (`"a" + obj` tries `obj.__radd__`), then the builtin behaviour of the other operand, else TypeError.
    /// nil: no instance operand, the general path applies.
    @inline(__always)
    static func instanceBinary(_ op: BinaryOperator, _ l: Value, _ r: Value, inPlace: Bool, _ ctx: ExecutionContext) throws -> Value? {
        guard tag(l) == .instance || tag(r) == .instance else { return nil }
        return try instanceBinarySlow(op, l, r, inPlace: inPlace, ctx)
    }

    @inline(never)
    private static func instanceBinarySlow(_ op: BinaryOperator, _ l: Value, _ r: Value, inPlace: Bool, _ ctx: ExecutionContext) throws -> Value? {
        // A native type's own operators (Decimal): no lookup, no argument array.
        if case .object(let o) = l, o.tag == .instance, let hook = unsafeDowncast(o, to: PyInstance.self).type.nativeBinary {
            if let v = try hook(op, l, r, ctx) { return v }
        } else if tag(l) != .instance, case .object(let o) = r, o.tag == .instance,
                  let hook = unsafeDowncast(o, to: PyInstance.self).type.nativeBinary {
            if let v = try hook(op, l, r, ctx) { return v }
        }
        if inPlace, case .object(let o) = l, o.tag == .instance,
           let f = unsafeDowncast(o, to: PyInstance.self).type.special(SpecialSlot.binary(op).2) {
            let v = try Interpreter.callSpecial(f, l, r, ctx)
            if !isNotImplemented(v) { return v }
        }
        if tag(l) == .subclassed || tag(r) == .subclassed { return nil }
        if let v = try userOperator(op, l, r, ctx) { return v }
        if let a = number(l), let b = number(r) { return try numeric(op, a, b) }
        if let v = try ComplexMath.binary(op, l, r) { return v }
        if let v = try sequence(op, l, r, ctx) { return v }
        throw PyException.make(.typeError, "unsupported operand type(s) for \(op.rawValue): '\(typeName(l))' and '\(typeName(r))'")
    }

    @inline(__always)
    private static func tag(_ v: Value) -> ObjectTag? {
        if case .object(let o) = v { return o.tag }
        return nil
    }

    /// The Python-level operator methods of `l` and `r` (instances and classes whose metaclass defines the
    /// operator); nil when none answered (all missing or NotImplemented).
    static func userOperator(_ op: BinaryOperator, _ l: Value, _ r: Value, _ ctx: ExecutionContext) throws -> Value? {
        let (name, rname, _) = specialNames(op)
        let leftInstance = tag(l) == .instance, rightInstance = tag(r) == .instance
        if leftInstance || rightInstance {
            let (slot, rslot, _) = SpecialSlot.binary(op)
            let tl = typeOf(l), tr = typeOf(r)
            // The reflected method counts only between different classes.
            let reflected = rightInstance && tl !== tr ? tr.special(rslot) : nil
            var reflectedTried = false
            if let reflected, tr.isSubtype(of: tl), !sameMethod(tl.special(rslot), reflected) {
                reflectedTried = true
                let v = try Interpreter.callSpecial(reflected, r, l, ctx)
                if !isNotImplemented(v) { return v }
            }
            if leftInstance, let f = tl.special(slot) {
                let v = try Interpreter.callSpecial(f, l, r, ctx)
                if !isNotImplemented(v) { return v }
            }
            if let reflected, !reflectedTried {
                let v = try Interpreter.callSpecial(reflected, r, l, ctx)
                if !isNotImplemented(v) { return v }
            }
        }
        // A class as an operand: its metaclass's operator (`int | str` through type.__or__).
        if case .object(let t) = l, t.tag == .type, let f = typeOf(l).lookup(name) {
            let v = try ctx.call(f, [l, r])
            if !isNotImplemented(v) { return v }
        }
        if case .object(let t) = r, t.tag == .type, let f = typeOf(r).lookup(rname) {
            let v = try ctx.call(f, [r, l])
            if !isNotImplemented(v) { return v }
        }
        return nil
    }

    /// typeobject.c method_is_overloaded's test: the same attribute object (a subclass that inherits the
    /// reflected method does not go first).
    private static func sameMethod(_ a: Value?, _ b: Value) -> Bool {
        guard let a else { return false }
        return a.isIdentical(b)
    }
}

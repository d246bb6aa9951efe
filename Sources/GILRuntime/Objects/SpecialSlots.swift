import PythonSyntax

/// The special methods the runtime looks up on an instance's class for every operation (typeobject.c's
/// `tp_*` and `nb_*` slots): `PyType.special(_:)` answers what `lookup(name)` would, from a per-class array
/// filled on first use and dropped when any class changes (`TypeCache.version`), so `a + b`, `a == b`,
/// `hash(a)`, `if a:` on instances of classes defined in Python cost an array read instead of the memo's name
/// hashing and probing (~100 instructions each, two for a truth test without `__bool__`).
enum SpecialSlot: Int, CaseIterable {
    case bool, len, hash, eq, ne, lt, le, gt, ge
    case getitem, setitem, delitem, contains, iter, next, call, getattr, setattr, get, classAttribute
    case add, radd, iadd, sub, rsub, isub, mul, rmul, imul, truediv, rtruediv, itruediv
    case floordiv, rfloordiv, ifloordiv, mod, rmod, imod, pow, rpow, ipow, matmul, rmatmul, imatmul
    case lshift, rlshift, ilshift, rshift, rrshift, irshift, and, rand, iand, or, ror, ior, xor, rxor, ixor

    /// The method's name (static strings: nothing built).
    var name: String {
        switch self {
        case .bool: "__bool__"
        case .len: "__len__"
        case .hash: "__hash__"
        case .eq: "__eq__"
        case .ne: "__ne__"
        case .lt: "__lt__"
        case .le: "__le__"
        case .gt: "__gt__"
        case .ge: "__ge__"
        case .getitem: "__getitem__"
        case .setitem: "__setitem__"
        case .delitem: "__delitem__"
        case .contains: "__contains__"
        case .iter: "__iter__"
        case .next: "__next__"
        case .call: "__call__"
        case .getattr: "__getattr__"
        case .setattr: "__setattr__"
        case .get: "__get__"
        case .classAttribute: "__class__"
        case .add: "__add__"
        case .radd: "__radd__"
        case .iadd: "__iadd__"
        case .sub: "__sub__"
        case .rsub: "__rsub__"
        case .isub: "__isub__"
        case .mul: "__mul__"
        case .rmul: "__rmul__"
        case .imul: "__imul__"
        case .truediv: "__truediv__"
        case .rtruediv: "__rtruediv__"
        case .itruediv: "__itruediv__"
        case .floordiv: "__floordiv__"
        case .rfloordiv: "__rfloordiv__"
        case .ifloordiv: "__ifloordiv__"
        case .mod: "__mod__"
        case .rmod: "__rmod__"
        case .imod: "__imod__"
        case .pow: "__pow__"
        case .rpow: "__rpow__"
        case .ipow: "__ipow__"
        case .matmul: "__matmul__"
        case .rmatmul: "__rmatmul__"
        case .imatmul: "__imatmul__"
        case .lshift: "__lshift__"
        case .rlshift: "__rlshift__"
        case .ilshift: "__ilshift__"
        case .rshift: "__rshift__"
        case .rrshift: "__rrshift__"
        case .irshift: "__irshift__"
        case .and: "__and__"
        case .rand: "__rand__"
        case .iand: "__iand__"
        case .or: "__or__"
        case .ror: "__ror__"
        case .ior: "__ior__"
        case .xor: "__xor__"
        case .rxor: "__rxor__"
        case .ixor: "__ixor__"
        }
    }

    /// The slots of a binary operator: left, reflected, in place (`Arithmetic.specialNames`' order).
    static func binary(_ op: BinaryOperator) -> (SpecialSlot, SpecialSlot, SpecialSlot) {
        switch op {
        case .add: (.add, .radd, .iadd)
        case .subtract: (.sub, .rsub, .isub)
        case .multiply: (.mul, .rmul, .imul)
        case .trueDivide: (.truediv, .rtruediv, .itruediv)
        case .floorDivide: (.floordiv, .rfloordiv, .ifloordiv)
        case .modulo: (.mod, .rmod, .imod)
        case .power: (.pow, .rpow, .ipow)
        case .matrixMultiply: (.matmul, .rmatmul, .imatmul)
        case .leftShift: (.lshift, .rlshift, .ilshift)
        case .rightShift: (.rshift, .rrshift, .irshift)
        case .bitAnd: (.and, .rand, .iand)
        case .bitOr: (.or, .ror, .ior)
        case .bitXor: (.xor, .rxor, .ixor)
        }
    }
}

/// A class's filled slots: `values[k]` is meaningful when bit k of `known` is set, for `version`.
final class SpecialSlotTable {
    var version = -1
    var known: UInt64 = 0
    var values = [Value?](repeating: nil, count: SpecialSlot.allCases.count)
}

extension PyType {
    /// `lookup(slot.name)`, from the class's slot table when it is a class made by a `class` statement
    /// (`cacheable`: one runtime's, so its table is touched by the GIL holder; under `lock` for free-threading).
    @inline(__always)
    func special(_ slot: SpecialSlot) -> Value? {
        guard cacheable else { return lookup(slot.name) }
        return lock.withLock {
            let version = TypeCache.version.load(ordering: .relaxed)
            if let t = specialSlots, t.version == version, t.known & (1 << UInt64(slot.rawValue)) != 0 {
                return t.values[slot.rawValue]
            }
            return fillSpecial(slot, version)
        }
    }

    @inline(never)
    private func fillSpecial(_ slot: SpecialSlot, _ version: Int) -> Value? {
        let t = specialSlots ?? SpecialSlotTable()
        specialSlots = t
        if t.version != version {
            // Dropped whole: a class changed since (its answers may have).
            for k in t.values.indices { t.values[k] = nil }
            t.known = 0
            t.version = version
        }
        let found = lookup(slot.name)
        t.values[slot.rawValue] = found
        t.known |= 1 << UInt64(slot.rawValue)
        return found
    }
}

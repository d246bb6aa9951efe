/// `a + b` of two sequences of one exact builtin type, dispatched by tag: bytes (bpe's `pair[0] + pair[1]`,
/// base64's table lookups joined), tuples, and lists (`parts[:i] + [x] + parts[i + 2:]`). The general path
/// (`Arithmetic.sequence`) reaches them only after the subclass, number and complex probes and a chain of
/// class casts.
extension Arithmetic {
    /// The concatenation of two bytes or two tuples (immutable, so `+=` makes a new object too), or nil
    /// when the operands are not alike or the result is large (the general path checks it against the
    /// object size cap, `AllocationLimit`). Lists are not here: `a += b` extends a list in place.
    @inline(__always)
    static func concatSameType(_ a: PyObject, _ b: PyObject) -> Value? {
        guard a.tag == b.tag else { return nil }
        switch a.tag {
        case .bytes:
            let x = unsafeDowncast(a, to: PyBytes.self).value, y = unsafeDowncast(b, to: PyBytes.self).value
            guard x.count + y.count < 1 << 24 else { return nil }
            return .object(PyBytes(BytesLike.concat(x, y)))
        case .tuple:
            let x = unsafeDowncast(a, to: PyTuple.self).items, y = unsafeDowncast(b, to: PyTuple.self).items
            guard x.count + y.count < 1 << 20 else { return nil }
            if y.isEmpty { return .object(a) }  // CPython returns the tuple itself too
            if x.isEmpty { return .object(b) }
            return .object(PyTuple(Subscript.concatValues(x, y)))
        default:
            return nil
        }
    }

    /// `a + b` of two exact lists (not `+=`, which the VM handles before reaching `Arithmetic.binary`).
    @inline(never)
    static func concatLists(_ a: PyList, _ b: PyList) -> Value? {
        let x = a.items, y = b.items
        guard x.count + y.count < 1 << 20 else { return nil }
        return .object(PyList(Subscript.concatValues(x, y)))
    }
}

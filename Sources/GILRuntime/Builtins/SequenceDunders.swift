/// The special methods a native sequence type exposes as attributes (`a.__getitem__(0)`, `type(a).__len__`),
/// each doing what the VM's own operation does.
enum SequenceDunders {
    static func install(_ t: PyType) {
        let m = BuiltinMethods.method
        m(t, "__getitem__", 2) { a, _, ctx in try Subscript.get(a[0], a[1], ctx) }
        m(t, "__setitem__", 3) { a, _, ctx in
            try Subscript.set(a[0], a[1], a[2], ctx)
            return .none
        }
        m(t, "__delitem__", 2) { a, _, ctx in
            try Subscript.delete(a[0], a[1], ctx)
            return .none
        }
        m(t, "__len__", 1) { a, _, ctx in .int(try length(a[0], ctx)) }
        m(t, "__contains__", 2) { a, _, ctx in .bool(try contains(a[0], a[1], ctx)) }
        m(t, "__iter__", 1) { a, _, ctx in try makeIterator(a[0], ctx) }
    }
}

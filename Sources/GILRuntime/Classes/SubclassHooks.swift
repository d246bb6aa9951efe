import Synchronization

/// Which of `__getitem__`, `__setitem__`, `__missing__` and `__hash__` a builtin subclass (a `Counter`, a
/// `defaultdict`, an `OrderedDict`, a namedtuple) defines in Python, memoized on the class per
/// `TypeCache.version`. `counter[k] += 1` asked `SpecialMethods.hook` twice or three times per access (each
/// a class lookup hashing the name), and then reached the dict through a chain of class casts; with the
/// memo, an exact `SubclassedDict` whose class overrides none of them is read and written as its dict, its
/// `__missing__` called only on a miss (Objects/dictobject.c dict_subscript does the same lookup once per
/// miss), and a namedtuple key hashes as its tuple without a lookup per element.
enum SubclassHooks {
    static let getItem = 1, setItem = 2, missing = 4, hash = 8
    private static let known = 16, bits = 5

    static func of(_ t: PyType) -> Int {
        let version = TypeCache.version.load(ordering: .relaxed)
        let memo = t.subclassHookMemo.load(ordering: .relaxed)
        if memo & known != 0 && memo >> bits == version { return memo & (known - 1) }
        var hooks = 0
        if override(t, "__getitem__") { hooks |= getItem }
        if override(t, "__setitem__") { hooks |= setItem }
        if override(t, "__missing__") { hooks |= missing }
        if override(t, "__hash__") { hooks |= hash }
        // Stored with the version read before the lookups: a class changed meanwhile is asked again.
        t.subclassHookMemo.store(version << bits | known | hooks, ordering: .relaxed)
        return hooks
    }

    /// `SpecialMethods.subclassHook`'s test: a Python method, or a builtin stored under another name.
    private static func override(_ t: PyType, _ name: String) -> Bool {
        guard let f = t.lookup(name) else { return false }
        if case .object(let x) = f, x.tag == .builtin, unsafeDowncast(x, to: PyBuiltinFunction.self).name == name { return false }
        return true
    }

    /// `o` when it is exactly a dict subclass instance (the final `SubclassedDict`, found by class pointer).
    @inline(__always)
    static func dictSubclass(_ o: PyObject) -> SubclassedDict? {
        ObjectIdentifier(type(of: o)) == ObjectIdentifier(SubclassedDict.self) ? unsafeDowncast(o, to: SubclassedDict.self) : nil
    }
}

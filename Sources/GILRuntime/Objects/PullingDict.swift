/// A `dict` that is a view of storage kept elsewhere (a module's global slots, an instance's attributes): every
/// read first calls `pull()`, which copies what changed into the table; subclasses send writes on to the storage.
/// Its tag is `.subclassed` with `dict` as its class, so the VM's exact-dict fast paths (which would touch the
/// table directly) leave it to the generic operations, which end in these methods.
class PullingDict: PyDict, BuiltinSubclassInstance, @unchecked Sendable {
    var pythonType: PyType { BuiltinTypes.dict }
    let attributeBag = PyInstance(type: BuiltinTypes.dict)

    init() {
        super.init(tag: .subclassed)
    }

    /// Brings the table up to date with the storage.
    func pull() {}

    override var count: Int {
        pull()
        return super.count
    }

    override var entries: [(key: Value, value: Value)] {
        pull()
        return super.entries
    }

    override var rawCount: Int {
        pull()
        return super.rawCount
    }

    override func entry(at i: Int) -> (key: Value, value: Value)? {
        pull()
        return super.entry(at: i)
    }

    override func get(_ key: Value) throws -> Value? {
        pull()
        return try super.get(key)
    }
}

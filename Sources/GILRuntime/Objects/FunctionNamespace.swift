/// A function's `__dict__` as a live `dict` over its attribute table (`f.__dict__.update(wrapped.__dict__)`,
/// functools.update_wrapper's WRAPPER_UPDATES, pydoc). The names CPython keeps in the function's own fields
/// rather than its dict (`__module__`, `__doc__`, `__code__`, `__annotations__` …) are left out, as there.
final class FunctionNamespace: PullingDict, @unchecked Sendable {
    static let fieldNames: Set<String> = ["__module__", "__doc__", "__code__", "__annotations__", "__name__", "__qualname__",
                                          "__defaults__", "__kwdefaults__"]
    let function: PyFunction

    init(_ function: PyFunction) {
        self.function = function
        super.init()
    }

    /// Rebuilds the table from the function's attributes (sorted: the attribute table keeps no order).
    override func pull() {
        super.clear()
        for (name, value) in function.attributes.sorted(by: { $0.key < $1.key }) where !Self.fieldNames.contains(name) {
            try? super.set(.str(name), value)
        }
    }

    private func name(_ key: Value) -> String? {
        if case .object(let s as PyStr) = key, !Self.fieldNames.contains(s.value) { return s.value }
        return nil
    }

    override func set(_ key: Value, _ value: Value) throws {
        guard let name = name(key) else { return try super.set(key, value) }
        function.attributes[name] = value
    }

    @discardableResult
    override func remove(_ key: Value) throws -> Value? {
        guard let name = name(key) else { return try super.remove(key) }
        return function.attributes.removeValue(forKey: name)
    }

    override func clear() {
        for name in function.attributes.keys where !Self.fieldNames.contains(name) { function.attributes.removeValue(forKey: name) }
    }
}

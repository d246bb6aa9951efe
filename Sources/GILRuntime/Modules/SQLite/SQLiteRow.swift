/// `sqlite3.Row` (Modules/_sqlite/row.c): a row_factory whose rows index by position, slice, or column name
/// (case-insensitively), with `keys()`, equality and hashing over description and values.
enum SQLiteRow {
    final class Data {
        let names: [String]
        let values: [Value]
        init(names: [String], values: [Value]) {
            self.names = names
            self.values = values
        }
    }

    static let type: PyType = {
        let t = PyType(name: "Row", base: BuiltinTypes.object, module: "sqlite3")
        t.construct = { type, args, _, _ in
            guard args.count == 2, case .object(let values as PyTuple) = args[1] else {
                throw PyException.make(.typeError, "Row() argument 2 must be tuple")
            }
            let cursor = try SQLiteCursor.state(args[0])
            var names: [String] = []
            if case .object(let d as PyTuple) = cursor.description {
                for column in d.items { if case .object(let c as PyTuple) = column, case .object(let s as PyStr)? = c.items.first { names.append(s.value) } }
            }
            let i = PyInstance(type: type)
            i.native = Data(names: names, values: values.items)
            return .object(i)
        }
        t.addMethod("__getitem__") { a, _, ctx in
            let d = try data(a[0])
            let key = a.count > 1 ? a[1] : .none
            if case .object(let s as PyStr) = key {
                let wanted = s.value.uppercased()
                guard let i = d.names.firstIndex(where: { $0.uppercased() == wanted }) else {
                    throw PyException.make(.indexError, "No item with that key")
                }
                return d.values[i]
            }
            return try Subscript.get(.object(PyTuple(d.values)), key, ctx)
        }
        t.addMethod("__len__") { a, _, _ in .int(try data(a[0]).values.count) }
        t.addMethod("__iter__") { a, _, ctx in try makeIterator(.object(PyTuple(try data(a[0]).values)), ctx) }
        t.addMethod("keys") { a, _, _ in .object(PyList(try data(a[0]).names.map { .str($0) })) }
        t.addMethod("__eq__") { a, _, ctx in
            guard a.count > 1, case .object(let o as PyInstance) = a[1], let other = o.native as? Data else { return .object(BuiltinTypes.notImplemented) }
            let d = try data(a[0])
            guard d.names == other.names else { return .bool(false) }
            return .bool(try valuesEqual(.object(PyTuple(d.values)), .object(PyTuple(other.values)), ctx))
        }
        t.addMethod("__hash__") { a, _, ctx in
            let d = try data(a[0])
            let names = try pyHash(.object(PyTuple(d.names.map { .str($0) })))
            return .int(names ^ (try pyHash(.object(PyTuple(d.values)))))
        }
        return t
    }()

    static func data(_ v: Value) throws -> Data {
        guard case .object(let i as PyInstance) = v, let d = i.native as? Data else {
            throw PyException.make(.typeError, "descriptor requires a 'sqlite3.Row' object")
        }
        return d
    }
}

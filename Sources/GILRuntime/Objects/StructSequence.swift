import PythonSyntax

/// CPython's struct sequences (Objects/structseq.c): `sys.version_info`, `sys.flags`, `time.struct_time`,
/// `os.stat_result`… — a fixed-length sequence whose items are also named attributes, printed as
/// `sys.version_info(major=3, minor=11, …)`. Some have extra named fields beyond the sequence
/// (`stat_result.st_atime`, `struct_time.tm_zone`).
///
/// Instances are `PyInstance`s whose `native` holds the items; the type answers indexing, slicing, `len`,
/// iteration, comparison, hashing and `repr` like a tuple of its visible fields.
final class StructSequenceItems: @unchecked Sendable {
    let items: [Value]

    init(_ items: [Value]) {
        self.items = items
    }
}

enum StructSequence {
    /// A new struct sequence type: `name` is what repr prints (`"os.stat_result"`), `fields` the visible
    /// fields, `extraFields` named-only ones (None unless given).
    static func makeType(_ name: String, fields: [String], extraFields: [String] = []) -> PyType {
        let dot = name.lastIndex(of: ".")
        let module = dot.map { String(name[..<$0]) } ?? "builtins"
        let shortName = dot.map { String(name[name.index(after: $0)...]) } ?? name
        let t = PyType(name: shortName, base: BuiltinTypes.object, module: module)
        let visible = fields.count
        t.dict["n_sequence_fields"] = .int(visible)
        t.dict["n_fields"] = .int(visible + extraFields.count)
        t.dict["n_unnamed_fields"] = .int(0)
        t.dict["_fields"] = .object(PyTuple(fields.map { .str($0) }))
        t.construct = { type, args, kwargs, ctx in
            let a = try Arguments(args, kwargs, names: ["sequence", "dict"], required: 1, function: shortName)
            let values = try collect(a.value(0) ?? .none, ctx)
            let total = visible + extraFields.count
            if values.count < visible {
                throw PyException.make(.typeError, "\(name)() takes an at least \(visible)-sequence (\(values.count)-sequence given)")
            }
            if values.count > total {
                throw PyException.make(.typeError, "\(name)() takes an at most \(total)-sequence (\(values.count)-sequence given)")
            }
            var extras: [Value] = values.count > visible ? Array(values[visible...]) : []
            if case .object(let d as PyDict)? = a.value(1) {
                for name in extraFields.dropFirst(extras.count) { extras.append(try d.get(.str(name)) ?? .none) }
            }
            return .object(instance(type, Array(values.prefix(visible)), extras: extras))
        }
        t.addMethod("__getitem__") { a, _, ctx in
            let items = try itemsOf(a[0])
            if case .object(let s as PySlice) = a[1] { return .object(PyTuple(try Subscript.sliceItems(items, s))) }
            guard let i = try Index.item(a[1], ctx) else {
                throw PyException.make(.typeError, "tuple indices must be integers or slices, not \(typeName(a[1]))")
            }
            return items[try Subscript.normalize(i, items.count, "tuple")]
        }
        t.addMethod("__len__") { a, _, _ in .int(try itemsOf(a[0]).count) }
        t.addMethod("__iter__") { a, _, ctx in try makeIterator(.object(PyTuple(try itemsOf(a[0]))), ctx) }
        t.addMethod("__contains__") { a, _, ctx in
            .bool(try itemsOf(a[0]).contains { try valuesEqual($0, a[1], ctx) })
        }
        t.addMethod("__hash__") { a, _, _ in .int(try pyHash(.object(PyTuple(try itemsOf(a[0]))))) }
        let operators: [(String, ComparisonOperator)] = [
            ("__eq__", .equal), ("__ne__", .notEqual), ("__lt__", .less), ("__le__", .lessEqual), ("__gt__", .greater), ("__ge__", .greaterEqual),
        ]
        for (op, comparison) in operators {
            t.addMethod(op) { a, _, ctx in
                let mine = PyTuple(try itemsOf(a[0]))
                let other: Value
                if let items = try? itemsOf(a[1]) { other = .object(PyTuple(items)) } else if case .object(let o as PyTuple) = a[1] { other = .object(o) } else {
                    return .object(BuiltinTypes.notImplemented)
                }
                return .bool(try compare(comparison, .object(mine), other, ctx))
            }
        }
        t.addMethod("__repr__") { a, _, ctx in
            let items = try itemsOf(a[0])
            let parts = try zip(fields, items).map { "\($0)=\(try repr($1, ctx))" }
            return .str("\(name)(\(parts.joined(separator: ", ")))")
        }
        t.addMethod("__reduce__") { a, _, _ in
            guard case .object(let i as PyInstance) = a[0] else { return .none }
            let extras = PyDict()
            for f in extraFields { try extras.set(.str(f), i.getAttribute(f) ?? .none) }
            return .object(PyTuple([.object(i.type), .object(PyTuple([.object(PyTuple(try itemsOf(a[0]))), .object(extras)]))]))
        }
        t.addMethod("count") { a, _, ctx in .int(try itemsOf(a[0]).filter { try valuesEqual($0, a[1], ctx) }.count) }
        t.addMethod("index") { a, _, ctx in
            guard let k = try itemsOf(a[0]).firstIndex(where: { try valuesEqual($0, a[1], ctx) }) else {
                throw PyException.make(.valueError, "tuple.index(x): x not in tuple")
            }
            return .int(k)
        }
        t.dict["__match_args__"] = .object(PyTuple(fields.map { .str($0) }))
        t.lock.withLock { t.dict["__fieldnames__"] = .object(PyTuple((fields + extraFields).map { .str($0) })) }
        // A name given twice (stat_result's st_atime: an int item, a float by name) is its last value's, as
        // the attribute stores this replaces left it; the shape names it once.
        let names = fields + extraFields
        let sources = names.indices.filter { !names[($0 + 1)...].contains(names[$0]) }
        t.filledShape = sources.reduce(t.rootShape) { $0.adding(names[$1]) }
        t.filledSources = sources.count == names.count ? nil : sources
        return t
    }

    /// An instance of `type` (made by `makeType`).
    static func instance(_ type: PyType, _ items: [Value], extras: [Value] = []) -> PyInstance {
        let i = PyInstance(type: type)
        i.native = StructSequenceItems(items)
        // Field `k`'s value: an item, then an extra, None past both.
        func value(_ k: Int) -> Value {
            k < items.count ? items[k] : k - items.count < extras.count ? extras[k - items.count] : .none
        }
        if let shape = type.filledShape {
            // The fields as slots at once: one attribute store per field cost two string hashes each
            // (os.stat_result has 20 fields; pathlib makes one per stat).
            var slots: [Value] = []
            slots.reserveCapacity(shape.names.count)
            if let sources = type.filledSources {
                for k in sources { slots.append(value(k)) }
            } else {
                for k in 0..<shape.names.count { slots.append(value(k)) }
            }
            i.shape = shape
            i.slots = slots
        } else if case .object(let names as PyTuple)? = type.dict["__fieldnames__"] {
            for (k, n) in names.items.enumerated() {
                guard case .object(let s as PyStr) = n else { continue }
                i.setAttribute(s.value, value(k))
            }
        }
        return i
    }

    static func itemsOf(_ v: Value) throws -> [Value] {
        guard case .object(let i as PyInstance) = v, let data = i.native as? StructSequenceItems else {
            throw PyException.make(.typeError, "descriptor requires a struct sequence")
        }
        return data.items
    }
}

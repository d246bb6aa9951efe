import BigInt

/// `x[i]`, `x[i] = v`, `del x[i]` for the builtin containers and user classes (`__getitem__`…).
enum Subscript {
    static func normalize(_ i: Int, _ count: Int, _ what: String) throws -> Int {
        let j = i < 0 ? i + count : i
        if j < 0 || j >= count { throw PyException.make(.indexError, "\(what) index out of range") }
        return j
    }

    static func sliceItems<T>(_ items: [T], _ s: PySlice) throws -> [T] {
        let (start, _, step, count) = try s.indices(length: items.count)
        return sliceItems(items, start: start, step: step, count: count)
    }

    /// `sliceItems` for elements that are `Value`s (lists, tuples): each element's 9 bytes copied with a retain
    /// only for objects (`setCopy`'s hand reference counting) into an array sized once. The generic version's
    /// `Array(items[range])` and `append` went through the value witness per element (a third of fannkuch's
    /// `perm[k::-1]`).
    static func sliceValues(_ items: [Value], start: Int, step: Int, count: Int) -> [Value] {
        if count == 0 { return [] }
        // Filled with None first (specialised; `Array(unsafeUninitializedCapacity:)` went through the runtime's
        // generic metadata lookup on every call), then each None overwritten in place: None owns nothing.
        var out = [Value](repeating: .none, count: count)
        items.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                let from = source.baseAddress!, to = target.baseAddress!
                var i = start
                for k in 0..<count {
                    if case .object = from[i] {
                        _ = Unmanaged<PyObject>.fromOpaque(UnsafeRawPointer(from + i).load(as: UnsafeRawPointer.self)).retain()
                    }
                    UnsafeMutableRawPointer(to + k).copyMemory(from: UnsafeRawPointer(from + i), byteCount: MemoryLayout<Value>.size)
                    i &+= step
                }
            }
        }
        return out
    }

    /// `x + y` (list and tuple concatenation), copied as `sliceValues` copies: `append(contentsOf:)` went through
    /// the value witness per element (~60 instructions each; pyflate's `l[c:c + 1] + l[0:c] + l[c + 1:]`).
    static func concatValues(_ x: [Value], _ y: [Value]) -> [Value] {
        var out = [Value](repeating: .none, count: x.count + y.count)
        out.withUnsafeMutableBufferPointer { target in
            guard let to = target.baseAddress else { return }
            copyValues(x, over: to)
            copyValues(y, over: to + x.count)
        }
        return out
    }

    /// Copies `values` over Nones at `target` (None owns nothing): a retain for each object, then the bytes.
    @inline(__always)
    static func copyValues(_ values: [Value], over target: UnsafeMutablePointer<Value>) {
        values.withUnsafeBufferPointer { source in
            guard let from = source.baseAddress else { return }
            for k in 0..<source.count {
                if case .object = from[k] {
                    _ = Unmanaged<PyObject>.fromOpaque(UnsafeRawPointer(from + k).load(as: UnsafeRawPointer.self)).retain()
                }
            }
            UnsafeMutableRawPointer(target).copyMemory(from: UnsafeRawPointer(from), byteCount: MemoryLayout<Value>.stride * source.count)
        }
    }

    /// The `count` items from `start` by `step` (indices already adjusted).
    static func sliceItems<T>(_ items: [T], start: Int, step: Int, count: Int) -> [T] {
        if step == 1 { return count == 0 ? [] : Array(items[start..<(start + count)]) }
        var out: [T] = []
        out.reserveCapacity(count)
        var i = start
        for _ in 0..<count {
            out.append(items[i])
            i += step
        }
        return out
    }

    @inline(never)
    static func get(_ container: Value, _ key: Value, _ ctx: ExecutionContext) throws -> Value {
        guard case .object(let o) = container else {
            throw PyException.make(.typeError, "'\(typeName(container))' object is not subscriptable")
        }
        if o.tag == .subclassed {
            if let d = SubclassHooks.dictSubclass(o) {
                let hooks = SubclassHooks.of(d.pythonType)
                if hooks & SubclassHooks.getItem == 0 {
                    if let v = try d.get(key) { return v }
                    if hooks & SubclassHooks.missing != 0, let f = SpecialMethods.hook(o, "__missing__") {
                        return try Interpreter.callSpecial(f, container, key, ctx)
                    }
                    throw PyException(keyError(key))
                }
            }
            if let f = SpecialMethods.hook(o, "__getitem__") { return try ctx.call(f, [container, key]) }
        }
        // An instance by tag, before getNative's chain of class casts.
        if o.tag == .instance, let f = unsafeDowncast(o, to: PyInstance.self).type.special(.getitem) {
            return try Interpreter.callSpecial(f, container, key, ctx)
        }
        return try getNative(container, key, ctx)
    }

    /// `x[k]` as the builtin type does it, whatever a subclass defines (`dict.__getitem__(self, k)`).
    static func getNative(_ container: Value, _ key: Value, _ ctx: ExecutionContext) throws -> Value {
        guard case .object(let o) = container else {
            throw PyException.make(.typeError, "'\(typeName(container))' object is not subscriptable")
        }
        // Slices of lists and tuples by tag: no chain of class casts, no `__index__` probe of the slice.
        if case .object(let k) = key, k.tag == .slice {
            let slice = unsafeDowncast(k, to: PySlice.self)
            if o.tag == .list || o.tag == .tuple {
                let items = o.tag == .list ? unsafeDowncast(o, to: PyList.self).items : unsafeDowncast(o, to: PyTuple.self).items
                let (start, _, step, count) = try slice.indices(length: items.count)
                let sliced = sliceValues(items, start: start, step: step, count: count)
                return o.tag == .list ? .object(PyList(sliced)) : .object(PyTuple(sliced))
            }
            if o.tag == .bytes { return .object(PyBytes(try sliceItems(unsafeDowncast(o, to: PyBytes.self).value, slice))) }
        } else if case .int(let i) = key {
            // bytes and array.array items by tag (scimark's `array('d')` loops): no chain of class casts.
            if o.tag == .bytes {
                let b = unsafeDowncast(o, to: PyBytes.self).value
                let j = i < 0 ? i + b.count : i
                guard j >= 0 && j < b.count else { throw PyException.make(.indexError, "index out of range") }
                return .int(Int(b[j]))
            }
            if o.tag == .array { return try unsafeDowncast(o, to: PyArray.self).withItems { $0[try normalize(i, $0.count, "array")] } }
        }
        switch o {
        case let l as PyList:
            if let i = try Index.item(key, ctx) {
                return try l.withItems { items in items[try normalize(i, items.count, "list")] }
            }
            if case .object(let s as PySlice) = key { return .object(PyList(try sliceItems(l.items, s))) }
            throw PyException.make(.typeError, "list indices must be integers or slices, not \(typeName(key))")
        case let t as PyTuple:
            if let i = try Index.item(key, ctx) { return t.items[try normalize(i, t.items.count, "tuple")] }
            if case .object(let s as PySlice) = key { return .object(PyTuple(try sliceItems(t.items, s))) }
            throw PyException.make(.typeError, "tuple indices must be integers or slices, not \(typeName(key))")
        case let d as PyDict:
            if let v = try d.get(key) { return v }
            if case .object(let i as PyInstance) = container, let f = i.type.lookup("__missing__") { return try ctx.call(f, [container, key]) }
            if let f = SpecialMethods.hook(o, "__missing__") { return try ctx.call(f, [container, key]) }
            throw PyException(keyError(key))
        case let s as PyStr:
            if let i = try Index.item(key, ctx) {
                let scalars = s.scalars
                return .object(PyStr.character(scalars[try normalize(i, scalars.count, "string")]))
            }
            if case .object(let sl as PySlice) = key {
                let (start, _, step, count) = try sl.indices(length: s.count)
                return .object(s.sliced(start: start, step: step, count: count))
            }
            throw PyException.make(.typeError, "string indices must be integers, not '\(typeName(key))'")
        case let b as PyBytes:
            if let i = try Index.item(key, ctx) {
                let j = i < 0 ? i + b.value.count : i
                guard j >= 0 && j < b.value.count else { throw PyException.make(.indexError, "index out of range") }
                return .int(Int(b.value[j]))
            }
            if case .object(let sl as PySlice) = key { return .object(PyBytes(try sliceItems(b.value, sl))) }
            throw PyException.make(.typeError, "byte indices must be integers or slices, not \(typeName(key))")
        case let b as PyByteArray:
            if let i = try Index.item(key, ctx) {
                return try b.withBytes { .int(Int($0[try normalize(i, $0.count, "bytearray")])) }
            }
            if case .object(let sl as PySlice) = key { return .object(PyByteArray(try sliceItems(b.value, sl))) }
            throw PyException.make(.typeError, "bytearray indices must be integers or slices, not \(typeName(key))")
        case let a as PyArray:
            if let i = try Index.item(key, ctx) { return try a.withItems { $0[try normalize(i, $0.count, "array")] } }
            if case .object(let sl as PySlice) = key { return .object(PyArray(a.typecode, try sliceItems(a.items, sl))) }
            throw PyException.make(.typeError, "array indices must be integers")
        case let r as PyBigRange:
            if try Index.integer(key, ctx) != nil { return try r.item(try Index.big(key, ctx)) }
        case let r as PyRange:
            if let i = try Index.item(key, ctx) {
                let k = try normalize(i, try r.length(), "range object")
                return .integer(BigInt(r.start) + BigInt(r.step) * BigInt(k))
            }
            if case .object(let sl as PySlice) = key { return .object(try r.slice(sl)) }
            throw PyException.make(.typeError, "range indices must be integers or slices, not \(typeName(key))")
        case let i as PyInstance:
            if let f = i.type.special(.getitem) { return try Interpreter.callSpecial(f, container, key, ctx) }
        case let t as PyType:
            if let f = SpecialMethods.hook(t, "__getitem__") { return try ctx.call(f, [container, key]) }
            // PEP 560: `Box[int]` calls the implicit classmethod `__class_getitem__`.
            if let f = t.lookup("__class_getitem__") {
                if case .object(let w as PyMethodWrapper) = f, w.kind == .classMethod { return try ctx.call(w.function, [container, key]) }
                return try ctx.call(f, [key])
            }
            // PEP 585: `list[int]` is a types.GenericAlias (CPython refuses classes without
            // __class_getitem__; we give them an alias too, which calls and subclasses as the class).
            return TypeAliases.alias(container, key)
        default: break
        }
        throw PyException.make(.typeError, "'\(typeName(container))' object is not subscriptable")
    }

    static func keyError(_ key: Value) -> PyInstance {
        PyException.make(.keyError, args: [key]).value  // args made once (was an empty tuple, then replaced)
    }

    @inline(never)
    static func set(_ container: Value, _ key: Value, _ value: Value, _ ctx: ExecutionContext) throws {
        guard case .object(let o) = container else {
            throw PyException.make(.typeError, "'\(typeName(container))' object does not support item assignment")
        }
        if o.tag == .subclassed {
            if let d = SubclassHooks.dictSubclass(o), SubclassHooks.of(d.pythonType) & SubclassHooks.setItem == 0 {
                return try d.set(key, value)
            }
            if let f = SpecialMethods.hook(o, "__setitem__") {
                _ = try ctx.call(f, [container, key, value])
                return
            }
        }
        try setNative(container, key, value, ctx)
    }

    /// `l[a:b:c] = value` (Objects/listobject.c list_ass_subscript).
    static func assignSlice(_ l: PyList, _ s: PySlice, _ value: Value, _ ctx: ExecutionContext) throws {
        let extended: Bool = switch s.step {
        case .none: false
        case .int(let i): i != 1
        default: true
        }
        try assignSlice(l, s.indices(length:), extended: extended, value, ctx)
    }

    /// `assignSlice` with the bounds adjusted by `indices` (a slice object's, or the VM's inline bounds);
    /// `extended`: the step is not 1 (only the error for a value that is not iterable differs).
    static func assignSlice(
        _ l: PyList, _ indices: (Int) throws -> (start: Int, stop: Int, step: Int, count: Int), extended: Bool, _ value: Value,
        _ ctx: ExecutionContext
    ) throws {
        let newItems = try collect(value, ctx, notIterable: extended ? "must assign iterable to extended slice" : "can only assign an iterable")
        try l.withItems { items in
            let (start, stop, step, count) = try indices(items.count)
            guard step == 1 else {
                // Extended slices replace element by element.
                guard newItems.count == count else {
                    throw PyException.make(.valueError, "attempt to assign sequence of size \(newItems.count) to extended slice of size \(count)")
                }
                for (k, v) in newItems.enumerated() { items[start + k * step] = v }
                return
            }
            let end = max(start, stop)
            if end - start == newItems.count {
                // Same length (`perm[:k + 1] = perm[k::-1]`): element by element, no new buffer.
                items.withUnsafeMutableBufferPointer { target in
                    newItems.withUnsafeBufferPointer { source in
                        let to = target.baseAddress! + start
                        for k in 0..<source.count { to.setCopy(k, from: source.baseAddress! + k) }
                    }
                }
                return
            }
            items.replaceSubrange(start..<end, with: newItems)
        }
    }

    static func setNative(_ container: Value, _ key: Value, _ value: Value, _ ctx: ExecutionContext) throws {
        guard case .object(let o) = container else {
            throw PyException.make(.typeError, "'\(typeName(container))' object does not support item assignment")
        }
        if o.tag == .list, case .object(let k) = key, k.tag == .slice {
            return try assignSlice(unsafeDowncast(o, to: PyList.self), unsafeDowncast(k, to: PySlice.self), value, ctx)
        }
        if o.tag == .array { return try ArrayModule.assign(unsafeDowncast(o, to: PyArray.self), key, value, ctx) }
        switch o {
        case let l as PyList:
            if let i = try Index.item(key, ctx) {
                try l.withItems { items in items[try normalize(i, items.count, "list assignment")] = value }
                return
            }
            if case .object(let s as PySlice) = key { return try assignSlice(l, s, value, ctx) }
            throw PyException.make(.typeError, "list indices must be integers or slices, not \(typeName(key))")
        case let b as PyByteArray:
            try ByteArrayMethods.assign(b, key, value, ctx)
            return
        case let a as PyArray:
            try ArrayModule.assign(a, key, value, ctx)
            return
        case let d as PyDict:
            try d.set(key, value)
            return
        case let i as PyInstance:
            if let f = i.type.special(.setitem) {
                _ = try ctx.call(f, [container, key, value])
                return
            }
        default: break
        }
        throw PyException.make(.typeError, "'\(typeName(container))' object does not support item assignment")
    }

    static func delete(_ container: Value, _ key: Value, _ ctx: ExecutionContext) throws {
        guard case .object(let o) = container else {
            throw PyException.make(.typeError, "'\(typeName(container))' object does not support item deletion")
        }
        if o.tag == .subclassed, let f = SpecialMethods.hook(o, "__delitem__") {
            _ = try ctx.call(f, [container, key])
            return
        }
        try deleteNative(container, key, ctx)
    }

    static func deleteNative(_ container: Value, _ key: Value, _ ctx: ExecutionContext) throws {
        guard case .object(let o) = container else {
            throw PyException.make(.typeError, "'\(typeName(container))' object does not support item deletion")
        }
        switch o {
        case let l as PyList:
            if let i = try Index.item(key, ctx) {
                try l.withItems { items in _ = items.remove(at: try normalize(i, items.count, "list assignment")) }
                return
            }
            if case .object(let s as PySlice) = key {
                try l.withItems { items in
                    let (start, _, step, count) = try s.indices(length: items.count)
                    var drop = Set<Int>()
                    var i = start
                    for _ in 0..<count { drop.insert(i); i += step }
                    items = items.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
                }
                return
            }
            throw PyException.make(.typeError, "list indices must be integers or slices, not \(typeName(key))")
        case let b as PyByteArray:
            try ByteArrayMethods.delete(b, key, ctx)
            return
        case let a as PyArray:
            try ArrayModule.delete(a, key, ctx)
            return
        case let d as PyDict:
            if try d.remove(key) == nil { throw PyException(keyError(key)) }
            return
        case let i as PyInstance:
            if let f = i.type.lookup("__delitem__") {
                _ = try ctx.call(f, [container, key])
                return
            }
        default: break
        }
        throw PyException.make(.typeError, "'\(typeName(container))' object doesn't support item deletion")
    }
}

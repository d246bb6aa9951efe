/// The methods only `bytearray` has: the mutations of Objects/bytearrayobject.c, each atomic under the
/// bytearray's lock.
enum ByteArrayMethods {
    static func install(_ t: PyType) {
        let m = BuiltinMethods.method
        func array(_ a: [Value]) throws -> PyByteArray {
            guard case .object(let b as PyByteArray) = a[0] else { throw PyException.make(.typeError, "descriptor requires a 'bytearray' object") }
            return b
        }
        m(t, "append", 2) { a, _, ctx in
            let byte = try BytesConstructors.byte(a[1], ctx)
            try array(a).withBytes { $0.append(byte) }
            return .none
        }
        m(t, "extend", 2) { a, _, ctx in
            let b = try array(a)
            let more: [UInt8]
            if let raw = BytesLike.bytes(a[1]) { more = raw } else {
                if case .object(let s) = a[1], s.tag == .str { throw PyException.make(.typeError, "expected iterable of integers; got: 'str'") }
                more = try collect(a[1], ctx).map { try BytesConstructors.byte($0, ctx) }
            }
            try AllocationLimit.checkBytes(b.count + more.count, ctx)
            b.withBytes { $0 += more }
            return .none
        }
        m(t, "insert", 3) { a, _, ctx in
            let b = try array(a)
            let i = try Index.value(a[1], ctx)
            let byte = try BytesConstructors.byte(a[2], ctx)
            b.withBytes { bytes in
                var k = i < 0 ? max(i + bytes.count, 0) : i
                k = min(k, bytes.count)
                bytes.insert(byte, at: k)
            }
            return .none
        }
        m(t, "pop", 1) { a, _, ctx in
            let b = try array(a)
            let i = a.count > 1 ? try Index.value(a[1], ctx) : -1
            return try b.withBytes { bytes in
                if bytes.isEmpty { throw PyException.make(.indexError, "pop from empty bytearray") }
                let k = i < 0 ? i + bytes.count : i
                guard k >= 0 && k < bytes.count else { throw PyException.make(.indexError, "pop index out of range") }
                return .int(Int(bytes.remove(at: k)))
            }
        }
        m(t, "remove", 2) { a, _, ctx in
            let b = try array(a)
            let byte = try BytesConstructors.byte(a[1], ctx)
            try b.withBytes { bytes in
                guard let k = bytes.firstIndex(of: byte) else { throw PyException.make(.valueError, "value not found in bytearray") }
                bytes.remove(at: k)
            }
            return .none
        }
        m(t, "clear", 1) { a, _, _ in
            try array(a).withBytes { $0.removeAll() }
            return .none
        }
        m(t, "reverse", 1) { a, _, _ in
            try array(a).withBytes { $0.reverse() }
            return .none
        }
        m(t, "copy", 1) { a, _, _ in .object(PyByteArray(try array(a).value)) }
        m(t, "__alloc__", 1) { a, _, _ in .int(try array(a).count + 1) }
        SequenceDunders.install(t)
    }
}

extension ByteArrayMethods {
    /// `ba[i] = byte`, `ba[a:b] = bytes-like or iterable of ints`, extended slices element by element.
    static func assign(_ b: PyByteArray, _ key: Value, _ value: Value, _ ctx: ExecutionContext) throws {
        if let i = try Index.item(key, ctx) {
            let byte = try BytesConstructors.byte(value, ctx)
            try b.withBytes { $0[try Subscript.normalize(i, $0.count, "bytearray")] = byte }
            return
        }
        guard case .object(let s as PySlice) = key else {
            throw PyException.make(.typeError, "bytearray indices must be integers or slices, not \(typeName(key))")
        }
        let new: [UInt8]
        if let raw = BytesLike.bytes(value) { new = raw } else {
            if case .object(let o) = value, o.tag == .str { throw PyException.make(.typeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)") }
            if case .int = value { throw PyException.make(.typeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)") }
            new = try collect(value, ctx).map { try BytesConstructors.byte($0, ctx) }
        }
        try b.withBytes { bytes in
            let (start, stop, step, count) = try s.indices(length: bytes.count)
            if step == 1 {
                bytes.replaceSubrange(start..<max(start, stop), with: new)
                return
            }
            guard new.count == count else {
                throw PyException.make(.valueError, "attempt to assign bytes of size \(new.count) to extended slice of size \(count)")
            }
            for (k, v) in new.enumerated() { bytes[start + k * step] = v }
        }
    }

    static func delete(_ b: PyByteArray, _ key: Value, _ ctx: ExecutionContext) throws {
        if let i = try Index.item(key, ctx) {
            try b.withBytes { _ = $0.remove(at: try Subscript.normalize(i, $0.count, "bytearray")) }
            return
        }
        guard case .object(let s as PySlice) = key else {
            throw PyException.make(.typeError, "bytearray indices must be integers or slices, not \(typeName(key))")
        }
        try b.withBytes { bytes in
            let (start, _, step, count) = try s.indices(length: bytes.count)
            var drop = Set<Int>()
            var i = start
            for _ in 0..<count {
                drop.insert(i)
                i += step
            }
            bytes = bytes.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
        }
    }
}

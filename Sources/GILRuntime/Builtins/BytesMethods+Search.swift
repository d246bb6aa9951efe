extension BytesMethods {
    static func installSearch(_ t: PyType) {
        let m = BuiltinMethods.method
        for (name, reverse, raises) in [("find", false, false), ("rfind", true, false), ("index", false, true), ("rindex", true, true)] {
            m(t, name, 2) { a, _, ctx in
                let b = try own(a), sub = try needle(a[1], ctx)
                let (start, end) = try range(a, from: 2, count: b.count, ctx)
                if let i = search(b, sub, start, end, reverse: reverse) { return .int(i) }
                if raises { throw PyException.make(.valueError, "subsection not found") }
                return .int(-1)
            }
        }
        m(t, "count", 2) { a, _, ctx in
            let b = try own(a), sub = try needle(a[1], ctx)
            let (start, end) = try range(a, from: 2, count: b.count, ctx)
            if start > end { return .int(0) }
            if sub.isEmpty { return .int(end - start + 1) }
            var n = 0, i = start
            while let k = search(b, sub, i, end) {
                n += 1
                i = k + sub.count
            }
            return .int(n)
        }
        for (name, atEnd) in [("startswith", false), ("endswith", true)] {
            m(t, name, 2) { a, _, ctx in
                let b = try own(a)
                let (start, end) = try range(a, from: 2, count: b.count, ctx)
                var candidates: [[UInt8]] = []
                if case .object(let tuple as PyTuple) = a[1] {
                    for item in tuple.items {
                        guard let p = BytesLike.bytes(item) else {
                            throw PyException.make(.typeError, "a bytes-like object is required, not '\(typeName(item))'")
                        }
                        candidates.append(p)
                    }
                } else if let p = BytesLike.bytes(a[1]) {
                    candidates = [p]
                } else {
                    throw PyException.make(.typeError, "\(name) first arg must be bytes or a tuple of bytes, not \(typeName(a[1]))")
                }
                for p in candidates where start <= end && end - start >= p.count {
                    let from = atEnd ? end - p.count : start
                    if b[from..<from + p.count].elementsEqual(p) { return .bool(true) }
                }
                return .bool(false)
            }
        }
        m(t, "join", 2) { a, _, ctx in
            let sep = try own(a)
            var out: [UInt8] = []
            for (k, item) in try collect(a[1], ctx).enumerated() {
                guard let piece = BytesLike.bytes(item) else {
                    throw PyException.make(.typeError, "sequence item \(k): expected a bytes-like object, \(typeName(item)) found")
                }
                if k > 0 { out += sep }
                out += piece
                try AllocationLimit.checkBytes(out.count, ctx)
            }
            return BytesLike.make(out, like: a[0])
        }
        m(t, "replace", 3) { a, _, ctx in
            let b = try own(a), old = try BytesLike.required(a[1]), new = try BytesLike.required(a[2])
            var limit = a.count > 3 ? try Index.value(a[3], ctx) : -1
            if limit < 0 { limit = Int.max }
            var out: [UInt8] = []
            var i = 0, done = 0
            if old.isEmpty {
                // An empty pattern matches before every byte and at the end.
                while done < limit {
                    out += new
                    done += 1
                    if i == b.count { break }
                    out.append(b[i])
                    i += 1
                    try AllocationLimit.checkBytes(out.count, ctx)
                }
                out += b[i...]
                return BytesLike.make(out, like: a[0])
            }
            while done < limit, let k = search(b, old, i, b.count) {
                out += b[i..<k]
                out += new
                i = k + old.count
                done += 1
                try AllocationLimit.checkBytes(out.count, ctx)
            }
            out += b[i...]
            return BytesLike.make(out, like: a[0])
        }
        m(t, "removeprefix", 2) { a, _, _ in
            let b = try own(a), p = try BytesLike.required(a[1])
            return BytesLike.make(b.starts(with: p) ? Array(b[p.count...]) : b, like: a[0])
        }
        m(t, "removesuffix", 2) { a, _, _ in
            let b = try own(a), p = try BytesLike.required(a[1])
            let has = !p.isEmpty && b.count >= p.count && b[(b.count - p.count)...].elementsEqual(p)
            return BytesLike.make(has ? Array(b[..<(b.count - p.count)]) : b, like: a[0])
        }
    }
}

extension BytesMethods {
    static func installTransforms(_ t: PyType) {
        let m = BuiltinMethods.method
        let maps: [(String, (UInt8) -> UInt8)] = [
            ("upper", upper), ("lower", lower), ("swapcase", { isUpper($0) ? lower($0) : upper($0) }),
        ]
        for (name, map) in maps {
            m(t, name, 1) { a, _, _ in BytesLike.make(try own(a).map(map), like: a[0]) }
        }
        m(t, "capitalize", 1) { a, _, _ in
            let b = try own(a)
            return BytesLike.make(b.enumerated().map { $0.offset == 0 ? upper($0.element) : lower($0.element) }, like: a[0])
        }
        m(t, "title", 1) { a, _, _ in
            var previousCased = false
            let out = try own(a).map { c -> UInt8 in
                let r = previousCased ? lower(c) : upper(c)
                previousCased = isAlpha(c)
                return r
            }
            return BytesLike.make(out, like: a[0])
        }
        for (name, leading, trailing) in [("strip", true, true), ("lstrip", true, false), ("rstrip", false, true)] {
            m(t, name, 1) { a, _, _ in
                let b = try own(a)
                let chars: [UInt8]? = a.count > 1 && !a[1].isNone ? try BytesLike.required(a[1]) : nil
                let strip: (UInt8) -> Bool = chars.map { set in { set.contains($0) } } ?? isSpace
                var lo = 0, hi = b.count
                if leading { while lo < hi, strip(b[lo]) { lo += 1 } }
                if trailing { while hi > lo, strip(b[hi - 1]) { hi -= 1 } }
                return BytesLike.make(Array(b[lo..<hi]), like: a[0])
            }
        }
        for name in ["center", "ljust", "rjust"] {
            m(t, name, 2) { a, _, ctx in
                let b = try own(a)
                let width = try Index.value(a[1], ctx)
                var fill: UInt8 = 32
                if a.count > 2 {
                    guard let f = BytesLike.bytes(a[2]), f.count == 1 else {
                        throw PyException.make(.typeError, "\(name)() argument 2 must be a byte string of length 1, not \(typeName(a[2]))")
                    }
                    fill = f[0]
                }
                guard width > b.count else { return BytesLike.make(b, like: a[0]) }
                try AllocationLimit.checkBytes(width, ctx)
                let pad = width - b.count
                let left = name == "ljust" ? 0 : name == "rjust" ? pad : pad / 2 + (pad & width & 1)
                let out = [UInt8](repeating: fill, count: left) + b + [UInt8](repeating: fill, count: pad - left)
                return BytesLike.make(out, like: a[0])
            }
        }
        m(t, "zfill", 2) { a, _, ctx in
            var b = try own(a)
            let width = try Index.value(a[1], ctx)
            guard width > b.count else { return BytesLike.make(b, like: a[0]) }
            try AllocationLimit.checkBytes(width, ctx)
            let sign = b.first.map { $0 == 43 || $0 == 45 } ?? false
            b.insert(contentsOf: [UInt8](repeating: 48, count: width - b.count), at: sign ? 1 : 0)
            return BytesLike.make(b, like: a[0])
        }
        m(t, "expandtabs", 1) { a, kw, ctx in
            let size = try Index.cInt(a.count > 1 ? a[1] : kw.first { $0.0 == "tabsize" }?.1 ?? .int(8), ctx)
            var out: [UInt8] = []
            var column = 0
            for c in try own(a) {
                if c == 9 {
                    let n = size > 0 ? size - column % size : 0
                    try AllocationLimit.checkBytes(out.count + n, ctx)
                    out += [UInt8](repeating: 32, count: n)
                    column += n
                } else {
                    out.append(c)
                    column = c == 10 || c == 13 ? 0 : column + 1
                }
            }
            return BytesLike.make(out, like: a[0])
        }
        m(t, "translate", 2) { a, kw, _ in
            let b = try own(a)
            var table: [UInt8]?
            if !a[1].isNone {
                let t = try BytesLike.required(a[1])
                guard t.count == 256 else { throw PyException.make(.valueError, "translation table must be 256 characters long") }
                table = t
            }
            let deleteValue = a.count > 2 ? a[2] : kw.first { $0.0 == "delete" }?.1
            let delete = Set(try deleteValue.map { try BytesLike.required($0) } ?? [])
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            for c in b where !delete.contains(c) { out.append(table.map { $0[Int(c)] } ?? c) }
            return BytesLike.make(out, like: a[0])
        }
    }
}

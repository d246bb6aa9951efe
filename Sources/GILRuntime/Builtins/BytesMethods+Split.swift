extension BytesMethods {
    static func installSplitting(_ t: PyType) {
        let m = BuiltinMethods.method
        for (name, reverse) in [("split", false), ("rsplit", true)] {
            m(t, name, 1) { a, kw, ctx in
                let args = try Arguments(a.dropFirst(), kw, names: ["sep", "maxsplit"], function: name)
                let b = try own(a)
                var limit = try args.value(1).map { try Index.value($0, ctx) } ?? -1
                if limit < 0 { limit = Int.max }
                let pieces: [ArraySlice<UInt8>]
                if let sepValue = args.value(0), !sepValue.isNone {
                    let sep = try BytesLike.required(sepValue)
                    if sep.isEmpty { throw PyException.make(.valueError, "empty separator") }
                    pieces = splitOn(b, sep, limit, reverse: reverse)
                } else {
                    pieces = splitWhitespace(b, limit, reverse: reverse)
                }
                return .object(PyList(pieces.map { BytesLike.make(Array($0), like: a[0]) }))
            }
        }
        m(t, "splitlines", 1) { a, kw, ctx in
            let args = try Arguments(a.dropFirst(), kw, names: ["keepends"], function: "splitlines")
            let keep = try args.value(0).map { try truthy($0, ctx) } ?? false
            let b = try own(a)
            var out: [Value] = []
            var start = 0, i = 0
            while i < b.count {
                var eol = 0
                if b[i] == 10 { eol = 1 } else if b[i] == 13 { eol = i + 1 < b.count && b[i + 1] == 10 ? 2 : 1 }
                if eol == 0 {
                    i += 1
                    continue
                }
                out.append(BytesLike.make(Array(b[start..<(keep ? i + eol : i)]), like: a[0]))
                i += eol
                start = i
            }
            if start < b.count { out.append(BytesLike.make(Array(b[start...]), like: a[0])) }
            return .object(PyList(out))
        }
        for (name, reverse) in [("partition", false), ("rpartition", true)] {
            m(t, name, 2) { a, _, _ in
                let b = try own(a), sep = try BytesLike.required(a[1])
                if sep.isEmpty { throw PyException.make(.valueError, "empty separator") }
                let empty = BytesLike.make([], like: a[0])
                guard let k = search(b, sep, 0, b.count, reverse: reverse) else {
                    let whole = BytesLike.make(b, like: a[0])
                    return .object(PyTuple(reverse ? [empty, BytesLike.make([], like: a[0]), whole] : [whole, empty, BytesLike.make([], like: a[0])]))
                }
                return .object(PyTuple([BytesLike.make(Array(b[..<k]), like: a[0]), BytesLike.make(sep, like: a[0]),
                                        BytesLike.make(Array(b[(k + sep.count)...]), like: a[0])]))
            }
        }
    }

    static func splitOn(_ b: [UInt8], _ sep: [UInt8], _ limit: Int, reverse: Bool) -> [ArraySlice<UInt8>] {
        var pieces: [ArraySlice<UInt8>] = []
        if reverse {
            var end = b.count
            while pieces.count < limit, let k = search(b, sep, 0, end, reverse: true) {
                pieces.append(b[(k + sep.count)..<end])
                end = k
            }
            pieces.append(b[..<end])
            return pieces.reversed()
        }
        var start = 0
        while pieces.count < limit, let k = search(b, sep, start, b.count) {
            pieces.append(b[start..<k])
            start = k + sep.count
        }
        pieces.append(b[start...])
        return pieces
    }

    static func splitWhitespace(_ b: [UInt8], _ limit: Int, reverse: Bool) -> [ArraySlice<UInt8>] {
        var pieces: [ArraySlice<UInt8>] = []
        if reverse {
            var i = b.count
            while i > 0 {
                while i > 0, isSpace(b[i - 1]) { i -= 1 }
                if i == 0 { break }
                if pieces.count == limit {
                    pieces.append(b[..<i])
                    break
                }
                var j = i
                while j > 0, !isSpace(b[j - 1]) { j -= 1 }
                pieces.append(b[j..<i])
                i = j
            }
            return pieces.reversed()
        }
        var i = 0
        while i < b.count {
            while i < b.count, isSpace(b[i]) { i += 1 }
            if i == b.count { break }
            if pieces.count == limit {
                pieces.append(b[i...])
                break
            }
            var j = i
            while j < b.count, !isSpace(b[j]) { j += 1 }
            pieces.append(b[i..<j])
            i = j
        }
        return pieces
    }
}

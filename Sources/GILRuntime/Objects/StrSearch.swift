/// Substring search on UTF-8 bytes for str methods. CPython compares code points literally
/// (Objects/stringlib/fastsearch.h); Foundation's `range(of:)` bridges to NSString and matches canonical
/// equivalents, which is both slower (~13 % of a string-building loop) and not Python's answer. A match of
/// a valid UTF-8 needle in valid UTF-8 text always starts on a code point boundary, so bytes suffice.
enum StrSearch {
    /// `s.split(sep, maxsplit)` for a non-empty `sep` (maxsplit < 0: no limit), as the list's values: the
    /// parts of an ASCII string carry their length (no rescan for `len`).
    static func split(_ str: PyStr, _ sep: String, maxsplit: Int) -> [Value] {
        var text = str.value
        var needle = sep
        let ascii = str.isASCII
        return text.withUTF8 { h in
            needle.withUTF8 { n in
                var parts: [Value] = []
                // One pass to count the separators, so the parts array is allocated once.
                var expected = 1
                if n.count > 0 && h.count >= n.count {
                    var j = 0
                    while j <= h.count - n.count {
                        if matches(h, at: j, n) { expected += 1; j += n.count } else { j += 1 }
                    }
                }
                parts.reserveCapacity(maxsplit < 0 ? expected : min(expected, maxsplit + 1))
                func part(_ from: Int, _ to: Int) {
                    if ascii && to - from == 1 {
                        parts.append(.object(PyStr.character(Unicode.Scalar(h[from]))))
                        return
                    }
                    let s = String(decoding: UnsafeBufferPointer(rebasing: h[from..<to]), as: UTF8.self)
                    parts.append(.object(ascii ? PyStr(ascii: s) : PyStr(s)))
                }
                var start = 0
                var i = 0
                let last = h.count - n.count
                while i <= last && (maxsplit < 0 || parts.count < maxsplit) {
                    if matches(h, at: i, n) {
                        part(start, i)
                        i += n.count
                        start = i
                    } else {
                        i += 1
                    }
                }
                part(start, h.count)
                return parts
            }
        }
    }

    /// `sub in s`: a byte search (code points compared literally, not by canonical equivalence).
    static func contains(_ s: String, _ sub: String) -> Bool {
        var text = s
        var needle = sub
        return text.withUTF8 { h in
            needle.withUTF8 { n in
                guard n.count > 0 else { return true }
                guard h.count >= n.count else { return false }
                for i in 0...(h.count - n.count) where matches(h, at: i, n) { return true }
                return false
            }
        }
    }

    @inline(__always)
    private static func matches(_ h: UnsafeBufferPointer<UInt8>, at i: Int, _ n: UnsafeBufferPointer<UInt8>) -> Bool {
        guard h[i] == n[0] else { return false }
        var k = 1
        while k < n.count {
            if h[i + k] != n[k] { return false }
            k += 1
        }
        return true
    }
}

/// `s[start:stop:step]` for str, over UTF-8 bytes rather than code points.
///
/// The general path built the code point array (`scalars`) and appended the chosen scalars to a
/// `String.UnicodeScalarView` one by one: ~130 instructions per character, so argparse, which slices its
/// 2,000-character `'OAOA…'` pattern string once per consumed argument, spent 28 % of its run there. An ASCII
/// string's code point indices are byte offsets (CPython's compact ASCII case: one `memcpy`); others are walked
/// once to the first byte and the selected code points' bytes copied whole.
extension PyStr {
    /// The slice whose bounds `PySlice.adjust` already normalised (`count` code points from `start`, `step` apart).
    func sliced(start: Int, step: Int, count: Int) -> PyStr {
        if count == 0 { return PyStr(ascii: "") }
        if start == 0, step == 1, count == self.count, tag == .str { return self }  // s[:] is s, as in CPython
        var text = value
        let ascii = isASCII
        if count == 1 {  // what s[i] gives: an ASCII character is the shared object (s[0:1] is s[0])
            return PyStr.character(ascii ? text.withUTF8 { Unicode.Scalar($0[start]) } : scalars[start])
        }
        let result = text.withUTF8 { bytes -> String in
            if ascii { return Self.asciiSlice(bytes, start: start, step: step, count: count) }
            return Self.utf8Slice(bytes, start: start, step: step, count: count)
        }
        return ascii ? PyStr(ascii: result) : PyStr(result, count: count)
    }

    private static func asciiSlice(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, step: Int, count: Int) -> String {
        if step == 1 { return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(start + count)]), as: UTF8.self) }
        return String(unsafeUninitializedCapacity: count) { out in
            var i = start
            for k in 0..<count {
                out[k] = bytes[i]
                i &+= step
            }
            return count
        }
    }

    /// Code points of valid UTF-8: each starts at a byte that is not a continuation byte (`10xxxxxx`).
    private static func utf8Slice(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, step: Int, count: Int) -> String {
        // Byte offset where each code point starts, as far as the one after the slice's last; then the end of
        // the text, so `starts[i + 1]` is where code point `i` ends.
        var starts: [Int] = []
        let last = step > 0 ? start + (count - 1) * step : start
        starts.reserveCapacity(last + 3)
        for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
            if starts.count > last + 1 { break }
            starts.append(offset)
        }
        starts.append(bytes.count)
        @inline(__always) func end(_ index: Int) -> Int { starts[index + 1] }
        if step == 1 {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[starts[start]..<end(start + count - 1)]), as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(count * 2)
        var i = start
        for _ in 0..<count {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[starts[i]..<end(i)]))
            i &+= step
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// `s[start:stop:step]` for str without a code point walk per character.
///
/// The general path built the code point array (`scalars`) and appended the chosen scalars to a
/// `String.UnicodeScalarView` one by one: ~130 instructions per character, so argparse, which slices its
/// 2,000-character `'OAOA…'` pattern string once per consumed argument, spent 28 % of its run there. An ASCII
/// string's code point indices are byte offsets (CPython's compact ASCII case: one `memcpy`); other text is cut
/// from its code point array (built once per string and kept) by `StrBuild.fromScalars`.
extension PyStr {
    /// The slice whose bounds `PySlice.adjust` already normalised (`count` code points from `start`, `step` apart).
    func sliced(start: Int, step: Int, count: Int) -> PyStr {
        if count == 0 { return PyStr(ascii: "") }
        if start == 0, step == 1, count == self.count, tag == .str { return self }  // s[:] is s, as in CPython
        guard isASCII else {
            let scalars = self.scalars
            if count == 1 { return PyStr.character(scalars[start]) }
            if step == 1 { return StrBuild.fromScalars(scalars[start..<(start + count)]) }
            return StrBuild.fromScalars(Subscript.sliceItems(scalars, start: start, step: step, count: count))
        }
        var text = value
        return text.withUTF8 { bytes in
            // One character is the shared object s[i] gives (s[0:1] is s[0]).
            if count == 1 { return PyStr.character(Unicode.Scalar(bytes[start])) }
            return PyStr(ascii: Self.asciiSlice(bytes, start: start, step: step, count: count))
        }
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
}

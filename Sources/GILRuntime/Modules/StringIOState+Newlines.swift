extension StringIOState {
    /// A write's newline handling on its UTF-8 (`\r` and `\n` are single bytes there): records the endings
    /// a universal-newline stream sees, and answers the translated bytes with the change in code points, or
    /// nil when the text goes in as it is. stringio.c runs an IncrementalNewlineDecoder (final=True on every
    /// write, so a `\r` ending one write and a `\n` starting the next are two endings) for `newline=None`
    /// and `""`, and `str.replace("\n", newline)` for `"\r"` and `"\r\n"`.
    func translate(_ text: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], delta: Int)? {
        let lf: UInt8 = 10, cr: UInt8 = 13
        switch newline {
        case .fixed(let ending):
            guard ending != "\n", text.contains(lf) else { return nil }
            let replacement: [UInt8] = ending == "\r" ? [cr] : [cr, lf]
            var out: [UInt8] = []
            out.reserveCapacity(text.count + text.count / 8)
            var delta = 0
            for b in text {
                if b == lf {
                    out.append(contentsOf: replacement)
                    delta += replacement.count - 1
                } else {
                    out.append(b)
                }
            }
            return (out, delta)
        case .universal, .translated:
            let translating = newline == .translated
            guard text.contains(where: { $0 == cr || (seen & Self.seenLF == 0 && $0 == lf) }) else { return nil }
            var out: [UInt8] = []
            if translating { out.reserveCapacity(text.count) }
            var delta = 0
            var i = 0
            while i < text.count {
                let b = text[i]
                if b == lf {
                    seen |= Self.seenLF
                } else if b == cr {
                    if i + 1 < text.count && text[i + 1] == lf {
                        seen |= Self.seenCRLF
                        if translating {
                            out.append(lf)
                            delta -= 1
                            i += 2
                            continue
                        }
                    } else {
                        seen |= Self.seenCR
                    }
                    if translating {
                        out.append(lf)
                        i += 1
                        continue
                    }
                }
                if translating { out.append(b) }
                i += 1
            }
            return translating ? (out, delta) : nil
        }
    }
}

/// What a native `StringIO` holds (Modules/_io/stringio.c's `stringio` struct), touched only under the
/// instance's lock, so each method is one atomic step under the free-threaded policy too.
///
/// Like CPython it has two states. While every write lands at the end (building a log, `pprint.pformat`)
/// it *accumulates*: the value is one UTF-8 buffer that a write extends by one copy of the str's bytes
/// (stringio.c's `_PyUnicodeWriter`), and `getvalue` validates it once into a str. The first operation that
/// needs random access by code point (a read, a readline, a write before the end, a shrinking truncate)
/// *realizes* it into a code point array (stringio.c's UCS4 buffer), where positions are indices.
final class StringIOState: PlainNativeState, @unchecked Sendable {
    /// `newline=` of the constructor: which line endings reads split at and writes translate.
    enum Newline: Equatable {
        /// None: universal newlines, `\r\n` and `\r` become `\n` on write (an IncrementalNewlineDecoder
        /// with translate=True).
        case translated
        /// "": universal newlines on read, nothing translated (the decoder only records what it saw).
        case universal
        /// "\n", "\r" or "\r\n": reads split at exactly this ending; "\r" and "\r\n" replace `\n` on write.
        case fixed(String)
    }

    /// Set by `__init__` (a subclass that never calls it gets CPython's "uninitialized object" errors).
    var initialized = false
    var closed = false
    var newline = Newline.fixed("\n")
    /// Which endings a universal-newline stream has seen (the decoder's `seennl`: CR 1, LF 2, CRLF 4).
    var seen: UInt8 = 0
    /// The value's length in code points, and the stream position (past the end after an overseek).
    var count = 0
    var position = 0
    /// Accumulating: the whole value as UTF-8. Empty once realized.
    var utf8: [UInt8] = []
    /// Realized: the value's code points. Nil while accumulating.
    var scalars: [Unicode.Scalar]?

    static let seenCR: UInt8 = 1, seenLF: UInt8 = 2, seenCRLF: UInt8 = 4

    /// `__init__`: a fresh stream holding `initial` (translated like a write), positioned at 0.
    func reset(newline: Newline, initial: PyStr?) {
        self.newline = newline
        seen = 0
        count = 0
        position = 0
        utf8 = []
        scalars = nil
        closed = false
        initialized = true
        if let initial, initial.count > 0 {
            write(initial)
            position = 0
        }
    }

    /// The value of a pickled stream, as it was (its newlines were translated when first written).
    func restore(_ value: PyStr) {
        utf8 = Array(value.value.utf8)
        scalars = nil
        count = value.count
        position = 0
    }

    /// Drops the buffer (`close`), as CPython frees it.
    func release() {
        closed = true
        utf8 = []
        scalars = nil
        count = 0
    }

    /// Writes `s` at the position (newline-translated) and moves past it; CPython's `write_str`.
    func write(_ s: PyStr) {
        if case .fixed("\n") = newline {
            append(s.value.utf8, count: s.count)
        } else {
            var text = s.value
            if let (bytes, delta) = text.withUTF8({ translate($0) }) {
                append(bytes, count: s.count + delta)
            } else {
                append(s.value.utf8, count: s.count)
            }
        }
    }

    /// Writes UTF-8 `bytes` of `n` code points: an append while accumulating at the end, else into the
    /// realized array (padding an overseek with NULs, overwriting what lies under the position).
    private func append<C: Collection>(_ bytes: C, count n: Int) where C.Element == UInt8 {
        if n == 0 { return }
        if scalars == nil {
            if position == count {
                let copied = bytes.withContiguousStorageIfAvailable { utf8.append(contentsOf: $0) }
                if copied == nil { utf8.append(contentsOf: bytes) }
                count += n
                position = count
                return
            }
            realize()
        }
        var decoded: [Unicode.Scalar] = []
        decoded.reserveCapacity(n)
        var it = bytes.makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let c) = decoder.decode(&it) { decoded.append(c) }
        let at = position
        if at > count { scalars!.append(contentsOf: repeatElement(Unicode.Scalar(0), count: at - count)) }
        let overlap = min(scalars!.count, at + decoded.count) - at
        scalars!.replaceSubrange(at..<(at + overlap), with: decoded)
        count = scalars!.count
        position = at + decoded.count
    }

    /// Switches to the code point array (CPython's `realize`).
    func realize() {
        guard scalars == nil else { return }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(count)
        var it = utf8.makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let c) = decoder.decode(&it) { out.append(c) }
        scalars = out
        utf8 = []
    }

    /// The whole value as a str (`getvalue`): no realizing while accumulating.
    func value() -> PyStr {
        if let scalars { return StrBuild.fromScalars(scalars[...]) }
        let s = String(decoding: utf8, as: UTF8.self)
        return count == utf8.count ? PyStr(ascii: s) : PyStr(s, count: count)
    }

    /// `read(size)`: up to `size` code points (all when nil) from the position.
    func read(_ size: Int?) -> PyStr {
        let available = max(0, count - position)
        let n = size.map { min($0, available) } ?? available
        if scalars == nil && position == 0 && n == count {  // stringio.c: `seek(0); read()` keeps accumulating
            position = count
            return value()
        }
        realize()
        if n == 0 { return PyStr(ascii: "") }
        let start = position
        position += n
        return StrBuild.fromScalars(scalars![start..<(start + n)])
    }

    /// `readline(limit)`: up to and including the next line ending of the newline mode, at most `limit`
    /// code points; "" at or past the end.
    func readLine(_ limit: Int?) -> PyStr {
        realize()
        guard position < count, let all = scalars else { return PyStr(ascii: "") }
        let end = limit.map { min(count, position + $0) } ?? count
        let line = Self.lineLength(all[position..<end], newline)
        let start = position
        position += line
        return StrBuild.fromScalars(all[start..<(start + line)])
    }

    /// `truncate(size)`: shrinks the value to `size` code points (never grows it; the position stays).
    func truncate(_ size: Int) {
        guard size < count else { return }
        if size == 0 {  // emptied: back to accumulating, as a new stream would be
            utf8 = []
            scalars = nil
            count = 0
            return
        }
        realize()
        scalars!.removeSubrange(size...)
        count = size
    }

    /// The decoder's `newlines`: None, one ending, or a tuple of those seen (only for universal modes).
    var newlines: Value {
        switch newline {
        case .fixed: return .none
        case .translated, .universal: break
        }
        let names = [(Self.seenCR, "\r"), (Self.seenLF, "\n"), (Self.seenCRLF, "\r\n")].filter { seen & $0.0 != 0 }
        if names.isEmpty { return .none }
        if names.count == 1 { return .object(PyStr(names[0].1)) }
        return .object(PyTuple(names.map { .object(PyStr($0.1)) }))
    }

    /// How many code points of `text` make its first line: through the first ending of the mode (a `\r\n`
    /// pair counts as one ending in universal mode), or all of it (`_PyIO_find_line_ending`).
    private static func lineLength(_ text: ArraySlice<Unicode.Scalar>, _ newline: Newline) -> Int {
        let lf = Unicode.Scalar(10), cr = Unicode.Scalar(13)
        var i = text.startIndex
        switch newline {
        case .translated, .fixed("\n"):
            while i < text.endIndex { if text[i] == lf { return i + 1 - text.startIndex }; i += 1 }
        case .universal:
            while i < text.endIndex {
                if text[i] == lf { return i + 1 - text.startIndex }
                if text[i] == cr {
                    if i + 1 < text.endIndex && text[i + 1] == lf { return i + 2 - text.startIndex }
                    return i + 1 - text.startIndex
                }
                i += 1
            }
        case .fixed(let ending):
            let e = Array(ending.unicodeScalars)
            while i + e.count <= text.endIndex {
                if text[i] == e[0] && (e.count == 1 || text[i + 1] == e[1]) { return i + e.count - text.startIndex }
                i += 1
            }
        }
        return text.count
    }
}

import PythonSyntax

/// `re.sub` replacement templates (`\1`, `\g<name>`, escapes) and the strings made from slices of a subject.
extension ReModule {
    enum TemplatePart {
        case text(String)
        case group(Int)
    }

    /// `\1`, `\g<1>`, `\g<name>`, and the string escapes (`\n`, `\\`, …) of a replacement string.
    static func parseTemplate(_ t: [Unicode.Scalar], _ c: Compiled) throws -> [TemplatePart] {
        var parts: [TemplatePart] = []
        var text = String.UnicodeScalarView()
        func flush() {
            if !text.isEmpty { parts.append(.text(String(text))) }
            text = String.UnicodeScalarView()
        }
        var i = 0
        while i < t.count {
            let ch = t[i]
            guard ch == "\\", i + 1 < t.count else {
                text.append(ch)
                i += 1
                continue
            }
            let start = i
            let e = t[i + 1]
            i += 2
            switch e {
            case "g":
                guard i < t.count, t[i] == "<", let close = t[i...].firstIndex(of: ">") else {
                    throw regexError("missing <", pattern: nil, position: start + 2)
                }
                let name = String(String.UnicodeScalarView(t[(i + 1)..<close]))
                let group: Int
                if let n = Int(name) {
                    guard n <= c.groups else { throw regexError("invalid group reference \(n)", pattern: nil, position: start + 3) }
                    group = n
                } else if let n = c.names[name] {
                    group = n
                } else {
                    throw PyException.make(.indexError, "unknown group name '\(name)'")
                }
                flush()
                parts.append(.group(group))
                i = close + 1
            case "0"..."9":
                var n = Int(e.value - 0x30)
                if e != "0", i < t.count, (0x30...0x39).contains(t[i].value) {
                    n = n * 10 + Int(t[i].value - 0x30)
                    i += 1
                }
                if e == "0" {
                    text.append(Unicode.Scalar(0))
                    continue
                }
                guard n <= c.groups else { throw regexError("invalid group reference \(n)", pattern: nil, position: start + 1) }
                flush()
                parts.append(.group(n))
            case "\\": text.append("\\")
            default:
                if let control = ControlEscape.character(e) {
                    text.append(control)
                    continue
                }
                if e.isASCII && e.properties.isAlphabetic { throw regexError("bad escape \\\(e)", pattern: nil, position: start) }
                text.append("\\")
                text.append(e)
            }
        }
        flush()
        return parts
    }

    static func expand(_ template: [TemplatePart], _ st: MatchState) -> String {
        var out = ""
        for part in template {
            switch part {
            case .text(let s): out += s
            case .group(let g):
                switch st.text(g) {
                case .object(let s as PyStr): out += s.value
                case .object(let b as PyBytes): out.unicodeScalars.append(contentsOf: b.value.map { Unicode.Scalar($0) })
                default: break
                }
            }
        }
        return out
    }
}

/// Strings from slices of a subject's code points: UTF-8 written by hand (one byte per ASCII code point) and
/// decoded once — `String.UnicodeScalarView.append(contentsOf:)` over a slice took ~800 instructions per call.
enum ScalarText {
    static func appendUTF8(_ scalars: ArraySlice<Unicode.Scalar>, to out: inout [UInt8]) {
        let size = utf8Count(scalars)
        guard size > 0 else { return }
        // Geometric growth: an exact `reserveCapacity` per call reallocated the whole output once per match of
        // a `sub` (quadratic in the number of matches).
        let start = out.count
        if start + size > out.capacity { out.reserveCapacity(Swift.max(start + size, 2 * out.capacity)) }
        // One resize, then the bytes written through a pointer (`append` per byte checked capacity and
        // uniqueness: 44 % of a `sub` was there).
        out.append(contentsOf: repeatElement(0, count: size))
        out.withUnsafeMutableBufferPointer { dst in encodeUTF8(scalars, into: dst.baseAddress! + start) }
    }

    /// The UTF-8 length of some code points.
    @inline(__always)
    static func utf8Count(_ scalars: ArraySlice<Unicode.Scalar>) -> Int {
        scalars.withUnsafeBufferPointer { src in
            var n = src.count
            for c in src where c.value >= 0x80 { n += c.value < 0x800 ? 1 : c.value < 0x10000 ? 2 : 3 }
            return n
        }
    }

    /// Writes the UTF-8 of `scalars` (exactly `utf8Count(scalars)` bytes) at `dst`.
    @inline(__always)
    static func encodeUTF8(_ scalars: ArraySlice<Unicode.Scalar>, into dst: UnsafeMutablePointer<UInt8>) {
        scalars.withUnsafeBufferPointer { src in
            var k = 0
            for c in src {
                let v = c.value
                if v < 0x80 {
                    dst[k] = UInt8(truncatingIfNeeded: v)
                    k &+= 1
                } else {
                    UTF8.encode(c) { b in
                        dst[k] = b
                        k &+= 1
                    }
                }
            }
        }
    }

    /// The code points of a bytes subject (all below 256) as the bytes they stand for.
    static func appendLatin1(_ scalars: ArraySlice<Unicode.Scalar>, to out: inout [UInt8]) {
        let n = scalars.count
        guard n > 0 else { return }
        let start = out.count
        if start + n > out.capacity { out.reserveCapacity(Swift.max(start + n, 2 * out.capacity)) }
        // One resize, then a plain loop over both buffers (`append` per byte checked capacity and uniqueness).
        out.append(contentsOf: repeatElement(0, count: n))
        scalars.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for k in 0..<n { dst[start + k] = UInt8(truncatingIfNeeded: src[k].value) }
            }
        }
    }

    /// A bytes subject as the matcher's code points (Latin-1).
    static func latin1Scalars(_ bytes: [UInt8]) -> [Unicode.Scalar] {
        [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { out, n in
            bytes.withUnsafeBufferPointer { src in
                for k in 0..<src.count { (out.baseAddress! + k).initialize(to: Unicode.Scalar(src[k])) }
            }
            n = bytes.count
        }
    }

    /// The code points as a String, encoded straight into its storage.
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        let size = utf8Count(scalars)
        guard size > 0 else { return "" }
        return String(unsafeUninitializedCapacity: size) { dst in
            encodeUTF8(scalars, into: dst.baseAddress!)
            return size
        }
    }
}

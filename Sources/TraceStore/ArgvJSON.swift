import GILTrace

/// `runs.argv` is a JSON array of strings. Encoded and decoded by hand: the store has no Foundation
/// dependency, and only arrays of strings ever occur.
enum ArgvJSON {
    static func encode(_ argv: [String]) -> String {
        "[" + argv.map(JSONText.quoted).joined(separator: ",") + "]"
    }

    /// Decodes an array of strings; anything else yields nil.
    static func decode(_ json: String) -> [String]? {
        var scalars = Array(json.unicodeScalars)[...]
        func skipSpace() { while let c = scalars.first, c == " " || c == "\n" || c == "\t" || c == "\r" { scalars.removeFirst() } }
        func expect(_ c: Unicode.Scalar) -> Bool {
            skipSpace()
            guard scalars.first == c else { return false }
            scalars.removeFirst()
            return true
        }
        func string() -> String? {
            guard expect("\"") else { return nil }
            var out = String.UnicodeScalarView()
            while let c = scalars.popFirst() {
                switch c {
                case "\"": return String(out)
                case "\\":
                    guard let e = scalars.popFirst() else { return nil }
                    switch e {
                    case "n": out.append("\n")
                    case "r": out.append("\r")
                    case "t": out.append("\t")
                    case "b": out.append("\u{8}")
                    case "f": out.append("\u{c}")
                    case "u":
                        guard scalars.count >= 4,
                              let v = UInt32(String(String.UnicodeScalarView(scalars.prefix(4))), radix: 16),
                              let u = Unicode.Scalar(v) else { return nil }
                        scalars.removeFirst(4)
                        out.append(u)
                    default: out.append(e)
                    }
                default: out.append(c)
                }
            }
            return nil
        }
        guard expect("[") else { return nil }
        var items: [String] = []
        if expect("]") { return items }
        repeat {
            guard let item = string() else { return nil }
            items.append(item)
        } while expect(",")
        guard expect("]") else { return nil }
        skipSpace()
        return scalars.isEmpty ? items : nil
    }
}

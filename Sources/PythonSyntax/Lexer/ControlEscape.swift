/// Python's one-letter escapes for control characters (`\a \b \f \n \r \t \v`), as string literals, regular
/// expressions and `re.sub` templates all read them (Lib/re/_parser.py `ESCAPES` is the same table).
public enum ControlEscape {
    /// The character `\letter` stands for; nil when `letter` is not one of `a b f n r t v`.
    public static func character(_ letter: Unicode.Scalar) -> Unicode.Scalar? {
        switch letter {
        case "a": "\u{07}"
        case "b": "\u{08}"
        case "f": "\u{0C}"
        case "n": "\n"
        case "r": "\r"
        case "t": "\t"
        case "v": "\u{0B}"
        default: nil
        }
    }
}

/// A parsed `re` pattern (str patterns; `RegexParser` builds it).
/// Flags that change how a node matches (IGNORECASE, DOTALL, MULTILINE, ASCII) are resolved by the parser, per
/// node, so scoped flags `(?i:…)` need nothing at match time.
indirect enum RegexNode {
    case empty
    case literal(Unicode.Scalar, fold: Bool)
    /// `.`: any code point but "\n", or any at all under DOTALL.
    case any(dotAll: Bool)
    case set(RegexClass, fold: Bool)
    case sequence([RegexNode])
    case alternation([RegexNode])
    /// A group; capturing when `index` is set (1-based).
    case group(RegexNode, index: Int?)
    /// `max` nil: unbounded.
    case repetition(RegexNode, min: Int, max: Int?, greedy: Bool)
    case assertion(RegexAssertion)
    case backreference(Int, fold: Bool)
    case lookaround(RegexNode, ahead: Bool, negated: Bool)
}

enum RegexAssertion {
    /// `^` without MULTILINE, `\A`.
    case stringStart
    /// `$` without MULTILINE: the end, or just before a final "\n".
    case endOrFinalNewline
    /// `\Z`.
    case stringEnd
    /// `^` / `$` under MULTILINE.
    case lineStart, lineEnd
    case wordBoundary(ascii: Bool), notWordBoundary(ascii: Bool)
}

/// `[…]` or a class escape (`\d`, `\w`, `\s` and their negations).
struct RegexClass {
    enum Item {
        case range(UInt32, UInt32)
        case digit(negated: Bool, ascii: Bool)
        case word(negated: Bool, ascii: Bool)
        case space(negated: Bool, ascii: Bool)
    }

    var items: [Item] = []
    var negated = false

    func contains(_ c: Unicode.Scalar) -> Bool { matchesItem(c) != negated }

    /// IGNORECASE: `c` or one of its case variants is in the set (a negated set excludes them all).
    func containsFolded(_ c: Unicode.Scalar) -> Bool {
        (matchesItem(c) || RegexMatcher.foldedVariants(c).contains(where: matchesItem)) != negated
    }

    private func matchesItem(_ c: Unicode.Scalar) -> Bool {
        items.contains { item in
            switch item {
            case .range(let lo, let hi): lo <= c.value && c.value <= hi
            case .digit(let negated, let ascii): RegexClass.isDigit(c, ascii: ascii) != negated
            case .word(let negated, let ascii): RegexClass.isWord(c, ascii: ascii) != negated
            case .space(let negated, let ascii): RegexClass.isSpace(c, ascii: ascii) != negated
            }
        }
    }

    // ASCII code points are decided by comparisons: the Unicode property lookups cost ~100 instructions each.
    static func isDigit(_ c: Unicode.Scalar, ascii: Bool) -> Bool {
        if c.value < 0x80 || ascii { return (0x30...0x39).contains(c.value) }
        return c.properties.numericType == .decimal
    }

    static func isWord(_ c: Unicode.Scalar, ascii: Bool) -> Bool {
        let v = c.value
        if v < 0x80 { return (0x61...0x7A).contains(v) || (0x41...0x5A).contains(v) || (0x30...0x39).contains(v) || v == 0x5F }
        if ascii { return false }
        return c.properties.isAlphabetic || c.properties.numericType != nil
    }

    static func isSpace(_ c: Unicode.Scalar, ascii: Bool) -> Bool {
        let v = c.value
        if v < 0x80 { return v == 0x20 || (0x09...0x0D).contains(v) || (!ascii && (0x1C...0x1F).contains(v)) }
        if ascii { return false }
        return c.properties.isWhitespace
    }
}

/// `re.error`'s message and position.
struct RegexSyntaxError: Error {
    var message: String
    /// nil where CPython reports none (a look-behind's width is checked after parsing).
    var position: Int?
    /// Valid in Python 3.11 but not implemented here: raised as NotImplementedError, not `re.error`.
    var unsupported = false
    /// A repeat count of 2**32 - 1 or more: OverflowError in CPython (Lib/re/_parser.py MAXREPEAT), not `re.error`.
    var overflow = false

    static func unsupported(_ feature: String, at position: Int) -> RegexSyntaxError {
        RegexSyntaxError(message: "not supported yet: \(feature) in regular expressions", position: position, unsupported: true)
    }
}

/// The flag bits of Lib/re/_constants.py.
struct RegexFlags: OptionSet {
    let rawValue: Int
    static let ignoreCase = RegexFlags(rawValue: 2)
    static let locale = RegexFlags(rawValue: 4)
    static let multiline = RegexFlags(rawValue: 8)
    static let dotAll = RegexFlags(rawValue: 16)
    static let unicode = RegexFlags(rawValue: 32)
    static let verbose = RegexFlags(rawValue: 64)
    static let ascii = RegexFlags(rawValue: 256)
}

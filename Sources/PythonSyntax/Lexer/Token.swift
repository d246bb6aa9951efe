/// One token of Python source, as CPython's `Parser/tokenizer.c` produces them: keywords are names (the
/// parser decides), NEWLINE/INDENT/DEDENT are explicit, and string literals keep their body's position so
/// the parser can split f-strings and report errors inside them at the right column.
struct Token: Sendable {
    var kind: TokenKind
    /// First character.
    var location: SourceLocation
    /// Index of the first character in the lexer's scalar array, to find the source line for errors.
    var offset: Int
}

enum TokenKind: Sendable, Equatable {
    case name(String)
    case number(Constant)
    case string(StringToken)
    /// Operators and delimiters, spelled as in Python (`"**="`, `"->"`, `"..."`).
    case op(String)
    case newline
    case indent
    case dedent
    case endOfFile
}

/// A string literal. Plain strings and bytes are decoded by the lexer; an f-string keeps its raw body
/// (`bodyStart..<bodyEnd` in the source scalars) for the parser, as CPython 3.11 does.
struct StringToken: Sendable, Equatable {
    var isBytes: Bool
    var isRaw: Bool
    var isFormatted: Bool
    /// Decoded text (plain strings only).
    var text: String
    /// Decoded bytes (bytes literals only).
    var bytes: [UInt8]
    var bodyStart: Int
    var bodyEnd: Int
    /// Line and line-start index of `bodyStart`, so f-string fields can be lexed in place.
    var bodyLine: Int32
    var bodyLineStart: Int
}

extension Token {
    var isNewline: Bool { kind == .newline }

    func isOp(_ spelling: String) -> Bool {
        if case .op(let op) = kind { return op == spelling }
        return false
    }

    /// True for the name `word` (used for keywords, which the lexer does not separate from names).
    func isName(_ word: String) -> Bool {
        if case .name(let name) = kind { return name == word }
        return false
    }
}

/// Python 3.11's hard keywords (`keyword.kwlist`); soft keywords (`match`, `case`, `_`) stay names.
let pythonKeywords: Set<String> = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
    "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
]

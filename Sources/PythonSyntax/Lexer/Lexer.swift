/// Python 3.11 tokenizer, after CPython's `Parser/tokenizer.c`: an indentation stack measured with tabs to
/// multiples of 8 and checked against tabs-as-one-column (TabError), implicit line joining inside
/// brackets, backslash continuation, and errors with CPython's wording.
///
/// It works on an array of Unicode scalars (columns count scalars, as `SourceLocation` says), with `\r\n`
/// and lone `\r` already turned into `\n`. The same array is shared with sub-lexers for f-string fields,
/// which lex a slice in place so their locations point into the real file.
struct Lexer {
    let source: [Unicode.Scalar]
    let fileName: String
    var pos: Int
    let end: Int
    var line: Int32
    var lineStart: Int
    /// f-string fields behave as if wrapped in parentheses: no NEWLINE, INDENT or DEDENT.
    let isField: Bool
    var tokens: [Token] = []
    var indents: [Int] = [0]
    var altIndents: [Int] = [0]
    var brackets: [(open: Unicode.Scalar, location: SourceLocation)] = []
    var atLineStart = true
    /// "'(' was never closed", kept for the parser: CPython reports a syntax error found before the end
    /// of the file first, since its tokenizer is lazy.
    var unclosedBracket: SyntaxError?

    /// CPython's `MAXLEVEL`: deeper nesting is "too many nested parentheses".
    static let maxNesting = 200
    /// CPython's `MAXINDENT`.
    static let maxIndentation = 100

    init(source: [Unicode.Scalar], fileName: String) {
        self.source = source
        self.fileName = fileName
        self.pos = 0
        self.end = source.count
        self.line = 1
        self.lineStart = 0
        self.isField = false
    }

    /// A sub-lexer over `range` of `source` (an f-string field), starting at `line` whose first scalar is
    /// at `lineStart`.
    init(field source: [Unicode.Scalar], range: Range<Int>, line: Int32, lineStart: Int, fileName: String) {
        self.source = source
        self.fileName = fileName
        self.pos = range.lowerBound
        self.end = range.upperBound
        self.line = line
        self.lineStart = lineStart
        self.isField = true
        self.atLineStart = false
    }

    /// Source text as scalars, newlines normalised and a leading BOM dropped.
    static func scalars(of text: String) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                result.append("\n")
                previousWasCR = true
                continue
            }
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            if scalar == "\u{FEFF}" && result.isEmpty { continue }
            result.append(scalar)
        }
        return result
    }

    // MARK: - Driver

    mutating func tokenize() throws(SyntaxError) -> [Token] {
        while true {
            if atLineStart && !isField {
                atLineStart = false
                if try !measureIndentation() { continue }
            }
            skipBlanks()
            guard pos < end else { break }
            let c = source[pos]
            switch c {
            case "#":
                while pos < end && source[pos] != "\n" { pos += 1 }
            case "\n":
                if brackets.isEmpty && !isField, let last = tokens.last, last.kind != .newline {
                    emit(.newline, from: pos)
                }
                pos += 1
                line += 1
                lineStart = pos
                atLineStart = brackets.isEmpty
            case "\\":
                if pos + 1 < end && source[pos + 1] == "\n" {
                    pos += 2
                    line += 1
                    lineStart = pos
                } else if pos + 1 >= end {
                    throw error("unexpected EOF while parsing", at: pos)
                } else {
                    throw error("unexpected character after line continuation character", at: pos + 1)
                }
            case "0"..."9":
                try lexNumber()
            case ".":
                if pos + 1 < end, isDigit(source[pos + 1]) { try lexNumber() } else { try lexOperator() }
            case "\"", "'":
                try lexString(prefixStart: pos, prefix: [])
            default:
                if isIdentifierStart(c) { try lexNameOrString() } else { try lexOperator() }
            }
        }
        return try finish()
    }

    private mutating func finish() throws(SyntaxError) -> [Token] {
        if !isField, let open = brackets.last {
            unclosedBracket = SyntaxError(
                "'\(open.open)' was never closed", fileName: fileName, location: open.location,
                sourceLine: lineText(atLine: open.location.line))
        }
        if !isField, unclosedBracket == nil, let last = tokens.last, last.kind != .newline {
            emit(.newline, from: pos)
        }
        if !isField && unclosedBracket == nil {
            for _ in 1..<indents.count { emit(.dedent, from: pos) }
        }
        emit(.endOfFile, from: pos)
        return tokens
    }

    private mutating func skipBlanks() {
        while pos < end {
            let c = source[pos]
            guard c == " " || c == "\t" || c == "\u{0C}" else { return }
            pos += 1
        }
    }

    // MARK: - Indentation

    /// Measures the indentation at the start of a line and emits INDENT/DEDENT. Returns false for a blank
    /// or comment-only line, which CPython ignores entirely.
    private mutating func measureIndentation() throws(SyntaxError) -> Bool {
        var column = 0
        var altColumn = 0
        while pos < end {
            switch source[pos] {
            case " ":
                column += 1
                altColumn += 1
            case "\t":
                column = (column / 8 + 1) * 8
                altColumn += 1
            case "\u{0C}":
                column = 0
                altColumn = 0
            default:
                break
            }
            guard source[pos] == " " || source[pos] == "\t" || source[pos] == "\u{0C}" else { break }
            pos += 1
        }
        if pos >= end { return false }
        let c = source[pos]
        if c == "#" || c == "\n" { return false }
        if c == "\\" && pos + 1 < end && source[pos + 1] == "\n" { return true }
        if column > indents[indents.count - 1] {
            guard altColumn > altIndents[altIndents.count - 1] else { throw inconsistentTabs() }
            guard indents.count < Self.maxIndentation else { throw error("too many levels of indentation", at: pos) }
            indents.append(column)
            altIndents.append(altColumn)
            // CPython reports "unexpected indent" at the last indentation character.
            emit(.indent, from: pos - 1)
        } else if column < indents[indents.count - 1] {
            while indents.count > 1 && column < indents[indents.count - 1] {
                indents.removeLast()
                altIndents.removeLast()
                emit(.dedent, from: pos)
            }
            guard column == indents[indents.count - 1] else {
                var lineEnd = pos
                while lineEnd < end && source[lineEnd] != "\n" { lineEnd += 1 }
                throw error("unindent does not match any outer indentation level", at: lineEnd)
            }
            guard altColumn == altIndents[altIndents.count - 1] else { throw inconsistentTabs() }
        } else if altColumn != altIndents[altIndents.count - 1] {
            throw inconsistentTabs()
        }
        return true
    }

    private func inconsistentTabs() -> SyntaxError {
        error("inconsistent use of tabs and spaces in indentation", at: lineStart)
    }

    // MARK: - Names and operators

    private mutating func lexNameOrString() throws(SyntaxError) {
        let start = pos
        while pos < end && isIdentifierContinue(source[pos]) { pos += 1 }
        if pos < end, source[pos] == "\"" || source[pos] == "'", pos - start <= 2 {
            let prefix = source[start..<pos].map { Character($0).lowercased() }.joined()
            if ["r", "u", "f", "b", "br", "rb", "fr", "rf"].contains(prefix) {
                try lexString(prefixStart: start, prefix: Array(prefix.unicodeScalars))
                return
            }
        }
        emit(.name(Self.text(source[start..<pos])), from: start)
    }

    /// The scalars as a String: ASCII (nearly every name and operator) is written as bytes in one go;
    /// `unicodeScalars.append(contentsOf:)` went through String's generic slow path per scalar, a third of
    /// compiling a module (and modules are compiled at every import).
    static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        if scalars.allSatisfy({ $0.value < 0x80 }) {
            return String(unsafeUninitializedCapacity: scalars.count) { buffer in
                for (k, c) in scalars.enumerated() { buffer[k] = UInt8(truncatingIfNeeded: c.value) }
                return scalars.count
            }
        }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(scalars.count * 2)
        for c in scalars { UTF8.encode(c) { utf8.append($0) } }
        return String(decoding: utf8, as: UTF8.self)
    }

    private static func isOneCharOperator(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":",
             ";", ".", "=": true
        default: false
        }
    }

    /// The length of the two- or three-character operator at `pos` ("**=", "//=", ">>=", "<<=", "...";
    /// "**", "//", ">>", "<<", "->" and the comparisons and augmented assignments ending in "="), else 0.
    /// Compared as scalars: making a string per candidate and hashing it into a set was most of the lexer's
    /// time in operator-heavy code.
    private func longOperatorLength() -> Int {
        func at(_ k: Int) -> UInt32 { pos + k < end ? source[pos + k].value : 0 }
        let a = at(0), b = at(1)
        let doubled = a == b && (a == 0x2A || a == 0x2F || a == 0x3C || a == 0x3E)  // ** // << >>
        if doubled || (a == 0x2E && b == 0x2E) {  // ...
            if at(2) == (a == 0x2E ? 0x2E : 0x3D) { return 3 }
            return doubled ? 2 : 0
        }
        if b == 0x3D {  // "=" after one of < > = ! : + - * / % & | ^ @
            switch a {
            case 0x3C, 0x3E, 0x3D, 0x21, 0x3A, 0x2B, 0x2D, 0x2A, 0x2F, 0x25, 0x26, 0x7C, 0x5E, 0x40: return 2
            default: return 0
            }
        }
        return a == 0x2D && b == 0x3E ? 2 : 0  // ->
    }

    private mutating func lexOperator() throws(SyntaxError) {
        let start = pos
        let long = longOperatorLength()
        if long > 0 {
            pos += long
            emit(.op(Self.text(source[start..<pos])), from: start)
            return
        }
        let c = source[pos]
        guard Self.isOneCharOperator(c) else {
            if c.value > 127 {
                let hex = String(c.value, radix: 16, uppercase: true)
                let padded = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                throw error("invalid character '\(c)' (U+\(padded))", at: pos)
            }
            if c == "\0" { throw error("source code cannot contain null bytes", at: pos) }
            throw error("invalid syntax", at: pos)
        }
        let here = location(of: pos)
        switch c {
        case "(", "[", "{":
            guard brackets.count < Self.maxNesting else { throw error("too many nested parentheses", at: pos) }
            brackets.append((c, here))
        case ")", "]", "}":
            guard let open = brackets.popLast() else { throw error("unmatched '\(c)'", at: pos) }
            let expected: Unicode.Scalar = open.open == "(" ? ")" : open.open == "[" ? "]" : "}"
            if c != expected {
                let onLine = open.location.line == here.line ? "" : " on line \(open.location.line)"
                throw error(
                    "closing parenthesis '\(c)' does not match opening parenthesis '\(open.open)'\(onLine)", at: pos)
            }
        default:
            break
        }
        pos += 1
        emit(.op(String(c)), from: start)
    }

    // MARK: - Helpers

    mutating func emit(_ kind: TokenKind, from start: Int) {
        tokens.append(Token(kind: kind, location: location(of: start), offset: start))
    }

    /// Location of an index on the current line (tokens never span lines except strings, which pass
    /// their own start).
    func location(of index: Int) -> SourceLocation {
        SourceLocation(line: line, column: Int32(index - lineStart + 1))
    }

    func error(_ message: String, at index: Int) -> SyntaxError {
        SyntaxError(message, fileName: fileName, location: location(of: index), sourceLine: lineText(containing: index))
    }

    func lineText(containing index: Int) -> String {
        Self.lineText(in: source, containing: index)
    }

    func lineText(atLine number: Int32) -> String {
        Self.lineText(in: source, line: number)
    }

    static func lineText(in source: [Unicode.Scalar], containing index: Int) -> String {
        var start = min(index, source.count)
        while start > 0 && source[start - 1] != "\n" { start -= 1 }
        var stop = min(index, source.count)
        while stop < source.count && source[stop] != "\n" { stop += 1 }
        var text = ""
        text.unicodeScalars.append(contentsOf: source[start..<stop])
        return text
    }

    static func lineText(in source: [Unicode.Scalar], line number: Int32) -> String {
        var current: Int32 = 1
        var index = 0
        while current < number && index < source.count {
            if source[index] == "\n" { current += 1 }
            index += 1
        }
        return lineText(in: source, containing: index)
    }
}

func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
    if c.value < 128 {
        return (c.value >= 65 && c.value <= 90) || (c.value >= 97 && c.value <= 122) || c == "_"
    }
    return c.properties.isXIDStart
}

func isIdentifierContinue(_ c: Unicode.Scalar) -> Bool {
    if c.value < 128 { return isIdentifierStart(c) || isDigit(c) }
    return c.properties.isXIDContinue
}

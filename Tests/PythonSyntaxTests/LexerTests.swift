import Testing
@testable import PythonSyntax

/// Token-level behaviour of `Lexer`, after CPython's `Parser/tokenizer.c`.
@Suite struct LexerTests {
    func tokens(_ text: String) throws(SyntaxError) -> [Token] {
        var lexer = Lexer(source: Lexer.scalars(of: text), fileName: "t.py")
        return try lexer.tokenize()
    }

    /// A compact spelling of the token stream: names bare, ops quoted, layout tokens in capitals.
    func spell(_ text: String) throws(SyntaxError) -> String {
        try tokens(text).map { token -> String in
            switch token.kind {
            case .name(let name): return name
            case .number(let constant): return "#\(constant)"
            case .string(let string): return string.isFormatted ? "f<>" : string.isBytes ? "b\(string.bytes)" : "s\(string.text.debugDescription)"
            case .op(let op): return "'\(op)'"
            case .newline: return "NL"
            case .indent: return "IN"
            case .dedent: return "DE"
            case .endOfFile: return "EOF"
            }
        }.joined(separator: " ")
    }

    @Test func indentationStack() throws {
        let text = "if a:\n\tb\n\tif c:\n\t\td\n\n  # comment\ne\n"
        #expect(try spell(text) == "if a ':' NL IN b NL if c ':' NL IN d NL DE DE e NL EOF")
    }

    @Test func blankLinesAndCommentsMakeNoTokens() throws {
        #expect(try spell("\n\n# c\n   \nx  # trailing\n\n") == "x NL EOF")
        #expect(try spell("") == "EOF")
    }

    @Test func dedentsAtEndOfFileWithoutNewline() throws {
        #expect(try spell("def f():\n  if x:\n    y") == "def f '(' ')' ':' NL IN if x ':' NL IN y NL DE DE EOF")
    }

    @Test func bracketsJoinLinesAndBackslashContinues() throws {
        #expect(try spell("x = (1,\n     2)\ny = 1 + \\\n  2\n") == "x '=' '(' #int(1) ',' #int(2) ')' NL y '=' #int(1) '+' #int(2) NL EOF")
    }

    @Test func operatorsTakeTheLongestSpelling() throws {
        let text = "a **= b //= c >>= d <<= e -> f := g ... @ @= != == <= >= ~ ^ | & % ;"
        let ops = try tokens(text).compactMap { token -> String? in
            if case .op(let op) = token.kind { return op }
            return nil
        }
        #expect(ops == ["**=", "//=", ">>=", "<<=", "->", ":=", "...", "@", "@=", "!=", "==", "<=", ">=", "~", "^", "|", "&", "%", ";"])
    }

    @Test(arguments: [
        ("0", Constant.int(0)), ("1_000_000", .int(1_000_000)), ("0xFF", .int(255)), ("0o17", .int(15)),
        ("0b1010", .int(10)), ("0X_ff", .int(255)), ("00", .int(0)), ("1.", .float(1)), (".5", .float(0.5)),
        ("1e-3", .float(0.001)), ("1E+2", .float(100)), ("1_0.2_5", .float(10.25)), ("2j", .imaginary(2)),
        ("1.5J", .imaginary(1.5)), ("9223372036854775807", .int(Int.max)),
        ("9223372036854775808", .bigInt("9223372036854775808")),
        ("1267650600228229401496703205376", .bigInt("1267650600228229401496703205376")),
        ("0x1_0000_0000_0000_0000", .bigInt("18446744073709551616")),
    ])
    func numbers(text: String, value: Constant) throws {
        let first = try tokens(text)[0]
        #expect(first.kind == .number(value))
    }

    @Test(arguments: [
        (#"'a\tb'"#, "a\tb"), (#""\x41\u00e9\U0001F600""#, "Aé😀"), (#"'\101\0'"#, "A\0"), (#"r'\n\d'"#, "\\n\\d"),
        (#"'\q'"#, "\\q"), ("'''a\nb'''", "a\nb"), (#""it's""#, "it's"), (#"'\''"#, "'"), (#"U'x'"#, "x"),
        ("'a\\\nb'", "ab"), (#"'\ud800'"#, "\u{FFFD}"), (#"R"\"""#, "\\\""),
        (#"'\N{EM DASH}\N{latin small letter a}'"#, "\u{2014}a"),
    ])
    func stringEscapes(text: String, value: String) throws {
        guard case .string(let string) = try tokens(text)[0].kind else {
            Issue.record("not a string: \(text)")
            return
        }
        #expect(string.text == value)
    }

    @Test func bytesLiterals() throws {
        #expect(try spell(#"b'A\x00\n' Rb'\x'"#) == #"b[65, 0, 10] b[92, 120] NL EOF"#)
    }

    @Test func stringPrefixesAreCaseInsensitive() throws {
        for prefix in ["r", "u", "f", "b", "br", "rb", "fr", "rf", "Rb", "bR", "F", "fR"] {
            let kinds = try tokens("\(prefix)'x'").map(\.kind)
            guard case .string = kinds[0] else {
                Issue.record("prefix \(prefix) not lexed as a string")
                continue
            }
            #expect(kinds.count == 3)
        }
        #expect(try spell("print'x'") == #"print s"x" NL EOF"#)
    }

    @Test func fStringBodyIsKeptRawForTheParser() throws {
        let all = try tokens(#"f"{x!r:>{w}}" "#)
        guard case .string(let string) = all[0].kind else {
            Issue.record("not a string")
            return
        }
        #expect(string.isFormatted)
        #expect(string.bodyEnd - string.bodyStart == 10)
    }

    @Test func unicodeIdentifiersAndColumns() throws {
        let all = try tokens("été = 1\n  # x\nπ2 = été")
        #expect(all[0].kind == .name("été"))
        #expect(all[1].location == SourceLocation(line: 1, column: 5))
        #expect(all[4].kind == .name("π2"))
        #expect(all[4].location == SourceLocation(line: 3, column: 1))
        #expect(all[6].location == SourceLocation(line: 3, column: 6))
    }

    @Test func locationsOfMultiLineStrings() throws {
        let all = try tokens("x = '''a\nb''' + y")
        #expect(all[2].location == SourceLocation(line: 1, column: 5))
        #expect(all[3].location == SourceLocation(line: 2, column: 6))
        #expect(all[4].location == SourceLocation(line: 2, column: 8))
    }

    @Test func crlfAndBOMAreNormalised() throws {
        #expect(try spell("\u{FEFF}a\r\nb\rc") == "a NL b NL c NL EOF")
    }

    @Test func numberFollowedByKeywordIsAllowed() throws {
        #expect(try spell("1if x else 2") == "#int(1) if x else #int(2) NL EOF")
    }

    @Test(arguments: [
        ("'abc", "1:1 unterminated string literal (detected at line 1)"),
        ("x = '''abc\n\n", "1:5 unterminated triple-quoted string literal (detected at line 3)"),
        ("1abc", "1:1 invalid decimal literal"),
        ("0x", "1:2 invalid hexadecimal literal"),
        ("0b102", "1:5 invalid digit '2' in binary literal"),
        ("012", "1:1 leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"),
        ("1__0", "1:2 invalid decimal literal"),
        ("a = 1 \\ b", "1:8 unexpected character after line continuation character"),
        ("x = €", "1:5 invalid character '€' (U+20AC)"),
        ("x = )", "1:5 unmatched ')'"),
        ("(]", "1:2 closing parenthesis ']' does not match opening parenthesis '('"),
        ("(\n]", "2:1 closing parenthesis ']' does not match opening parenthesis '(' on line 1"),
        ("if x:\n    a\n  b", "3:4 unindent does not match any outer indentation level"),
        ("if x:\n\ta\n        b", "3:1 inconsistent use of tabs and spaces in indentation"),
        ("b'é'", "1:1 bytes can only contain ASCII literal characters"),
        (#"'\x4'"#, #"1:1 (unicode error) 'unicodeescape' codec can't decode bytes: truncated \xXX escape"#),
    ])
    func errors(text: String, expected: String) {
        do {
            _ = try tokens(text)
            Issue.record("no error for \(text.debugDescription)")
        } catch {
            #expect("\(error.location) \(error.message)" == expected)
            #expect(!error.sourceLine.isEmpty)
        }
    }

    @Test func unclosedBracketIsRecordedForTheParser() throws {
        var lexer = Lexer(source: Lexer.scalars(of: "f(1,\n  2"), fileName: "t.py")
        _ = try lexer.tokenize()
        #expect(lexer.unclosedBracket?.message == "'(' was never closed")
        #expect(lexer.unclosedBracket?.location == SourceLocation(line: 1, column: 2))
    }

    @Test func tooManyNestedParentheses() {
        #expect(throws: SyntaxError.self) { try tokens(String(repeating: "(", count: 300)) }
    }
}

/// Adjacent string literals and f-strings, the 3.11 way (`Parser/string_parser.c`): an f-string body is
/// split here into literal text and `{expression!conversion:spec}` fields; each field's expression is
/// lexed in place by a sub-lexer and parsed by a sub-parser, so its locations point into the file.
extension Parser {
    mutating func parseStrings() throws(SyntaxError) -> Expression {
        let start = current
        var literals: [StringToken] = []
        var tokensOfLiterals: [Token] = []
        while case .string(let literal) = current.kind {
            literals.append(literal)
            tokensOfLiterals.append(advance())
        }
        let bytesCount = literals.filter(\.isBytes).count
        if bytesCount != 0 && bytesCount != literals.count {
            throw error("cannot mix bytes and nonbytes literals", at: start)
        }
        if bytesCount > 0 {
            return Expression(.constant(.bytes(literals.flatMap(\.bytes))), at: start.location)
        }
        guard literals.contains(where: \.isFormatted) else {
            return Expression(.constant(.string(literals.map(\.text).joined())), at: start.location)
        }
        var parts: [FStringPart] = []
        for (literal, token) in zip(literals, tokensOfLiterals) {
            if literal.isFormatted {
                var cursor = FStringCursor(position: literal.bodyStart, line: literal.bodyLine, lineStart: literal.bodyLineStart)
                let body = try parseFStringParts(literal, token: token, cursor: &cursor, inSpec: false, nesting: 0)
                for part in body { appendPart(part, to: &parts) }
            } else {
                appendPart(.literal(literal.text), to: &parts)
            }
        }
        return Expression(.joinedString(parts), at: start.location)
    }

    /// Adds a part, merging neighbouring literals and dropping empty ones.
    private func appendPart(_ part: FStringPart, to parts: inout [FStringPart]) {
        guard case .literal(let text) = part else {
            parts.append(part)
            return
        }
        guard !text.isEmpty else { return }
        if case .literal(let previous)? = parts.last {
            parts[parts.count - 1] = .literal(previous + text)
        } else {
            parts.append(part)
        }
    }

    struct FStringCursor {
        var position: Int
        var line: Int32
        var lineStart: Int

        mutating func step(over scalar: Unicode.Scalar) {
            position += 1
            if scalar == "\n" {
                line += 1
                lineStart = position
            }
        }

        var location: SourceLocation { SourceLocation(line: line, column: Int32(position - lineStart + 1)) }
    }

    private func fstringError(_ message: String, _ cursor: FStringCursor) -> SyntaxError {
        SyntaxError(
            "f-string: \(message)", fileName: fileName, location: cursor.location,
            sourceLine: Lexer.lineText(in: source, containing: cursor.position))
    }

    /// Parts up to the end of the body (or, in a format spec, up to its closing `}`, not consumed).
    private func parseFStringParts(
        _ literal: StringToken, token: Token, cursor: inout FStringCursor, inSpec: Bool, nesting: Int
    ) throws(SyntaxError) -> [FStringPart] {
        var parts: [FStringPart] = []
        var textStart = cursor.position
        func flush(_ upTo: Int) throws(SyntaxError) {
            guard upTo > textStart else { return }
            let decoded = try StringDecoder.decode(
                source, textStart..<upTo, isRaw: literal.isRaw, isBytes: false, fileName: fileName, location: token.location)
            var text = ""
            text.unicodeScalars.append(contentsOf: decoded)
            appendPart(.literal(text), to: &parts)
        }
        let end = literal.bodyEnd
        while cursor.position < end {
            let c = source[cursor.position]
            if c == "\\" && !literal.isRaw && cursor.position + 1 < end && source[cursor.position + 1] != "{" {
                cursor.step(over: c)
                // `\N{NAME}` is one escape: its braces do not open a replacement field.
                if source[cursor.position] == "N", cursor.position + 1 < end, source[cursor.position + 1] == "{",
                    let close = (cursor.position + 2 ..< end).first(where: { source[$0] == "}" }) {
                    while cursor.position <= close { cursor.step(over: source[cursor.position]) }
                    continue
                }
                cursor.step(over: source[cursor.position])
                continue
            }
            if c == "{" {
                if !inSpec && cursor.position + 1 < end && source[cursor.position + 1] == "{" {
                    try flush(cursor.position + 1)
                    cursor.position += 2
                    textStart = cursor.position
                    continue
                }
                try flush(cursor.position)
                guard nesting < 2 else { throw fstringError("expressions nested too deeply", cursor) }
                cursor.step(over: c)
                let fieldParts = try parseFStringField(literal, token: token, cursor: &cursor, nesting: nesting + 1)
                for part in fieldParts { appendPart(part, to: &parts) }
                textStart = cursor.position
                continue
            }
            if c == "}" {
                if inSpec {
                    try flush(cursor.position)
                    return parts
                }
                guard cursor.position + 1 < end && source[cursor.position + 1] == "}" else {
                    throw fstringError("single '}' is not allowed", cursor)
                }
                try flush(cursor.position + 1)
                cursor.position += 2
                textStart = cursor.position
                continue
            }
            cursor.step(over: c)
        }
        if inSpec { throw fstringError("expecting '}'", cursor) }
        try flush(end)
        return parts
    }

    /// One `{…}` field, the cursor just past `{`; returns the `x=` literal (if any) and the field.
    private func parseFStringField(
        _ literal: StringToken, token: Token, cursor: inout FStringCursor, nesting: Int
    ) throws(SyntaxError) -> [FStringPart] {
        let end = literal.bodyEnd
        let expressionStart = cursor
        var brackets = 0
        var quote: Unicode.Scalar?
        var tripleQuote = false
        func isTriple(_ c: Unicode.Scalar) -> Bool {
            cursor.position + 2 < end && source[cursor.position + 1] == c && source[cursor.position + 2] == c
        }
        while true {
            guard cursor.position < end else { throw fstringError("expecting '}'", cursor) }
            let c = source[cursor.position]
            let next: Unicode.Scalar? = cursor.position + 1 < end ? source[cursor.position + 1] : nil
            if let open = quote {
                if c == "\\" { throw fstringError("expression part cannot include a backslash", cursor) }
                if c == open && (!tripleQuote || isTriple(c)) {
                    // A string inside the expression ends (a triple-quoted one at its three quotes).
                    if tripleQuote {
                        cursor.step(over: c)
                        cursor.step(over: c)
                    }
                    quote = nil
                }
                cursor.step(over: c)
                continue
            }
            if c == "\\" { throw fstringError("expression part cannot include a backslash", cursor) }
            if c == "#" { throw fstringError("expression part cannot include '#'", cursor) }
            if c == "'" || c == "\"" {
                quote = c
                tripleQuote = isTriple(c)
                if tripleQuote {
                    cursor.step(over: c)
                    cursor.step(over: c)
                }
            } else if c == "(" || c == "[" || c == "{" {
                brackets += 1
            } else if c == ")" || c == "]" || c == "}" {
                if brackets == 0 {
                    if c == "}" { break }
                    throw fstringError("unmatched '\(c)'", cursor)
                }
                brackets -= 1
            } else if brackets == 0 && (c == "!" && next != "=" || c == ":") {
                break
            } else if brackets == 0 && c == "=" {
                if next == "=" {
                    cursor.step(over: c)
                } else if cursor.position > expressionStart.position,
                    ["=", "!", "<", ">"].contains(source[cursor.position - 1])
                {
                    // `<=`, `>=`, `!=`, `==`: part of the expression.
                } else {
                    break
                }
            }
            cursor.step(over: c)
        }
        let expressionEnd = cursor.position
        if source[expressionStart.position..<expressionEnd].allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" }) {
            throw fstringError("empty expression not allowed", cursor)
        }
        let value = try parseFieldExpression(expressionStart, expressionEnd)
        var parts: [FStringPart] = []
        var selfDocumenting = false
        if source[cursor.position] == "=" {
            cursor.step(over: "=")
            while cursor.position < end, source[cursor.position] == " " { cursor.step(over: " ") }
            var text = ""
            text.unicodeScalars.append(contentsOf: source[expressionStart.position..<cursor.position])
            parts.append(.literal(text))
            selfDocumenting = true
        }
        var conversion: Character?
        if cursor.position < end && source[cursor.position] == "!" {
            cursor.step(over: "!")
            guard cursor.position < end, ["s", "r", "a"].contains(source[cursor.position]) else {
                throw fstringError("invalid conversion character: expected 's', 'r', or 'a'", cursor)
            }
            conversion = Character(source[cursor.position])
            cursor.step(over: source[cursor.position])
        }
        var spec: [FStringPart]?
        if cursor.position < end && source[cursor.position] == ":" {
            cursor.step(over: ":")
            spec = try parseFStringParts(literal, token: token, cursor: &cursor, inSpec: true, nesting: nesting)
        }
        guard cursor.position < end, source[cursor.position] == "}" else { throw fstringError("expecting '}'", cursor) }
        cursor.step(over: "}")
        if selfDocumenting && conversion == nil && spec == nil { conversion = "r" }
        parts.append(.formatted(value: value, conversion: conversion, spec: spec))
        return parts
    }

    /// Lexes and parses `start..<end` as a parenthesised expression, in place.
    private func parseFieldExpression(_ start: FStringCursor, _ end: Int) throws(SyntaxError) -> Expression {
        do throws(SyntaxError) {
            var lexer = Lexer(field: source, range: start.position..<end, line: start.line, lineStart: start.lineStart, fileName: fileName)
            let tokens = try lexer.tokenize()
            var parser = Parser(tokens: tokens, source: source, fileName: fileName)
            parser.depth = depth
            parser.context = context
            let value = parser.current.isName("yield") ? try parser.parseYield() : try parser.parseStarExpressions()
            guard parser.current.kind == .endOfFile else { throw parser.error("invalid syntax", at: parser.current) }
            return value
        } catch {
            var wrapped = error
            // Parse errors get CPython's "f-string: " prefix; compile-time ones ("'yield' outside function") do not.
            if !wrapped.isUnsupported && !wrapped.message.hasPrefix("f-string") && !Parser.contextMessages.contains(wrapped.message) {
                wrapped.message = "f-string: " + wrapped.message
            }
            throw wrapped
        }
    }
}

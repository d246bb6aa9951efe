/// The `match` statement (PEP 634): `match_stmt` and the pattern rules of `Grammar/python.gram`.
/// `match` and `case` are soft keywords: `isMatchStatement` decides before this runs.
extension Parser {
    mutating func parseMatch(at start: Token) throws(SyntaxError) -> Statement {
        let subject = try parseMatchSubject()
        try expect(":")
        let cases = try parseIndented(after: "'match' statement", line: start.location.line) { parser throws(SyntaxError) in
            [try parser.parseCase()]
        }
        if cases.isEmpty { throw invalidSyntax() }
        return Statement(.match(subject: subject, cases: cases), at: start.location)
    }

    /// `case pattern [if guard]: block`.
    private mutating func parseCase() throws(SyntaxError) -> MatchCase {
        guard current.isName("case") else { throw invalidSyntax() }
        let caseToken = advance()
        let pattern = try parseOpenPatterns()
        let guardTest = acceptKeyword("if") ? try parseNamedExpression() : nil
        let body = try parseBlock(after: "'case' statement", line: caseToken.location.line)
        return MatchCase(pattern: pattern, guardTest: guardTest, body: body)
    }

    /// `subject_expr`: `a, *b` is a tuple; otherwise a (walrus) expression.
    private mutating func parseMatchSubject() throws(SyntaxError) -> Expression {
        let first = try parseStarNamedExpression()
        guard check(",") else {
            if case .starred = first.kind { throw error("cannot use starred expression here", at: first) }
            return first
        }
        var elements = [first]
        while accept(",") {
            guard startsExpression() else { break }
            elements.append(try parseStarNamedExpression())
        }
        return Expression(.tuple(elements), at: first.location)
    }

    /// `patterns`: an open sequence (`case a, *b:`) or one pattern.
    private mutating func parseOpenPatterns() throws(SyntaxError) -> Pattern {
        let first = try parseMaybeStarPattern()
        guard check(",") else {
            if case .star = first.kind { return Pattern(.sequence([first]), at: first.location) }
            return first
        }
        var items = [first]
        while accept(",") {
            guard !check(":") && !current.isName("if") else { break }
            items.append(try parseMaybeStarPattern())
        }
        return try sequencePattern(items, at: first.location, offset: current.offset)
    }

    /// A sequence pattern of `items`, at most one of them starred.
    private func sequencePattern(_ items: [Pattern], at location: SourceLocation, offset: Int) throws(SyntaxError) -> Pattern {
        let stars = items.filter { if case .star = $0.kind { return true } else { return false } }
        if stars.count > 1 { throw error("multiple starred names in sequence pattern", at: location, offset: offset) }
        return Pattern(.sequence(items), at: location)
    }

    private mutating func parseMaybeStarPattern() throws(SyntaxError) -> Pattern {
        guard check("*") else { return try parsePattern() }
        let star = advance()
        let name = try expectIdentifier()
        return Pattern(.star(name == "_" ? nil : name), at: star.location)
    }

    /// `pattern`: `or_pattern ['as' NAME]`.
    private mutating func parsePattern() throws(SyntaxError) -> Pattern {
        try enter()
        defer { leave() }
        let start = current
        var alternatives = [try parseClosedPattern()]
        while accept("|") { alternatives.append(try parseClosedPattern()) }
        var pattern = alternatives.count == 1 ? alternatives[0] : Pattern(.or(alternatives), at: start.location)
        if acceptKeyword("as") {
            let nameToken = current
            let name = try expectIdentifier()
            if name == "_" { throw error("cannot use '_' as a target", at: nameToken) }
            pattern = Pattern(.capture(pattern: pattern, name: name), at: start.location)
        }
        return pattern
    }

    /// `complex_number: signed_real_number ('+' | '-') imaginary_number` after the real part (`case 0 + 0j:`).
    private mutating func complexTail(_ real: Expression, at: SourceLocation) throws(SyntaxError) -> Expression {
        guard check("+") || check("-"), case .number = peek().kind else { return real }
        let op: BinaryOperator = check("+") ? .add : .subtract
        var isImaginary = false
        if case .constant(.imaginary) = real.kind { isImaginary = true }
        if case .unary(.negate, let inner) = real.kind, case .constant(.imaginary) = inner.kind { isImaginary = true }
        if isImaginary { throw error("real number required in complex literal", at: real) }
        advance()
        let imaginary = try parsePrimary()
        guard case .constant(.imaginary) = imaginary.kind else { throw error("imaginary number required in complex literal", at: imaginary) }
        return Expression(.binary(real, op, imaginary), at: at)
    }

    private mutating func parseClosedPattern() throws(SyntaxError) -> Pattern {
        let token = current
        let at = token.location
        switch token.kind {
        case .string:
            return Pattern(.value(try parsePrimary()), at: at)
        case .number:
            return Pattern(.value(try complexTail(try parsePrimary(), at: at)), at: at)
        case .op("-"):
            advance()
            guard case .number = current.kind else { throw invalidSyntax() }
            let number = try parsePrimary()
            return Pattern(.value(try complexTail(Expression(.unary(.negate, number), at: at), at: at)), at: at)
        case .op("("):
            advance()
            if accept(")") { return Pattern(.sequence([]), at: at) }
            let first = try parseMaybeStarPattern()
            if accept(")") {
                if case .star = first.kind { return Pattern(.sequence([first]), at: at) }
                return first  // a group
            }
            var items = [first]
            while accept(",") {
                if check(")") { break }
                items.append(try parseMaybeStarPattern())
            }
            try expectClosing(")")
            return try sequencePattern(items, at: at, offset: token.offset)
        case .op("["):
            advance()
            var items: [Pattern] = []
            while !check("]") {
                items.append(try parseMaybeStarPattern())
                if !accept(",") { break }
            }
            try expectClosing("]")
            return try sequencePattern(items, at: at, offset: token.offset)
        case .op("{"):
            return try parseMappingPattern()
        case .name(let name):
            switch name {
            case "None": advance(); return Pattern(.singleton(.none), at: at)
            case "True": advance(); return Pattern(.singleton(.bool(true)), at: at)
            case "False": advance(); return Pattern(.singleton(.bool(false)), at: at)
            default: break
            }
            var target = Expression(.name(try expectIdentifier()), at: at)
            var dotted = false
            while accept(".") {
                target = Expression(.attribute(target, try expectIdentifier()), at: at)
                dotted = true
            }
            if check("(") { return try parseClassPattern(target) }
            if dotted { return Pattern(.value(target), at: at) }
            return Pattern(.capture(pattern: nil, name: name == "_" ? nil : name), at: at)
        default:
            throw invalidSyntax()
        }
    }

    /// `{key: pattern, …, **rest}`.
    private mutating func parseMappingPattern() throws(SyntaxError) -> Pattern {
        let at = advance().location
        var keys: [Expression] = []
        var patterns: [Pattern] = []
        var rest: String?
        while !check("}") {
            if accept("**") {
                let nameToken = current
                let name = try expectIdentifier()
                if name == "_" { throw error("invalid syntax", at: nameToken) }
                rest = name
                _ = accept(",")
                break
            }
            let keyPattern = try parseClosedPattern()
            switch keyPattern.kind {
            case .value(let key): keys.append(key)
            case .singleton(let c): keys.append(Expression(.constant(c), at: keyPattern.location))
            default: throw invalidSyntax()  // CPython's message too, at the ':' after a capture
            }
            try expect(":")
            patterns.append(try parsePattern())
            if !accept(",") { break }
        }
        try expectClosing("}")
        return Pattern(.mapping(keys: keys, patterns: patterns, rest: rest), at: at)
    }

    /// `Cls(p, …, name=q, …)`; positional patterns must come first.
    private mutating func parseClassPattern(_ cls: Expression) throws(SyntaxError) -> Pattern {
        advance()  // (
        var patterns: [Pattern] = []
        var names: [String] = []
        var keywordPatterns: [Pattern] = []
        while !check(")") {
            if case .name(let name) = current.kind, peek().isOp("=") {
                advance()
                advance()
                names.append(name)
                keywordPatterns.append(try parsePattern())
            } else {
                let pattern = try parsePattern()
                if !names.isEmpty {
                    throw error("positional patterns follow keyword patterns", at: pattern.location, offset: current.offset)
                }
                patterns.append(pattern)
            }
            if !accept(",") { break }
        }
        try expectClosing(")")
        return Pattern(.classPattern(cls: cls, patterns: patterns, keywordNames: names, keywordPatterns: keywordPatterns), at: cls.location)
    }
}

/// Atoms and trailers: names, literals, displays, comprehensions, calls, attributes and subscripts.
extension Parser {
    mutating func parsePrimary() throws(SyntaxError) -> Expression {
        var expression = try parseAtom()
        var links = 0
        defer { leaveChain(links) }
        while true {
            if check(".") || check("(") || check("[") {
                try extendChain()
                links += 1
            }
            if accept(".") {
                expression = Expression(.attribute(expression, try expectIdentifier()), at: expression.location)
            } else if accept("(") {
                let (arguments, keywords) = try parseArguments()
                try expectClosing(")")
                expression = Expression(.call(function: expression, arguments: arguments, keywords: keywords), at: expression.location)
            } else if accept("[") {
                let index = try parseSubscript()
                try expectClosing("]")
                expression = Expression(.subscript(expression, index), at: expression.location)
            } else {
                return expression
            }
        }
    }

    /// The closer of a bracketed construct; two expressions side by side get CPython's comma hint.
    mutating func expectClosing(_ closer: String) throws(SyntaxError) {
        guard !accept(closer) else { return }
        if startsExpression() && !check("*") && !check("**") {
            throw error("invalid syntax. Perhaps you forgot a comma?", at: previousExpressionStart())
        }
        throw invalidSyntax()
    }

    /// The token where the expression just before the cursor begins (for the comma hint's caret).
    private func previousExpressionStart() -> Token {
        var i = index - 1
        var nesting = 0
        while i >= 0 {
            let token = tokens[i]
            if token.isOp(")") || token.isOp("]") || token.isOp("}") { nesting += 1 }
            if token.isOp("(") || token.isOp("[") || token.isOp("{") {
                if nesting == 0 { return tokens[i + 1] }
                nesting -= 1
            }
            if nesting == 0 && token.isOp(",") { return tokens[i + 1] }
            i -= 1
        }
        return tokens[max(i, 0)]
    }

    private mutating func parseAtom() throws(SyntaxError) -> Expression {
        let token = current
        let at = token.location
        switch token.kind {
        case .name(let name):
            switch name {
            case "None":
                advance()
                return Expression(.constant(.none), at: at)
            case "True", "False":
                advance()
                return Expression(.constant(.bool(name == "True")), at: at)
            default:
                guard !pythonKeywords.contains(name) else { throw invalidSyntax() }
                advance()
                return Expression(.name(name), at: at)
            }
        case .number(let constant):
            advance()
            return Expression(.constant(constant), at: at)
        case .string:
            return try parseStrings()
        case .op("..."):
            advance()
            return Expression(.constant(.ellipsis), at: at)
        case .op("("):
            advance()
            return try parseParenthesized(at: at)
        case .op("["):
            advance()
            return try parseListDisplay(at: at)
        case .op("{"):
            advance()
            return try parseBraceDisplay(at: at)
        default:
            throw invalidSyntax()
        }
    }

    private mutating func parseParenthesized(at: SourceLocation) throws(SyntaxError) -> Expression {
        if accept(")") { return Expression(.tuple([]), at: at) }
        if current.isName("yield") {
            let value = try parseYield()
            try expectClosing(")")
            return value
        }
        let first = try parseStarNamedExpression()
        if atComprehension {
            let generators = try parseComprehensionClauses()
            try expectClosing(")")
            return Expression(.generatorExpression(element: first, generators: generators), at: at)
        }
        guard check(",") else {
            try expectClosing(")")
            if case .starred = first.kind { throw error("cannot use starred expression here", at: first) }
            return first
        }
        let elements = try parseElements(after: first, closing: ")")
        return Expression(.tuple(elements), at: at)
    }

    /// The rest of a comma-separated display after its first element, through the closer.
    private mutating func parseElements(after first: Expression, closing: String) throws(SyntaxError) -> [Expression] {
        var elements = [first]
        while accept(",") {
            if check(closing) { break }
            elements.append(try parseStarNamedExpression())
        }
        try expectClosing(closing)
        return elements
    }

    private mutating func parseListDisplay(at: SourceLocation) throws(SyntaxError) -> Expression {
        if accept("]") { return Expression(.list([]), at: at) }
        let first = try parseStarNamedExpression()
        if atComprehension {
            let generators = try parseComprehensionClauses()
            try expectClosing("]")
            return Expression(.listComprehension(element: first, generators: generators), at: at)
        }
        return Expression(.list(try parseElements(after: first, closing: "]")), at: at)
    }

    private mutating func parseBraceDisplay(at: SourceLocation) throws(SyntaxError) -> Expression {
        if accept("}") { return Expression(.dict([]), at: at) }
        if check("**") { return try parseDictEntries(first: nil, at: at) }
        let first = try parseStarNamedExpression()
        if check(":") {
            let colon = advance()
            if check("}") || check(",") {
                throw error("expression expected after dictionary key and ':'", at: colon)
            }
            let value = try parseTest()
            if atComprehension {
                let generators = try parseComprehensionClauses()
                try expectClosing("}")
                return Expression(.dictComprehension(key: first, value: value, generators: generators), at: at)
            }
            return try parseDictEntries(first: (first, value), at: at)
        }
        if atComprehension {
            let generators = try parseComprehensionClauses()
            try expectClosing("}")
            return Expression(.setComprehension(element: first, generators: generators), at: at)
        }
        return Expression(.set(try parseElements(after: first, closing: "}")), at: at)
    }

    private mutating func parseDictEntries(first: (Expression, Expression)?, at: SourceLocation) throws(SyntaxError) -> Expression {
        var entries: [(key: Expression?, value: Expression)] = []
        if let first {
            entries.append((first.0, first.1))
            guard accept(",") else {
                try expectClosing("}")
                return Expression(.dict(entries), at: at)
            }
        }
        while !check("}") {
            if accept("**") {
                entries.append((nil, try parseBitOr()))
            } else {
                let key = try parseTest()
                guard accept(":") else { throw error("':' expected after dictionary key", at: current) }
                entries.append((key, try parseTest()))
            }
            guard accept(",") else { break }
        }
        try expectClosing("}")
        return Expression(.dict(entries), at: at)
    }

    /// `for` or `async for` starts a comprehension clause here.
    var atComprehension: Bool { current.isName("for") || (current.isName("async") && peek().isName("for")) }

    /// `for target in iterable if cond …`, repeated.
    mutating func parseComprehensionClauses() throws(SyntaxError) -> [Comprehension] {
        var generators: [Comprehension] = []
        while current.isName("for") || (current.isName("async") && peek().isName("for")) {
            var isAsync = false
            if current.isName("async") {
                if !context.inAsync { throw error("asynchronous comprehension outside of an asynchronous function", at: current) }
                advance()
                isAsync = true
            }
            advance()
            let target = try parseTargetList()
            try validateTarget(target, context: .assign)
            guard acceptKeyword("in") else { throw invalidSyntax() }
            let iterable = try parseOr()
            var conditions: [Expression] = []
            while acceptKeyword("if") { conditions.append(try parseOr()) }
            generators.append(Comprehension(target: target, iterable: iterable, conditions: conditions, isAsync: isAsync))
        }
        return generators
    }

    // MARK: - Subscripts

    private mutating func parseSubscript() throws(SyntaxError) -> Expression {
        let first = try parseSliceItem()
        guard check(",") else {
            // PEP 646: `x[*a]` subscripts with the tuple `(*a,)`.
            if case .starred = first.kind { return Expression(.tuple([first]), at: first.location) }
            return first
        }
        var elements = [first]
        while accept(",") {
            if check("]") { break }
            elements.append(try parseSliceItem())
        }
        return Expression(.tuple(elements), at: first.location)
    }

    private mutating func parseSliceItem() throws(SyntaxError) -> Expression {
        let at = current.location
        var lower: Expression?
        if !check(":") {
            if check("*") { return try parseStarNamedExpression() }
            lower = try parseNamedExpression()
            guard check(":") else { return lower! }
        }
        advance()
        let upper: Expression? = check(":") || check("]") || check(",") ? nil : try parseTest()
        var step: Expression?
        if accept(":") { step = check("]") || check(",") ? nil : try parseTest() }
        return Expression(.slice(lower: lower, upper: upper, step: step), at: at)
    }

    // MARK: - Call arguments

    /// Arguments up to (not including) `)`: positional (maybe `*x`), `name=value`, `**mapping`, or one
    /// bare generator expression.
    mutating func parseArguments() throws(SyntaxError) -> ([Expression], [Keyword]) {
        var arguments: [Expression] = []
        var keywords: [Keyword] = []
        var sawUnpacking = false
        var count = 0
        while !check(")") {
            let at = current
            count += 1
            if accept("**") {
                keywords.append(Keyword(name: nil, value: try parseTest(), location: at.location))
                sawUnpacking = true
            } else if accept("*") {
                arguments.append(Expression(.starred(try parseTest()), at: at.location))
            } else if case .name(let name) = at.kind, peek().isOp("="), !pythonKeywords.contains(name) {
                advance()
                advance()
                keywords.append(Keyword(name: name, value: try parseTest(), location: at.location))
            } else {
                var value = try parseNamedExpression()
                if atComprehension {
                    let generators = try parseComprehensionClauses()
                    value = Expression(.generatorExpression(element: value, generators: generators), at: value.location)
                    if count > 1 || check(",") && !peek().isOp(")") {
                        throw error("Generator expression must be parenthesized", at: value)
                    }
                }
                if check("=") {
                    throw error("expression cannot contain assignment, perhaps you meant \"==\"?", at: value)
                }
                if sawUnpacking { throw error("positional argument follows keyword argument unpacking", at: value) }
                if !keywords.isEmpty { throw error("positional argument follows keyword argument", at: value) }
                arguments.append(value)
            }
            guard accept(",") else { break }
        }
        return (arguments, keywords)
    }
}

/// Expressions by precedence, lowest first (https://docs.python.org/3.11/reference/expressions.html#operator-precedence):
/// lambda < conditional < or < and < not < comparisons < | < ^ < & < shifts < + - < * / // % @ < unary < ** < primary.
extension Parser {
    /// Could the current token begin an expression? (Decides optional operands: `return`, `raise`, trailing commas.)
    func startsExpression() -> Bool {
        switch current.kind {
        case .name(let name):
            return !pythonKeywords.contains(name)
                || ["None", "True", "False", "not", "lambda", "await", "yield"].contains(name)
        case .number, .string: return true
        case .op(let op): return ["(", "[", "{", "-", "+", "~", "*", "...", "**"].contains(op)
        default: return false
        }
    }

    /// `star_expressions`: `a, *b, c` → a tuple when a comma appears.
    mutating func parseStarExpressions() throws(SyntaxError) -> Expression {
        let first = try parseStarExpression()
        guard check(",") else { return first }
        var elements = [first]
        while accept(",") {
            guard startsExpression(), !check("**") else { break }
            elements.append(try parseStarExpression())
        }
        return Expression(.tuple(elements), at: first.location)
    }

    mutating func parseStarExpression() throws(SyntaxError) -> Expression {
        guard check("*") else { return try parseTest() }
        let star = advance()
        return Expression(.starred(try parseBitOr()), at: star.location)
    }

    /// An element of a display: `*x` or a (possibly walrus) expression.
    mutating func parseStarNamedExpression() throws(SyntaxError) -> Expression {
        guard check("*") else { return try parseNamedExpression() }
        let star = advance()
        return Expression(.starred(try parseBitOr()), at: star.location)
    }

    /// `named_expression`: `name := value` or an expression.
    mutating func parseNamedExpression() throws(SyntaxError) -> Expression {
        if case .name(let name) = current.kind, !pythonKeywords.contains(name), peek().isOp(":=") {
            let start = advance()
            advance()
            let value = try parseTest()
            return Expression(.namedExpression(target: name, value: value), at: start.location)
        }
        let expression = try parseTest()
        if check(":=") {
            throw error("cannot use assignment expressions with \(describe(expression))", at: expression)
        }
        return expression
    }

    /// `expression`: a conditional expression or a lambda.
    mutating func parseTest() throws(SyntaxError) -> Expression {
        try enter()
        defer { leave() }
        if current.isName("lambda") { return try parseLambda() }
        let body = try parseOr()
        guard current.isName("if") else { return body }
        advance()
        let test = try parseOr()
        guard acceptKeyword("else") else { throw error("expected 'else' after 'if' expression", at: body) }
        let orElse = try parseTest()
        return Expression(.conditional(test: test, body: body, orElse: orElse), at: body.location)
    }

    private mutating func parseLambda() throws(SyntaxError) -> Expression {
        let start = advance()
        let parameters = try parseParameters(closing: ":", annotations: false)
        try expect(":")
        let saved = context
        context.loops = 0
        context.functions += 1
        context.inAsync = false
        defer { context = saved }
        let body = try parseTest()
        return Expression(.lambda(parameters, body: body), at: start.location)
    }

    mutating func parseOr() throws(SyntaxError) -> Expression {
        let first = try parseAnd()
        guard current.isName("or") else { return first }
        var values = [first]
        while acceptKeyword("or") { values.append(try parseAnd()) }
        return Expression(.boolean(.or, values), at: first.location)
    }

    private mutating func parseAnd() throws(SyntaxError) -> Expression {
        let first = try parseNot()
        guard current.isName("and") else { return first }
        var values = [first]
        while acceptKeyword("and") { values.append(try parseNot()) }
        return Expression(.boolean(.and, values), at: first.location)
    }

    private mutating func parseNot() throws(SyntaxError) -> Expression {
        guard current.isName("not") else { return try parseComparison() }
        let start = advance()
        try enter()
        defer { leave() }
        return Expression(.unary(.not, try parseNot()), at: start.location)
    }

    private mutating func comparisonOperator() -> ComparisonOperator? {
        switch current.kind {
        case .op(let op):
            guard let comparison = Self.comparisonOperator(op) else { return nil }
            advance()
            return comparison
        case .name("in"):
            advance()
            return .in
        case .name("not") where peek().isName("in"):
            advance()
            advance()
            return .notIn
        case .name("is"):
            advance()
            return acceptKeyword("not") ? .isNot : .is
        default:
            return nil
        }
    }

    private mutating func parseComparison() throws(SyntaxError) -> Expression {
        let first = try parseBitOr()
        var rest: [(ComparisonOperator, Expression)] = []
        while let op = comparisonOperator() { rest.append((op, try parseBitOr())) }
        return rest.isEmpty ? first : Expression(.compare(first, rest), at: first.location)
    }

    /// The comparison spelled by operator token `op` (`<`, `>`, `==`, `!=`, `<=`, `>=`), by its bytes: the
    /// enum's `init(rawValue:)` compares strings one case after another, for every operator token met.
    private static func comparisonOperator(_ op: String) -> ComparisonOperator? {
        let u = op.utf8
        guard let a = u.first else { return nil }
        switch u.count {
        case 1: return a == UInt8(ascii: "<") ? .less : a == UInt8(ascii: ">") ? .greater : nil
        case 2:
            guard u.last == UInt8(ascii: "=") else { return nil }
            switch a {
            case UInt8(ascii: "="): return .equal
            case UInt8(ascii: "!"): return .notEqual
            case UInt8(ascii: "<"): return .lessEqual
            case UInt8(ascii: ">"): return .greaterEqual
            default: return nil
            }
        default: return nil
        }
    }

    /// Left-associative binary levels, from 0 (`|`), `^`, `&`, `<< >>`, `+ -` to 5 (`* / // % @`).
    private static let binaryLevelCount = 6

    /// The binary operator spelled by operator token `op` and its level, by its bytes (every atom's
    /// following token is tested at all six levels).
    private static func binaryOperator(_ op: String) -> (BinaryOperator, level: Int)? {
        let u = op.utf8
        guard let a = u.first else { return nil }
        if u.count == 2 {
            guard u.last == a else { return nil }
            switch a {
            case UInt8(ascii: "/"): return (.floorDivide, 5)
            case UInt8(ascii: "<"): return (.leftShift, 3)
            case UInt8(ascii: ">"): return (.rightShift, 3)
            default: return nil  // "**" binds tighter (parsePower)
            }
        }
        guard u.count == 1 else { return nil }
        switch a {
        case UInt8(ascii: "|"): return (.bitOr, 0)
        case UInt8(ascii: "^"): return (.bitXor, 1)
        case UInt8(ascii: "&"): return (.bitAnd, 2)
        case UInt8(ascii: "+"): return (.add, 4)
        case UInt8(ascii: "-"): return (.subtract, 4)
        case UInt8(ascii: "*"): return (.multiply, 5)
        case UInt8(ascii: "/"): return (.trueDivide, 5)
        case UInt8(ascii: "%"): return (.modulo, 5)
        case UInt8(ascii: "@"): return (.matrixMultiply, 5)
        default: return nil
        }
    }

    mutating func parseBitOr() throws(SyntaxError) -> Expression { try parseBinary(level: 0) }

    private mutating func parseBinary(level: Int) throws(SyntaxError) -> Expression {
        guard level < Self.binaryLevelCount else { return try parseFactor() }
        var left = try parseBinary(level: level + 1)
        var links = 0
        defer { leaveChain(links) }
        while case .op(let op) = current.kind, let (binary, opLevel) = Self.binaryOperator(op), opLevel == level {
            try extendChain()
            links += 1
            advance()
            let right = try parseBinary(level: level + 1)
            left = Expression(.binary(left, binary, right), at: left.location)
        }
        return left
    }

    private mutating func parseFactor() throws(SyntaxError) -> Expression {
        let unary: UnaryOperator? = check("-") ? .negate : check("+") ? .plus : check("~") ? .invert : nil
        guard let unary else { return try parsePower() }
        let start = advance()
        try enter()
        defer { leave() }
        return Expression(.unary(unary, try parseFactor()), at: start.location)
    }

    private mutating func parsePower() throws(SyntaxError) -> Expression {
        var base: Expression
        if current.isName("await") {
            let start = current
            if !context.inAsync {
                throw error(context.functions > 0 ? "'await' outside async function" : "'await' outside function", at: start)
            }
            advance()
            try enter()
            defer { leave() }
            base = Expression(.await(try parsePrimary()), at: start.location)
        } else {
            base = try parsePrimary()
        }
        guard accept("**") else { return base }
        try enter()
        defer { leave() }
        let exponent = try parseFactor()
        return Expression(.binary(base, .power, exponent), at: base.location)
    }

    mutating func parseYield() throws(SyntaxError) -> Expression {
        guard context.functions > 0 else { throw error("'yield' outside function", at: current) }
        let start = advance()
        if acceptKeyword("from") {
            if context.inAsync { throw error("'yield from' inside async function", at: start) }
            return Expression(.yieldFrom(try parseTest()), at: start.location)
        }
        let value: Expression? = startsExpression() ? try parseStarExpressions() : nil
        return Expression(.yield(value), at: start.location)
    }

    // MARK: - Targets

    /// `star_targets` for `for` and comprehensions: stops before `in`, so elements are `|`-level.
    mutating func parseTargetList() throws(SyntaxError) -> Expression {
        let first = try parseTarget()
        guard check(",") else { return first }
        var elements = [first]
        while accept(",") {
            guard startsExpression(), !current.isName("in") else { break }
            elements.append(try parseTarget())
        }
        return Expression(.tuple(elements), at: first.location)
    }

    mutating func parseTarget() throws(SyntaxError) -> Expression {
        guard check("*") else { return try parseBitOr() }
        let star = advance()
        return Expression(.starred(try parseBitOr()), at: star.location)
    }
}

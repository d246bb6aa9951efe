/// Statements: `statement: compound_stmt | simple_stmts` in `Grammar/python.gram`.
extension Parser {
    mutating func parseStatement() throws(SyntaxError) -> [Statement] {
        let start = current
        guard case .name(let word) = start.kind else {
            if start.isOp("@") { return [try parseDecorated()] }
            if start.kind == .indent { throw error("unexpected indent", at: start) }
            return try parseSimpleStatements()
        }
        switch word {
        case "if":
            advance()
            return [try parseIf(at: start)]
        case "while":
            advance()
            let test = try parseNamedExpression()
            let body = try parseLoopBody(after: "'while' statement", line: start.location.line)
            let orElse = try parseElse()
            return [Statement(.whileStatement(test: test, body: body, orElse: orElse), at: start.location)]
        case "for":
            advance()
            return [try parseFor(at: start)]
        case "try":
            advance()
            return [try parseTry(at: start)]
        case "with":
            advance()
            return [try parseWith(at: start)]
        case "def":
            return [try parseFunctionDef(decorators: [], at: start.location)]
        case "class":
            return [try parseClassDef(decorators: [], at: start.location)]
        case "async":
            return [try parseAsync(decorators: [], at: start)]
        case "match" where isMatchStatement():
            advance()
            return [try parseMatch(at: start)]
        default:
            return try parseSimpleStatements()
        }
    }

    /// `match x:` (a soft keyword): the name `match`, not followed by an operator, with a line ending in ':'.
    func isMatchStatement() -> Bool {
        let next = peek()
        if case .op(let op) = next.kind, !["(", "[", "{", "-", "*", "~"].contains(op) { return false }
        if next.kind == .newline || next.kind == .endOfFile { return false }
        var i = index
        while i < tokens.count, tokens[i].kind != .newline { i += 1 }
        return i > 0 && tokens[i - 1].isOp(":")
    }

    private mutating func parseIf(at start: Token) throws(SyntaxError) -> Statement {
        let test = try parseNamedExpression()
        let body = try parseBlock(after: "'\(start.isName("if") ? "if" : "elif")' statement", line: start.location.line)
        var orElse: [Statement] = []
        if current.isName("elif") {
            let elif = advance()
            orElse = [try parseIf(at: elif)]
        } else {
            orElse = try parseElse()
        }
        return Statement(.ifStatement(test: test, body: body, orElse: orElse), at: start.location)
    }

    private mutating func parseElse() throws(SyntaxError) -> [Statement] {
        guard current.isName("else") else { return [] }
        let line = advance().location.line
        return try parseBlock(after: "'else' statement", line: line)
    }

    private mutating func parseFor(at start: Token) throws(SyntaxError) -> Statement {
        let target = try parseTargetList()
        try validateTarget(target, context: .assign)
        guard acceptKeyword("in") else { throw invalidSyntax() }
        let iterable = try parseStarExpressions()
        let body = try parseLoopBody(after: "'for' statement", line: start.location.line)
        let orElse = try parseElse()
        return Statement(.forStatement(target: target, iterable: iterable, body: body, orElse: orElse), at: start.location)
    }

    private mutating func parseLoopBody(after what: String, line: Int32) throws(SyntaxError) -> [Statement] {
        context.loops += 1
        defer { context.loops -= 1 }
        return try parseBlock(after: what, line: line)
    }

    private mutating func parseTry(at start: Token) throws(SyntaxError) -> Statement {
        let body = try parseBlock(after: "'try' statement", line: start.location.line)
        var handlers: [ExceptHandler] = []
        var star: Bool?
        while current.isName("except") {
            let handlerStart = advance()
            let isStar = accept("*")
            if let star, star != isStar { throw error("cannot have both 'except' and 'except*' on the same 'try'", at: handlerStart) }
            star = isStar
            if isStar && check(":") { throw error("expected one or more exception types", at: current) }
            var type: Expression?
            var name: String?
            if !check(":") {
                let first = try parseTest()
                if check(",") {
                    throw error("multiple exception types must be parenthesized", at: first)
                }
                type = first
                if acceptKeyword("as") { name = try expectIdentifier() }
            }
            let handlerBody = try parseBlock(after: "'except' statement", line: handlerStart.location.line)
            handlers.append(ExceptHandler(type: type, name: name, body: handlerBody, location: handlerStart.location))
        }
        let orElse = handlers.isEmpty ? [] : try parseElse()
        var finally: [Statement] = []
        if current.isName("finally") {
            let line = advance().location.line
            finally = try parseBlock(after: "'finally' statement", line: line)
        }
        if handlers.isEmpty && finally.isEmpty {
            throw error("expected 'except' or 'finally' block", at: current)
        }
        if star == true { handlers = try lowerExceptStar(handlers, at: start) }
        return Statement(.tryStatement(body: body, handlers: handlers, orElse: orElse, finally: finally), at: start.location)
    }

    private mutating func parseWith(at start: Token) throws(SyntaxError) -> Statement {
        var items: [WithItem]
        if check("("), let parenthesized = try? parseParenthesizedWithItems() {
            items = parenthesized
        } else {
            items = [try parseWithItem()]
            while accept(",") { items.append(try parseWithItem()) }
        }
        let body = try parseBlock(after: "'with' statement", line: start.location.line)
        return Statement(.with(items: items, body: body), at: start.location)
    }

    /// 3.11's `with (a as b, c as d):`; restores the cursor and throws if the parentheses are an expression.
    private mutating func parseParenthesizedWithItems() throws(SyntaxError) -> [WithItem] {
        let saved = index
        do throws(SyntaxError) {
            advance()
            var items = [try parseWithItem()]
            while accept(",") {
                if check(")") { break }
                items.append(try parseWithItem())
            }
            try expect(")")
            guard check(":") else { throw invalidSyntax() }
            return items
        } catch {
            index = saved
            throw error
        }
    }

    private mutating func parseWithItem() throws(SyntaxError) -> WithItem {
        let context = try parseTest()
        guard acceptKeyword("as") else { return WithItem(context: context, target: nil) }
        let target = try parseTarget()
        try validateTarget(target, context: .assign)
        return WithItem(context: context, target: target)
    }

    private mutating func parseDecorated() throws(SyntaxError) -> Statement {
        var decorators: [Expression] = []
        let start = current.location
        while accept("@") {
            decorators.append(try parseNamedExpression())
            guard current.kind == .newline else { throw invalidSyntax() }
            advance()
        }
        if current.isName("def") { return try parseFunctionDef(decorators: decorators, at: start) }
        if current.isName("class") { return try parseClassDef(decorators: decorators, at: start) }
        if current.isName("async"), peek().isName("def") {
            advance()
            return try parseFunctionDef(decorators: decorators, at: start, isAsync: true)
        }
        throw invalidSyntax()
    }

    /// `async def`, `async for`, `async with` (PEP 492); the latter two only inside an `async def`.
    private mutating func parseAsync(decorators: [Expression], at start: Token) throws(SyntaxError) -> Statement {
        let next = peek()
        if next.isName("def") {
            advance()
            return try parseFunctionDef(decorators: decorators, at: start.location, isAsync: true)
        }
        guard next.isName("for") || next.isName("with") else {
            advance()
            throw invalidSyntax()
        }
        if !context.inAsync {
            let what = next.isName("for") ? "for" : "with"
            throw error("'async \(what)' outside async function", at: start)
        }
        advance()
        let keyword = advance()
        let plain = keyword.isName("for") ? try parseFor(at: start) : try parseWith(at: start)
        switch plain.kind {
        case .forStatement(let target, let iterable, let body, let orElse):
            return Statement(.asyncFor(target: target, iterable: iterable, body: body, orElse: orElse), at: start.location)
        case .with(let items, let body):
            return Statement(.asyncWith(items: items, body: body), at: start.location)
        default:
            return plain
        }
    }

    private mutating func parseFunctionDef(decorators: [Expression], at start: SourceLocation, isAsync: Bool = false) throws(SyntaxError) -> Statement {
        let line = advance().location.line
        let name = try expectIdentifier()
        guard check("(") else { throw error("expected '('", at: current) }
        advance()
        let parameters = try parseParameters(closing: ")", annotations: true)
        try expect(")")
        var returns: Expression?
        if accept("->") { returns = try parseTest() }
        let saved = context
        context.loops = 0
        context.functions += 1
        context.inAsync = isAsync
        defer { context = saved }
        let body = try parseBlock(after: "function definition", line: line)
        let def = FunctionDef(name: name, parameters: parameters, body: body, decorators: decorators, returns: returns, isAsync: isAsync)
        return Statement(.functionDef(def), at: start)
    }

    private mutating func parseClassDef(decorators: [Expression], at start: SourceLocation) throws(SyntaxError) -> Statement {
        let line = advance().location.line
        let name = try expectIdentifier()
        var bases: [Expression] = []
        var keywords: [Keyword] = []
        if accept("(") {
            (bases, keywords) = try parseArguments()
            try expect(")")
        }
        let saved = context
        context = BlockContext(loops: 0, functions: 0, classes: saved.classes + 1, inAsync: false)
        defer { context = saved }
        let body = try parseBlock(after: "class definition", line: line)
        let def = ClassDef(name: name, bases: bases, keywords: keywords, body: body, decorators: decorators)
        return Statement(.classDef(def), at: start)
    }

    // MARK: - Simple statements

    /// `simple_stmt (';' simple_stmt)* [';'] NEWLINE`.
    mutating func parseSimpleStatements() throws(SyntaxError) -> [Statement] {
        var statements = [try parseSmallStatement()]
        while accept(";") {
            if current.kind == .newline { break }
            statements.append(try parseSmallStatement())
        }
        guard current.kind == .newline || current.kind == .endOfFile else { throw invalidSyntax() }
        advance()
        return statements
    }
}

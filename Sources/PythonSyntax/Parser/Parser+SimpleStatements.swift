/// One-line statements: keywords (`return`, `import`, `global`, …) and expression statements, which are
/// where assignments are recognised (the target is parsed as an expression, then validated).
extension Parser {
    mutating func parseSmallStatement() throws(SyntaxError) -> Statement {
        let start = current
        let at = start.location
        guard case .name(let word) = start.kind else { return try parseExpressionStatement() }
        switch word {
        case "pass":
            advance()
            return Statement(.pass, at: at)
        case "break":
            guard context.loops > 0 else { throw error("'break' outside loop", at: start) }
            advance()
            return Statement(.breakStatement, at: at)
        case "continue":
            guard context.loops > 0 else { throw error("'continue' not properly in loop", at: start) }
            advance()
            return Statement(.continueStatement, at: at)
        case "return":
            guard context.functions > 0 else { throw error("'return' outside function", at: start) }
            advance()
            let value: Expression? = startsExpression() ? try parseStarExpressions() : nil
            return Statement(.returnStatement(value), at: at)
        case "raise":
            advance()
            guard startsExpression() else { return Statement(.raise(exception: nil, cause: nil), at: at) }
            let exception = try parseTest()
            let cause: Expression? = acceptKeyword("from") ? try parseTest() : nil
            return Statement(.raise(exception: exception, cause: cause), at: at)
        case "global", "nonlocal":
            if word == "nonlocal" && context.functions == 0 && context.classes == 0 {
                throw error("nonlocal declaration not allowed at module level", at: start)
            }
            advance()
            var names = [try expectIdentifier()]
            while accept(",") { names.append(try expectIdentifier()) }
            return Statement(word == "global" ? .global(names) : .nonlocal(names), at: at)
        case "del":
            advance()
            var targets = [try parseTarget()]
            while accept(",") {
                guard startsExpression() else { break }
                targets.append(try parseTarget())
            }
            for target in targets { try validateTarget(target, context: .delete) }
            return Statement(.delete(targets), at: at)
        case "assert":
            advance()
            let test = try parseTest()
            let message: Expression? = accept(",") ? try parseTest() : nil
            return Statement(.assert(test: test, message: message), at: at)
        case "import":
            advance()
            var aliases = [try parseImportAlias(dotted: true)]
            while accept(",") { aliases.append(try parseImportAlias(dotted: true)) }
            return Statement(.importModules(aliases), at: at)
        case "from":
            advance()
            return try parseFromImport(at: at)
        default:
            return try parseExpressionStatement()
        }
    }

    private mutating func parseImportAlias(dotted: Bool) throws(SyntaxError) -> ImportAlias {
        let at = current.location
        var name = try expectIdentifier()
        while dotted && accept(".") { name += "." + (try expectIdentifier()) }
        let asName: String? = acceptKeyword("as") ? try expectIdentifier() : nil
        return ImportAlias(name: name, asName: asName, location: at)
    }

    private mutating func parseFromImport(at: SourceLocation) throws(SyntaxError) -> Statement {
        var level = 0
        while true {
            if accept(".") {
                level += 1
            } else if accept("...") {
                level += 3
            } else {
                break
            }
        }
        var module: String?
        if !current.isName("import") {
            var name = try expectIdentifier()
            while accept(".") { name += "." + (try expectIdentifier()) }
            module = name
        } else if level == 0 {
            throw invalidSyntax()
        }
        try expectKeyword("import")
        if check("*") {
            let star = advance()
            return Statement(.importFrom(module: module, names: [ImportAlias(name: "*", asName: nil, location: star.location)], level: level), at: at)
        }
        let parenthesized = accept("(")
        var names = [try parseImportAlias(dotted: false)]
        while accept(",") {
            if parenthesized && check(")") { break }
            if !parenthesized && (current.kind == .newline || check(";")) {
                throw error("trailing comma not allowed without surrounding parentheses", at: previous)
            }
            names.append(try parseImportAlias(dotted: false))
        }
        if parenthesized { try expect(")") }
        return Statement(.importFrom(module: module, names: names, level: level), at: at)
    }

    // MARK: - Expression statements and assignments

    private mutating func parseExpressionStatement() throws(SyntaxError) -> Statement {
        let at = current.location
        if current.isName("print"), case .string = peek().kind {
            throw error("Missing parentheses in call to 'print'. Did you mean print(...)?", at: current)
        }
        let first = try parseYieldOrStarExpressions()
        if check("=") {
            var items = [first]
            while accept("=") { items.append(try parseYieldOrStarExpressions()) }
            let value = items.removeLast()
            for target in items {
                try validateTarget(target, context: .assign, hint: items.count == 1)
            }
            return Statement(.assign(targets: items, value: value), at: at)
        }
        if case .op(let op) = current.kind, op.count >= 2, op.hasSuffix("="), let binary = BinaryOperator(rawValue: String(op.dropLast())) {
            switch first.kind {
            case .name, .attribute, .subscript: break
            default:
                throw error("'\(describe(first))' is an illegal expression for augmented assignment", at: first)
            }
            advance()
            let value = try parseYieldOrStarExpressions()
            return Statement(.augmentedAssign(target: first, op: binary, value: value), at: at)
        }
        if check(":") {
            switch first.kind {
            case .name, .attribute, .subscript: break
            case .tuple: throw error("only single target (not tuple) can be annotated", at: first)
            case .list: throw error("only single target (not list) can be annotated", at: first)
            default: throw error("illegal target for annotation", at: first)
            }
            advance()
            let annotation = try parseTest()
            let value: Expression? = accept("=") ? try parseYieldOrStarExpressions() : nil
            return Statement(.annotatedAssign(target: first, annotation: annotation, value: value), at: at)
        }
        return Statement(.expression(first), at: at)
    }

    mutating func parseYieldOrStarExpressions() throws(SyntaxError) -> Expression {
        current.isName("yield") ? try parseYield() : try parseStarExpressions()
    }
}

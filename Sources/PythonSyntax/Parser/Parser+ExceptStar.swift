/// `try … except* T as e: …` (PEP 654), lowered while parsing to a plain `try` whose one bare `except` runs
/// each `except*` clause in turn on what the previous ones left (hidden builtins `__exceptstar_*__` split
/// the exception group and re-raise the rest as CPython's `_PyExc_PrepReraiseStar` does):
///
///     except:
///         .esN = __exceptstar_begin__()
///         .emN = __exceptstar_match__(.esN, T)
///         if .emN is not None:
///             try:
///                 try:
///                     __exceptstar_raise__(.emN)       # the clause handles the matched group
///                 except:
///                     e = .emN
///                     <clause body>                    # a bare `raise` re-raises the matched group
///             except:
///                 __exceptstar_raised__(.esN)
///         … (next clause)
///         __exceptstar_end__(.esN)
extension Parser {
    mutating func lowerExceptStar(_ clauses: [ExceptHandler], at start: Token) throws(SyntaxError) -> [ExceptHandler] {
        for clause in clauses { try rejectEscapes(clause.body, inLoop: false) }
        hiddenNames += 1
        let id = hiddenNames
        let location = start.location
        func name(_ n: String) -> Expression { Expression(.name(n), at: location) }
        func call(_ f: String, _ args: [Expression]) -> Expression {
            Expression(.call(function: name(f), arguments: args, keywords: []), at: location)
        }
        func statement(_ kind: StatementKind) -> Statement { Statement(kind, at: location) }
        let state = ".es\(id)"
        let matched = ".em\(id)"
        var body: [Statement] = [statement(.assign(targets: [name(state)], value: call("__exceptstar_begin__", [])))]
        for clause in clauses {
            guard let type = clause.type else { continue }
            body.append(statement(.assign(targets: [name(matched)], value: call("__exceptstar_match__", [name(state), type]))))
            var handler: [Statement] = []
            if let n = clause.name { handler.append(Statement(.assign(targets: [Expression(.name(n), at: clause.location)], value: name(matched)), at: clause.location)) }
            handler += clause.body
            let inner = statement(.tryStatement(
                body: [statement(.expression(call("__exceptstar_raise__", [name(matched)])))],
                handlers: [ExceptHandler(type: nil, name: nil, body: handler, location: clause.location)], orElse: [], finally: []))
            let outer = statement(.tryStatement(
                body: [inner],
                handlers: [ExceptHandler(type: nil, name: nil, body: [statement(.expression(call("__exceptstar_raised__", [name(state)])))], location: location)],
                orElse: [], finally: []))
            let test = Expression(.compare(name(matched), [(.isNot, Expression(.constant(.none), at: location))]), at: location)
            body.append(statement(.ifStatement(test: test, body: [outer], orElse: [])))
        }
        body.append(statement(.expression(call("__exceptstar_end__", [name(state)]))))
        return [ExceptHandler(type: nil, name: nil, body: body, location: location)]
    }

    /// `break`, `continue` and `return` may not leave an `except*` block.
    private func rejectEscapes(_ body: [Statement], inLoop: Bool) throws(SyntaxError) {
        for s in body {
            switch s.kind {
            case .returnStatement, .breakStatement where !inLoop, .continueStatement where !inLoop:
                throw SyntaxError("'break', 'continue' and 'return' cannot appear in an except* block", fileName: fileName, location: s.location,
                                  sourceLine: Lexer.lineText(in: source, line: s.location.line))
            case .whileStatement(_, let b, let o), .forStatement(_, _, let b, let o), .asyncFor(_, _, let b, let o):
                try rejectEscapes(b, inLoop: true)
                try rejectEscapes(o, inLoop: inLoop)
            case .ifStatement(_, let b, let o):
                try rejectEscapes(b, inLoop: inLoop)
                try rejectEscapes(o, inLoop: inLoop)
            case .with(_, let b), .asyncWith(_, let b):
                try rejectEscapes(b, inLoop: inLoop)
            case .tryStatement(let b, let handlers, let o, let f):
                try rejectEscapes(b, inLoop: inLoop)
                for h in handlers { try rejectEscapes(h.body, inLoop: inLoop) }
                try rejectEscapes(o, inLoop: inLoop)
                try rejectEscapes(f, inLoop: inLoop)
            case .match(_, let cases):
                for c in cases { try rejectEscapes(c.body, inLoop: inLoop) }
            default:
                break
            }
        }
    }
}

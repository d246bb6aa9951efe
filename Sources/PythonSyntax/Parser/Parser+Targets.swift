/// Assignment and deletion targets are parsed as expressions and checked here, with the messages of
/// CPython's `invalid_assignment`/`invalid_del_stmt` rules and `_PyPegen_get_expr_name`.
extension Parser {
    enum TargetContext {
        case assign
        case delete
    }

    /// `hint`: a single `target = value`, where CPython suggests `==` for `|`-level expressions.
    func validateTarget(_ target: Expression, context: TargetContext, hint: Bool = false) throws(SyntaxError) {
        switch target.kind {
        case .name, .attribute, .subscript:
            return
        case .tuple(let elements), .list(let elements):
            var starred = 0
            for element in elements {
                if case .starred = element.kind { starred += 1 }
                try validateTarget(element, context: context)
            }
            if starred > 1 && context == .assign {
                throw error("multiple starred expressions in assignment", at: target)
            }
        case .starred(let inner) where context == .assign:
            try validateTarget(inner, context: context)
        default:
            let verb = context == .assign ? "assign to" : "delete"
            let name = describe(target)
            if hint && context == .assign && isBitwiseLevel(target) {
                throw error("cannot \(verb) \(name) here. Maybe you meant '==' instead of '='?", at: target)
            }
            throw error("cannot \(verb) \(name)", at: target)
        }
    }

    /// CPython's `==` hint covers `|`-level expressions: not comparisons, boolean operators, conditionals,
    /// lambdas, or the `True`/`False`/`None` names.
    private func isBitwiseLevel(_ expression: Expression) -> Bool {
        switch expression.kind {
        case .compare, .boolean, .unary(.not, _), .conditional, .lambda, .constant(.none), .constant(.bool): return false
        default: return true
        }
    }

    /// The noun CPython uses for an expression in error messages.
    func describe(_ expression: Expression) -> String {
        switch expression.kind {
        case .name: return "name"
        case .constant(let constant):
            switch constant {
            case .none: return "None"
            case .bool(let value): return value ? "True" : "False"
            case .ellipsis: return "ellipsis"
            default: return "literal"
            }
        case .joinedString: return "f-string expression"
        case .unary(.not, _), .unary, .binary, .boolean: return "expression"
        case .compare: return "comparison"
        case .call: return "function call"
        case .attribute: return "attribute"
        case .subscript: return "subscript"
        case .slice: return "slice"
        case .list: return "list"
        case .tuple: return "tuple"
        case .set: return "set display"
        case .dict: return "dict literal"
        case .conditional: return "conditional expression"
        case .lambda: return "lambda"
        case .listComprehension: return "list comprehension"
        case .setComprehension: return "set comprehension"
        case .dictComprehension: return "dict comprehension"
        case .generatorExpression: return "generator expression"
        case .starred: return "starred"
        case .yield, .yieldFrom: return "yield expression"
        case .await: return "await expression"
        case .namedExpression: return "named expression"
        }
    }
}

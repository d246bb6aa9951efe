/// A compact s-expression rendering of the AST for tests and debugging: one statement per line, blocks in
/// `[…]`, names bare, strings quoted, operators spelled as in Python:
/// `(= [a] (+ b 1))`, `(if (cmp x < 1) [(pass)] [])`, `(call f 1 (kw k 2) (** m))`.
public func dump(_ module: Module) -> String {
    module.body.map(dump(statement:)).joined(separator: "\n")
}

public func dump(statement: Statement) -> String {
    func block(_ body: [Statement]) -> String { "[" + body.map(dump(statement:)).joined(separator: " ") + "]" }
    func list(_ items: [Expression]) -> String { items.map(dump(expression:)).joined(separator: " ") }
    func decorated(_ decorators: [Expression]) -> String {
        decorators.map { " (@ \(dump(expression: $0)))" }.joined()
    }
    switch statement.kind {
    case .expression(let value): return "(expr \(dump(expression: value)))"
    case .assign(let targets, let value): return "(= [\(list(targets))] \(dump(expression: value)))"
    case .augmentedAssign(let target, let op, let value):
        return "(\(op.rawValue)= \(dump(expression: target)) \(dump(expression: value)))"
    case .annotatedAssign(let target, let annotation, let value):
        return "(ann \(dump(expression: target)) \(dump(expression: annotation)) \(optional(value)))"
    case .functionDef(let def):
        let returns = def.returns.map { " (-> \(dump(expression: $0)))" } ?? ""
        return "(\(def.isAsync ? "async-def" : "def") \(def.name) \(dump(parameters: def.parameters))\(returns)\(decorated(def.decorators)) \(block(def.body)))"
    case .classDef(let def):
        let keywords = def.keywords.map { " " + dump(keyword: $0) }.joined()
        return "(class \(def.name) (\(list(def.bases))\(keywords))\(decorated(def.decorators)) \(block(def.body)))"
    case .returnStatement(let value): return "(return \(optional(value)))"
    case .delete(let targets): return "(del \(list(targets)))"
    case .pass: return "(pass)"
    case .breakStatement: return "(break)"
    case .continueStatement: return "(continue)"
    case .ifStatement(let test, let body, let orElse):
        return "(if \(dump(expression: test)) \(block(body)) \(block(orElse)))"
    case .whileStatement(let test, let body, let orElse):
        return "(while \(dump(expression: test)) \(block(body)) \(block(orElse)))"
    case .forStatement(let target, let iterable, let body, let orElse):
        return "(for \(dump(expression: target)) \(dump(expression: iterable)) \(block(body)) \(block(orElse)))"
    case .with(let items, let body):
        let rendered = items.map { "(\(dump(expression: $0.context)) \(optional($0.target)))" }.joined(separator: " ")
        return "(with \(rendered) \(block(body)))"
    case .asyncFor(let target, let iterable, let body, let orElse):
        return "(async-for \(dump(expression: target)) \(dump(expression: iterable)) \(block(body)) \(block(orElse)))"
    case .asyncWith(let items, let body):
        let rendered = items.map { "(\(dump(expression: $0.context)) \(optional($0.target)))" }.joined(separator: " ")
        return "(async-with \(rendered) \(block(body)))"
    case .raise(let exception, let cause): return "(raise \(optional(exception)) \(optional(cause)))"
    case .tryStatement(let body, let handlers, let orElse, let finally):
        let rendered = handlers.map { "(except \(optional($0.type)) \($0.name ?? "_") \(block($0.body)))" }
        return "(try \(block(body))\(rendered.map { " " + $0 }.joined()) \(block(orElse)) \(block(finally)))"
    case .assert(let test, let message): return "(assert \(dump(expression: test)) \(optional(message)))"
    case .importModules(let aliases): return "(import \(aliases.map(dump(alias:)).joined(separator: " ")))"
    case .importFrom(let module, let names, let level):
        let dots = String(repeating: ".", count: level)
        return "(from \(dots)\(module ?? "") \(names.map(dump(alias:)).joined(separator: " ")))"
    case .global(let names): return "(global \(names.joined(separator: " ")))"
    case .nonlocal(let names): return "(nonlocal \(names.joined(separator: " ")))"
    case .match(let subject, let cases):
        let rendered = cases.map { "(case \(dump(pattern: $0.pattern)) \(optional($0.guardTest)) \(block($0.body)))" }
        return "(match \(dump(expression: subject))\(rendered.map { " " + $0 }.joined()))"
    }
}

/// `(seq a (* rest))`, `(map ("k" v) (** rest))`, `(cls Point (x) (kw y 0))`, `(as (or 1 2) n)`, `_`.
public func dump(pattern: Pattern) -> String {
    func list(_ items: [Pattern]) -> String { items.map { " " + dump(pattern: $0) }.joined() }
    switch pattern.kind {
    case .value(let e): return dump(expression: e)
    case .singleton(let c): return dump(expression: Expression(.constant(c), at: pattern.location))
    case .sequence(let items): return "(seq\(list(items)))"
    case .star(let name): return "(* \(name ?? "_"))"
    case .mapping(let keys, let patterns, let rest):
        let pairs = zip(keys, patterns).map { " (\(dump(expression: $0)) \(dump(pattern: $1)))" }.joined()
        return "(map\(pairs)\(rest.map { " (** \($0))" } ?? ""))"
    case .classPattern(let cls, let patterns, let names, let keywordPatterns):
        let keywords = zip(names, keywordPatterns).map { " (kw \($0) \(dump(pattern: $1)))" }.joined()
        return "(cls \(dump(expression: cls))\(list(patterns))\(keywords))"
    case .capture(let inner, let name):
        guard let inner else { return name ?? "_" }
        return "(as \(dump(pattern: inner)) \(name ?? "_"))"
    case .or(let alternatives): return "(or\(list(alternatives)))"
    }
}

private func optional(_ expression: Expression?) -> String {
    expression.map { dump(expression: $0) } ?? "_"
}

private func dump(alias: ImportAlias) -> String {
    alias.asName.map { "\(alias.name) as \($0)" } ?? alias.name
}

private func dump(keyword: Keyword) -> String {
    keyword.name.map { "(kw \($0) \(dump(expression: keyword.value)))" } ?? "(** \(dump(expression: keyword.value)))"
}

func dump(parameters: Parameters) -> String {
    var items: [String] = []
    func render(_ parameter: Parameter, _ defaultValue: Expression?) -> String {
        var text = parameter.name
        if let annotation = parameter.annotation { text += ":" + dump(expression: annotation) }
        if let defaultValue { text += "=" + dump(expression: defaultValue) }
        return text
    }
    let all = parameters.positionalOnly + parameters.positional
    let firstDefault = all.count - parameters.defaults.count
    for (i, parameter) in all.enumerated() {
        items.append(render(parameter, i >= firstDefault ? parameters.defaults[i - firstDefault] : nil))
        if i == parameters.positionalOnly.count - 1 { items.append("/") }
    }
    if let varArgs = parameters.varArgs {
        items.append("*" + render(varArgs, nil))
    } else if !parameters.keywordOnly.isEmpty {
        items.append("*")
    }
    for (parameter, defaultValue) in zip(parameters.keywordOnly, parameters.keywordDefaults) {
        items.append(render(parameter, defaultValue))
    }
    if let varKeywords = parameters.varKeywords { items.append("**" + render(varKeywords, nil)) }
    return "(params" + items.map { " " + $0 }.joined() + ")"
}

public func dump(expression: Expression) -> String {
    func list(_ items: [Expression]) -> String { items.map { " " + dump(expression: $0) }.joined() }
    func generators(_ clauses: [Comprehension]) -> String {
        clauses.map { clause in
            let conditions = clause.conditions.map { " (if \(dump(expression: $0)))" }.joined()
            return " (\(clause.isAsync ? "async-for" : "for") \(dump(expression: clause.target)) \(dump(expression: clause.iterable))\(conditions))"
        }.joined()
    }
    switch expression.kind {
    case .name(let name): return name
    case .constant(let constant): return dump(constant: constant)
    case .joinedString(let parts): return "(f" + parts.map { " " + dump(part: $0) }.joined() + ")"
    case .unary(let op, let operand):
        let spelling = op == .not ? "not" : "u" + op.rawValue
        return "(\(spelling) \(dump(expression: operand)))"
    case .binary(let left, let op, let right): return "(\(op.rawValue) \(dump(expression: left)) \(dump(expression: right)))"
    case .boolean(let op, let values): return "(\(op.rawValue)\(list(values)))"
    case .compare(let first, let rest):
        return "(cmp \(dump(expression: first))" + rest.map { " \($0.0.rawValue) \(dump(expression: $0.1))" }.joined() + ")"
    case .call(let function, let arguments, let keywords):
        return "(call \(dump(expression: function))\(list(arguments))" + keywords.map { " " + dump(keyword: $0) }.joined() + ")"
    case .attribute(let base, let name): return "(. \(dump(expression: base)) \(name))"
    case .subscript(let base, let index): return "(sub \(dump(expression: base)) \(dump(expression: index)))"
    case .slice(let lower, let upper, let step): return "(slice \(optional(lower)) \(optional(upper)) \(optional(step)))"
    case .list(let items): return "(list\(list(items)))"
    case .tuple(let items): return "(tuple\(list(items)))"
    case .set(let items): return "(set\(list(items)))"
    case .dict(let entries):
        let rendered = entries.map { entry in
            entry.key.map { " (\(dump(expression: $0)) \(dump(expression: entry.value)))" } ?? " (** \(dump(expression: entry.value)))"
        }
        return "(dict" + rendered.joined() + ")"
    case .conditional(let test, let body, let orElse):
        return "(ifexp \(dump(expression: test)) \(dump(expression: body)) \(dump(expression: orElse)))"
    case .lambda(let parameters, let body): return "(lambda \(dump(parameters: parameters)) \(dump(expression: body)))"
    case .listComprehension(let element, let clauses): return "(listcomp \(dump(expression: element))\(generators(clauses)))"
    case .setComprehension(let element, let clauses): return "(setcomp \(dump(expression: element))\(generators(clauses)))"
    case .dictComprehension(let key, let value, let clauses):
        return "(dictcomp \(dump(expression: key)) \(dump(expression: value))\(generators(clauses)))"
    case .generatorExpression(let element, let clauses): return "(genexp \(dump(expression: element))\(generators(clauses)))"
    case .starred(let value): return "(* \(dump(expression: value)))"
    case .yield(let value): return "(yield \(optional(value)))"
    case .yieldFrom(let value): return "(yield-from \(dump(expression: value)))"
    case .await(let value): return "(await \(dump(expression: value)))"
    case .namedExpression(let target, let value): return "(:= \(target) \(dump(expression: value)))"
    }
}

private func dump(part: FStringPart) -> String {
    switch part {
    case .literal(let text): return dump(constant: .string(text))
    case .formatted(let value, let conversion, let spec):
        let conv = conversion.map { " !\($0)" } ?? ""
        let specText = spec.map { " (spec" + $0.map { " " + dump(part: $0) }.joined() + ")" } ?? ""
        return "(fmt \(dump(expression: value))\(conv)\(specText))"
    }
}

private func dump(constant: Constant) -> String {
    switch constant {
    case .none: return "None"
    case .bool(let value): return value ? "True" : "False"
    case .int(let value): return String(value)
    case .bigInt(let digits): return digits
    case .float(let value): return "\(value)"
    case .imaginary(let value): return "\(value)j"
    case .string(let text): return quoted(text.unicodeScalars.map { $0 })
    case .bytes(let bytes): return "b" + quoted(bytes.map { Unicode.Scalar($0) })
    case .ellipsis: return "..."
    }
}

/// Double-quoted with `\n`, `\t`, `\\`, `\"` and `\u{…}` for other controls, so dumps stay on one line.
private func quoted(_ scalars: [Unicode.Scalar]) -> String {
    var out = "\""
    for scalar in scalars {
        switch scalar {
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        default:
            if scalar.value < 32 || scalar.value == 127 {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

/// Parameter lists of `def` (closed by `)`, annotations allowed) and `lambda` (closed by `:`, none):
/// `a, b=1, /, c=2, *args, d, e=3, **kw`, with CPython's messages for misplaced pieces.
extension Parser {
    mutating func parseParameters(closing: String, annotations: Bool) throws(SyntaxError) -> Parameters {
        var parameters = Parameters()
        var sawSlash = false
        var sawStar = false
        var sawDefault = false
        var names: Set<String> = []
        while !check(closing) {
            let at = current
            if accept("/") {
                guard !sawSlash, !sawStar, !parameters.positional.isEmpty else {
                    throw error(sawStar ? "/ must be ahead of *" : sawSlash ? "/ may appear only once" : "at least one argument must precede /", at: at)
                }
                sawSlash = true
                parameters.positionalOnly = parameters.positional
                parameters.positional = []
            } else if accept("**") {
                parameters.varKeywords = try parseParameter(annotations: annotations, names: &names)
                _ = accept(",")
                guard check(closing) else { throw error("arguments cannot follow var-keyword argument", at: current) }
                break
            } else if accept("*") {
                guard !sawStar else { throw error("* argument may appear only once", at: at) }
                sawStar = true
                if check(",") || check(closing) {
                    let afterComma = peek()
                    if check(closing) || afterComma.isOp(closing) || afterComma.isOp("**") {
                        throw error("named arguments must follow bare *", at: at)
                    }
                } else {
                    parameters.varArgs = try parseParameter(annotations: annotations, names: &names, starred: true)
                }
            } else {
                let parameter = try parseParameter(annotations: annotations, names: &names)
                let defaultValue: Expression? = accept("=") ? try parseTest() : nil
                if sawStar {
                    parameters.keywordOnly.append(parameter)
                    parameters.keywordDefaults.append(defaultValue)
                } else {
                    parameters.positional.append(parameter)
                    if let defaultValue {
                        parameters.defaults.append(defaultValue)
                        sawDefault = true
                    } else if sawDefault {
                        throw error("non-default argument follows default argument", at: at)
                    }
                }
            }
            guard accept(",") else { break }
        }
        return parameters
    }

    /// `starred`: the `*args` parameter, whose annotation may be `*Ts` (PEP 646).
    private mutating func parseParameter(
        annotations: Bool, names: inout Set<String>, starred: Bool = false
    ) throws(SyntaxError) -> Parameter {
        let at = current
        let name = try expectIdentifier()
        guard names.insert(name).inserted else {
            throw error("duplicate argument '\(name)' in function definition", at: at)
        }
        var annotation: Expression?
        if annotations && accept(":") { annotation = starred ? try parseStarExpression() : try parseTest() }
        return Parameter(name: name, annotation: annotation, location: at.location)
    }
}

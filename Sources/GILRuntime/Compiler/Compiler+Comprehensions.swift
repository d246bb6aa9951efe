import PythonSyntax

/// Comprehensions and generator expressions: inlined loops (PEP 709) for plain comprehensions; nested functions
/// (`<genexpr>`, and `<comprehension>` when a lambda or def inside may capture the loop variables) called at
/// once with `iter(first iterable)`, as CPython 3.11 compiles them (Python/compile.c compiler_comprehension).
extension FunctionCompiler {
    /// Inlined comprehension (PEP 709): targets live in fresh registers visible only inside it.
    func comprehension(_ gens: ArraySlice<Comprehension>, inline: Bool = true, _ body: (FunctionCompiler) throws(SyntaxError) -> Void) throws(SyntaxError) {
        guard let g = gens.first else {
            try body(self)
            return
        }
        let src = try expression(g.iterable)
        let it = newTemp()
        emit(g.isAsync ? .getAIter : .getIter, it, src)
        if code.kind == .classBody { classComprehensionDepth += 1 }
        defer { if code.kind == .classBody { classComprehensionDepth -= 1 } }
        guard inline else {
            // Inside a `<comprehension>` function the targets are the function's own locals (or cells).
            let top = here
            let v = newTemp()
            let exit = emit(.forIter, v, it, 0)
            try assign(g.target, from: v)
            var skips: [Int] = []
            for c in g.conditions {
                let r = try withTemps { () throws(SyntaxError) in try expression(c) }
                skips.append(emit(.jumpIfFalse, 0, r))
            }
            try withTemps { () throws(SyntaxError) in try comprehension(gens.dropFirst(), inline: false, body) }
            for s in skips { patchJump(s, to: here) }
            emit(.jumpBack, top)
            patchJump(exit, to: here)
            return
        }
        var overlay: [String: Int32] = [:]
        func bind(_ t: Expression) {
            switch t.kind {
            case .name(let n): if overlay[n] == nil { overlay[n] = newTemp() }
            case .tuple(let xs), .list(let xs): for x in xs { bind(x) }
            case .starred(let x): bind(x)
            default: break
            }
        }
        bind(g.target)
        overlays.append(overlay)
        defer { overlays.removeLast() }
        let top = here
        let v: Int32
        let exit: Int
        if g.isAsync {
            (v, exit) = try asyncNext(it)
        } else {
            v = newTemp()
            exit = emit(.forIter, v, it, 0)
        }
        try assign(g.target, from: v)
        var skips: [Int] = []
        for c in g.conditions {
            let r = try withTemps { () throws(SyntaxError) in try expression(c) }
            skips.append(emit(.jumpIfFalse, 0, r))
        }
        try withTemps { () throws(SyntaxError) in try comprehension(gens.dropFirst(), body) }
        for s in skips { patchJump(s, to: here) }
        emit(.jumpBack, top)
        patchJump(exit, to: here)
    }

    /// `(element for target in iterable …)`: a nested generator function `<genexpr>(.0)` called at once with
    /// `iter(iterable)` (Python/compile.c compiler_genexp), so evaluation is lazy as in CPython.
    func generatorExpression(_ element: Expression, _ generators: [Comprehension], at loc: SourceLocation, into d: Int32) throws(SyntaxError) -> Int32 {
        guard let first = generators.first,
              let inner = module.symbols.generatorExpressionScope(GeneratorExpressionKey(start: loc, firstIterable: first.iterable.location))
        else { throw error("internal: no scope for <genexpr>", loc) }
        if inner.delegates || generators.contains(where: \.isAsync) { throw unsupported("asynchronous generator expressions", loc) }
        let qualified = code.kind == .module ? "<genexpr>" : "\(code.qualifiedName).<locals>.<genexpr>"
        let fc = FunctionCompiler(module: module, scope: inner, kind: .function, name: "<genexpr>", qualifiedName: qualified, line: loc.line)
        fc.code.positionalCount = 1
        fc.code.parameterNames = inner.parameters
        fc.code.isGenerator = true
        var rest = generators
        rest[0] = Comprehension(target: first.target, iterable: Expression(.name(".0"), at: first.iterable.location), conditions: first.conditions)
        try fc.comprehension(rest[...], inline: !inner.targetsAreLocals) { (c: FunctionCompiler) throws(SyntaxError) in
            let v = try c.expression(element)
            c.emit(.yieldValue, c.newTemp(), v)
        }
        fc.emit(.returnValue, fc.none())
        // The generator straight from the code (`makeGenexpr`): `.0` = iter(first iterable), then the cells.
        let childCode = fc.finish()
        let operands = temps(1 + inner.frees.count)
        for (i, n) in inner.frees.enumerated() { emit(.move, operands + 1 + Int32(i), try closureCell(n, loc)) }
        let src = try expression(first.iterable)
        emit(.getIter, operands, src)
        let k = constantIndex(.object(CodeConstant(childCode)), key: .code(ObjectIdentifier(childCode).hashValue))
        emit(.makeGenexpr, d, k, operands, d: UInt16(inner.frees.count))
        return d
    }

    func isScopedComprehension(_ loc: SourceLocation) -> Bool {
        module.symbols.scope(at: loc)?.name == "<comprehension>"
    }

    /// A list/set/dict comprehension compiled as a nested function `<comprehension>(.0)` (see SymbolTable).
    func scopedComprehension(_ build: Opcode, _ parts: [Expression], _ generators: [Comprehension], at loc: SourceLocation, into d: Int32) throws(SyntaxError) -> Int32 {
        guard let inner = module.symbols.scope(at: loc), let first = generators.first else { throw error("internal: no comprehension scope", loc) }
        if inner.delegates || generators.contains(where: \.isAsync) {
            throw unsupported("asynchronous comprehensions that define a function or lambda", loc)
        }
        let qualified = code.kind == .module ? "<comprehension>" : "\(code.qualifiedName).<locals>.<comprehension>"
        let fc = FunctionCompiler(module: module, scope: inner, kind: .function, name: "<comprehension>", qualifiedName: qualified, line: loc.line)
        fc.code.positionalCount = 1
        fc.code.parameterNames = inner.parameters
        var rest = generators
        rest[0] = Comprehension(target: first.target, iterable: Expression(.name(".0"), at: first.iterable.location), conditions: first.conditions)
        let result = fc.newTemp()
        fc.emit(build, result, 0, 0)
        try fc.comprehension(rest[...], inline: false) { (c: FunctionCompiler) throws(SyntaxError) in
            switch build {
            case .buildList: c.emit(.listAppend, result, try c.expression(parts[0]))
            case .buildSet: c.emit(.setAdd, result, try c.expression(parts[0]))
            default:
                let k = try c.expression(parts[0])
                let v = try c.expression(parts[1])
                c.emit(.dictSet, result, k, v)
            }
        }
        fc.emit(.returnValue, result)
        return try callNested(fc.finish(), inner, first.iterable, at: loc, into: d)
    }

    /// Makes the nested function for `childCode` (closing over `inner.frees`) and calls it with
    /// `iter(firstIterable)` as `.0`.
    func callNested(_ childCode: CodeObject, _ inner: Scope, _ firstIterable: Expression, at loc: SourceLocation, into d: Int32) throws(SyntaxError) -> Int32 {
        let extras = temps(3)
        emit(.move, extras, none())
        emit(.move, extras + 1, none())
        if inner.frees.isEmpty {
            emit(.move, extras + 2, none())
        } else {
            let cb = temps(inner.frees.count)
            for (i, n) in inner.frees.enumerated() { emit(.move, cb + Int32(i), try closureCell(n, loc)) }
            emit(.buildTuple, extras + 2, cb, Int32(inner.frees.count))
        }
        let call = temps(2)
        let k = constantIndex(.object(CodeConstant(childCode)), key: .code(ObjectIdentifier(childCode).hashValue))
        emit(.makeFunction, call, k, extras)
        let src = try expression(firstIterable)
        emit(.getIter, call + 1, src)
        emit(.call, d, call, 1)
        return d
    }
}

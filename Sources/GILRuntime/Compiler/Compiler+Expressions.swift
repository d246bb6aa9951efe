import BigInt
import PythonSyntax

extension FunctionCompiler {
    /// The three registers holding a slice's bounds (None where omitted), evaluated left to right.
    func sliceBounds(_ lower: Expression?, _ upper: Expression?, _ step: Expression?) throws(SyntaxError) -> Int32 {
        let base = temps(3)
        for (i, part) in [lower, upper, step].enumerated() {
            if let part {
                let r = try expression(part, into: base + Int32(i))
                if r != base + Int32(i) { emit(.move, base + Int32(i), r) }
            } else {
                emit(.move, base + Int32(i), none())
            }
        }
        return base
    }

    /// Compiles `e`; returns the register holding its value (`into` when given).
    /// `assignedName` is the assignment target, used to name traced sync objects (`lock = threading.Lock()`).
    func expression(_ e: Expression, into: Int32? = nil, assignedName: String? = nil) throws(SyntaxError) -> Int32 {
        let savedLine = currentLine
        if e.location.line > 0 { currentLine = e.location.line }
        defer { currentLine = savedLine }
        func dest() -> Int32 { into ?? newTemp() }
        func moveResult(_ r: Int32) -> Int32 {
            if let into, into != r {
                emit(.move, into, r)
                return into
            }
            return r
        }
        switch e.kind {
        case .name(let n):
            return load(n, into: into)
        case .constant(let c):
            return moveResult(try constant(c, at: e.location))
        case .joinedString(let parts):
            let (base, count) = try fstring(parts)
            let d = dest()
            emit(.buildString, d, base, count)
            return d
        case .unary(let op, let x):
            let v = try expression(x)
            let d = dest()
            if op == .not { emit(.not, d, v) } else { emit(.unary, d, v, d: UInt16(unaryOperators.firstIndex(of: op)!)) }
            return d
        case .binary(let l, let op, let r):
            let a = try expression(l)
            let b = try expression(r)
            let d = dest()
            let opcode: Opcode = op == .add ? .add : (op == .subtract ? .subtract : (op == .multiply ? .multiply : .binary))
            emit(opcode, d, a, b, d: UInt16(binaryOperators.firstIndex(of: op)!))
            return d
        case .boolean(let op, let values):
            let d = newTemp()
            var jumps: [Int] = []
            for (i, v) in values.enumerated() {
                _ = try withTemps { () throws(SyntaxError) in try expression(v, into: d) }
                if i < values.count - 1 { jumps.append(emit(op == .and ? .jumpIfFalse : .jumpIfTrue, 0, d)) }
            }
            for j in jumps { patchJump(j, to: here) }
            return moveResult(d)
        case .compare(let first, let rest):
            let d = newTemp()
            var left = try expression(first)
            var jumps: [Int] = []
            for (i, (op, rhs)) in rest.enumerated() {
                let right = try expression(rhs)
                emitCompare(op, d, left, right)
                if i < rest.count - 1 { jumps.append(emit(.jumpIfFalse, 0, d)) }
                left = right
            }
            for j in jumps { patchJump(j, to: here) }
            return moveResult(d)
        case .call(let function, let arguments, let keywords):
            return try call(function, arguments, keywords, into: dest(), assignedName: assignedName, at: e.location)
        case .attribute(let obj, let attr):
            let o = try expression(obj)
            let d = dest()
            emit(.loadAttr, d, o, name(attr))
            return d
        case .subscript(let obj, let index):
            if let folded = Self.foldedSubscript(obj, index) { return moveResult(try constant(folded, at: e.location)) }
            let o = try expression(obj)
            if case .slice(let lower, let upper, let step) = index.kind {
                let bounds = try sliceBounds(lower, upper, step)
                let d = dest()
                emit(.loadSubscript, d, o, bounds, d: Interpreter.sliceOperands)
                return d
            }
            let i = try expression(index)
            let d = dest()
            emit(.loadSubscript, d, o, i)
            return d
        case .slice(let lower, let upper, let step):
            let base = try sliceBounds(lower, upper, step)
            let d = dest()
            emit(.buildSlice, d, base)
            return d
        case .list(let items), .tuple(let items), .set(let items):
            let op: Opcode
            switch e.kind {
            case .list: op = .buildList
            case .tuple: op = .buildTuple
            default: op = .buildSet
            }
            if items.contains(where: { if case .starred = $0.kind { return true } else { return false } }) {
                let acc = newTemp()
                emit(.buildList, acc, 0, 0)
                for item in items {
                    if case .starred(let inner) = item.kind {
                        let v = try expression(inner)
                        emit(.listExtend, acc, v)
                    } else {
                        let v = try expression(item)
                        emit(.listAppend, acc, v)
                    }
                }
                let d = dest()
                if op == .buildList { emit(.move, d, acc) } else {
                    if op == .buildSet { emit(op, d, 0, 0) }
                    if op == .buildTuple { emit(.buildTuple, d, acc, 0, d: 1) } else { emit(.listExtend, d, acc) }
                }
                return d
            }
            let base = temps(items.count)
            for (i, item) in items.enumerated() { _ = try expression(item, into: base + Int32(i)) }
            let d = dest()
            // CPython folds a display of more than two constants into a frozenset constant (built twice:
            // the constant merger rebuilds it from its own order) that SET_UPDATE copies: d=1 asks the VM
            // for the same construction, so colliding keys land where CPython puts them.
            let folded = op == .buildSet && items.count > 2 && items.allSatisfy(Self.isFoldableConstant)
            emit(op, d, base, Int32(items.count), d: folded ? 1 : 0)
            return d
        case .dict(let pairs):
            let d = newTemp()
            emit(.buildDict, d, 0, 0)
            for p in pairs {
                if let key = p.key {
                    let k = try expression(key)
                    let v = try expression(p.value)
                    emit(.dictSet, d, k, v)
                } else {
                    let m = try expression(p.value)
                    emit(.dictUpdate, d, m)
                }
            }
            return moveResult(d)
        case .conditional(let test, let body, let orElse):
            let d = newTemp()
            let c = try expression(test)
            let skip = emit(.jumpIfFalse, 0, c)
            _ = try expression(body, into: d)
            let end = emit(.jump)
            patchJump(skip, to: here)
            _ = try expression(orElse, into: d)
            patchJump(end, to: here)
            return moveResult(d)
        case .lambda(let params, let body):
            let ret = Statement(.returnStatement(body), at: body.location)
            let def = FunctionDef(name: "<lambda>", parameters: params, body: [ret], decorators: [], returns: nil)
            return moveResult(try function(def, at: e.location))
        case .listComprehension(let element, let generators) where isScopedComprehension(e.location):
            return try scopedComprehension(.buildList, [element], generators, at: e.location, into: dest())
        case .setComprehension(let element, let generators) where isScopedComprehension(e.location):
            return try scopedComprehension(.buildSet, [element], generators, at: e.location, into: dest())
        case .dictComprehension(let key, let value, let generators) where isScopedComprehension(e.location):
            return try scopedComprehension(.buildDict, [key, value], generators, at: e.location, into: dest())
        case .listComprehension(let element, let generators):
            let d = newTemp()
            emit(.buildList, d, 0, 0)
            try comprehension(generators[...]) { (c: FunctionCompiler) throws(SyntaxError) in
                let v = try c.expression(element)
                c.emit(.listAppend, d, v)
            }
            return moveResult(d)
        case .setComprehension(let element, let generators):
            let d = newTemp()
            emit(.buildSet, d, 0, 0)
            try comprehension(generators[...]) { (c: FunctionCompiler) throws(SyntaxError) in
                let v = try c.expression(element)
                c.emit(.setAdd, d, v)
            }
            return moveResult(d)
        case .dictComprehension(let key, let value, let generators):
            let d = newTemp()
            emit(.buildDict, d, 0, 0)
            try comprehension(generators[...]) { (c: FunctionCompiler) throws(SyntaxError) in
                let k = try c.expression(key)
                let v = try c.expression(value)
                c.emit(.dictSet, d, k, v)
            }
            return moveResult(d)
        case .generatorExpression(let element, let generators):
            return try generatorExpression(element, generators, at: e.location, into: dest())
        case .starred:
            throw error("can't use starred expression here", e.location)
        case .yield(let value):
            guard code.kind == .function else { throw error("'yield' outside function", e.location) }
            let v = try value.map { (x) throws(SyntaxError) in try expression(x) } ?? none()
            let d = dest()
            // An asynchronous generator's own values are wrapped, so its awaitables tell them from awaits.
            emit(.yieldValue, d, v, d: code.isAsyncGenerator ? 1 : 0)
            return d
        case .yieldFrom(let source):
            guard code.kind == .function else { throw error("'yield' outside function", e.location) }
            let src = try expression(source)
            let it = newTemp()
            emit(.getIter, it, src)
            // PEP 380: values, send(), throw() and close() pass through; the value is the sub-generator's return.
            return delegate(it, into: dest())
        case .await(let operand):
            return try awaitExpression(operand, at: e.location, into: dest())
        case .namedExpression(let target, let value):
            let v = try expression(value)
            store(target, from: v)
            return moveResult(v)
        }
    }

    /// Emits the jump an `if`/`while` takes when `test` is false; returns it for `patchJump`. A test that is
    /// one ordering or equality comparison (`if n < 2:`) becomes a single `jumpUnlessCompare`, without a
    /// bool register and a second dispatch (CPython 3.12's COMPARE_AND_BRANCH idea).
    func jumpUnless(_ test: Expression) throws(SyntaxError) -> Int {
        if case .compare(let first, let rest) = test.kind, rest.count == 1,
           let k = Opcode.fusedComparisons.firstIndex(of: rest[0].0) {
            let l = try expression(first)
            let r = try expression(rest[0].1)
            return emit(.jumpUnlessCompare, 0, l, r, d: UInt16(k))
        }
        let cond = try expression(test)
        return emit(.jumpIfFalse, 0, cond)
    }

    func emitCompare(_ op: ComparisonOperator, _ d: Int32, _ l: Int32, _ r: Int32) {
        switch op {
        case .less: emit(.less, d, l, r)
        case .lessEqual: emit(.lessEqual, d, l, r)
        case .greater: emit(.greater, d, l, r)
        case .greaterEqual: emit(.greaterEqual, d, l, r)
        case .equal: emit(.equal, d, l, r)
        case .notEqual: emit(.notEqual, d, l, r)
        default: emit(.compare, d, l, r, d: UInt16(comparisonOperators.firstIndex(of: op)!))
        }
    }

    /// A literal CPython's AST optimizer turns into a constant: a constant, or `-`/`+`/`~` of a number.
    static func isFoldableConstant(_ e: Expression) -> Bool {
        switch e.kind {
        case .constant(let c):
            if case .imaginary = c { return false }
            return true
        case .unary(let op, let x):
            guard op != .not, case .constant(let c) = x.kind else { return false }
            switch c {
            case .int, .bigInt, .float: return true
            case .bool: return op == .invert || op == .negate || op == .plus
            default: return false
            }
        default: return false
        }
    }

    /// `b'!'[0]` and `"abc"[1]`: a constant bytes or str indexed by an int constant in range is that
    /// constant (CPython's AST optimizer, Python/ast_opt.c fold_subscr; Lib/base64.py's a85decode compares
    /// every input byte with `b'!'[0]` and `b'u'[0]`). Out-of-range indices are left to raise at run time.
    static func foldedSubscript(_ obj: Expression, _ index: Expression) -> Constant? {
        guard case .constant(let c) = obj.kind, case .constant(.int(let i)) = index.kind else { return nil }
        switch c {
        case .bytes(let b):
            let j = i < 0 ? i + b.count : i
            return j >= 0 && j < b.count ? .int(Int(b[j])) : nil
        case .string(let s):
            let scalars = Array(s.unicodeScalars)
            let j = i < 0 ? i + scalars.count : i
            return j >= 0 && j < scalars.count ? .string(String(scalars[j])) : nil
        default:
            return nil
        }
    }

    func constant(_ c: Constant, at loc: SourceLocation) throws(SyntaxError) -> Int32 {
        switch c {
        case .none: return none()
        case .bool(let b): return constant(.bool(b), key: .bool(b))
        case .int(let i): return constant(.int(i), key: .int(i))
        case .bigInt(let digits):
            guard let b = BigInt(digits, radix: 10) else { throw error("invalid integer literal", loc) }
            return constant(.integer(b), key: .bigInt(digits))
        case .float(let d): return constant(.float(d), key: .float(d.bitPattern))
        case .imaginary(let d): return constant(.object(PyComplex(0, d)), key: .complex(d.bitPattern))
        case .string(let s): return string(s)
        case .bytes(let b): return constant(.object(PyBytes(b)), key: .bytes(b))
        case .ellipsis: return constant(.object(BuiltinTypes.ellipsis), key: .ellipsis)
        }
    }

    /// Compiles f-string parts into consecutive registers; returns (base, count).
    func fstring(_ parts: [FStringPart]) throws(SyntaxError) -> (Int32, Int32) {
        let base = temps(parts.count)
        for (i, p) in parts.enumerated() {
            let r = base + Int32(i)
            switch p {
            case .literal(let s):
                emit(.move, r, string(s))
            case .formatted(let value, let conversion, let spec):
                let v = try expression(value)
                var flags: UInt16 = 0
                switch conversion {
                case "s": flags = 1
                case "r": flags = 2
                case "a": flags = 3
                default: flags = 0
                }
                var specReg: Int32 = 0
                if let spec, !spec.isEmpty {
                    flags |= 4
                    if spec.count == 1, case .literal(let text) = spec[0] {
                        specReg = string(text)
                    } else {
                        let (sb, sc) = try fstring(spec)
                        specReg = newTemp()
                        emit(.buildString, specReg, sb, sc)
                    }
                }
                emit(.formatValue, r, v, specReg, d: flags)
            }
        }
        return (base, Int32(parts.count))
    }

    // MARK: - Calls

    func call(_ function: Expression, _ args: [Expression], _ keywords: [Keyword], into d: Int32, assignedName: String?, at loc: SourceLocation) throws(SyntaxError) -> Int32 {
        let hasStar = args.contains { if case .starred = $0.kind { return true } else { return false } } || keywords.contains { $0.name == nil }
        if case .name("super") = function.kind, args.isEmpty, keywords.isEmpty, code.kind == .function, access("super").isGlobal {
            // Zero-argument super(): super(__class__, <first argument>), __class__ being the cell the class
            // statement fills (Objects/typeobject.c super_init_without_args).
            guard let first = scope.parameters.first else { throw error("super(): no arguments", loc) }
            let receiver = load(first, into: nil)
            if case .cell(let r) = access("__class__") {
                let cls = newTemp()
                emit(.loadCell, cls, r)
                emit(.loadSuper, d, receiver, cls, d: 1)
            } else {
                emit(.loadSuper, d, receiver)
            }
            return d
        }
        if case .name(let n) = function.kind, n == "locals" || n == "vars" || n == "dir", args.isEmpty, keywords.isEmpty, code.kind != .module,
           !scope.isLocal(n), !module.symbols.module.isLocal(n), code.kind == .classBody || access(n).isGlobal {
            guard n == "dir" else { return localsCall(into: d) }
            // dir(): the sorted names of locals().
            let base = temps(2)
            _ = load(LocalsSupport.dirName, into: base)
            _ = localsCall(into: base + 1)
            emit(.call, d, base, 1)
            return d
        }
        if hasStar {
            let f = try expression(function)
            let list = newTemp()
            emit(.buildList, list, 0, 0)
            for a in args {
                if case .starred(let inner) = a.kind {
                    emit(.listExtend, list, try expression(inner))
                } else {
                    emit(.listAppend, list, try expression(a))
                }
            }
            var dictPlusOne: UInt16 = 0
            if !keywords.isEmpty {
                let dict = newTemp()
                emit(.buildDict, dict, 0, 0)
                var merged = false
                for k in keywords {
                    let v = try expression(k.value)
                    if let n = k.name, !merged {
                        emit(.dictSet, dict, string(n), v)
                    } else if let n = k.name {
                        // After a `**`, a named keyword may repeat one of its names: merged as a dict of one.
                        let single = newTemp()
                        emit(.buildDict, single, 0, 0)
                        emit(.dictSet, single, string(n), v)
                        emit(.dictUpdate, dict, single, f + 1)
                    } else {
                        emit(.dictUpdate, dict, v, f + 1)
                        merged = true
                    }
                }
                dictPlusOne = UInt16(dict + 1)
            }
            emit(.callEx, d, f, list, d: dictPlusOne)
            return d
        }
        var kwIndex: UInt16 = 0
        if !keywords.isEmpty {
            let names = keywords.map { $0.name! }
            kwIndex = UInt16(constantIndex(.object(PyTuple(names.map { .str($0) })), key: .names(names)) + 1)
        }
        let argc = Int32(args.count + keywords.count)
        if case .attribute(let obj, let method) = function.kind {
            let base = temps(Int(argc) + 2)
            let o = try expression(obj)
            emit(.loadMethod, o, base, name(method))
            for (i, a) in args.enumerated() { _ = try expression(a, into: base + 2 + Int32(i)) }
            for (i, k) in keywords.enumerated() { _ = try expression(k.value, into: base + 2 + Int32(args.count + i)) }
            currentLine = loc.line
            let at = emit(.callMethod, d, base, argc, d: kwIndex)
            if let assignedName { code.assignmentNames[Int32(at)] = assignedName }
            return d
        }
        let base = temps(Int(argc) + 1)
        _ = try expression(function, into: base)
        for (i, a) in args.enumerated() { _ = try expression(a, into: base + 1 + Int32(i)) }
        for (i, k) in keywords.enumerated() { _ = try expression(k.value, into: base + 1 + Int32(args.count + i)) }
        currentLine = loc.line
        let at = emit(.call, d, base, argc, d: kwIndex)
        if let assignedName { code.assignmentNames[Int32(at)] = assignedName }
        return d
    }

    // MARK: - def / class

    /// Compiles a nested function and emits `makeFunction`; returns the register holding it.
    func function(_ f: FunctionDef, at loc: SourceLocation) throws(SyntaxError) -> Int32 {
        guard let inner = module.symbols.scope(at: loc) else { throw error("internal: no scope for \(f.name)", loc) }
        let qualified = code.kind == .module ? f.name : "\(code.qualifiedName)\(code.kind == .function ? ".<locals>" : "").\(f.name)"
        let fc = FunctionCompiler(module: module, scope: inner, kind: .function, name: f.name, qualifiedName: qualified, line: loc.line)
        let p = f.parameters
        fc.code.positionalOnlyCount = p.positionalOnly.count
        fc.code.positionalCount = p.positionalOnly.count + p.positional.count
        fc.code.keywordOnlyCount = p.keywordOnly.count
        fc.code.hasVarArgs = p.varArgs != nil
        fc.code.hasVarKeywords = p.varKeywords != nil
        fc.code.parameterNames = inner.parameters
        fc.code.isGenerator = inner.hasYield || f.isAsync
        fc.code.isCoroutine = f.isAsync
        fc.code.isAsyncGenerator = f.isAsync && inner.hasYield
        // throw()/close() must reach a frame that may be suspended in a handler or in a delegation.
        fc.code.resumeChecks = (inner.hasYield && Self.hasHandlers(f.body)) || f.isAsync || inner.delegates
        fc.code.docstring = Self.docstring(f.body)
        try fc.statements(f.body)
        fc.emit(.returnValue, fc.none())
        let childCode = fc.finish()

        let base = temps(3)
        // Defaults tuple.
        if p.defaults.isEmpty {
            emit(.move, base, none())
        } else {
            let db = temps(p.defaults.count)
            for (i, dflt) in p.defaults.enumerated() { _ = try expression(dflt, into: db + Int32(i)) }
            emit(.buildTuple, base, db, Int32(p.defaults.count))
        }
        // Keyword-only defaults dict.
        if p.keywordDefaults.allSatisfy({ $0 == nil }) {
            emit(.move, base + 1, none())
        } else {
            emit(.buildDict, base + 1, 0, 0)
            for (param, dflt) in zip(p.keywordOnly, p.keywordDefaults) {
                guard let dflt else { continue }
                let v = try expression(dflt)
                emit(.dictSet, base + 1, string(param.name), v)
            }
        }
        // Closure cells.
        if inner.frees.isEmpty {
            emit(.move, base + 2, none())
        } else {
            let cb = temps(inner.frees.count)
            for (i, n) in inner.frees.enumerated() { emit(.move, cb + Int32(i), try closureCell(n, loc)) }
            emit(.buildTuple, base + 2, cb, Int32(inner.frees.count))
        }
        let annotations = try functionAnnotations(f)
        let d = newTemp()
        let k = constantIndex(.object(CodeConstant(childCode)), key: .code(ObjectIdentifier(childCode).hashValue))
        emit(.makeFunction, d, k, base)
        if let annotations { emit(.storeAttr, d, name("__annotations__"), annotations) }
        return d
    }

    /// A def's `__annotations__` dict (parameters in CPython's order, then `return`), evaluated now — or their
    /// source text under `from __future__ import annotations`; nil when it has none.
    func functionAnnotations(_ f: FunctionDef) throws(SyntaxError) -> Int32? {
        var annotated = f.parameters.annotations.map { ($0.name, $0.annotation) }
        if let r = f.returns { annotated.append(("return", r)) }
        guard !annotated.isEmpty else { return nil }
        let dict = newTemp()
        emit(.buildDict, dict, 0, 0)
        for (parameter, annotation) in annotated {
            let v = module.stringAnnotations ? string(annotationText(annotation)) : try expression(annotation)
            emit(.dictSet, dict, string(parameter), v)
        }
        return dict
    }

    /// `locals()` / `vars()` in a function or class body (module level they are `globals()`): a class body's
    /// namespace (`LocalsSupport.classLocals`); in a function, a dict of the bound locals and closure
    /// variables, made from their registers by `LocalsSupport.functionLocals` (our frames keep no name table).
    func localsCall(into d: Int32) -> Int32 {
        if code.kind == .classBody {
            let base = temps(1)
            _ = load(LocalsSupport.classLocalsName, into: base)
            emit(.call, d, base, 0)
            return d
        }
        var plain: [(String, Int32)] = [], cells: [(String, Int32)] = []
        for n in scope.locals + scope.frees {
            guard let r = locals[n] else { continue }
            if cellNames.contains(n) || scope.frees.contains(n) { cells.append((n, r)) } else { plain.append((n, r)) }
        }
        code.needsUnboundMarkers = true
        let names = plain.map(\.0) + ["|"] + cells.map(\.0)
        let base = temps(2 + plain.count + cells.count)
        _ = load(LocalsSupport.functionLocalsName, into: base)
        emit(.move, base + 1, constant(.object(PyTuple(names.map { .str($0) })), key: .names(names)))
        for (i, (_, r)) in (plain + cells).enumerated() { emit(.move, base + 2 + Int32(i), r) }
        emit(.call, d, base, Int32(1 + plain.count + cells.count))
        return d
    }

    /// Whether a function body (not counting nested defs and classes) has a `try` or `with`.
    static func hasHandlers(_ body: [Statement]) -> Bool {
        body.contains { st in
            switch st.kind {
            case .tryStatement, .with: return true
            case .ifStatement(_, let b, let o), .whileStatement(_, let b, let o), .forStatement(_, _, let b, let o):
                return hasHandlers(b) || hasHandlers(o)
            default: return false
            }
        }
    }

    /// A body's docstring: its first statement when that is a plain string literal.
    static func docstring(_ body: [Statement]) -> String? {
        guard case .expression(let e)? = body.first?.kind, case .constant(.string(let s)) = e.kind else { return nil }
        return s
    }

    /// `class Name(bases, **keywords): body` — the body runs as a function whose namespace becomes the class
    /// (`ClassBuilder`, CPython's `__build_class__`); starred bases and keywords (`metaclass=`) travel as a
    /// tuple and a dict.
    func classDefinition(_ c: ClassDef, at loc: SourceLocation) throws(SyntaxError) {
        guard let inner = module.symbols.scope(at: loc) else { throw error("internal: no scope for class \(c.name)", loc) }
        let qualified = code.kind == .module ? c.name : "\(code.qualifiedName)\(code.kind == .function ? ".<locals>" : "").\(c.name)"
        let fc = FunctionCompiler(module: module, scope: inner, kind: .classBody, name: c.name, qualifiedName: qualified, line: loc.line)
        // CPython's class body prologue: __module__ and __qualname__ first.
        let moduleName = fc.newTemp()
        fc.emit(.loadName, moduleName, fc.name("__name__"))
        fc.emit(.storeName, fc.name("__module__"), moduleName)
        fc.emit(.storeName, fc.name("__qualname__"), fc.string(qualified))
        if c.body.contains(where: { if case .annotatedAssign(let t, _, _) = $0.kind, case .name = t.kind { true } else { false } }) {
            let d = fc.newTemp()
            fc.emit(.buildDict, d, 0, 0)
            fc.emit(.storeName, fc.name("__annotations__"), d)
        }
        // The docstring only when there is one (a __prepare__ namespace sees what CPython's sees);
        // type.__new__ gives every class a __doc__, None without a docstring.
        if let doc = Self.docstring(c.body) { fc.emit(.storeName, fc.name("__doc__"), fc.string(doc)) }
        try fc.statements(c.body)
        // Methods using super() or __class__ close over the class: type.__new__ fills the cell.
        if inner.cells.contains("__class__"), let cell = fc.locals["__class__"] {
            fc.emit(.storeName, fc.name("__classcell__"), cell)
        }
        fc.emit(.returnValue, fc.none())
        let bodyCode = fc.finish()
        let body = newTemp()
        let k = constantIndex(.object(CodeConstant(bodyCode)), key: .code(ObjectIdentifier(bodyCode).hashValue))
        if inner.frees.isEmpty {
            emit(.makeFunction, body, k, 0, d: 1)
        } else {
            let extras = temps(3)
            emit(.move, extras, none())
            emit(.move, extras + 1, none())
            let cb = temps(inner.frees.count)
            for (i, n) in inner.frees.enumerated() { emit(.move, cb + Int32(i), try closureCell(n, loc)) }
            emit(.buildTuple, extras + 2, cb, Int32(inner.frees.count))
            emit(.makeFunction, body, k, extras)
        }
        var r = newTemp()
        let starred = c.bases.contains { if case .starred = $0.kind { true } else { false } }
        if c.keywords.isEmpty && !starred {
            let bases = temps(c.bases.count)
            for (i, b) in c.bases.enumerated() { _ = try expression(b, into: bases + Int32(i)) }
            currentLine = loc.line
            emit(.makeClass, r, body, bases, d: UInt16(c.bases.count))
        } else {
            // c = the bases tuple, c + 1 = the keywords dict (d = `Opcode.classWithKeywords`).
            let pair = temps(2)
            _ = try expression(Expression(.tuple(c.bases), at: loc), into: pair)
            emit(.buildDict, pair + 1, 0, 0)
            for k in c.keywords {
                let v = try expression(k.value)
                if let n = k.name { emit(.dictSet, pair + 1, string(n), v) } else { emit(.dictUpdate, pair + 1, v) }
            }
            currentLine = loc.line
            emit(.makeClass, r, body, pair, d: Opcode.classWithKeywords)
        }
        for dec in c.decorators.reversed() {
            let cb = temps(2)
            _ = try expression(dec, into: cb)
            emit(.move, cb + 1, r)
            emit(.call, cb, cb, 1)
            r = cb
        }
        store(c.name, from: r)
    }
}

extension NameAccess {
    var isGlobal: Bool {
        if case .global = self { return true }
        if case .namespace = self { return true }
        return false
    }
}

/// A code object stored in a constant table (for `makeFunction`).
final class CodeConstant: PyObject, @unchecked Sendable {
    let code: CodeObject

    init(_ code: CodeObject) {
        self.code = code
        super.init(tag: .cell)
    }
}

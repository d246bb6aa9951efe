import PythonSyntax

/// The scopes of a module (Python/symtable.c in miniature): which names are locals, cells (captured by
/// nested functions), free (taken from an enclosing function) or globals. Scopes are keyed by the source
/// location of the `def`, `lambda` or `class` that opens them. Comprehensions are inlined by the compiler
/// (as PEP 709 does), so their targets never become locals of the enclosing scope.
final class Scope {
    enum Kind { case module, function, classBody }

    let kind: Kind
    let name: String
    weak var parent: Scope?
    var parameters: [String] = []
    var assigned: [String] = []
    private var assignedSet: Set<String> = []
    var referenced: Set<String> = []
    var globals: Set<String> = []
    var nonlocals: Set<String> = []
    /// Where each name was first declared nonlocal (for "no binding for nonlocal" errors).
    var nonlocalLocations: [String: SourceLocation] = [:]
    var cells: Set<String> = []
    var frees: [String] = []
    var children: [Scope] = []
    var hasYield = false
    /// The body delegates (`yield from`, `await`, `async for`/`with`): throw()/close() must reach it.
    var delegates = false
    var usesSuper = false
    /// In a class body: names read inside its (inlined) comprehensions, which — as in CPython, where a
    /// comprehension is a function scope — never see the class's own names.
    var comprehensionNames: Set<String> = []
    /// A `<genexpr>` whose targets are real locals (a lambda or def inside may capture them), compiled as a
    /// plain loop rather than with the inlined comprehension's temporaries.
    var targetsAreLocals = false

    init(kind: Kind, name: String, parent: Scope?) {
        self.kind = kind
        self.name = name
        self.parent = parent
    }

    func assign(_ n: String) {
        if assignedSet.insert(n).inserted { assigned.append(n) }
    }

    /// Parameters and assigned names that are not declared global/nonlocal.
    var locals: [String] {
        var seen = Set<String>()
        var out: [String] = []
        for n in parameters + assigned where !globals.contains(n) && !nonlocals.contains(n) && seen.insert(n).inserted {
            out.append(n)
        }
        return out
    }

    func isLocal(_ n: String) -> Bool {
        (parameters.contains(n) || assignedSet.contains(n)) && !globals.contains(n) && !nonlocals.contains(n)
    }
}

/// A generator expression's identity in the tree. Its start alone is not one: in `f((… for y in x) for x in xs)`
/// the outer genexpr, a call's only argument, starts where its element, the inner genexpr, does; their first
/// iterables (`xs`, `x`) always differ.
struct GeneratorExpressionKey: Hashable {
    let start: SourceLocation
    let firstIterable: SourceLocation
}

struct SymbolTable {
    let module: Scope
    private(set) var scopes: [SourceLocation: Scope] = [:]
    /// Apart from `scopes`: a generator expression that is a call's only argument starts where its element
    /// does, so `list(lambda: x for x in xs)` has a lambda and a `<genexpr>` at one location.
    private(set) var generatorExpressionScopes: [GeneratorExpressionKey: Scope] = [:]
    let fileName: String

    init(_ m: Module) throws(SyntaxError) {
        fileName = m.fileName
        module = Scope(kind: .module, name: "<module>", parent: nil)
        var builder = Builder(fileName: m.fileName)
        builder.statements(m.body, module)
        if let e = builder.error { throw e }
        scopes = builder.scopes
        generatorExpressionScopes = builder.generatorExpressionScopes
        try resolve(module)
    }

    func scope(at loc: SourceLocation) -> Scope? { scopes[loc] }

    func generatorExpressionScope(_ key: GeneratorExpressionKey) -> Scope? { generatorExpressionScopes[key] }

    private func resolve(_ s: Scope) throws(SyntaxError) {
        // Class bodies read enclosing functions' variables too (CPython's LOAD_CLASSDEREF), and pass them
        // through to the methods defined in them, so a class scope on the path gets the name as a free.
        if s.kind == .function || s.kind == .classBody {
            let names = s.kind == .function ? s.referenced.union(s.nonlocals) : s.referenced.union(s.comprehensionNames)
            for n in names.sorted() where (!s.isLocal(n) || s.comprehensionNames.contains(n)) && !s.globals.contains(n) {
                // A class body's own `__class__` is not the implicit cell of its methods.
                if n == "__class__" && s.kind == .classBody { continue }
                var path: [Scope] = [s]
                var cur = s.parent
                var found: Scope?
                while let c = cur, c.kind != .module {
                    if c.kind == .function && c.isLocal(n) { found = c; break }
                    // The nearest enclosing class owns the `__class__` cell its methods share (symtable.c
                    // ste_needs_class_closure).
                    if n == "__class__" && c.kind == .classBody { found = c; break }
                    path.append(c)
                    cur = c.parent
                }
                if let owner = found {
                    owner.cells.insert(n)
                    for p in path where !p.frees.contains(n) { p.frees.append(n) }
                } else if s.nonlocals.contains(n) {
                    throw SyntaxError("no binding for nonlocal '\(n)' found", fileName: fileName, location: s.nonlocalLocations[n] ?? SourceLocation(line: 1, column: 1))
                }
            }
        }
        for c in s.children { try resolve(c) }
    }

    private struct Builder {
        let fileName: String
        var scopes: [SourceLocation: Scope] = [:]
        var generatorExpressionScopes: [GeneratorExpressionKey: Scope] = [:]
        var error: SyntaxError?

        mutating func statements(_ body: [Statement], _ s: Scope) {
            for st in body { statement(st, s) }
        }

        mutating func newScope(_ kind: Scope.Kind, _ name: String, at loc: SourceLocation, parent: Scope) -> Scope {
            let c = Scope(kind: kind, name: name, parent: parent)
            parent.children.append(c)
            scopes[loc] = c
            return c
        }

        mutating func parameters(_ p: Parameters, _ s: Scope, _ inner: Scope) {
            for d in p.defaults { expression(d, s) }
            for d in p.keywordDefaults { if let d { expression(d, s) } }
            // Annotations are evaluated in the defining scope (after the defaults), like CPython's.
            for a in p.annotations { expression(a.annotation, s) }
            var names = (p.positionalOnly + p.positional).map(\.name) + p.keywordOnly.map(\.name)
            if let v = p.varArgs { names.append(v.name) }
            if let v = p.varKeywords { names.append(v.name) }
            inner.parameters = names
        }

        mutating func statement(_ st: Statement, _ s: Scope) {
            switch st.kind {
            case .expression(let e): expression(e, s)
            case .assign(let targets, let value):
                expression(value, s)
                for t in targets { target(t, s) }
            case .augmentedAssign(let t, _, let value):
                expression(value, s)
                expression(t, s)
                target(t, s)
            case .annotatedAssign(let t, _, let value):
                if let value { expression(value, s); target(t, s) }
            case .functionDef(let f):
                for d in f.decorators { expression(d, s) }
                s.assign(f.name)
                let inner = newScope(.function, f.name, at: st.location, parent: s)
                parameters(f.parameters, s, inner)
                if let r = f.returns { expression(r, s) }
                statements(f.body, inner)
            case .classDef(let c):
                for d in c.decorators { expression(d, s) }
                for b in c.bases { expression(b, s) }
                for k in c.keywords { expression(k.value, s) }
                s.assign(c.name)
                let inner = newScope(.classBody, c.name, at: st.location, parent: s)
                statements(c.body, inner)
            case .returnStatement(let e): if let e { expression(e, s) }
            case .delete(let ts): for t in ts { expression(t, s); target(t, s) }
            case .pass, .breakStatement, .continueStatement: break
            case .ifStatement(let test, let body, let orElse), .whileStatement(let test, let body, let orElse):
                expression(test, s)
                statements(body, s)
                statements(orElse, s)
            case .forStatement(let t, let iterable, let body, let orElse):
                expression(iterable, s)
                target(t, s)
                statements(body, s)
                statements(orElse, s)
            case .with(let items, let body):
                for i in items {
                    expression(i.context, s)
                    if let t = i.target { target(t, s) }
                }
                statements(body, s)
            case .asyncWith(let items, let body):
                s.delegates = true
                for i in items {
                    expression(i.context, s)
                    if let t = i.target { target(t, s) }
                }
                statements(body, s)
            case .asyncFor(let t, let iterable, let body, let orElse):
                s.delegates = true
                expression(iterable, s)
                target(t, s)
                statements(body, s)
                statements(orElse, s)
            case .raise(let e, let c):
                if let e { expression(e, s) }
                if let c { expression(c, s) }
            case .tryStatement(let body, let handlers, let orElse, let fin):
                statements(body, s)
                for h in handlers {
                    if let t = h.type { expression(t, s) }
                    if let n = h.name { s.assign(n) }
                    statements(h.body, s)
                }
                statements(orElse, s)
                statements(fin, s)
            case .assert(let t, let m):
                expression(t, s)
                if let m { expression(m, s) }
            case .importModules(let aliases):
                for a in aliases { s.assign(a.asName ?? String(a.name.split(separator: ".")[0])) }
            case .importFrom(_, let names, _):
                for a in names where a.name != "*" { s.assign(a.asName ?? a.name) }
            case .match(let subject, let cases):
                expression(subject, s)
                for c in cases {
                    pattern(c.pattern, s)
                    if let g = c.guardTest { expression(g, s) }
                    statements(c.body, s)
                }
            case .global(let names): s.globals.formUnion(names)
            case .nonlocal(let names):
                s.nonlocals.formUnion(names)
                for n in names where s.nonlocalLocations[n] == nil { s.nonlocalLocations[n] = st.location }
            }
        }

        /// Captures bind names; values, mapping keys and class names are read.
        mutating func pattern(_ p: Pattern, _ s: Scope) {
            switch p.kind {
            case .value(let e): expression(e, s)
            case .singleton: break
            case .sequence(let items): for i in items { pattern(i, s) }
            case .star(let name): if let name { s.assign(name) }
            case .mapping(let keys, let patterns, let rest):
                for k in keys { expression(k, s) }
                for q in patterns { pattern(q, s) }
                if let rest { s.assign(rest) }
            case .classPattern(let cls, let patterns, _, let keywordPatterns):
                expression(cls, s)
                for q in patterns + keywordPatterns { pattern(q, s) }
            case .capture(let inner, let name):
                if let inner { pattern(inner, s) }
                if let name { s.assign(name) }
            case .or(let alternatives): for a in alternatives { pattern(a, s) }
            }
        }

        mutating func target(_ t: Expression, _ s: Scope) {
            switch t.kind {
            case .name(let n): s.assign(n)
            case .tuple(let items), .list(let items): for i in items { target(i, s) }
            case .starred(let e): target(e, s)
            case .attribute(let o, _): expression(o, s)
            case .subscript(let o, let i): expression(o, s); expression(i, s)
            default: break
            }
        }

        mutating func comprehension(_ gens: [Comprehension], _ s: Scope, _ rest: [Expression]) {
            for g in gens {
                if g.isAsync { s.delegates = true }
                expression(g.iterable, s)
                comprehensionTarget(g.target, s)
                for c in g.conditions { expression(c, s) }
            }
            for e in rest { expression(e, s) }
        }

        /// Comprehensions are inlined unless a lambda or def inside them may capture their variables; then
        /// they get their own function scope `<comprehension>` (as every comprehension has in CPython 3.11)
        /// whose targets are real locals that can become cells.
        mutating func scopedComprehension(_ gens: [Comprehension], _ s: Scope, _ rest: [Expression], at loc: SourceLocation) {
            var probe = self
            let trial = Scope(kind: .function, name: "<probe>", parent: nil)
            probe.comprehension(gens, trial, rest)
            guard !trial.children.isEmpty, let first = gens.first else {
                if s.kind == .classBody, let first = gens.first {
                    // Only the first iterable is evaluated in the class scope; the rest reads like a function.
                    expression(first.iterable, s)
                    let body = Scope(kind: .function, name: "<class comprehension>", parent: s)
                    var rewritten = gens
                    rewritten[0] = Comprehension(target: first.target, iterable: Expression(.constant(.none), at: first.iterable.location),
                                                 conditions: first.conditions, isAsync: first.isAsync)
                    comprehension(rewritten, body, rest)
                    var bound = Set<String>()
                    func targets(_ t: Expression) {
                        switch t.kind {
                        case .name(let n): bound.insert(n)
                        case .tuple(let xs), .list(let xs): xs.forEach(targets)
                        case .starred(let x): targets(x)
                        default: break
                        }
                    }
                    gens.forEach { targets($0.target) }
                    s.comprehensionNames.formUnion(body.referenced.subtracting(bound))
                    for n in body.assigned where !bound.contains(n) { s.assign(n) }
                    if body.delegates { s.delegates = true }
                    if body.hasYield { s.hasYield = true }
                    return
                }
                comprehension(gens, s, rest)
                return
            }
            expression(first.iterable, s)
            let inner = newScope(.function, "<comprehension>", at: loc, parent: s)
            inner.parameters = [".0"]
            for (i, g) in gens.enumerated() {
                if i > 0 { expression(g.iterable, inner) }
                target(g.target, inner)
                for c in g.conditions { expression(c, inner) }
            }
            for e in rest { expression(e, inner) }
        }

        mutating func comprehensionTarget(_ t: Expression, _ s: Scope) {
            switch t.kind {
            case .name(let n): s.referenced.insert(n)
            case .tuple(let items), .list(let items): for i in items { comprehensionTarget(i, s) }
            case .starred(let e): comprehensionTarget(e, s)
            default: expression(t, s)
            }
        }

        mutating func expression(_ e: Expression, _ s: Scope) {
            switch e.kind {
            case .name(let n): s.referenced.insert(n)
            case .constant: break
            case .joinedString(let parts): fstring(parts, s)
            case .unary(_, let x): expression(x, s)
            case .binary(let l, _, let r): expression(l, s); expression(r, s)
            case .boolean(_, let xs): for x in xs { expression(x, s) }
            case .compare(let l, let rest): expression(l, s); for (_, r) in rest { expression(r, s) }
            case .call(let f, let args, let kws):
                expression(f, s)
                for a in args { expression(a, s) }
                for k in kws { expression(k.value, s) }
                if case .name("super") = f.kind, args.isEmpty { s.usesSuper = true; s.referenced.insert("__class__") }
            case .attribute(let o, _): expression(o, s)
            case .subscript(let o, let i): expression(o, s); expression(i, s)
            case .slice(let a, let b, let c):
                for x in [a, b, c] { if let x { expression(x, s) } }
            case .list(let xs), .tuple(let xs), .set(let xs): for x in xs { expression(x, s) }
            case .dict(let pairs):
                for p in pairs {
                    if let k = p.key { expression(k, s) }
                    expression(p.value, s)
                }
            case .conditional(let t, let b, let o): expression(t, s); expression(b, s); expression(o, s)
            case .lambda(let p, let body):
                let inner = newScope(.function, "<lambda>", at: e.location, parent: s)
                parameters(p, s, inner)
                expression(body, inner)
            case .listComprehension(let el, let gens), .setComprehension(let el, let gens):
                scopedComprehension(gens, s, [el], at: e.location)
            case .generatorExpression(let el, let gens):
                // A real generator function (CPython's <genexpr>): the first iterable is evaluated here and
                // passed in as `.0`; the rest runs lazily inside.
                guard let first = gens.first else { break }
                expression(first.iterable, s)
                let inner = Scope(kind: .function, name: "<genexpr>", parent: s)
                s.children.append(inner)
                generatorExpressionScopes[GeneratorExpressionKey(start: e.location, firstIterable: first.iterable.location)] = inner
                inner.parameters = [".0"]
                inner.hasYield = true
                var rest = gens
                rest[0] = Comprehension(target: first.target, iterable: Expression(.name(".0"), at: first.iterable.location), conditions: first.conditions)
                // A lambda or def inside may capture the targets: then they are the function's own locals (cells).
                var probe = self
                let trial = Scope(kind: .function, name: "<probe>", parent: nil)
                probe.comprehension(rest, trial, [el])
                if trial.children.isEmpty {
                    comprehension(rest, inner, [el])
                } else {
                    inner.targetsAreLocals = true
                    for g in rest {
                        expression(g.iterable, inner)
                        target(g.target, inner)
                        for c in g.conditions { expression(c, inner) }
                    }
                    expression(el, inner)
                }
            case .dictComprehension(let k, let v, let gens): scopedComprehension(gens, s, [k, v], at: e.location)
            case .starred(let x): expression(x, s)
            case .yield(let x):
                s.hasYield = true
                if let x { expression(x, s) }
            case .yieldFrom(let x):
                s.hasYield = true
                s.delegates = true
                expression(x, s)
            case .await(let x):
                s.delegates = true
                expression(x, s)
            case .namedExpression(let t, let v):
                expression(v, s)
                s.assign(t)
            }
        }

        mutating func fstring(_ parts: [FStringPart], _ s: Scope) {
            for p in parts {
                if case .formatted(let v, _, let spec) = p {
                    expression(v, s)
                    if let spec { fstring(spec, s) }
                }
            }
        }
    }
}

/// The abstract syntax tree of our Python subset, shaped after CPython's `Parser/Python.asdl`
/// (https://docs.python.org/3/library/ast.html) so a reader who knows `ast.dump` knows this.
/// It covers the whole language the runtime aims at (DESIGN.md, issues 3 and 5); the compiler reports
/// `not supported yet: <what>` for nodes it does not translate yet, never the parser.
///
/// Sugar the parser removes, so later stages never see it:
/// - `{x=}` in an f-string becomes the literal `"x="` followed by `x` formatted with `!r`
///   (or with the given spec and no conversion, as CPython does).
/// - Adjacent string literals are concatenated; an f-string mixed with plain strings is one `.joinedString`.
/// - `elif` is a nested `.ifStatement` in `orElse`.

/// 1-based line and column of a node's first character (columns count Unicode scalars).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var line: Int32
    public var column: Int32

    public init(line: Int32, column: Int32) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// A parsed file.
public struct Module: Sendable {
    public var body: [Statement]
    public var fileName: String

    public init(body: [Statement], fileName: String) {
        self.body = body
        self.fileName = fileName
    }
}

// MARK: - Statements

public struct Statement: Sendable {
    public var kind: StatementKind
    public var location: SourceLocation

    public init(_ kind: StatementKind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}

public indirect enum StatementKind: Sendable {
    case expression(Expression)
    /// `a = b = value`: targets left to right.
    case assign(targets: [Expression], value: Expression)
    case augmentedAssign(target: Expression, op: BinaryOperator, value: Expression)
    /// `x: int = 3` (the annotation is kept but never evaluated by our runtime).
    case annotatedAssign(target: Expression, annotation: Expression, value: Expression?)
    case functionDef(FunctionDef)
    case classDef(ClassDef)
    case returnStatement(Expression?)
    case delete([Expression])
    case pass
    case breakStatement
    case continueStatement
    case ifStatement(test: Expression, body: [Statement], orElse: [Statement])
    case whileStatement(test: Expression, body: [Statement], orElse: [Statement])
    case forStatement(target: Expression, iterable: Expression, body: [Statement], orElse: [Statement])
    case with(items: [WithItem], body: [Statement])
    /// `async for target in iterable:` (only in an `async def`).
    case asyncFor(target: Expression, iterable: Expression, body: [Statement], orElse: [Statement])
    /// `async with a as b, c:` (only in an `async def`).
    case asyncWith(items: [WithItem], body: [Statement])
    /// `raise`, `raise exc`, `raise exc from cause`.
    case raise(exception: Expression?, cause: Expression?)
    case tryStatement(body: [Statement], handlers: [ExceptHandler], orElse: [Statement], finally: [Statement])
    case assert(test: Expression, message: Expression?)
    /// `import a.b as c, d`
    case importModules([ImportAlias])
    /// `from .a.b import c as d, e` (`level` = number of leading dots; `names` = [("*", nil)] for star).
    case importFrom(module: String?, names: [ImportAlias], level: Int)
    case global([String])
    case nonlocal([String])
    /// `match subject:` and its `case` blocks, tried in order.
    case match(subject: Expression, cases: [MatchCase])
}

/// `case pattern if guard: body`.
public struct MatchCase: Sendable {
    public var pattern: Pattern
    public var guardTest: Expression?
    public var body: [Statement]

    public init(pattern: Pattern, guardTest: Expression?, body: [Statement]) {
        self.pattern = pattern
        self.guardTest = guardTest
        self.body = body
    }
}

/// A `case` pattern, shaped after `ast.pattern` (PEP 634).
public struct Pattern: Sendable {
    public var kind: PatternKind
    public var location: SourceLocation

    public init(_ kind: PatternKind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}

public indirect enum PatternKind: Sendable {
    /// A literal or a dotted name, compared with `==` (`MatchValue`).
    case value(Expression)
    /// `None`, `True` or `False`, compared with `is` (`MatchSingleton`).
    case singleton(Constant)
    /// `[p, *rest, q]` or `(p, q)` (`MatchSequence`): at most one `.star` among the items.
    case sequence([Pattern])
    /// `*name`, or `*_` (nil), inside a sequence pattern (`MatchStar`).
    case star(String?)
    /// `{key: p, …, **rest}` (`MatchMapping`); keys are literals or dotted names.
    case mapping(keys: [Expression], patterns: [Pattern], rest: String?)
    /// `Cls(p, …, name=q, …)` (`MatchClass`).
    case classPattern(cls: Expression, patterns: [Pattern], keywordNames: [String], keywordPatterns: [Pattern])
    /// `p as name`; a bare capture `name` has no pattern; the wildcard `_` has neither (`MatchAs`).
    case capture(pattern: Pattern?, name: String?)
    /// `p | q | …` (`MatchOr`).
    case or([Pattern])
}

public struct FunctionDef: Sendable {
    public var name: String
    public var parameters: Parameters
    public var body: [Statement]
    public var decorators: [Expression]
    /// The `-> annotation`, kept for completeness, never evaluated.
    public var returns: Expression?
    /// `async def`: a coroutine function (an asynchronous generator when its body yields).
    public var isAsync: Bool

    public init(name: String, parameters: Parameters, body: [Statement], decorators: [Expression], returns: Expression?, isAsync: Bool = false) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.decorators = decorators
        self.returns = returns
        self.isAsync = isAsync
    }
}

public struct ClassDef: Sendable {
    public var name: String
    public var bases: [Expression]
    /// `metaclass=...` and other class keywords.
    public var keywords: [Keyword]
    public var body: [Statement]
    public var decorators: [Expression]

    public init(name: String, bases: [Expression], keywords: [Keyword], body: [Statement], decorators: [Expression]) {
        self.name = name
        self.bases = bases
        self.keywords = keywords
        self.body = body
        self.decorators = decorators
    }
}

/// A parameter list: `def f(a, b=1, /, c=2, *args, d, e=3, **kw)`.
public struct Parameters: Sendable {
    /// Before `/`.
    public var positionalOnly: [Parameter]
    /// Positional-or-keyword.
    public var positional: [Parameter]
    /// Defaults of the *last* `defaults.count` of `positionalOnly + positional`, as in CPython's ast.
    public var defaults: [Expression]
    public var varArgs: Parameter?
    public var keywordOnly: [Parameter]
    /// One entry per keyword-only parameter; nil = required.
    public var keywordDefaults: [Expression?]
    public var varKeywords: Parameter?

    public init(
        positionalOnly: [Parameter] = [], positional: [Parameter] = [], defaults: [Expression] = [],
        varArgs: Parameter? = nil, keywordOnly: [Parameter] = [], keywordDefaults: [Expression?] = [],
        varKeywords: Parameter? = nil
    ) {
        self.positionalOnly = positionalOnly
        self.positional = positional
        self.defaults = defaults
        self.varArgs = varArgs
        self.keywordOnly = keywordOnly
        self.keywordDefaults = keywordDefaults
        self.varKeywords = varKeywords
    }
}

public struct Parameter: Sendable {
    public var name: String
    public var annotation: Expression?
    public var location: SourceLocation

    public init(name: String, annotation: Expression? = nil, location: SourceLocation) {
        self.name = name
        self.annotation = annotation
        self.location = location
    }
}

public struct WithItem: Sendable {
    public var context: Expression
    public var target: Expression?

    public init(context: Expression, target: Expression?) {
        self.context = context
        self.target = target
    }
}

public struct ExceptHandler: Sendable {
    /// nil for a bare `except:`; a `.tuple` for `except (A, B):`.
    public var type: Expression?
    public var name: String?
    public var body: [Statement]
    public var location: SourceLocation

    public init(type: Expression?, name: String?, body: [Statement], location: SourceLocation) {
        self.type = type
        self.name = name
        self.body = body
        self.location = location
    }
}

public struct ImportAlias: Sendable {
    /// Dotted for `import a.b`; a plain name for `from x import name`.
    public var name: String
    public var asName: String?
    public var location: SourceLocation

    public init(name: String, asName: String?, location: SourceLocation) {
        self.name = name
        self.asName = asName
        self.location = location
    }
}

// MARK: - Expressions

public struct Expression: Sendable {
    public var kind: ExpressionKind
    public var location: SourceLocation

    public init(_ kind: ExpressionKind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}

public indirect enum ExpressionKind: Sendable {
    case name(String)
    case constant(Constant)
    /// An f-string (possibly concatenated with plain literals).
    case joinedString([FStringPart])
    case unary(UnaryOperator, Expression)
    case binary(Expression, BinaryOperator, Expression)
    /// `a and b and c` → `.boolean(.and, [a, b, c])`.
    case boolean(BooleanOperator, [Expression])
    /// `a < b <= c` → `.compare(a, [(.less, b), (.lessEqual, c)])`.
    case compare(Expression, [(ComparisonOperator, Expression)])
    /// Positional arguments may be `.starred`; a keyword with a nil name is `**mapping`.
    case call(function: Expression, arguments: [Expression], keywords: [Keyword])
    case attribute(Expression, String)
    case `subscript`(Expression, Expression)
    /// Only as a subscript's index (or an element of a tuple index): `a[1:2:3]`.
    case slice(lower: Expression?, upper: Expression?, step: Expression?)
    case list([Expression])
    case tuple([Expression])
    case set([Expression])
    /// A nil key is `**mapping`.
    case dict([(key: Expression?, value: Expression)])
    case conditional(test: Expression, body: Expression, orElse: Expression)
    case lambda(Parameters, body: Expression)
    case listComprehension(element: Expression, generators: [Comprehension])
    case setComprehension(element: Expression, generators: [Comprehension])
    case dictComprehension(key: Expression, value: Expression, generators: [Comprehension])
    case generatorExpression(element: Expression, generators: [Comprehension])
    /// `*x` in a call, a display or an assignment target.
    case starred(Expression)
    case yield(Expression?)
    case yieldFrom(Expression)
    /// `await x` (only in an `async def`).
    case await(Expression)
    /// `name := value`.
    case namedExpression(target: String, value: Expression)
}

public enum Constant: Sendable, Equatable {
    case none
    case bool(Bool)
    /// An integer literal that fits in 64 bits.
    case int(Int)
    /// An integer literal that does not: its decimal digits (underscores and base prefixes removed).
    case bigInt(String)
    case float(Double)
    /// Imaginary literals are parsed so the error can say "not supported yet: complex numbers".
    case imaginary(Double)
    case string(String)
    case bytes([UInt8])
    case ellipsis
}

public enum FStringPart: Sendable {
    case literal(String)
    /// `{value!conversion:spec}`; `conversion` is "s", "r" or "a"; the spec may itself hold fields.
    case formatted(value: Expression, conversion: Character?, spec: [FStringPart]?)
}

public struct Keyword: Sendable {
    /// nil for `**mapping`.
    public var name: String?
    public var value: Expression
    public var location: SourceLocation

    public init(name: String?, value: Expression, location: SourceLocation) {
        self.name = name
        self.value = value
        self.location = location
    }
}

public struct Comprehension: Sendable {
    public var target: Expression
    public var iterable: Expression
    public var conditions: [Expression]
    /// `async for` (in an `async def`).
    public var isAsync: Bool

    public init(target: Expression, iterable: Expression, conditions: [Expression], isAsync: Bool = false) {
        self.target = target
        self.iterable = iterable
        self.conditions = conditions
        self.isAsync = isAsync
    }
}

public enum UnaryOperator: String, Sendable {
    case not = "not"
    case negate = "-"
    case plus = "+"
    case invert = "~"
}

public enum BinaryOperator: String, Sendable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case trueDivide = "/"
    case floorDivide = "//"
    case modulo = "%"
    case power = "**"
    case matrixMultiply = "@"
    case leftShift = "<<"
    case rightShift = ">>"
    case bitAnd = "&"
    case bitOr = "|"
    case bitXor = "^"
}

public enum BooleanOperator: String, Sendable {
    case and
    case or
}

public enum ComparisonOperator: String, Sendable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    case `is` = "is"
    case isNot = "is not"
    case `in` = "in"
    case notIn = "not in"
}

extension Parameters {
    /// The annotated parameters in CPython 3.11's `__annotations__` order: positional, then positional-only (its
    /// compiler visits `args` before `posonlyargs`), `*args`, keyword-only, `**kwargs`.
    public var annotations: [(name: String, annotation: Expression)] {
        var all = positional + positionalOnly
        if let varArgs { all.append(varArgs) }
        all += keywordOnly
        if let varKeywords { all.append(varKeywords) }
        return all.compactMap { p in p.annotation.map { (p.name, $0) } }
    }
}

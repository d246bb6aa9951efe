/// Python source → `Module`. A recursive-descent parser over the 3.11 grammar
/// (https://docs.python.org/3.11/reference/grammar.html) with CPython's error wording where it is cheap to
/// match (`Parser/pegen_errors.c`, the `invalid_*` rules of `Grammar/python.gram`).
public enum PythonParser {
    public static func parse(source: String, fileName: String) throws(SyntaxError) -> Module {
        let scalars = Lexer.scalars(of: source)
        var lexer = Lexer(source: scalars, fileName: fileName)
        let tokens = try lexer.tokenize()
        var parser = Parser(tokens: tokens, source: scalars, fileName: fileName)
        parser.unclosedBracket = lexer.unclosedBracket
        return Module(body: try parser.parseFile(), fileName: fileName)
    }
}

/// The parser's state: a token array and a cursor. Backtracking (only for parenthesised `with` items) is
/// saving and restoring `index`.
struct Parser {
    let tokens: [Token]
    let source: [Unicode.Scalar]
    let fileName: String
    var index = 0
    /// Nesting of expressions and blocks, bounded so hostile input cannot overflow the stack.
    var depth = 0
    /// The lexer's "'(' was never closed", reported when the parser reaches the end of the file.
    var unclosedBracket: SyntaxError?
    /// Enclosing loops and functions, for the errors CPython's compiler raises before running anything
    /// ("'break' outside loop", "'return' outside function", …; `Python/compile.c`).
    var context = BlockContext()

    static let contextMessages: Set<String> = [
        "'break' outside loop", "'continue' not properly in loop", "'return' outside function", "'yield' outside function",
        "nonlocal declaration not allowed at module level",
    ]

    struct BlockContext {
        var loops = 0
        var functions = 0
        var classes = 0
        /// Directly inside an `async def` (not a nested `def`, `lambda` or class).
        var inAsync = false
    }
    static let maxDepth = 400
    /// Links of left-associative chains (`a + b + …`, `a.b.c…`, `f()()…`) open around the cursor: each one
    /// nests the tree one level deeper without recursing here, but the compiler recurses on it. CPython 3.11
    /// compiles a 1,000-link chain and refuses 10,000 ("maximum recursion depth exceeded during compilation").
    var chainDepth = 0
    /// Hidden names made so far (`.esN`/`.emN` of `except*` lowerings): each `try` gets its own.
    var hiddenNames = 0
    static let maxChainDepth = 3000

    init(tokens: [Token], source: [Unicode.Scalar], fileName: String) {
        self.tokens = tokens
        self.source = source
        self.fileName = fileName
    }

    // MARK: - Cursor

    var current: Token { tokens[index] }

    func peek(_ ahead: Int = 1) -> Token { tokens[min(index + ahead, tokens.count - 1)] }

    var previous: Token { tokens[max(index - 1, 0)] }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    func check(_ op: String) -> Bool { current.isOp(op) }

    /// True if the current token is the (hard or soft) keyword `word`.
    func checkKeyword(_ word: String) -> Bool { current.isName(word) }

    mutating func accept(_ op: String) -> Bool {
        guard current.isOp(op) else { return false }
        advance()
        return true
    }

    mutating func acceptKeyword(_ word: String) -> Bool {
        guard current.isName(word) else { return false }
        advance()
        return true
    }

    mutating func expect(_ op: String) throws(SyntaxError) {
        guard accept(op) else {
            if op == ":" { throw error("expected ':'", at: current) }
            throw invalidSyntax()
        }
    }

    mutating func expectKeyword(_ word: String) throws(SyntaxError) {
        guard acceptKeyword(word) else { throw invalidSyntax() }
    }

    /// A non-keyword name.
    mutating func expectIdentifier() throws(SyntaxError) -> String {
        guard case .name(let name) = current.kind, !pythonKeywords.contains(name) else { throw invalidSyntax() }
        advance()
        return name
    }

    mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > Self.maxDepth { throw error("expression too deeply nested", at: current) }
    }

    mutating func leave() { depth -= 1 }

    /// One more link of a left-associative chain; the caller gives its links back with `leaveChain` (deferred).
    mutating func extendChain() throws(SyntaxError) {
        chainDepth += 1
        if chainDepth > Self.maxChainDepth { throw error("expression too deeply nested", at: current) }
    }

    mutating func leaveChain(_ links: Int) { chainDepth -= links }

    // MARK: - Errors

    func error(_ message: String, at token: Token) -> SyntaxError {
        error(message, at: token.location, offset: token.offset)
    }

    func error(_ message: String, at location: SourceLocation, offset: Int) -> SyntaxError {
        SyntaxError(message, fileName: fileName, location: location, sourceLine: Lexer.lineText(in: source, containing: offset))
    }

    func error(_ message: String, at expression: Expression) -> SyntaxError {
        SyntaxError(
            message, fileName: fileName, location: expression.location,
            sourceLine: Lexer.lineText(in: source, line: expression.location.line))
    }

    /// CPython's generic error at the current token, with its special cases for INDENT and end of file.
    func invalidSyntax() -> SyntaxError {
        switch current.kind {
        case .indent: return error("unexpected indent", at: current)
        case .dedent: return error("unindent does not match any outer indentation level", at: current)
        case .endOfFile: return unclosedBracket ?? error("unexpected EOF while parsing", at: current)
        default: return error("invalid syntax", at: current)
        }
    }

    // MARK: - File and blocks

    mutating func parseFile() throws(SyntaxError) -> [Statement] {
        var body: [Statement] = []
        while current.kind != .endOfFile {
            if current.kind == .newline {
                advance()
                continue
            }
            body += try parseStatement()
        }
        return body
    }

    /// `':' block` after a compound statement header; `what` names the header the way CPython's
    /// "expected an indented block after …" message does.
    mutating func parseBlock(after what: String, line: Int32) throws(SyntaxError) -> [Statement] {
        if !accept(":") {
            // CPython says "expected ':'" at a line end, and anywhere after `def`/`try` headers.
            let always = ["function definition", "'try' statement", "'finally' statement", "'else' statement"]
            if current.kind == .newline || always.contains(what) { throw error("expected ':'", at: current) }
            throw invalidSyntax()
        }
        guard current.kind == .newline else { return try parseSimpleStatements() }
        return try parseIndented(after: what, line: line) { parser throws(SyntaxError) in try parser.parseStatement() }
    }

    /// NEWLINE INDENT … DEDENT after a compound statement's ':' — its statements, or a match's case blocks —
    /// parsed one `item` at a time; blank lines between them are skipped.
    mutating func parseIndented<Item>(
        after what: String, line: Int32, _ item: (inout Parser) throws(SyntaxError) -> [Item]
    ) throws(SyntaxError) -> [Item] {
        guard current.kind == .newline else { throw invalidSyntax() }
        advance()
        guard current.kind == .indent else {
            throw error("expected an indented block after \(what) on line \(line)", at: current)
        }
        advance()
        try enter()
        defer { leave() }
        var items: [Item] = []
        while current.kind != .dedent && current.kind != .endOfFile {
            if current.kind == .newline {
                advance()
                continue
            }
            items += try item(&self)
        }
        advance()
        return items
    }
}

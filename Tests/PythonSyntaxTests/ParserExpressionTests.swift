import Testing
@testable import PythonSyntax

/// Expression forms and precedence, checked through `dump()` of an expression statement.
@Suite struct ParserExpressionTests {
    func expression(_ text: String) throws(SyntaxError) -> String {
        let module = try PythonParser.parse(source: text, fileName: "t.py")
        guard module.body.count == 1, case .expression(let value) = module.body[0].kind else { return dump(module) }
        return dump(expression: value)
    }

    @Test(arguments: [
        ("1 + 2 * 3", "(+ 1 (* 2 3))"),
        ("(1 + 2) * 3", "(* (+ 1 2) 3)"),
        ("a - b - c", "(- (- a b) c)"),
        ("2 ** 3 ** 2", "(** 2 (** 3 2))"),
        ("-2 ** 2", "(u- (** 2 2))"),
        ("2 ** -1", "(** 2 (u- 1))"),
        ("~a + +b", "(+ (u~ a) (u+ b))"),
        ("a | b ^ c & d << e + f * g", "(| a (^ b (& c (<< d (+ e (* f g))))))"),
        ("a // b % c @ d / e", "(/ (@ (% (// a b) c) d) e)"),
        ("a >> 1 << 2", "(<< (>> a 1) 2)"),
        ("not a and b or c", "(or (and (not a) b) c)"),
        ("a or b or c", "(or a b c)"),
        ("a and b and c", "(and a b c)"),
        ("not not a", "(not (not a))"),
        ("a < b <= c != d", "(cmp a < b <= c != d)"),
        ("a not in b is not c in d is e", "(cmp a not in b is not c in d is e)"),
        ("not a == b", "(not (cmp a == b))"),
        ("a if b else c if d else e", "(ifexp b a (ifexp d c e))"),
        ("lambda: 0", "(lambda (params) 0)"),
        ("lambda a, *b, c=1, **d: a", "(lambda (params a *b c=1 **d) a)"),
        ("lambda x: lambda y: x + y", "(lambda (params x) (lambda (params y) (+ x y)))"),
        ("(x := 5)", "(:= x 5)"),
        ("f(y := 1)", "(call f (:= y 1))"),
        ("f()", "(call f)"),
        ("f(*a, **k, x=1)", "(call f (* a) (** k) (kw x 1))"),
        ("f(a, *b, c=1, *d, **e)", "(call f a (* b) (* d) (kw c 1) (** e))"),
        ("f(x for x in y)", "(call f (genexp x (for x y)))"),
        ("f(a,)", "(call f a)"),
        ("a.b.c(d)[e]", "(sub (call (. (. a b) c) d) e)"),
        ("a[::2]", "(sub a (slice _ _ 2))"),
        ("a[1:2, 3]", "(sub a (tuple (slice 1 2 _) 3))"),
        ("a[:]", "(sub a (slice _ _ _))"),
        ("a[1:]", "(sub a (slice 1 _ _))"),
        ("a[:-1]", "(sub a (slice _ (u- 1) _))"),
        ("a[1,]", "(sub a (tuple 1))"),
        ("a[i, j]", "(sub a (tuple i j))"),
        ("a[x:=1]", "(sub a (:= x 1))"),
        ("()", "(tuple)"),
        ("(1,)", "(tuple 1)"),
        ("(1)", "1"),
        ("1,", "(tuple 1)"),
        ("[]", "(list)"),
        ("[1, [2, 3],]", "(list 1 (list 2 3))"),
        ("[*a, b]", "(list (* a) b)"),
        ("{}", "(dict)"),
        ("{1: 2, **a, 'b': 3}", "(dict (1 2) (** a) (\"b\" 3))"),
        ("{**a}", "(dict (** a))"),
        ("{1, *s}", "(set 1 (* s))"),
        ("{1}", "(set 1)"),
        ("[x*y for x in a if x for y in b if y if z]", "(listcomp (* x y) (for x a (if x)) (for y b (if y) (if z)))"),
        ("{k: v for k, v in d.items()}", "(dictcomp k v (for (tuple k v) (call (. d items))))"),
        ("{x for x in s}", "(setcomp x (for x s))"),
        ("(x for x in s)", "(genexp x (for x s))"),
        ("[x for x in a if x if not x]", "(listcomp x (for x a (if x) (if (not x))))"),
        ("[(a, b) for a, b in c]", "(listcomp (tuple a b) (for (tuple a b) c))"),
        ("lambda: (yield)", "(lambda (params) (yield _))"),
        ("None, True, False, ...", "(tuple None True False ...)"),
        ("x.if_", "(. x if_)"),
        ("print(*args, sep='')", "(call print (* args) (kw sep \"\"))"),
    ])
    func expressions(text: String, expected: String) throws {
        #expect(try expression(text) == expected)
    }

    @Test(arguments: [
        ("0xFF + 0o17 + 0b101 + 1_000", "(+ (+ (+ 255 15) 5) 1000)"),
        ("1. + .5 + 1e-3 + 2j", "(+ (+ (+ 1.0 0.5) 0.001) 2.0j)"),
        ("99999999999999999999", "99999999999999999999"),
        ("0xFFFFFFFFFFFFFFFFFFFF", "1208925819614629174706175"),
        ("'a' \"b\" '''c'''", "\"abc\""),
        ("r'\\n' '\\t'", "\"\\\\n\\t\""),
        ("b'a' b'\\x41'", "b\"aA\""),
        ("u'\\u00e9'", "\"é\""),
    ])
    func literals(text: String, expected: String) throws {
        #expect(try expression(text) == expected)
    }

    @Test(arguments: [
        ("f'a{x}b'", "(f \"a\" (fmt x) \"b\")"),
        ("f\"{y!r:>{w}}\"", "(f (fmt y !r (spec \">\" (fmt w))))"),
        ("f'{{x}}'", "(f \"{x}\")"),
        ("f'{x=}'", "(f \"x=\" (fmt x !r))"),
        ("f'{x = :.2f}'", "(f \"x = \" (fmt x (spec \".2f\")))"),
        ("f'{x=!s}'", "(f \"x=\" (fmt x !s))"),
        ("f'{x:>8}' 'tail'", "(f (fmt x (spec \">8\")) \"tail\")"),
        ("'head' f'{x:,}'", "(f \"head\" (fmt x (spec \",\")))"),
        ("f\"{'q'}\"", "(f (fmt \"q\"))"),
        ("f'{d[\"k\"]}'", "(f (fmt (sub d \"k\")))"),
        ("f'{a!=b}'", "(f (fmt (cmp a != b)))"),
        ("f'{a == b}'", "(f (fmt (cmp a == b)))"),
        ("f'{x:{w}.{p}f}'", "(f (fmt x (spec (fmt w) \".\" (fmt p) \"f\")))"),
        ("f'{ {1: 2}[1] }'", "(f (fmt (sub (dict (1 2)) 1)))"),
        ("f'{x, y}'", "(f (fmt (tuple x y)))"),
        ("f'\\n{x}\\t'", "(f \"\\n\" (fmt x) \"\\t\")"),
        ("rf'\\n{x}'", "(f \"\\\\n\" (fmt x))"),
        ("f''", "(f)"),
        ("f'''{\nx\n}'''", "(f (fmt x))"),
        ("f'{(lambda: 1)()}'", "(f (fmt (call (lambda (params) 1))))"),
    ])
    func fStrings(text: String, expected: String) throws {
        #expect(try expression(text) == expected)
    }

    @Test func fStringFieldLocationsPointIntoTheFile() throws {
        let module = try PythonParser.parse(source: "x = 1\ny = f'ab{ zz }'", fileName: "t.py")
        guard case .assign(_, let value) = module.body[1].kind, case .joinedString(let parts) = value.kind,
            case .formatted(let field, _, _) = parts[1]
        else {
            Issue.record("unexpected shape")
            return
        }
        #expect(field.location == SourceLocation(line: 2, column: 11))
    }

    @Test func deepButReasonableNestingParses() throws {
        let text = String(repeating: "(", count: 199) + "1" + String(repeating: ")", count: 199)
        #expect(try expression(text) == "1")
        let unary = String(repeating: "-", count: 190) + "1"
        #expect(try expression(unary).hasPrefix("(u- (u- "))
    }
}

import Testing
@testable import PythonSyntax

/// Messages and locations, each checked against CPython 3.11's `ast.parse` by hand (and by
/// `CPythonAgreementTests` for accept/reject when python3 is around).
@Suite struct SyntaxErrorTests {
    @Test(arguments: [
        ("if x", "1:5 expected ':'"),
        ("while True\n  pass", "1:11 expected ':'"),
        ("def f() pass", "1:9 expected ':'"),
        ("class A pass", "1:9 invalid syntax"),
        ("for f() in x: pass", "1:5 cannot assign to function call"),
        ("(a, f()) = 1", "1:5 cannot assign to function call"),
        ("f() = 1", "1:1 cannot assign to function call here. Maybe you meant '==' instead of '='?"),
        ("a + 1 = 2", "1:1 cannot assign to expression here. Maybe you meant '==' instead of '='?"),
        ("\"abc\" = 1", "1:1 cannot assign to literal here. Maybe you meant '==' instead of '='?"),
        ("a < b = 1", "1:1 cannot assign to comparison"),
        ("True = 1", "1:1 cannot assign to True"),
        ("x = 1 = 2", "1:5 cannot assign to literal"),
        ("lambda: 1 = 2", "1:1 cannot assign to lambda"),
        ("del f()", "1:5 cannot delete function call"),
        ("del (a, 1)", "1:9 cannot delete literal"),
        ("with a as f(): pass", "1:11 cannot assign to function call"),
        ("f() += 1", "1:1 'function call' is an illegal expression for augmented assignment"),
        ("[a, b] += 1", "1:1 'list' is an illegal expression for augmented assignment"),
        ("a, b: int", "1:1 only single target (not tuple) can be annotated"),
        ("x = [1 2]", "1:6 invalid syntax. Perhaps you forgot a comma?"),
        ("(a b)", "1:2 invalid syntax. Perhaps you forgot a comma?"),
        ("f(a.b=1)", "1:3 expression cannot contain assignment, perhaps you meant \"==\"?"),
        ("f(x for x in y, 1)", "1:3 Generator expression must be parenthesized"),
        ("def f(a=1, b): pass", "1:12 non-default argument follows default argument"),
        ("def f(*): pass", "1:7 named arguments must follow bare *"),
        ("def f(**k, a): pass", "1:12 arguments cannot follow var-keyword argument"),
        ("def f(a, a): pass", "1:10 duplicate argument 'a' in function definition"),
        ("x = (1,", "1:5 '(' was never closed"),
        ("print(1,\n  2", "1:6 '(' was never closed"),
        ("  x", "1:2 unexpected indent"),
        ("if x:\npass", "2:1 expected an indented block after 'if' statement on line 1"),
        ("def f():\n\nx", "3:1 expected an indented block after function definition on line 1"),
        ("for x in y:\n# c\n", "3:1 expected an indented block after 'for' statement on line 1"),
        ("try:\n pass\nx=1", "3:1 expected 'except' or 'finally' block"),
        ("'abc", "1:1 unterminated string literal (detected at line 1)"),
        ("print \"x\"", "1:1 Missing parentheses in call to 'print'. Did you mean print(...)?"),
        ("x = 1 if 2", "1:5 expected 'else' after 'if' expression"),
        ("x := 1", "1:3 invalid syntax"),
        ("(1 := 2)", "1:2 cannot use assignment expressions with literal"),
        ("a b", "1:3 invalid syntax"),
        ("x = 1 +", "1:8 invalid syntax"),
        ("x = 1;;", "1:7 invalid syntax"),
        ("import a.b as", "1:14 invalid syntax"),
        ("x = (*a)", "1:6 cannot use starred expression here"),
        ("x = {1: }", "1:7 expression expected after dictionary key and ':'"),
        ("def f(:", "1:7 invalid syntax"),
        ("except A, B: pass", "1:1 invalid syntax"),
        ("try: pass\nexcept A, B: pass", "2:8 multiple exception types must be parenthesized"),
        ("f\"{}\"", "1:4 f-string: empty expression not allowed"),
        ("f\"{x!z}\"", "1:6 f-string: invalid conversion character: expected 's', 'r', or 'a'"),
        ("f\"{a}}\"", "1:6 f-string: single '}' is not allowed"),
        ("f\"{a\"", "1:5 f-string: expecting '}'"),
        ("f'{a b}'", "1:6 f-string: invalid syntax"),
        ("x = 'a' b'b'", "1:5 cannot mix bytes and nonbytes literals"),
        ("from x import a,", "1:16 trailing comma not allowed without surrounding parentheses"),
        ("return 1", "1:1 'return' outside function"),
        ("x = 1\nbreak", "2:1 'break' outside loop"),
        ("continue", "1:1 'continue' not properly in loop"),
        ("x = yield 1", "1:5 'yield' outside function"),
        ("nonlocal x", "1:1 nonlocal declaration not allowed at module level"),
        ("class A:\n    return 1", "2:5 'return' outside function"),
        ("for x in y:\n    pass\nelse:\n    break", "4:5 'break' outside loop"),
        ("def f():\n    class A:\n        yield 1", "3:9 'yield' outside function"),
        ("while 1:\n    def f():\n        break", "3:9 'break' outside loop"),
        ("print(f\"{(yield)}\")", "1:11 'yield' outside function"),
        ("match x:\n    case [*a, *b]: pass", "2:10 multiple starred names in sequence pattern"),
        ("match x:\n    case P(x=1, 2): pass", "2:17 positional patterns follow keyword patterns"),
        ("match x:\n    case 1 as _: pass", "2:15 cannot use '_' as a target"),
        ("match x:\n    case {a: 1}: pass", "2:12 invalid syntax"),
        ("match x:\n    case {**_}: pass", "2:13 invalid syntax"),
        ("match x:\ncase 1: pass", "2:1 expected an indented block after 'match' statement on line 1"),
    ])
    func messages(text: String, expected: String) {
        do {
            let module = try PythonParser.parse(source: text, fileName: "bad.py")
            Issue.record("accepted \(text.debugDescription): \(dump(module))")
        } catch {
            #expect("\(error.location) \(error.message)" == expected, "\(text.debugDescription)")
            #expect(!error.isUnsupported)
        }
    }

    @Test func descriptionHasFileLocationSourceLineAndCaret() {
        do {
            _ = try PythonParser.parse(source: "x = 1\n    y = (1 2)\n", fileName: "prog.py")
            Issue.record("accepted")
        } catch {
            #expect(error.sourceLine == "    y = (1 2)")
            #expect(error.description == "prog.py:2:4: SyntaxError: unexpected indent\n    y = (1 2)\n    ^")
        }
    }

    @Test func errorInsideFunctionBodyReportsItsLine() {
        do {
            _ = try PythonParser.parse(source: "def f():\n    return 1 +\n", fileName: "p.py")
            Issue.record("accepted")
        } catch {
            #expect(error.location == SourceLocation(line: 2, column: 15))
            #expect(error.sourceLine == "    return 1 +")
        }
    }
}

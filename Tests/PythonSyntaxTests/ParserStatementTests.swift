import Testing
@testable import PythonSyntax

func dumped(_ text: String) throws(SyntaxError) -> String {
    dump(try PythonParser.parse(source: text, fileName: "t.py"))
}

/// Every statement form, checked through `dump()`.
@Suite struct ParserStatementTests {
    @Test(arguments: [
        ("x = 1", "(= [x] 1)"),
        ("a = b = c", "(= [a b] c)"),
        ("a, b = b, a", "(= [(tuple a b)] (tuple b a))"),
        ("(a, b), [c, *d] = e", "(= [(tuple (tuple a b) (list c (* d)))] e)"),
        ("*a, b = c", "(= [(tuple (* a) b)] c)"),
        ("x.y[0] = z", "(= [(sub (. x y) 0)] z)"),
        ("x = *a, *b", "(= [x] (tuple (* a) (* b)))"),
        ("x += 1", "(+= x 1)"),
        ("x.y **= 2", "(**= (. x y) 2)"),
        ("d[k] //= 3", "(//= (sub d k) 3)"),
        ("x >>= 1; y <<= 2; z @= w", "(>>= x 1)\n(<<= y 2)\n(@= z w)"),
        ("x: int", "(ann x int _)"),
        ("self.x: List[int] = []", "(ann (. self x) (sub List int) (list))"),
        ("while 1: pass; break; continue", "(while 1 [(pass) (break) (continue)] [])"),
        ("x; y;", "(expr x)\n(expr y)"),
        ("del a, b[1], c.d", "(del a (sub b 1) (. c d))"),
        ("del (a, b)", "(del (tuple a b))"),
        ("assert x", "(assert x _)"),
        ("assert x, 'm'", "(assert x \"m\")"),
        ("raise", "(raise _ _)"),
        ("raise E('x') from None", "(raise (call E \"x\") None)"),
        ("def f(): return", "(def f (params) [(return _)])"),
        ("def f(): return 1, 2", "(def f (params) [(return (tuple 1 2))])"),
        ("global a, b", "(global a b)"),
        ("def f(): nonlocal c", "(def f (params) [(nonlocal c)])"),
        ("import a.b as c, d", "(import a.b as c d)"),
        ("from . import x", "(from . x)"),
        ("from .. import x", "(from .. x)"),
        ("from ...m import x", "(from ...m x)"),
        ("from .a.b import c as d, e", "(from .a.b c as d e)"),
        ("from x import (a, b as c,)", "(from x a b as c)"),
        ("from x import *", "(from x *)"),
        ("def g(): x = yield", "(def g (params) [(= [x] (yield _))])"),
        ("def g(): yield a, b", "(def g (params) [(expr (yield (tuple a b)))])"),
        ("def g(): x = yield from g()", "(def g (params) [(= [x] (yield-from (call g)))])"),
        ("match = 1", "(= [match] 1)"),
        ("print(x, end='')", "(expr (call print x (kw end \"\")))"),
    ])
    func simpleStatements(text: String, expected: String) throws {
        #expect(try dumped(text) == expected)
    }

    @Test(arguments: [
        ("if x:\n    y = 1\nelif z:\n    pass\nelse:\n    w += 2", "(if x [(= [y] 1)] [(if z [(pass)] [(+= w 2)])])"),
        ("if x: y; z", "(if x [(expr y) (expr z)] [])"),
        ("if a:\n  pass\nelif b:\n  pass\nelif c:\n  pass", "(if a [(pass)] [(if b [(pass)] [(if c [(pass)] [])])])"),
        ("while x: x -= 1", "(while x [(-= x 1)] [])"),
        ("while (n := n - 1):\n    pass\nelse:\n    done()", "(while (:= n (- n 1)) [(pass)] [(expr (call done))])"),
        ("for i in range(3):\n    if i: continue\n    break\nelse:\n    pass", "(for i (call range 3) [(if i [(continue)] []) (break)] [(pass)])"),
        ("for k, v in d.items(): pass", "(for (tuple k v) (call (. d items)) [(pass)] [])"),
        ("match p:\n    case [1, *rest] | (2, _) as s if s: pass\n    case {\"k\": None, **kw}: pass\n    case P(0, y=-1.5) | a.B(): pass\n    case _: pass",
         "(match p (case (as (or (seq 1 (* rest)) (seq 2 _)) s) s [(pass)]) (case (map (\"k\" None) (** kw)) _ [(pass)])"
            + " (case (or (cls P 0 (kw y (u- 1.5))) (cls (. a B))) _ [(pass)]) (case _ _ [(pass)]))"),
        ("match a, *b:\n    case (x,): pass", "(match (tuple a (* b)) (case (seq x) _ [(pass)]))"),
        ("match(x)\nmatch[0] = 1", "(expr (call match x))\n(= [(sub match 0)] 1)"),
        ("for x in 1, 2: pass", "(for x (tuple 1 2) [(pass)] [])"),
        ("for *a, b in c: pass", "(for (tuple (* a) b) c [(pass)] [])"),
        ("with a as b, c as d: pass", "(with (a b) (c d) [(pass)])"),
        ("with open(f) as (a, b): pass", "(with ((call open f) (tuple a b)) [(pass)])"),
        ("with (a as b, c): pass", "(with (a b) (c _) [(pass)])"),
        ("with (a, b): pass", "(with (a _) (b _) [(pass)])"),
        ("with (a, b) as c: pass", "(with ((tuple a b) c) [(pass)])"),
        ("with lock: x()", "(with (lock _) [(expr (call x))])"),
        ("try:\n    x\nexcept (A, B) as e:\n    raise X from e\nexcept:\n    pass\nelse:\n    y\nfinally:\n    z",
         "(try [(expr x)] (except (tuple A B) e [(raise X e)]) (except _ _ [(pass)]) [(expr y)] [(expr z)])"),
        ("try: a\nfinally: b", "(try [(expr a)] [] [(expr b)])"),
        ("try:\n  a\nexcept ValueError:\n  b", "(try [(expr a)] (except ValueError _ [(expr b)]) [] [])"),
        ("def f(): pass", "(def f (params) [(pass)])"),
        ("def f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:\n    return a", "(def f (params a b=1 / c=2 *args d e=3 **kw) (-> int) [(return a)])"),
        ("def f(a: int, *, b: str = 'x'): pass", "(def f (params a:int * b:str=\"x\") [(pass)])"),
        ("def f(a, /): pass", "(def f (params a /) [(pass)])"),
        ("def f(*args: *Ts): pass", "(def f (params *args:(* Ts)) [(pass)])"),
        ("def f(*args, **kwargs,): pass", "(def f (params *args **kwargs) [(pass)])"),
        ("@dec\n@dec2(1)\nclass A(B, metaclass=M):\n    x: int = 3\n    def m(self): pass",
         "(class A (B (kw metaclass M)) (@ dec) (@ (call dec2 1)) [(ann x int 3) (def m (params self) [(pass)])])"),
        ("@property\ndef f(self): return self._f", "(def f (params self) (@ property) [(return (. self _f))])"),
        ("class A: pass", "(class A () [(pass)])"),
        ("class A(): pass", "(class A () [(pass)])"),
        ("class T(threading.Thread):\n    def run(self):\n        super().__init__()\n",
         "(class T ((. threading Thread)) [(def run (params self) [(expr (call (. (call super) __init__)))])])"),
        ("def g():\n    x = yield 1\n    return\n", "(def g (params) [(= [x] (yield 1)) (return _)])"),
        ("def outer():\n    x = 1\n    def inner():\n        nonlocal x\n        x += 1\n    return inner",
         "(def outer (params) [(= [x] 1) (def inner (params) [(nonlocal x) (+= x 1)]) (return inner)])"),
        ("if __name__ == \"__main__\":\n    main()\n", "(if (cmp __name__ == \"__main__\") [(expr (call main))] [])"),
        ("if x:\n\n    # comment\n    a\n\n\nb", "(if x [(expr a)] [])\n(expr b)"),
        ("if x:\n\tif y:\n\t\tz\n\tw", "(if x [(if y [(expr z)] []) (expr w)] [])"),
    ])
    func compoundStatements(text: String, expected: String) throws {
        #expect(try dumped(text) == expected)
    }

    @Test(arguments: [
        "f = lambda: (yield)", "for x in y:\n    try:\n        pass\n    finally:\n        continue",
        "def f():\n    for x in y:\n        if x: break\n    return [(lambda: (yield))]",
        "while x:\n    with a:\n        try:\n            continue\n        except E:\n            break",
        "def f():\n    x = f'{(yield)}'", "class A:\n    def f(self):\n        nonlocal x",
    ])
    func loopAndFunctionContextsAccept(text: String) throws {
        _ = try PythonParser.parse(source: text, fileName: "t.py")
    }

    @Test func statementLocations() throws {
        let module = try PythonParser.parse(source: "x = 1\nif y:\n    z = f(a,\n          b)\n", fileName: "t.py")
        #expect(module.body[0].location == SourceLocation(line: 1, column: 1))
        #expect(module.body[1].location == SourceLocation(line: 2, column: 1))
        guard case .ifStatement(_, let body, _) = module.body[1].kind,
            case .assign(_, let value) = body[0].kind,
            case .call(_, let arguments, _) = value.kind
        else {
            Issue.record("unexpected shape")
            return
        }
        #expect(body[0].location == SourceLocation(line: 3, column: 5))
        #expect(value.location == SourceLocation(line: 3, column: 9))
        #expect(arguments[1].location == SourceLocation(line: 4, column: 11))
    }

    @Test func decoratedDefinitionStartsAtTheDecorator() throws {
        let module = try PythonParser.parse(source: "\n@d\ndef f(): pass", fileName: "t.py")
        #expect(module.body[0].location == SourceLocation(line: 2, column: 1))
    }

    @Test func parametersFollowCPythonDefaultsLayout() throws {
        let module = try PythonParser.parse(source: "def f(a, b=1, /, c=2, *d, e, f=3, **g): pass", fileName: "t.py")
        guard case .functionDef(let def) = module.body[0].kind else {
            Issue.record("not a def")
            return
        }
        let p = def.parameters
        #expect(p.positionalOnly.map(\.name) == ["a", "b"])
        #expect(p.positional.map(\.name) == ["c"])
        #expect(p.defaults.count == 2)
        #expect(p.varArgs?.name == "d")
        #expect(p.keywordOnly.map(\.name) == ["e", "f"])
        #expect(p.keywordDefaults.map { $0 == nil } == [true, false])
        #expect(p.varKeywords?.name == "g")
    }

    @Test func asyncConstructsParse() throws {
        let source = "@d\nasync def f(x):\n    async with a as b, c:\n        async for i in g():\n            y = await h(i) ** 2\n    return [v async for v in x]\n"
        let tree = dump(try PythonParser.parse(source: source, fileName: "t.py"))
        #expect(tree.contains("(async-def f"))
        #expect(tree.contains("(async-with (a b) (c _) [(async-for i (call g)"))
        #expect(tree.contains("(** (await (call h i)) 2)"))
        #expect(tree.contains("(async-for v x)"))
    }

    @Test func asyncOutsideAsyncFunctionIsCPythonsError() {
        let cases = [
            ("x = await y", "'await' outside function"), ("def f():\n    await y", "'await' outside async function"),
            ("def f():\n    async for x in y: pass", "'async for' outside async function"),
            ("async def f():\n    yield from x", "'yield from' inside async function"),
            ("def f():\n    return [x async for x in y]", "asynchronous comprehension outside of an asynchronous function"),
            ("async def f():\n    g = lambda: await x", "'await' outside async function"),
        ]
        for (text, message) in cases {
            do {
                _ = try PythonParser.parse(source: text, fileName: "t.py")
                Issue.record("accepted \(text)")
            } catch {
                #expect(error.message == message, "\(text): \(error)")
            }
        }
    }

    @Test func exceptStarMistakesAreCPythonsErrors() {
        let cases = [
            ("try:\n    pass\nexcept* E:\n    pass\nexcept F:\n    pass", "cannot have both 'except' and 'except*' on the same 'try'"),
            ("try:\n    pass\nexcept*:\n    pass", "expected one or more exception types"),
            ("def f():\n    try:\n        pass\n    except* E:\n        return 1", "'break', 'continue' and 'return' cannot appear in an except* block"),
        ]
        for (text, message) in cases {
            do {
                _ = try PythonParser.parse(source: text, fileName: "t.py")
                Issue.record("accepted \(text)")
            } catch {
                #expect(error.message == message, "\(text): \(error)")
            }
        }
    }
}

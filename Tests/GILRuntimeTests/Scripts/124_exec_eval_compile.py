# exec, eval and compile
ns = {"base": 10}
exec("x = base + 1\ndef double(v):\n    return v * 2 + base\ny = double(x)", ns)
print(ns["x"], ns["y"], ns["double"](1), sorted(k for k in ns if k != "__builtins__"), "__builtins__" in ns)
print(eval("x * 2 + y", ns), eval("  [i * i for i in range(4)]"), eval("base", {"base": 3}), eval("a + b", {"a": 1}, {"b": 2}))
code = compile("total = sum(range(n))", "<calc>", "exec")
print(type(code).__name__, code.co_filename, code.co_name)
for n in (3, 5):
    scope = {"n": n}
    exec(code, scope)
    print(scope["total"])
expr = compile("n ** 2", "<sq>", "eval")
print(eval(expr, {"n": 7}))
exec("module_level = 42")
print(module_level)
g = globals()
exec("g_made = 'through globals()'", g)
print(g_made)
loc = {}
exec("inner = 1\nprint('locals see', sorted(k for k in locals() if not k.startswith('__')))", {}, loc)
print(loc)
gl = {"keep": 1, "gone": 2}
exec("del gone\nkeep += 1\nnew = keep", gl)
print(sorted(k for k in gl if k != "__builtins__"), gl["keep"])


def in_function():
    exec("hidden = 1")
    return "hidden" in globals(), eval("1 + 2")


print(in_function())
for bad in ["x = ", "1 +* 2", "def f(:"]:
    try:
        exec(bad)
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno, e.filename)
try:
    eval("x = 1")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    eval("undefined_thing + 1", {})
except NameError as e:
    print("NameError:", e)
try:
    exec("raise ValueError('from exec')", {})
except ValueError as e:
    print("ValueError:", e)
try:
    compile("1", "f", "bogus")
except ValueError as e:
    print("ValueError:", e)
try:
    exec(5)
except TypeError as e:
    print("TypeError:", e)
try:
    eval("1", [])
except TypeError as e:
    print("TypeError:", e)
print(eval(b"2 ** 10"), eval("'\u00e9'.upper()"))
src = """
class Point:
    __slots__ = ()
    def __init__(self, x):
        self.__dict__ if False else None
def make(x):
    return Point.__name__ + str(x)
"""
space = {}
exec(src, space)
print(space["make"](3), space["Point"].__qualname__, space["Point"].__module__)

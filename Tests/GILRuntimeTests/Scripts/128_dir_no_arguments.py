# dir() without arguments: a function's or class body's local names, the calling module's globals
import types
def f(b, a=1):
    z = 3
    def inner():
        return z
    return dir()
print(f(0))
class C:
    y = 1
    x = 2
    names = [n for n in dir() if not n.startswith("__")]
print(C.names)
top_level = 1
print([n for n in dir() if not n.startswith("__")])
m = types.ModuleType("m")
exec("q = 1\nseen = dir()", m.__dict__)
print([n for n in m.seen if not n.startswith("__")])
def g():
    dir = lambda: "shadowed"
    return dir()
print(g())

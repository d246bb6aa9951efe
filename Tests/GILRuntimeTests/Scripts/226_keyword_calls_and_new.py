# Keyword arguments bound into Python functions and methods; classes with a Python __new__.
def f(a, b=2, c=3): return (a, b, c)
def kwonly(a, *, key=None, reverse=False): return (a, key, reverse)
def required_kwonly(a, *, key): return (a, key)
def posonly(a, b, /, c=0): return (a, b, c)
def gen(a, b=1):
    yield a
    yield b
def closure(a, b=5):
    def inner(): return a + b
    return inner()

print(f(1, c=9), f(a=1), f(1, b=0), f(c=1, b=2, a=3), f(1, 2, c=4))
print(kwonly(1, key=len), kwonly(1, reverse=True), kwonly(a=2))
print(required_kwonly(1, key="k"), posonly(1, 2, c=3), list(gen(7, b=8)), closure(1, b=10))
for call in [lambda: f(1, a=2), lambda: f(b=2), lambda: f(1, d=4), lambda: kwonly(1, 2),
             lambda: required_kwonly(1), lambda: posonly(1, b=2), lambda: f(1, 2, 3, c=4)]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)

class Context:
    def __init__(self, prec=28, rounding=None):
        self.prec = prec
        self.rounding = rounding
    def quantize(self, a, b, context=None, *, watch=None):
        return (a, b, context is self, watch)

c = Context(rounding="HALF_EVEN")
print(c.prec, c.rounding, c.quantize(1, 2, context=c), c.quantize(1, b=3, watch="w"))
m = c.quantize
print(m(5, 6, context=None), m(b=1, a=2))
f.__defaults__ = (20, 30)
print(f(1, c=0))
kwonly.__kwdefaults__ = {"key": "new", "reverse": None}
print(kwonly(0, reverse=1))

class Dec:
    __slots__ = ("_int", "_sign")
    def __new__(cls, value="0", context=None):
        self = object.__new__(cls)
        self._int = str(value)
        self._sign = 0 if not str(value).startswith("-") else 1
        return self
    def __repr__(self): return f"Dec({self._int!r})"
class Sub(Dec):
    pass
class WithInit:
    def __new__(cls, *args, **kwargs):
        print("  __new__", cls.__name__, args, kwargs)
        return super().__new__(cls)
    def __init__(self, x, y=0):
        print("  __init__", x, y)
        self.x = x + y
class Other:
    def __new__(cls, v):
        return v * 2  # not an instance: __init__ is skipped
    def __init__(self, v):
        print("never")
class BadInit:
    def __new__(cls): return object.__new__(cls)
    def __init__(self): return 5

print(Dec(), Dec("1.5"), Dec(value="-2"), Sub(7), type(Sub(7)).__name__)
w = WithInit(1, y=2)
print(w.x, WithInit(5).x, Other(21))
try:
    BadInit()
except TypeError as e:
    print("TypeError:", e)
try:
    Dec(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    object.__new__(int)
except TypeError as e:
    print("TypeError:", e)

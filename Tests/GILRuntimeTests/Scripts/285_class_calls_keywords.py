# Classes called with keyword arguments: bound into __new__ and __init__ frames (Fraction's
# `_normalize=False`, decimal's Context(prec=...)), with CPython's errors, for classes with ABCMeta
# and other metaclasses, __new__ returning something else, __init__ returning a value, abstract classes.
import abc, numbers
from fractions import Fraction

def error(f, *args, **kwargs):
    try:
        print(f(*args, **kwargs))
    except Exception as e:
        print(type(e).__name__ + ":", e)

class Init:
    def __init__(self, a, b=2, *, c=3):
        self.t = (a, b, c)
    def __repr__(self):
        return "Init%r" % (self.t,)
for k in range(2):  # twice: the second call of each site runs on what the first one learned
    print(Init(1, b=5), Init(a=1), Init(1, c=9), Init(1, 2, c=4))
    error(Init, 1, d=4)
    error(Init, 1, a=4)
    error(Init, b=4)
    error(Init, 1, 2, 3, c=1)

class New:
    def __new__(cls, x, *, scale=1):
        self = super().__new__(cls)
        self.x = x * scale
        return self
    def __init__(self, x, *, scale=1):
        print("init", x, scale)
for k in range(2):
    print(New(2, scale=10).x)
    error(New, 2, scales=10)

class Both:
    def __new__(cls, *args, **kwargs):
        print("new", args, sorted(kwargs.items()))
        return super().__new__(cls)
    def __init__(self, a, b=0):
        print("init", a, b)
Both(1, b=2)
error(Both, 1, c=2)  # __new__ runs, then __init__ raises

class Other:
    def __new__(cls, v, *, as_int=False):
        return int(v) if as_int else object.__new__(cls)
    def __init__(self, v, *, as_int=False):
        print("never for an int")
print(Other("7", as_int=True), type(Other("7", as_int=False)).__name__)

class Returns:
    def __init__(self, a, b=None):
        return a
error(Returns, 5, b=1)

class Meta(type):
    def __call__(cls, *args, **kwargs):
        print("Meta.__call__", args, sorted(kwargs.items()))
        return super().__call__(*args, **kwargs)
class WithMeta(metaclass=Meta):
    def __init__(self, a, b=0):
        self.s = a + b
print(WithMeta(1, b=2).s, WithMeta(3, 4).s)

class Shape(abc.ABC):
    def __init__(self, n, scale=1):
        self.n = n * scale
    @abc.abstractmethod
    def area(self): ...
class Square(Shape):
    def area(self):
        return self.n * self.n
for k in range(2):
    error(Shape, 2, scale=3)
    error(Shape, 2)
    print(Square(2, scale=3).area(), Square(2).area())

class Num(numbers.Number):
    def __init__(self, v, *, twice=False):
        self.v = v * 2 if twice else v
print(Num(4, twice=True).v, Num(4).v, isinstance(Num(1), numbers.Number))

for k in range(2):
    print(Fraction(6, 4, _normalize=False), Fraction(6, 4), Fraction(numerator=3, denominator=9))
    error(Fraction, 1, 2, normalize=False)

class Exc(Exception):
    def __init__(self, msg, *, code=0):
        super().__init__(msg)
        self.code = code
e = Exc("boom", code=3)
print(repr(e), e.code, e.args)

class Slots:
    __slots__ = ("a", "b")
    def __init__(self, a, b=1):
        self.a, self.b = a, b
print(Slots(b=5, a=4).b)

class Deriv(dict):
    def __init__(self, *args, tag=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.tag = tag
d = Deriv({"x": 1}, tag="t", y=2)
print(sorted(d.items()), d.tag)

# ceval.c's order and wording: keywords are bound before the positional count is checked.
def h(*, k):
    pass
def two(a, b, *, k=0, j=0):
    pass
error(h, 1, k=2)
error(h, 1)
error(two, 1, 2, 3, k=1, j=2)
error(two, 1, 2, 3, z=1)
error(two, 1, 2, 3, a=1)

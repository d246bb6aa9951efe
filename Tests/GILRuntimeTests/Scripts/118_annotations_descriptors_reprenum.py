# function __annotations__ (evaluated at def time), descriptors' __get__, types.ModuleType, ReprEnum str/format
import enum
import types
from typing import List, Optional

T = int


def f(a: int, b: "str" = "x", /, c: List[int] = None, *args: T, d: Optional[float], e=1, **kw: dict) -> bool:
    return True


print(f.__annotations__)
print(list(f.__annotations__), f.__annotations__["return"] is bool)


def none():
    pass


print(none.__annotations__, none.__annotations__ is none.__annotations__)
none.__annotations__["x"] = 1
print(none.__annotations__)


class Box:
    Inner = str

    def method(self, x: Inner) -> "Box":
        return self


print(Box.method.__annotations__)
order = []


def mark(v):
    order.append(v)
    return v


def g(a: mark("ann a") = mark("default a"), *, b: mark("ann b") = mark("default b")) -> mark("ret"):
    pass


print(order)
try:
    def h(x: undefined_name):
        pass
except NameError as e:
    print("NameError:", e)

lam = lambda x: x
print(lam.__annotations__)


# descriptors bound by hand
def plain(self, x):
    return (type(self).__name__, x)


class C:
    @classmethod
    def k(cls, x):
        return (cls.__name__, x)

    @staticmethod
    def s(x):
        return x * 2

    @property
    def p(self):
        return "prop"


print(plain.__get__(C(), C)(1), plain.__get__(None, C) is plain)
print(C.__dict__["k"].__get__(None, C)(2), C.__dict__["k"].__get__(C())(3), C.__dict__["s"].__get__(None, C)(4))
print(C.__dict__["p"].__get__(C(), C), C.__dict__["p"].__get__(None, C) is C.__dict__["p"])

# modules made at run time
m = types.ModuleType("made", "its doc")
print(m.__name__, m.__doc__, m.__package__, m.__spec__, sorted(vars(m)))
m.__dict__["x"] = 5
m.y = 6
print(m.x, vars(m)["y"], type(m) is types.ModuleType)
try:
    types.ModuleType(3)
except TypeError as e:
    print("TypeError:", e)


# IntEnum and IntFlag print as ints (3.11's ReprEnum), repr as members
class Color(enum.IntEnum):
    RED = 1
    GREEN = 2


class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1


class Kind(str, enum.Enum):
    A = "a"


class Name(enum.StrEnum):
    B = "b"


print(Color.RED, str(Color.GREEN), format(Color.RED), f"{Color.GREEN:>3}", repr(Color.RED))
print(Perm.R | Perm.W, str(Perm.X), format(Perm.R), repr(Perm.R | Perm.X), Perm(7))
print(Kind.A, f"{Name.B}", str(Name.B), repr(Kind.A))


class Shadow(int):
    def __repr__(self):
        return "Shadow!"

    __str__ = int.__repr__


print(str(Shadow(3)), repr(Shadow(3)), f"{Shadow(4)}")

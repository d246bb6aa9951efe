# namedtuple classes as CPython 3.11 builds them: fields are _collections._tuplegetter descriptors, __new__ a
# function with one parameter per field (its arity errors name "Point.__new__"), _make/_replace/_asdict,
# defaults, rename, pickling, subclasses; functions' arity errors name their __qualname__.
import collections, pickle, copy
from _collections import _tuplegetter

Point = collections.namedtuple("Point", "x y")
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[-1], len(p))
print(Point.x, type(Point.x), Point.x.__doc__, Point.y.__reduce__())
print(Point.__new__.__qualname__, Point.__new__.__name__, Point.__new__.__doc__)
print(Point._make.__qualname__, Point._replace.__qualname__, Point.__repr__.__qualname__)
print(Point._make.__doc__, "|", Point._replace.__doc__)
print(Point.__module__, Point.__doc__, Point._fields, Point.__match_args__)

def error(f, *args, **kwargs):
    try:
        f(*args, **kwargs)
    except Exception as e:
        print(type(e).__name__ + ":", e)

error(Point, 1)
error(Point)
error(Point, 1, 2, 3)
error(Point, 1, z=3)
error(Point, 1, x=3)
print(Point(y=5, x=4), Point(7, y=8))

# Field reads through one site: a namedtuple, a subclass with its own attributes, another class, a
# short tuple made by tuple.__new__ (IndexError), a field object applied by hand.
Other = collections.namedtuple("Other", ["b", "a", "x"])
class Sub(Point):
    def norm(self):
        return self.x * self.x + self.y * self.y
s = Sub(3, 4)
s.extra = "e"
short = tuple.__new__(Point, (9,))
for obj in [p, s, Other(10, 20, 30), p, short, s]:
    try:
        print(type(obj).__name__, obj.x)
    except IndexError as e:
        print(type(obj).__name__, "IndexError:", e)
print(s.norm(), s.extra, s)
error(setattr, p, "x", 5)

# The descriptor itself.
g = _tuplegetter(1, "second")
print(g, g.__get__((5, 6)), g.__get__(None, tuple) is g, g.__reduce__())
g.__doc__ = "changed"
print(g.__doc__, repr(g))
error(g.__get__, 5)
error(_tuplegetter(4, None).__get__, (1, 2))
error(_tuplegetter(-1, None).__get__, (1, 2))
error(_tuplegetter)
error(_tuplegetter, 1, 2, 3)
error(_tuplegetter, "a", "b")
error(_tuplegetter, index=1, doc=2)
error(type, "S", (_tuplegetter,), {})
class Holder(tuple):
    second = _tuplegetter(1, "two")
h = Holder((1, 2, 3))
print(h.second, Holder.second)
print(pickle.loads(pickle.dumps(Point.y)))

# Methods.
print(p._replace(x=10), p._replace(), Point._make([5, 6]), Point._make(iter((7, 8))))
error(p._replace, z=1)
error(Point._make, [1])
print(p._asdict(), p.__getnewargs__(), repr(Point(x="a", y=[1])))
print(pickle.loads(pickle.dumps(p)), copy.copy(p), copy.deepcopy(s))

# Defaults, rename, one field, the module argument.
D = collections.namedtuple("D", "a b c", defaults=[2, 3])
print(D(1), D(1, 5), D._field_defaults, D.__new__.__defaults__)
error(D)
error(D, 1, 2, 3, 4)
R = collections.namedtuple("R", ["ok", "def", "_x", "ok"], rename=True)
print(R._fields, R(1, 2, 3, 4))
One = collections.namedtuple("One", "only")
print(One(1), One.__doc__, One.__new__.__doc__)
M = collections.namedtuple("M", "a", module="somewhere")
print(M.__module__)
for bad in [("0x", "a"), ("T", "a class"), ("T", "_a"), ("T", "a a")]:
    error(collections.namedtuple, *bad)

# Keys and matching.
d = {Point(1, 2): "p"}
print(d[(1, 2)], Point(1, 2) == (1, 2), hash(Point(1, 2)) == hash((1, 2)))
match Point(0, 5):
    case Point(x=0, y=y):
        print("matched y", y)

# Functions name their __qualname__ in arity errors.
class C:
    def method(self, a):
        pass
    class Inner:
        def deep(self, *, k):
            pass
def f(a, b=1):
    pass
error(C().method)
error(C.Inner().deep)
error(f)
f.__qualname__ = "Renamed.f"
error(f, 1, 2, 3)
error(f, c=3)

# _replace: several names, unknown ones listed in the order given, after _make ran.
Three = collections.namedtuple("Three", "a b c")
t3 = Three(1, 2, 3)
print(t3._replace(c=30, a=10), t3._replace(b=None))
error(t3._replace, z=1, a=5, y=2)
class Logged(Three):
    @classmethod
    def _make(cls, iterable):
        values = list(iterable)
        print("_make", values)
        return super()._make(values)
error(Logged(1, 2, 3)._replace, b=7, q=0)

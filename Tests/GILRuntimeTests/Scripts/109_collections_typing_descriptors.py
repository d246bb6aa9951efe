# collections as CPython has them: Counter, defaultdict and OrderedDict are dict subclasses, namedtuple classes are
# tuple subclasses; typing.NamedTuple, runtime-checkable Protocols; the descriptor protocol.
import json
from collections import Counter, OrderedDict, defaultdict, namedtuple
from typing import NamedTuple, Protocol, runtime_checkable

c = Counter("abracadabra")
print(c, isinstance(c, dict), json.dumps(c, sort_keys=True), c.most_common(2), c["z"], c.total(), sorted(c.elements())[:4])
c2 = Counter(a=1, b=-2)
print(c + c2, c - c2, c | c2, c & c2, +c2, -c2, Counter(a=1) == Counter(a=1, b=0), Counter(a=1) < Counter(a=2))
c.update({"a": 10})
c.subtract("aaa")
del c["nothere"]
print(c["a"], dict(c) == c, list(c)[:3], Counter())
try:
    Counter.fromkeys("ab")
except NotImplementedError as e:
    print(e)

d = defaultdict(list)
d["x"].append(1)
d["y"]
print(d, isinstance(d, dict), dict(d), d.default_factory, len(d), "x" in d, d.get("z"), repr(defaultdict(None)))
e = defaultdict(int, {"a": 1})
e["b"] += 2
print(e, e.copy(), type(e.copy()).__name__, e | {"c": 3})
try:
    defaultdict(1)
except TypeError as err:
    print(err)
try:
    defaultdict()["missing"]
except KeyError as err:
    print("KeyError", err)

o = OrderedDict(b=1, a=2)
o["c"] = 3
o.move_to_end("b")
o.move_to_end("c", last=False)
print(o, list(o), o.popitem(), o.popitem(last=False), o, OrderedDict())
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1}, list(reversed(OrderedDict(a=1, b=2))))
print(isinstance(o, dict), OrderedDict.fromkeys("ab", 0))

Point = namedtuple("Point", "x y", defaults=[0])
p = Point(1)
print(p, p.x, p.y, p[0], isinstance(p, tuple), p == (1, 0), p._replace(y=5), Point._make([3, 4]), p._asdict(), Point._fields)
print(Point._field_defaults, len(p), list(p), hash(p) == hash((1, 0)), p + (9,), Point.__doc__, sorted({p, (1, 0)}))
x, y = p
print(x, y, Point.x.__doc__ if hasattr(Point.x, "__doc__") else None)
for bad in [lambda: Point(), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: Point(1, x=2), lambda: Point._make([1]),
            lambda: p._replace(z=1), lambda: namedtuple("P", "a a"), lambda: namedtuple("P", "_a"), lambda: namedtuple("P", "def"),
            lambda: namedtuple("1P", "a")]:
    try:
        bad()
    except (TypeError, ValueError) as err:
        print(type(err).__name__, err)
print(namedtuple("R", "a def _b", rename=True)._fields)
match Point(7, 8):
    case Point(x=7, y=yy):
        print("matched", yy)
match Point(1, 2):
    case (a, b):
        print("as sequence", a, b)


class Employee(NamedTuple):
    name: str
    dept: str = "eng"

    def badge(self):
        return f"{self.name}@{self.dept}"


emp = Employee("ann")
print(emp, emp.badge(), isinstance(emp, tuple), Employee._fields, Employee._field_defaults, emp._replace(dept="ops"))
Pair = NamedTuple("Pair", [("left", int), ("right", int)])
print(Pair(1, 2), Pair._fields)
try:
    class Bad(NamedTuple):
        a: int = 1
        b: int
except TypeError as err:
    print(err)


@runtime_checkable
class Closable(Protocol):
    def close(self): ...


@runtime_checkable
class Named(Protocol):
    name: str


class File:
    def close(self):
        pass


class Person:
    def __init__(self):
        self.name = "p"


print(isinstance(File(), Closable), isinstance(Person(), Closable), isinstance(Person(), Named), isinstance(File(), Named))
print(issubclass(File, Closable), issubclass(int, Closable))
try:
    issubclass(Person, Named)
except TypeError as err:
    print(err)


class NotRuntime(Protocol):
    def f(self): ...


try:
    isinstance(File(), NotRuntime)
except TypeError as err:
    print(err)


# The descriptor protocol: data descriptors before instance attributes, non-data ones after, __set_name__, __delete__.
class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)

    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int")
        setattr(obj, self.name, value)


class Lazy:
    def __init__(self, func):
        self.func = func

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.func.__name__] = value
        setattr(obj, self.func.__name__, value)
        return value


class Point:
    x = Typed()
    y = Typed()

    def __init__(self, x, y):
        self.x = x
        self.y = y

    @Lazy
    def norm(self):
        print("computing")
        return (self.x ** 2 + self.y ** 2) ** 0.5


p = Point(3, 4)
print(p.x, p.y, p.norm, p.norm, type(Point.x).__name__, Point.norm.__class__.__name__)
try:
    p.x = "a"
except TypeError as e:
    print(e)
print(sorted(p.__dict__))


class Deleter:
    def __get__(self, obj, owner):
        return 1

    def __delete__(self, obj):
        print("deleting")


class H:
    d = Deleter()


h = H()
del h.d
print(h.d)

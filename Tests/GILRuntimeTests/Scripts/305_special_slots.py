# Special methods looked up per operation (the per-class slot table), kept exact when classes change:
# operators, comparisons, hashing, truth, containers, iteration, calls, __getattr__/__setattr__, descriptors;
# object.__new__'s memo (abstract classes, value-type bases, exceptions); property hits; property subclasses'
# getter/setter/deleter; __get__ on builtin-subclass instances; isinstance through a __class__ proxy; del of a
# namedtuple field.
import abc
import collections


class V:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return V(self.v + (o.v if isinstance(o, V) else o))

    def __eq__(self, o):
        return isinstance(o, V) and self.v == o.v

    def __hash__(self):
        return hash(self.v)

    def __lt__(self, o):
        return self.v < o.v

    def __len__(self):
        return self.v

    def __getitem__(self, k):
        return k * 2

    def __repr__(self):
        return f"V({self.v})"


a, b = V(1), V(2)
print(a + b, a + 5, a == V(1), a != b, a < b, b > a, hash(a) == hash(1), len(b), a[21], bool(V(0)), bool(a))
print(sorted([V(3), V(1), V(2)]), {V(1): "x"}[V(1)], V(2) in [V(1), V(2)])

# Changing the class changes every answer at once.
V.__add__ = lambda self, o: "patched add"
V.__bool__ = lambda self: False
V.__len__ = lambda self: 99
V.__lt__ = lambda self, o: self.v > o.v
print(a + b, bool(a), len(a), a < b)
del V.__bool__
print(bool(a), bool(V(0)))
del V.__len__
print(bool(V(0)))
V.__hash__ = None
try:
    hash(a)
except TypeError as e:
    print("TypeError:", e)


# Inherited methods, then overridden in a subclass after instances were used.
class W(V):
    pass


w = W(4)
print(w + 1, w[3], w < b)
W.__getitem__ = lambda self, k: "W item"
W.__add__ = lambda self, o: "W add"
print(w[3], w + 1, a + w)
W.__radd__ = lambda self, o: "W radd"
print(a + w, 1 + w)


# In-place operators, reflected ones, and NotImplemented.
class Acc:
    def __init__(self):
        self.items = []

    def __iadd__(self, x):
        self.items.append(x)
        return self

    def __radd__(self, x):
        return ("radd", x)

    def __mul__(self, x):
        return NotImplemented


acc = Acc()
acc += 1
acc += 2
print(acc.items, 3 + acc)
try:
    acc * 2
except TypeError as e:
    print("TypeError:", e)


# Iteration, containment, calls, __getattr__ and __setattr__.
class Seq:
    def __iter__(self):
        return iter([1, 2, 3])

    def __contains__(self, x):
        return x == "yes"

    def __call__(self, *args):
        return ("called", args)

    def __getattr__(self, name):
        return "dynamic " + name


class Logged:
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 10)


s = Seq()
print(list(s), "yes" in s, "no" in s, s(1, 2), s.anything)
Seq.__iter__ = lambda self: iter("ab")
Seq.__contains__ = lambda self, x: True
print(list(s), "no" in s)
del Seq.__getattr__
try:
    s.anything
except AttributeError as e:
    print("AttributeError:", e)
lg = Logged()
lg.x = 2
print(lg.x)


class It:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n


print(list(It()))
def stop(self):
    raise StopIteration


It.__next__ = stop
print(list(It()))


# object.__new__: abstract classes become instantiable when their abstract methods go.
class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...


class Square(Shape):
    def area(self):
        return 4


for _ in range(3):
    print(Square().area(), end=" ")
print()
try:
    Shape()
except TypeError as e:
    print("TypeError:", e)
Shape.__abstractmethods__ = frozenset()
print(type(Shape()).__name__)
Square.__abstractmethods__ = frozenset({"area"})
try:
    Square()
except TypeError as e:
    print("TypeError:", e)
try:
    object.__new__(int)
except TypeError as e:
    print("TypeError:", e)


class MyInt(int):
    pass


try:
    object.__new__(MyInt)
except TypeError as e:
    print("TypeError:", e)


class OwnNew(int):
    def __new__(cls):
        return object.__new__(cls)


try:
    OwnNew()
except TypeError as e:
    print("TypeError:", e)


class MyError(ValueError):
    pass


e1 = MyError.__new__(MyError, 1, 2)
print(repr(e1), e1.args, type(object.__new__(Square.__mro__[-1])).__name__)


# Property hits through the inline cache, then the class changes under them.
class P:
    def __init__(self):
        self._x = 1

    @property
    def x(self):
        return self._x * 10


p = P()
print([p.x for _ in range(3)])
P.x = property(lambda self: "replaced")
print(p.x)
P.x = 5
print(p.x)


class Boom:
    @property
    def x(self):
        raise KeyError("inside getter")


for _ in range(2):
    try:
        Boom().x
    except KeyError as e:
        print("KeyError:", e)


# Property subclasses: getter/setter/deleter keep the subclass.
class MyProp(property):
    pass


class D:
    @MyProp
    def x(self):
        "the x doc"
        return self.__dict__.get("_x", 1)

    @x.setter
    def x(self, v):
        self.__dict__["_x"] = v

    @x.deleter
    def x(self):
        self.__dict__.pop("_x", None)


d = D()
d.x = 5
print(type(D.__dict__["x"]).__name__, d.x, D.x.__doc__)
del d.x
print(d.x, type(D.x.getter(lambda self: 7)).__name__, D.x.getter(lambda self: 7).fset is D.x.fset)


# __get__ on instances of builtin subclasses used as class attributes.
class DI(int):
    def __get__(self, obj, owner):
        return ("DI.get", obj is None, owner.__name__)


class DS(str):
    def __get__(self, obj, owner):
        return "DS.get"

    def __set__(self, obj, value):
        print("DS.set", value)


class Host:
    a = DI(3)
    s = DS("text")


h = Host()
print(h.a, Host.a, h.s)
h.s = 9
print(h.s)


# isinstance through a __class__ proxy (object_isinstance).
class Plain:
    pass


class Proxy:
    @property
    def __class__(self):
        return Plain


print(isinstance(Proxy(), Plain), isinstance(Proxy(), Proxy), isinstance(Proxy(), (int, Plain)), isinstance(3, Plain))

# namedtuple fields refuse deletion and assignment.
Point = collections.namedtuple("Point", "x y")
pt = Point(1, 2)
try:
    del pt.x
except AttributeError as e:
    print("AttributeError:", e)
try:
    pt.x = 5
except AttributeError as e:
    print("AttributeError:", e)
print(pt)

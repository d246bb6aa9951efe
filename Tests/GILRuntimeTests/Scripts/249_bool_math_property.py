# bool's own &, | and ^ (bools stay bools); math functions take any object with __float__ (or __index__);
# property() with keywords, without a getter, and getter/setter/deleter returning new properties.
from fractions import Fraction
from decimal import Decimal
import math

print(True & True, True | False, True ^ True, False & 1, True | 2, 3 ^ True)
print(True.__and__(True), bool.__or__(False, True), True.__xor__(False), True.__and__(1), bool.__rand__(True, False))
x = True
x &= False
y = False
y |= True
print(x, y, type(x).__name__, type(True ^ False).__name__, type(True + True).__name__, ~True)


class Temperature:
    def __init__(self, c):
        self.c = c

    def __float__(self):
        return self.c * 1.5


class Count:
    def __index__(self):
        return 7


class Bad:
    def __float__(self):
        return "no"


print(math.isfinite(Fraction(1, 3)), math.sqrt(Fraction(9, 4)), math.isnan(Decimal("NaN")), math.floor(Fraction(7, 2)))
print(math.sqrt(Temperature(6)), math.exp(Count()) > 1000, math.copysign(1, Temperature(-2)), math.fsum([Temperature(2), 0.5]))
print(math.isclose(Fraction(1, 3), 1 / 3), math.hypot(Temperature(2), 4), math.fmod(Temperature(4), 4))
for bad in (Bad(), "3", None):
    try:
        math.sqrt(bad)
    except TypeError as e:
        print("TypeError:", e)


class C:
    def g(self):
        "getter doc"
        return 5

    def s(self, v):
        print("set", v)

    def d(self):
        print("del")

    x = property(g, s, d, "the x")
    y = property(fget=g, doc="why")
    z = property()
    w = property(None, s)
    v = property(g)


c = C()
print(c.x, C.x.__doc__, c.y, C.y.__doc__, C.z.fget, C.x.fget is C.g, C.v.__doc__, C.z.__doc__)
c.x = 3
del c.x
c.w = 9
for action in (lambda: c.z, lambda: setattr(c, "z", 1), lambda: setattr(c, "y", 1), lambda: delattr(c, "y"), lambda: c.w):
    try:
        action()
    except AttributeError as e:
        print("AttributeError:", e)
p = property().getter(C.g)
print(p.__get__(c), p.fset, C.x.fdel is C.d, p.__get__(None, C) is p)
for make in (lambda: property(foo=1), lambda: property(1, fget=2), lambda: property(1, 2, 3, 4, 5), lambda: property().setter(1, 2)):
    try:
        make()
    except TypeError as e:
        print("TypeError:", e)


class Base:
    @property
    def size(self):
        return 1


class Derived(Base):
    @Base.size.setter
    def size(self, value):
        print("Derived size =", value)


d = Derived()
d.size = 4
try:
    Base().size = 4
except AttributeError as e:
    print("AttributeError:", e)
print(Base.size is not Derived.size, Base.size.fset, Derived.size.fget is Base.size.fget, d.size)


class Tracked:
    @property
    def value(self):
        return self._v

    @value.setter
    def value(self, v):
        self._v = v * 2

    @value.deleter
    def value(self):
        print("deleting")
        del self._v


t = Tracked()
t.value = 21
print(t.value)
del t.value
print(hasattr(t, "_v"))

# math.hypot takes any number of coordinates; hypot and dist round as CPython's vector_norm does.
print(math.hypot(), math.hypot(-3), math.hypot(3, 4), math.hypot(1, 2, 3, 4, 5), math.hypot(1e308, 1e308), math.hypot(5e-324, 5e-324))
print(math.hypot(float("inf"), float("nan")), math.hypot(float("nan"), 1), math.hypot(0.1, 0.2, 0.3), math.hypot(Fraction(1, 3), 2))
print(math.dist((0.1, 0.2, 0.3), (1.5, -2.5, 3.25)), math.dist([1, 1], [4, 5]), [math.hypot(i * 0.1, 0.7, i) for i in range(5)])

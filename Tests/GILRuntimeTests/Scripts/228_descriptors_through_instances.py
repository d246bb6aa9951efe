# Properties, classmethods and staticmethods read through instances (cached per call site and class):
# the answer follows redefinitions, shadowing instance attributes, subclasses and several classes at one site.
import operator


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)

    @property
    def label(self):
        return f"({self.x}, {self.y})"

    @label.setter
    def label(self, text):
        self.x, self.y = map(int, text.strip("()").split(","))

    @classmethod
    def origin(cls, scale=1):
        return cls(0 * scale, 0)

    @classmethod
    def kind(cls):
        return cls.__name__

    @staticmethod
    def add(a, b=10):
        return a + b

    def describe(self):
        return f"{self.kind()} {self.label} {self.norm1} {self.add(1)} {self.add(1, b=2)}"


class Point3(Point):
    def __init__(self, x, y, z=0):
        super().__init__(x, y)
        self.z = z

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y) + abs(self.z)


points = [Point(1, -2), Point3(1, 2, -3), Point(-4, 4), Point3(0, 0, 7)]
total = 0
for _ in range(50):
    for p in points:
        total += p.norm1
print(total)
print([p.describe() for p in points])
print([type(p.origin()).__name__ for p in points], [p.origin(3).x for p in points])

p = Point(3, 4)
p.label = "(5, -6)"
print(p.label, p.x, p.y, p.norm1)


def read(p):
    return p.norm1, p.kind(), p.add(2)


print(read(p))
# Redefining the property, the classmethod and the staticmethod on the class after the sites are warm.
Point.norm1 = property(lambda self: max(abs(self.x), abs(self.y)))
Point.kind = classmethod(lambda cls: "kind of " + cls.__name__)
Point.add = staticmethod(lambda a, b=0: a * 100)
print(read(p), read(Point3(1, 2, 3)))
# An instance attribute shadows a classmethod or staticmethod (not a data descriptor) but not a property.
p.kind = lambda: "own kind"
p.add = lambda a: "own add"
print(read(p))
try:
    p.norm1 = 5
except AttributeError as e:
    print("AttributeError:", e)
del p.kind, p.add
print(read(p))


class Raising:
    @property
    def broken(self):
        raise KeyError("inside the getter")

    @property
    def missing(self):
        raise AttributeError("not here")


r = Raising()
for _ in range(3):
    try:
        r.broken
    except KeyError as e:
        print("KeyError", e)
    try:
        r.missing
    except AttributeError as e:
        print("AttributeError", e)


class Fallback:
    def __getattr__(self, name):
        return "fallback " + name

    @property
    def value(self):
        raise AttributeError("value")


f = Fallback()
print([f.value for _ in range(3)], f.other)


class Builtins:
    def __init__(self):
        self.x = 42

    getter = property(operator.attrgetter("x"))
    length = property(len)

    def __len__(self):
        return 7


b = Builtins()
print([(b.getter, b.length) for _ in range(3)])


class Counter:
    count = 0

    @classmethod
    def bump(cls):
        cls.count += 1
        return cls.count

    @staticmethod
    def twice(f, x):
        return f(f(x))


class SubCounter(Counter):
    count = 100


c, s = Counter(), SubCounter()
print([obj.bump() for obj in (c, s, c, s, c)], Counter.count, SubCounter.count)
print(c.twice(lambda v: v * 3, 2), s.twice(str, 5))
print(c.bump.__self__ is Counter, s.bump.__self__ is SubCounter, c.twice(abs, -3))


class Slotted:
    __slots__ = ("a",)

    def __init__(self, a):
        self.a = a

    @property
    def double(self):
        return self.a * 2

    @classmethod
    def make(cls, a):
        return cls(a)


print([Slotted(i).double for i in range(5)], Slotted(1).make(9).a)

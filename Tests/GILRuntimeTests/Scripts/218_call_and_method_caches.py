# Call sites and attribute sites that the VM caches: every answer must follow the changes CPython sees
# (defaults replaced, classmethods rebound, methods added to a list subclass, __eq__ added later...).


def scaled(x, factor=2, offset=0):
    return x * factor + offset


def run_defaults():
    out = []
    for i in range(3):
        out.append(scaled(i))
        out.append(scaled(i, 3))
        out.append(scaled(i, 3, 1))
    scaled.__defaults__ = (10, 5)
    for i in range(2):
        out.append(scaled(i))
        out.append(scaled(i, 1))
    scaled.__defaults__ = None
    try:
        scaled(1)
    except TypeError as e:
        out.append(str(e))
    scaled.__defaults__ = (2, 0)
    return out


print(run_defaults())


class Point:
    def __init__(self, x, y=0, tag="p"):
        self.x = x
        self.y = y
        self.tag = tag

    def moved(self, dx=1, dy=1):
        return Point(self.x + dx, self.y + dy, self.tag)

    def __repr__(self):
        return "Point(%r, %r, %r)" % (self.x, self.y, self.tag)


def make_points():
    pts = []
    for i in range(3):
        pts.append(Point(i))
        pts.append(Point(i, i))
        pts.append(Point(i, i, "q").moved())
        pts.append(Point(i).moved(5))
    return pts


print(make_points())
Point.__init__.__defaults__ = (7, "r")
print(make_points()[:2])
Point.__init__.__defaults__ = None
try:
    make_points()
except TypeError as e:
    print("TypeError", e)
Point.__init__.__defaults__ = (0, "p")


class Strength:
    REQUIRED = None

    def __init__(self, value, name):
        super(Strength, self).__init__()
        self.value = value
        self.name = name

    @classmethod
    def stronger(cls, a, b):
        return a.value < b.value

    @staticmethod
    def weakest(a, b):
        return a if a.value > b.value else b

    def next(self):
        return self.__class__.REQUIRED


Strength.REQUIRED = Strength(0, "required")


def compare_all(cls, items):
    out = []
    for a in items:
        for b in items:
            out.append((cls.stronger(a, b), Strength.weakest(a, b).name, a.next().name))
    return out


items = [Strength(i, "s%d" % i) for i in range(3)]
print(compare_all(Strength, items)[:4])


class Weird(Strength):
    @classmethod
    def stronger(cls, a, b):
        return cls.__name__


print(compare_all(Weird, items)[:2])
Strength.stronger = classmethod(lambda cls, a, b: "replaced")
Strength.weakest = staticmethod(lambda a, b: a)
print(compare_all(Strength, items)[:2])
Strength.REQUIRED = items[2]
print(compare_all(Strength, items)[:2])


class Bag(list):
    pass


def fill(bag, n):
    for i in range(n):
        bag.append(i)
    total = 0
    while len(bag):
        total += bag.pop(0)
    return total


b = Bag()
print(fill(b, 5), b)
Bag.append = lambda self, x: list.append(self, x * 10)
print(fill(b, 5))
b.pop = lambda i: list.pop(b, i) + 1000
print(fill(b, 2), len(b))
del Bag.append
print(fill(Bag(), 3))


class Node:
    def __init__(self, n):
        self.n = n


def count_ne(nodes, other):
    return sum(1 for x in nodes if x != other), sum(1 for x in nodes if x == other)


nodes = [Node(i % 3) for i in range(6)]
print(count_ne(nodes, nodes[0]), count_ne(nodes, None))
Node.__eq__ = lambda self, other: isinstance(other, Node) and self.n == other.n
print(count_ne(nodes, nodes[0]), count_ne(nodes, None))
Node.__ne__ = lambda self, other: "yes"
print(count_ne(nodes, nodes[0]))


class A:
    def who(self):
        return "A"


class B(A):
    def who(self):
        return "B" + super().who()


class C(A):
    pass


class D(B, C):
    def __init__(self):
        self.extra = 1


def who_all(objs):
    return [o.who() for o in objs] + [o.__class__.__name__ for o in objs]


objs = [A(), B(), C(), D(), B(), A()]
print(who_all(objs))
C.who = lambda self: "C" + A.who(self)
print(who_all(objs))
objs[0].who = lambda: "own"
print(who_all(objs))


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b=2):
        self.a = a
        self.b = b


print([(s.a, s.b) for s in [Slotted(1), Slotted(3, 4)]])

# Subclassing builtins: dict, list, tuple, str, int, float, set, frozenset — overridden special methods honoured
# (__getitem__, __setitem__, __contains__, __missing__, __len__, __iter__, __repr__, __add__, __eq__ …), builtin
# methods and super() working on the builtin storage, attributes on instances, hashing as the builtin value.
import json


class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)

    def __setattr__(self, name, value):
        self[name] = value


d = AttrDict(a=1)
d.b = 2
print(d, d.a, d.b, isinstance(d, dict), type(d).__name__, len(d), sorted(d), json.dumps(d))


class Lower(dict):
    def __getitem__(self, k):
        return super().__getitem__(k.lower())

    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)

    def __contains__(self, k):
        return super().__contains__(k.lower())


low = Lower()
low["ABC"] = 5
print(low["aBc"], "ABC" in low, low, low.get("abc"), dict(low))


class Missing(dict):
    def __missing__(self, key):
        self[key] = len(key)
        return self[key]


m = Missing()
print(m["four"], m, m.get("five"), "five" in m)


class Stack(list):
    def push(self, x):
        self.append(x)

    def peek(self):
        return self[-1]


s = Stack([1, 2])
s.push(3)
s += [4]
print(s, s.peek(), len(s), s[1:3], type(s[1:3]).__name__, type(s + [5]).__name__, isinstance(s, list), sum(s), s == [1, 2, 3, 4])
s.extra = "x"
print(s.extra, s.__dict__, list(reversed(s)), sorted(s, reverse=True))


class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]

    def __repr__(self):
        return f"Point({self[0]}, {self[1]})"


p = Point(1, 2)
a, b = p
print(p, p.x, a, b, p == (1, 2), hash(p) == hash((1, 2)), {p: 1}[(1, 2)], len(p), p + (3,), isinstance(p, tuple))


class Name(str):
    def shout(self):
        return self.upper() + "!"


n = Name("bob")
print(n, repr(n), n.shout(), n + "by", n == "bob", {"bob": 1}[n], len(n), n[0], type(n[0]).__name__, "-".join([n, n]), f"{n:>5}|", str(n) == "bob", n.startswith("b"))


class Celsius(float):
    def __new__(cls, v):
        return super().__new__(cls, v)

    def fahrenheit(self):
        return self * 9 / 5 + 32


c = Celsius(100)
print(c, repr(c), c.fahrenheit(), c + 1, type(c + 1).__name__, c > 50, int(c), f"{c:.1f}", round(c), -c, abs(Celsius(-2.5)))


class Flag(int):
    def __new__(cls, value, label):
        obj = super().__new__(cls, value)
        obj.label = label
        return obj

    def __repr__(self):
        return f"<{self.label}:{int(self)}>"

    def __str__(self):
        return self.label

    def __add__(self, other):
        return Flag(int(self) + int(other), self.label + "+")


f = Flag(3, "three")
print(repr(f), str(f), f + 1, f * 2, type(f * 2).__name__, f == 3, hash(f) == hash(3), [10, 20, 30, 40][f], {3: "x"}[f], f"{f}", f"{f:04d}", bin(f), f < 4, 1 + f, bool(Flag(0, "zero")))


class Bag(set):
    pass


bag = Bag([3, 1, 2])
print(sorted(bag), 2 in bag, type(bag).__name__, bag | {9} == {1, 2, 3, 9}, len(bag))


class Frozen(frozenset):
    pass


fz = Frozen([1, 2])
print(sorted(fz), type(fz).__name__, 1 in fz)


class MyInt(int):
    pass


print(MyInt(7) + 1, type(MyInt(7) + 1).__name__, MyInt("12"), MyInt("ff", 16), int(MyInt(5)), type(int(MyInt(5))).__name__, -MyInt(3), +MyInt(3), MyInt(2) ** 10)
try:
    class Bad(int, str):
        pass
except TypeError as e:
    print(e)
try:
    class Bad2(bool):
        pass
except TypeError as e:
    print(e)
try:
    hash(Stack())
except TypeError as e:
    print(e)


class Eq:
    def __eq__(self, other):
        return True


try:
    hash(Eq())
except TypeError as e:
    print(e)


class Counted(list):
    def __init__(self, items, tag):
        super().__init__(items)
        self.tag = tag

    def __len__(self):
        return 99

    def __iter__(self):
        yield from ("it", "er")


cd = Counted([1], "t")
print(len(cd), list(cd), cd.tag, bool(cd), [x for x in cd])


class Ordered(dict):
    def __init__(self, *args, **kw):
        self.order = []
        super().__init__(*args, **kw)

    def __setitem__(self, key, value):
        if key not in self:
            self.order.append(key)
        dict.__setitem__(self, key, value)

    def __iter__(self):
        return iter(self.order)

    def keys(self):
        return list(self.order)


o = Ordered()
o["b"] = 1
o["a"] = 2
o["b"] = 3
print(list(o), o.keys(), o.order, dict.__getitem__(o, "b"), o.get("a"), len(o), o.__len__())


class Vec(tuple):
    def __add__(self, other):
        return Vec(x + y for x, y in zip(self, other))

    def __mul__(self, k):
        return Vec(x * k for x in self)

    __rmul__ = __mul__


v = Vec([1, 2]) + Vec([3, 4])
print(v, type(v).__name__, v * 2, 3 * v, tuple.__add__(v, (9,)))


class Money(int):
    def __str__(self):
        return f"${int(self)}"

    def __eq__(self, other):
        return int(self) == int(other)

    __hash__ = int.__hash__


cash = Money(5)
print(cash, f"{cash}", "%d" % cash, cash == 5.0, {cash: "five"}[5], sorted([Money(3), Money(1)]), max(Money(2), 1))


class Str2(str):
    def __len__(self):
        return 42

    def __contains__(self, x):
        return True


w = Str2("hi")
print(len(w), "zz" in w, str.__len__(w), str.__contains__(w, "zz"), w.upper(), w.split("i"), w.replace("h", "H"), w * 2)
match Stack([1, 2]):
    case [a, b]:
        print("sequence pattern", a, b)
match AttrDict(k=1):
    case {"k": value}:
        print("mapping pattern", value)

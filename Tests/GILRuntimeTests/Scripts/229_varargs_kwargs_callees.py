# Calls to functions with *args / **kwargs bound straight into the frame, keyword arguments merged from
# **mappings (a name given twice is a TypeError naming the callee), and __defaults__ round trips.
import collections


def va(*args):
    return args


def pos_va(a, b=2, *rest):
    return a, b, rest


def va_kwonly(*args, sep=" ", end="!"):
    return sep.join(map(str, args)) + end


def vk(**kwargs):
    return sorted(kwargs.items())


def both(a, *args, k=0, **kwargs):
    return a, args, k, sorted(kwargs.items())


def posonly(a, b, /, **kwargs):
    return a, b, sorted(kwargs.items())


def cell(*args, **kwargs):
    return lambda: (args, kwargs)


def gen(*args):
    yield from args


class C:
    def m(self, *args, **kwargs):
        return type(self).__name__, args, sorted(kwargs.items())

    @classmethod
    def cm(cls, *args):
        return cls.__name__, args

    @staticmethod
    def sm(*args, **kwargs):
        return args, kwargs


print(va(), va(1), va(1, 2, 3), type(va()) is tuple)
print(pos_va(1), pos_va(1, 5), pos_va(1, 5, 6, 7), pos_va(b=3, a=4))
print(va_kwonly(1, 2), va_kwonly(1, 2, sep="-"), va_kwonly(end="?"), va_kwonly(3, end=".", sep="+"))
print(vk(), vk(a=1), vk(b=2, a=1), vk(**{"x": 1}, y=2))
print(both(1), both(1, 2, 3), both(1, k=5), both(1, 2, k=3, z=4, y=5), both(a=9, q=1))
print(posonly(1, 2), posonly(1, 2, a=3, b=4))
print(cell(1, 2, z=3)(), list(gen(4, 5, 6)))
c = C()
print(c.m(), c.m(1, 2), c.m(1, x=2), C.m(c, 3), c.cm(1, 2), c.sm(3, k=4))
bound = c.m
print(bound(5, 6), bound(x=1))
total = 0
for i in range(300):
    total += len(va(i, i)) + len(vk(a=i)) + len(both(i, i, k=i, z=i)[1]) + len(c.m(i)[1])
print(total)

for call, text in [
    (lambda: pos_va(), "pos_va()"),
    (lambda: va_kwonly(1, nope=2), "va_kwonly(1, nope=2)"),
    (lambda: posonly(1), "posonly(1)"),
    (lambda: both(1, a=2), "both(1, a=2)"),
    (lambda: pos_va(1, a=2), "pos_va(1, a=2)"),
    (lambda: vk(1), "vk(1)"),
    (lambda: vk(k=1, **{"k": 2}), "vk(k=1, **{'k': 2})"),
    (lambda: vk(**{"a": 1}, **{"a": 2}), "vk(**{'a': 1}, **{'a': 2})"),
    (lambda: vk(**{"a": 1}, a=3), "vk(**{'a': 1}, a=3)"),
    (lambda: c.m(x=1, **{"x": 2}), "c.m(x=1, **{'x': 2})"),
    (lambda: vk(**1), "vk(**1)"),
    (lambda: vk(**{1: 2}), "vk(**{1: 2})"),
    (lambda: print(**{"sep": 1}, sep=2), "print(**{'sep': 1}, sep=2)"),
    (lambda: C(**[1]), "C(**[1])"),
]:
    try:
        print(text, "->", call())
    except TypeError as e:
        print(text, "-> TypeError:", e)

# A mapping that is not a dict: its keys() and items.
Pair = collections.namedtuple("Pair", "x y")


class Mapping:
    def keys(self):
        return ["p", "q"]

    def __getitem__(self, key):
        return key * 2


print(vk(**Mapping()), vk(**collections.OrderedDict(b=1, a=2)), Pair(**{"x": 1, "y": 2}))


def defaults(a=1, b=2):
    return a, b


print(defaults.__defaults__, va.__defaults__)
defaults.__defaults__ = (5, 6)
print(defaults(), defaults.__defaults__)
defaults.__defaults__ = ()
print(defaults.__defaults__)
try:
    defaults()
except TypeError as e:
    print("TypeError:", e)
defaults.__defaults__ = None
print(defaults.__defaults__)

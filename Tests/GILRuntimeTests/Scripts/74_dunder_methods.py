# Dunder methods: __str__/__repr__/__eq__/__lt__/__hash__/__len__/__iter__/__getitem__/__contains__,
# arithmetic, __bool__, __call__, __enter__/__exit__.
import functools


@functools.total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __repr__(self):
        return f"Version({'.'.join(map(str, self.parts))!r})"

    def __str__(self):
        return "v" + ".".join(map(str, self.parts))

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __hash__(self):
        return hash(self.parts)


vs = [Version("1.10"), Version("1.2"), Version("1.2.1"), Version("0.9")]
print(sorted(vs), max(vs), str(min(vs)))
print(Version("1.2") == Version("1.2"), Version("1.2") != Version("1.3"), Version("2") >= Version("1.9"))
print(len({Version("1.0"), Version("1.0"), Version("1.1")}), Version("1") == "1")
print(f"{vs[0]} {vs[0]!r}", [str(v) for v in vs[:2]])


class Vector:
    def __init__(self, *coords):
        self.coords = list(coords)

    def __repr__(self):
        return f"Vector{tuple(self.coords)}"

    def __len__(self):
        return len(self.coords)

    def __iter__(self):
        return iter(self.coords)

    def __getitem__(self, i):
        return self.coords[i]

    def __setitem__(self, i, value):
        self.coords[i] = value

    def __contains__(self, x):
        return x in self.coords

    def __add__(self, other):
        return Vector(*(a + b for a, b in zip(self, other)))

    def __mul__(self, k):
        return Vector(*(a * k for a in self))

    __rmul__ = __mul__

    def __neg__(self):
        return self * -1

    def __bool__(self):
        return any(self.coords)

    def __abs__(self):
        return sum(c * c for c in self.coords) ** 0.5

    def __iadd__(self, other):
        self.coords = [a + b for a, b in zip(self, other)]
        return self

    def __call__(self, scale):
        return [c * scale for c in self.coords]


v = Vector(3, 4)
w = Vector(1, 2)
print(v + w, v * 2, 3 * v, -w, abs(v), len(v), list(v), v[1], 4 in v, 5 in v)
print(bool(Vector(0, 0)), bool(v), v(10), v[::-1])
v[0] = 6
v += w
print(v, sum(Vector(1, 2, 3)), sorted(Vector(3, 1, 2)), max(Vector(5, 9)))


class Managed:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.swallow


with Managed("a") as value, Managed("b") as other:
    print("inside", value, other)
with Managed("quiet", swallow=True):
    raise KeyError("swallowed")
try:
    with Managed("loud"):
        raise ValueError("propagates")
except ValueError as e:
    print("outside:", e)


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


print(list(Countdown(4)), [x for x in Countdown(2)])


class Registry:
    def __init__(self):
        self._data = {}

    def __getattr__(self, name):
        return f"<{name}>"

    def __setattr__(self, name, value):
        object.__setattr__(self, name, value)

    def __eq__(self, other):
        return True

    __hash__ = None


r = Registry()
print(r.anything, r._data, r == 5)

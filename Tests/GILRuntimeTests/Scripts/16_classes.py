class Point:
    count = 0

    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def moved(self, dx, dy=0):
        return Point(self.x + dx, self.y + dy)

    def __repr__(self):
        return "Point(" + str(self.x) + ", " + str(self.y) + ")"

p = Point(3, 4)
q = p.moved(1)
print(p, q, p.norm2(), Point.count)
print(p.x, q.y, repr(q), str(p))
print([Point(i, i) for i in range(3)])

class Counter:
    def __init__(self):
        self.value = 0
    def inc(self):
        self.value += 1
        return self

c = Counter()
c.inc().inc().inc()
print(c.value)
c.label = "dynamic"
print(c.label, hasattr(c, "label"), hasattr(c, "nope"), getattr(c, "nope", "default"))
setattr(c, "value", 99)
print(c.value, type(c).__name__, isinstance(c, Counter), isinstance(p, Counter))

class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius
    def __str__(self):
        return f"{self.celsius:.1f}C"
    def __eq__(self, other):
        return self.celsius == other.celsius
    def __lt__(self, other):
        return self.celsius < other.celsius

temps = [Temperature(30), Temperature(12.5), Temperature(20)]
print([str(t) for t in sorted(temps)])
print(Temperature(1) == Temperature(1), Temperature(1) == Temperature(2))
print(str(max(temps)))

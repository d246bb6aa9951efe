class Registry:
    items = []
    total = 0

    def __init__(self, name):
        self.name = name
        Registry.items.append(name)
        Registry.total += 1

    def __str__(self):
        return "<" + self.name + ">"

    def __repr__(self):
        return "Registry(" + repr(self.name) + ")"

r1 = Registry("one")
r2 = Registry("two")
print(Registry.items, Registry.total, r1.total)
print(r1, r2)
print([r1, r2])
print(str(r1), repr(r2), f"{r1} {r2!r}")
r1.total = 100
print(r1.total, r2.total, Registry.total)

class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

v = Vec(1, 2) + Vec(3, 4) * 2
print(v, len(v), v[0], v[1], list(v))

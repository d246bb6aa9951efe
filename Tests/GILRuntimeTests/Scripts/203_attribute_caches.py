# The VM's inline caches for module attributes, class attributes and super() methods give exactly the
# general lookup's answers while modules, classes and receivers change under the same instruction.
import math
import json


def read_pi():
    return math.pi


def call_sqrt(x):
    return math.sqrt(x)


out = []
for i in range(3):
    out.append(read_pi())
math.pi = 3
out.append(read_pi())
del math.pi
try:
    read_pi()
except AttributeError as e:
    out.append(str(e))
math.pi = 3.141592653589793
out.append(read_pi())
print(out)

print([call_sqrt(x) for x in (4, 9, 16)])
saved = math.sqrt
math.sqrt = lambda x: -x
print(call_sqrt(25))
math.sqrt = saved
print(call_sqrt(25))


class Config:
    LIMIT = 10
    def method(self):
        return "method"


class Derived(Config):
    pass


def limit(cls):
    return cls.LIMIT


def call_on_class(cls, obj):
    return cls.method(obj)


print([limit(Config) for _ in range(3)], limit(Derived))
Config.LIMIT = 20
print(limit(Config), limit(Derived))
Derived.LIMIT = 30
print(limit(Config), limit(Derived))
del Derived.LIMIT
print(limit(Derived))
print(call_on_class(Config, Config()), call_on_class(Derived, Derived()))
Config.method = lambda self: "replaced"
print(call_on_class(Config, Config()), call_on_class(Derived, Derived()))
Config.LIMIT = staticmethod(lambda: "static")
print(limit(Config)())
Config.LIMIT = classmethod(lambda cls: cls.__name__)
print(limit(Config)(), limit(Derived)())


class Base:
    def greet(self):
        return "Base"


class Left(Base):
    def greet(self):
        return "Left>" + super().greet()


class Right(Base):
    def greet(self):
        return "Right>" + super().greet()


class Both(Left, Right):
    def greet(self):
        return "Both>" + super().greet()


for obj in (Left(), Right(), Both(), Left(), Both()):
    print(obj.greet())
Base.greet = lambda self: "Base2"
print(Both().greet(), Left().greet())


class WithAttr:
    def __init__(self):
        self.greet = lambda: "instance attribute"


class Sub(Base):
    def greet(self):
        return "Sub>" + super().greet()


s = Sub()
print(s.greet())
s.greet = lambda: "own"
print(s.greet(), Sub.greet(s))

for k in range(3):
    print(json.dumps({"k": k}), json.loads("[%d]" % k))


# Polymorphic sites: one instruction sees instances of six classes (more than the four extra entries).
class P0:
    kind = "p0"
    def __init__(self, n):
        self.n = n
    def m(self):
        return self.n


def make_class(i):
    def m(self):
        return self.n * (i + 1)
    return type("P%d" % i, (P0,), {"m": m, "kind": "p%d" % i})


classes = [P0] + [make_class(i) for i in range(1, 6)]
objs = [classes[k % 6](k) for k in range(24)]
for o in objs[:3]:
    o.extra = "extra"


def visit(o):
    o.seen = o.n + 1
    return (o.kind, o.m(), o.seen, o.n)


print([visit(o) for o in objs])
classes[2].kind = "changed"
classes[3].m = lambda self: -self.n
del objs[5].n
objs[5].n = 500
print([visit(o) for o in objs[:12]])

# Calls bound straight into frames: defaults and keyword-only parameters of positional calls, closures as
# special methods and property getters, super(C, cls).__new__ and classmethods through super() with a
# class receiver, each site called repeatedly (its cache) and with a class changed in between.
def error(f, *args, **kwargs):
    try:
        print(f(*args, **kwargs))
    except Exception as e:
        print(type(e).__name__ + ":", e)

def kwonly(a, b=2, *, k=3):
    return (a, b, k)
def make_closure(base):
    def add(x, y=10, *, z=100):
        return base + x + y + z
    return add
add = make_closure(1000)
class M:
    def m(self, a, *, k="k"):
        return (a, k)
    def with_default(self, a, b=5):
        return (a, b)
for i in range(3):
    print(kwonly(1), kwonly(1, 4), add(1), add(1, 2), M().m(i), M().with_default(i))
    bound = M().m
    print(bound(7), bound(8, k=9))
error(kwonly)
error(kwonly, 1, 2, 3)
error(add, 1, 2, 3)
error(M().m)
error(M().m, 1, 2)

def operators(scale):
    def add(a, b):
        return Num(a.v + b.v * scale)
    def eq(a, b):
        return isinstance(b, Num) and a.v == b.v
    def getter(self):
        return self.v * scale
    return add, eq, getter
class Num:
    __add__, __eq__, doubled = operators(2)
    __hash__ = None
    doubled = property(doubled)
    def __init__(self, v):
        self.v = v
for i in range(3):
    n = Num(i) + Num(1)
    print(n.v, n == Num(i + 2), n == 3, n.doubled)

class Base:
    def __new__(cls, *args, **kwargs):
        print("Base.__new__", cls.__name__, args, sorted(kwargs))
        return super().__new__(cls)
    @classmethod
    def create(cls, v):
        return ("Base.create", cls.__name__, v)
class Child(Base):
    def __new__(cls, v, *, tag=None):
        self = super(Child, cls).__new__(cls, v, tag=tag)
        self.v = v
        return self
    @classmethod
    def create(cls, v):
        return super().create(v * 2)
class Grand(Child):
    pass
for i in range(3):
    print(Child(i).v, Grand(i, tag="t").v, Child.create(i), Grand.create(i))
Base.create = classmethod(lambda cls, v: ("replaced", cls.__name__, v))
print(Child.create(5), Grand.create(6))
class Plain:
    def __new__(cls):
        return super(Plain, cls).__new__(cls)
for i in range(2):
    print(type(Plain()).__name__)
    error(super(Plain, Plain).__new__, Plain, 1)

class Meta(type):
    def make(cls):
        return super().__call__()
class WithMeta(metaclass=Meta):
    pass
for i in range(2):
    print(type(WithMeta.make()).__name__)

# Generators reached through these paths.
def gen(a, *, stop=3):
    yield from range(a, stop)
print(list(gen(0)), list(gen(1, stop=4)))
class G:
    def items(self, n=2):
        yield from range(n)
print(list(G().items()), list(G().items(3)))

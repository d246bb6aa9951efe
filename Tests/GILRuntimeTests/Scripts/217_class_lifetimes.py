# Classes and their subclasses: __subclasses__() lists the live direct subclasses in creation order,
# and a class that is no longer referenced leaves its bases' lists (gc.collect() for the cycles).
import gc


class Base:
    pass


class Left(Base):
    pass


class Right(Base):
    pass


class Both(Left, Right):
    pass


def names(cls):
    return [c.__name__ for c in cls.__subclasses__()]


print(names(Base), names(Left), names(Right), names(Both))
del Both
gc.collect()
print(names(Base), names(Left), names(Right))


def make(i):
    class Temp(Left, Right):
        tag = i
    return Temp


kept = [make(i) for i in range(5)]
print(len(Left.__subclasses__()), [c.tag for c in Right.__subclasses__()])
del kept[1:4]
gc.collect()
print([c.tag for c in Left.__subclasses__()], [c.tag for c in Right.__subclasses__()])
for i in range(200):
    make(i)
gc.collect()
print([c.tag for c in Left.__subclasses__()])

# type() made classes and instances that outlive a name
Dyn = type("Dyn", (Base,), {"x": 1})
objs = [Dyn() for _ in range(3)]
del Dyn
gc.collect()
print(names(Base), [type(o).__name__ for o in objs], objs[0].x)
del objs
gc.collect()
print(names(Base))
print(Base in object.__subclasses__(), Left in object.__subclasses__())

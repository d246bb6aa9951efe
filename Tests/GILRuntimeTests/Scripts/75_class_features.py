# Classes: super(), multiple inheritance and MRO, class/instance attributes, isinstance, __slots__-free
# introspection, abstract-like base methods, __init_subclass__, dataclasses.
from dataclasses import dataclass, field


class Animal:
    kingdom = "animalia"

    def __init__(self, name):
        self.name = name

    def speak(self):
        raise NotImplementedError

    def describe(self):
        return f"{self.name} says {self.speak()}"


class Dog(Animal):
    def speak(self):
        return "woof"


class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age

    def speak(self):
        return super().speak() + "!"


p = Puppy("rex", 1)
print(p.describe(), p.kingdom, isinstance(p, Animal), issubclass(Puppy, Dog), type(p).__name__)
print([c.__name__ for c in Puppy.__mro__])
try:
    Animal("x").describe()
except NotImplementedError:
    print("NotImplementedError")


class A:
    def who(self):
        return ["A"]


class B(A):
    def who(self):
        return ["B"] + super().who()


class C(A):
    def who(self):
        return ["C"] + super().who()


class D(B, C):
    def who(self):
        return ["D"] + super().who()


print(D().who(), [k.__name__ for k in D.__mro__])


class Base:
    subclasses = []

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Base.subclasses.append(cls.__name__)


class One(Base):
    pass


class Two(Base):
    pass


print(Base.subclasses)


class Counter:
    total = 0

    def __init__(self):
        Counter.total += 1
        self.total = -1


c1, c2 = Counter(), Counter()
print(Counter.total, c1.total, getattr(c2, "missing", "default"), hasattr(c1, "total"))
setattr(c1, "extra", 5)
print(c1.extra, sorted(vars(c1)), "extra" in c1.__dict__)
delattr(c1, "extra")
print(hasattr(c1, "extra"))


@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)


i1 = Item("pen", 1.5)
i2 = Item("pen", 1.5)
print(i1, i1 == i2, Item("cup").tags, i1 is i2)


@dataclass(frozen=True, order=True)
class Pt:
    x: int
    y: int


print(sorted([Pt(2, 1), Pt(1, 5)]), Pt(1, 2) < Pt(1, 3))
try:
    Pt(1, 2).x = 5
except Exception as e:
    print(type(e).__name__)
print(type(1).__name__, type("s") is str, isinstance(True, int), isinstance(3, (str, float)))
print(callable(len), callable(3), type(None).__name__, Dog.__name__, Dog.__bases__[0].__name__)

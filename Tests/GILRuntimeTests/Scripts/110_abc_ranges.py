# abc (CPython's abc.py and _py_abc on our runtime): abstract methods and properties refuse instantiation with CPython's
# message, ABC.register, isinstance/issubclass through ABCMeta; big-int ranges; type.__subclasses__.
import abc


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        ...

    @property
    @abc.abstractmethod
    def name(self):
        ...


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2

    @property
    def name(self):
        return "square"


try:
    Shape()
except TypeError as e:
    print(e)
sq = Square(3)
print(sq.area(), sq.name, isinstance(sq, Shape), Shape.__abstractmethods__ == frozenset({"area", "name"}))


class Registered(abc.ABC):
    pass


Registered.register(int)
print(isinstance(3, Registered), issubclass(bool, Registered), issubclass(str, Registered))

r = range(1 << 70)
print(r, r[5], r[-1], (1 << 69) in r, -1 in r, bool(range(1 << 70, 0)), r.stop == 1 << 70, list(range(1 << 64, (1 << 64) + 3)))
try:
    len(r)
except OverflowError as e:
    print(e)


class Base:
    pass


class Left(Base):
    pass


class Right(Base):
    pass


print([c.__name__ for c in Base.__subclasses__()])

# functools.singledispatch / singledispatchmethod / partialmethod as 3.11 behaves
import collections.abc
from functools import singledispatch, singledispatchmethod, partialmethod
import functools


@singledispatch
def describe(obj, verbose=False):
    """The generic one."""
    return "object " + type(obj).__name__


@describe.register
def _(obj: int, verbose=False):
    return "int %d" % obj


@describe.register(float)
def _(obj, verbose=False):
    return "float %r" % obj


@describe.register
def _(obj: collections.abc.Sequence, verbose=False):
    return "sequence of %d" % len(obj)


@describe.register(collections.abc.Mapping)
def _(obj, verbose=False):
    return "mapping of %d" % len(obj)


def describe_list(obj, verbose=False):
    return "list " + ("verbose" if verbose else "short")


describe.register(list, describe_list)


class MyList(list):
    pass


class Seq:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        return i


collections.abc.Sequence.register(Seq)

for value in [1, True, 2.5, "abc", (1, 2), [1], MyList(), {}, {1: 2}, None, object(), Seq(), b"xy"]:
    print(repr(value)[:12], "->", describe(value))
print(describe([], verbose=True))
print(describe.__name__, describe.__doc__, describe.__wrapped__.__name__)
print(describe.dispatch(bool).__name__, describe.dispatch(MyList) is describe_list)
print(sorted(t.__name__ for t in describe.registry))
try:
    describe()
except TypeError as e:
    print("TypeError:", e)
try:
    describe.register(3)
except TypeError as e:
    print("TypeError:", e)
try:
    describe.register(int, 5)
except TypeError as e:
    print("TypeError:", e)


class Sized1(collections.abc.Sized):
    def __len__(self):
        return 1


@singledispatch
def amb(x):
    return "base"


amb.register(collections.abc.Container, lambda x: "container")
amb.register(collections.abc.Iterable, lambda x: "iterable")
amb.register(collections.abc.Sized, lambda x: "sized")
print(amb(Sized1()), amb(5))
try:
    amb(set())
except RuntimeError as e:
    # (which two ABCs the message names depends on CPython's _compose_mro ordering details)
    print("RuntimeError:", str(e).split(":")[0])


class Later:
    def __len__(self):
        return 0


@singledispatch
def late(x):
    return "plain"


late.register(collections.abc.Sized, lambda x: "sized")
print(late(5), late(Later()))


class Num:
    @singledispatchmethod
    def add(self, other):
        return "no idea"

    @add.register
    def _(self, other: int):
        return "int %d" % other

    @add.register(str)
    def _(self, other):
        return "str " + other

    @singledispatchmethod
    @classmethod
    def kind(cls, x):
        return "kind of " + cls.__name__

    @kind.register(int)
    @classmethod
    def _(cls, x):
        return "int kind of " + cls.__name__


n = Num()
print(n.add(3), n.add("x"), n.add(2.0), Num.kind(1), Num.kind(None), n.kind(5))


class Cell:
    def __init__(self):
        self.alive = False

    def set_state(self, state, note=""):
        self.alive = bool(state)
        return note

    set_alive = partialmethod(set_state, True)
    set_dead = partialmethod(set_state, False, note="gone")


c = Cell()
print(c.set_alive(), c.alive, c.set_dead(), c.alive, c.set_alive(note="again"))
print(functools.reduce(lambda a, b: a * b, range(1, 6)))

# importlib as a package (CPython's importlib.abc/resources/_bootstrap_external over ours), property subclasses,
# function __dict__, __debug__
import abc
import functools
import importlib
import importlib.abc
import importlib.machinery
import importlib.resources
import importlib.util
import typing

print(importlib.import_module("json").__name__, hasattr(importlib, "__path__"))
print(issubclass(importlib.machinery.SourceFileLoader, importlib.abc.Loader), importlib.abc.MetaPathFinder.__name__)
print(importlib.util.resolve_name(".x", "pkg"), importlib.machinery.SOURCE_SUFFIXES)
import importlib._bootstrap_external as ext
print(ext.path_sep, ext.MAGIC_NUMBER[2:], ext._path_join("a", "b"), ext._path_split("/x/y.py"))
print(__debug__, typing.Text is str)


class cached(property):
    pass


class Shape:
    def __init__(self):
        self._side = 2

    @cached
    def area(self):
        return self._side ** 2

    def _get(self):
        return self._side

    def _set(self, v):
        self._side = v

    side = cached(_get, _set)


s = Shape()
print(s.area, type(Shape.__dict__["area"]).__name__, isinstance(Shape.__dict__["area"], property))
s.side = 5
print(s.side, s.area, Shape.area is Shape.__dict__["area"])
try:
    s.area = 1
except AttributeError as e:
    print("AttributeError")
print(Shape.__dict__["side"].fget.__name__, Shape.__dict__["side"].fset.__name__, Shape.__dict__["side"].fdel)


class Base(abc.ABC):
    @abc.abstractproperty
    def name(self):
        ...


print(sorted(Base.__abstractmethods__))
try:
    Base()
except TypeError as e:
    print("TypeError:", e)


def plain():
    pass


plain.tag = "t"
plain.__dict__["other"] = 1
print(sorted(plain.__dict__), plain.other)


@functools.wraps(plain)
def wrapper():
    pass


print(wrapper.__name__, wrapper.__wrapped__ is plain)
del plain.__dict__["tag"]
print(hasattr(plain, "tag"), sorted(vars(plain)))

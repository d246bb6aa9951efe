# abc.ABCMeta over the native _abc: registration, caches and their invalidation, __subclasshook__,
# abstract methods, _abc_impl, get_cache_token, _dump_registry, and the collections.abc/numbers checks.
import abc
import collections.abc as cabc
import numbers
import io
import gc
from fractions import Fraction
from decimal import Decimal


class Base(abc.ABC):
    @abc.abstractmethod
    def run(self): ...

    @property
    @abc.abstractmethod
    def size(self): ...

    def helper(self):
        return "helper"


print(sorted(Base.__abstractmethods__), type(Base.__abstractmethods__).__name__)
try:
    Base()
except TypeError as e:
    print("TypeError:", e)


class Half(Base):
    def run(self):
        return "run"


print(sorted(Half.__abstractmethods__))


class Full(Half):
    size = 3


print(sorted(Full.__abstractmethods__), Full().run(), Full().size, Full().helper())
print(isinstance(Full(), Base), issubclass(Full, Half), issubclass(Half, Full))
print(type(Base._abc_impl).__name__, Base._abc_impl is not Half._abc_impl)


# Registration: virtual subclasses, transitivity, registration of a subclass of a registered class.
class Plain:
    pass


class PlainChild(Plain):
    pass


token = abc.get_cache_token()
print(isinstance(Plain(), Base), issubclass(PlainChild, Base))  # negative cache filled
r = Base.register(Plain)
print(r is Plain, abc.get_cache_token() == token + 1)
print(isinstance(Plain(), Base), issubclass(PlainChild, Base), isinstance(PlainChild(), Half))
print(Base.register(Full) is Full, abc.get_cache_token() == token + 1)  # already a subclass: no change
try:
    Plain.register  # a plain class has no register
except AttributeError as e:
    print("AttributeError:", e)
try:
    Base.register(3)
except TypeError as e:
    print("TypeError:", e)


class Other(abc.ABC):
    pass


Other.register(Base)
try:
    Base.register(Other)
except RuntimeError as e:
    print("RuntimeError:", e)
print(issubclass(Full, Other), issubclass(Plain, Other), Base.register(Base) is Base)

# The decorator form.
@Other.register
class Decorated:
    pass


print(Decorated.__name__, issubclass(Decorated, Other), issubclass(Decorated, Base))


# __subclasshook__: True, False and NotImplemented, cached either way.
class Sized2(abc.ABC):
    calls = 0

    @classmethod
    def __subclasshook__(cls, C):
        Sized2.calls += 1
        if cls is Sized2:
            if any("__len2__" in B.__dict__ for B in C.__mro__):
                return True
            if any("__nolen2__" in B.__dict__ for B in C.__mro__):
                return False
        return NotImplemented


class HasLen2:
    def __len2__(self):
        return 0


class NoLen2:
    __nolen2__ = True


print(isinstance(HasLen2(), Sized2), isinstance(HasLen2(), Sized2), Sized2.calls)
print(issubclass(NoLen2, Sized2), issubclass(NoLen2, Sized2), Sized2.calls)
Sized2.register(NoLen2)  # the hook still says no
print(issubclass(NoLen2, Sized2), issubclass(int, Sized2))


class BadHook(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 1


try:
    issubclass(int, BadHook)
except AssertionError as e:
    print("AssertionError:", e)
try:
    issubclass(3, Sized2)
except TypeError as e:
    print("TypeError:", e)


# Subclasses of the ABC count (step 6), through their own registries.
class Root(abc.ABC):
    pass


class Leaf(Root):
    pass


class Far:
    pass


Leaf.register(Far)
print(issubclass(Far, Root), isinstance(Far(), Leaf))

# _abc_registry_clear / _abc_caches_clear / _dump_registry.
Leaf._abc_registry_clear()
Leaf._abc_caches_clear()
Root._abc_caches_clear()
print(issubclass(Far, Leaf), issubclass(Far, Root))
Leaf.register(Far)
reg, cache, neg, version = abc._get_dump(Leaf)
print(sorted(r().__name__ for r in reg), type(version).__name__, version == abc.get_cache_token())


# __class__ answered by a proxy: both the reported class and the real type are tried.
class Proxy:
    @property
    def __class__(self):
        return Plain


print(isinstance(Proxy(), Base), Proxy().__class__.__name__)

# Dead classes leave the caches (no false positive for a class at a reused address).
def make():
    class Temp:
        pass
    Base.register(Temp)
    return isinstance(Temp(), Base)


print(all(make() for _ in range(50)))
gc.collect()


class Fresh:
    pass


print(isinstance(Fresh(), Base))

# collections.abc and numbers, the library's own registrations.
print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), isinstance((), cabc.MutableSequence))
print(isinstance(io.StringIO(), cabc.Iterator), issubclass(dict, cabc.MutableMapping), isinstance(range(3), cabc.Reversible))
print(isinstance(1, numbers.Rational), isinstance(1.5, numbers.Rational), isinstance(True, numbers.Integral))
print(isinstance(Fraction(1, 3), numbers.Rational), isinstance(Decimal(1), numbers.Number), isinstance(Decimal(1), numbers.Real))
print(issubclass(complex, numbers.Complex), issubclass(str, cabc.Hashable), issubclass(list, cabc.Hashable))
print("__abc_tpflags__" in cabc.Sequence.__dict__, "__abc_tpflags__" in cabc.Mapping.__dict__)
print(Fraction(1, 3) + 1, 2 - Fraction(1, 3), Fraction(1, 2) == 0.5, 1 < Fraction(3, 2))


class MyMap(cabc.Mapping):
    def __getitem__(self, k):
        return k

    def __len__(self):
        return 0

    def __iter__(self):
        return iter(())


print(isinstance(MyMap(), cabc.Mapping), isinstance(MyMap(), cabc.MutableMapping), sorted(cabc.Mapping.__abstractmethods__))
try:
    cabc.MutableMapping()
except TypeError as e:
    print("TypeError:", e)

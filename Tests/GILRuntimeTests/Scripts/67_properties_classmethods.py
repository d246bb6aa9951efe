# Decorators on classes: @property (getter/setter/deleter), @classmethod, @staticmethod, class decorators.
import functools


class Temperature:
    scale = "C"
    instances = 0

    def __init__(self, celsius):
        self._celsius = celsius
        Temperature.instances += 1

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value

    @celsius.deleter
    def celsius(self):
        self._celsius = None

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)

    @staticmethod
    def describe(value):
        return f"{value:.1f} degrees"

    @classmethod
    def count(cls):
        return cls.instances


t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 3
except AttributeError:
    print("AttributeError: read-only property")
del t.celsius
print(t.celsius)
f = Temperature.from_fahrenheit(212)
print(round(f.celsius, 6), type(f).__name__)
print(Temperature.describe(3.14159), t.describe(2))
print(Temperature.count(), t.count())


class Kelvin(Temperature):
    scale = "K"


k = Kelvin.from_fahrenheit(32)
print(type(k).__name__, k.celsius, k.scale, Kelvin.count())

registry = []


def register(cls):
    registry.append(cls.__name__)
    return cls


@register
class Plugin:
    pass


print(registry)


def repeat(times):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            return [fn(*args, **kwargs) for _ in range(times)]
        return wrapper
    return deco


@repeat(3)
def hello(name):
    return "hi " + name


print(hello("bo"), hello.__name__)


def trace(fn):
    calls = []

    def wrapper(*args):
        calls.append(args)
        return fn(*args)
    wrapper.calls = calls
    return wrapper


@trace
@trace
def add(a, b):
    return a + b


print(add(1, 2), add(3, 4), add.calls)
print(isinstance(Temperature.__dict__["celsius"], property))

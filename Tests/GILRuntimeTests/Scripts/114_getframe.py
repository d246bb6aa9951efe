# sys._getframe over the running frames (f_code, f_lineno, f_globals, f_back), and what CPython's Lib builds
# on it: caller lookups, enum's functional API taking its module name from the caller's globals.
import sys
import enum


def where(depth=0):
    f = sys._getframe(depth + 1)
    return f.f_code.co_name, f.f_lineno, f.f_globals["__name__"]


def outer():
    return inner()


def walk(f):
    chain = []
    while f is not None:
        chain.append((f.f_code.co_name, f.f_lineno))
        f = f.f_back
    return chain


def inner():
    chain = walk(sys._getframe())
    return chain, where(), where(1)


print(outer())
print(sys._getframe().f_code.co_name, sys._getframe(0).f_lineno, type(sys._getframe()).__name__)
try:
    sys._getframe(1000)
except ValueError as e:
    print("ValueError:", e)
try:
    sys._getframe("x")
except TypeError as e:
    print("TypeError:", e)


Animal = enum.Enum("Animal", "ANT BEE")
print(Animal.__module__, list(Animal), Animal.BEE.value)
print(type(Animal).__name__, Animal.__class__ is type(Animal), int.__class__, enum.Enum.__class__)

# Review mends: hypot/dist with an infinity beside a NaN, hypot keywords, int subclasses' own __float__ in math,
# prop.getter(None), PEP 479 through throw() and @contextmanager, unbuffered binary reads take no read-ahead.
import math
import os
import tempfile
from contextlib import contextmanager

print(math.hypot(float("nan"), float("inf")), math.hypot(float("inf"), float("nan")))
print(math.dist((float("nan"), 0.0), (0.0, float("inf"))), math.hypot(float("nan"), 1.0))
try:
    print(math.hypot(x=3))
except TypeError as e:
    print("TypeError", e)


class MyInt(int):
    def __float__(self):
        return 9.0


print(math.sqrt(MyInt(4)), math.hypot(MyInt(4)), math.isfinite(MyInt(4)))

p = property(lambda self: 1)
print(p.getter(None).fget is p.fget, p.setter(None).fset, p.deleter(None).fdel)


class A:
    x = p.getter(None)


print(A().x)


def g():
    yield 1


x = g()
next(x)
for make in (lambda: x.throw(StopIteration("a")), lambda: g().throw(StopIteration)):
    try:
        make()
    except BaseException as e:
        print(type(e).__name__, e, repr(e.__cause__))
try:
    x.throw(StopIteration("after"))
except BaseException as e:
    print("finished:", type(e).__name__, e)


@contextmanager
def cm():
    try:
        yield
    finally:
        print("cleanup")


try:
    with cm():
        raise StopIteration("x")
except BaseException as e:
    print(type(e).__name__, e)


def gen():
    with cm():
        yield 1
        raise StopIteration("inner")


try:
    print(list(gen()))
except BaseException as e:
    print(type(e).__name__, e, repr(e.__cause__))

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "data.bin")
    with open(path, "wb") as f:
        f.write(b"ab" + b"." * 9000)
    with open(path, "rb", buffering=0) as f:
        print(f.read(2), os.lseek(f.fileno(), 0, os.SEEK_CUR), f.read(3), f.tell())
    with open(path, "rb") as f:
        print(f.read(2), f.tell(), f.read(3), f.tell())

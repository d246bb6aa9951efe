# AttributeError from attribute lookup: message, args, name, obj, made lazily but read exactly;
# AttributeError(name=..., obj=...); hasattr/getattr defaults; __getattr__ fallbacks.
import copy
import pickle
import sys


class A:
    __slots__ = ("x", "y")


class B:
    pass


a, b = A(), B()
for target, attr in ((a, "x"), (b, "missing"), (B, "nope"), (sys, "nothing"), (3, "real_"), ("s", "up"), (None, "z")):
    try:
        getattr(target, attr)
    except AttributeError as e:
        print(repr(e), e.args, str(e), e.name, e.obj is target, type(e.obj).__name__)
try:
    b.q
except AttributeError as e:
    e.args = ("replaced",)
    print(e, e.args, e.name)
try:
    b.q
except AttributeError as e:
    e.extra = 1
    print(e.__dict__, vars(e), e.name, str(e))
    print(repr(copy.copy(e)), pickle.loads(pickle.dumps(e)).args)
    print(e.__reduce__()[1])
try:
    b.r
except AttributeError as e:
    print(e.__reduce__()[:2], e.name)
try:
    b.s
except AttributeError as e:
    e.name = "changed"
    print(e.name, e, e.__dict__)
try:
    try:
        b.inner
    except AttributeError:
        raise KeyError("outer")
except KeyError as k:
    print(repr(k.__context__), k.__context__.name)

e = AttributeError("m", name="n", obj=3)
print(e.name, e.obj, e.args, str(e), repr(e))
e = AttributeError()
print(e.name, e.obj, e.args, repr(e))
e = AttributeError("only", "two")
print(e.name, e.args, str(e))
try:
    AttributeError("m", bogus=1)
except TypeError as t:
    print("TypeError:", t)


class MyAttrError(AttributeError):
    pass


m = MyAttrError("mine", name="k")
print(m.name, m.obj, m.args, repr(m))
try:
    raise MyAttrError
except AttributeError as e:
    print(repr(e), e.name)
for i in range(3):
    try:
        raise AttributeError("loop %d" % i)
    except AttributeError as e:
        print(e, e.name, e.obj)

print(hasattr(b, "nope"), getattr(b, "nope", "dflt"), hasattr(a, "x"), getattr(B, "zz", None))


class WithGetattr:
    def __getattr__(self, name):
        if name.startswith("ok"):
            return name.upper()
        raise AttributeError(f"custom {name}")


w = WithGetattr()
print(w.ok_1, hasattr(w, "bad"), getattr(w, "bad", 5))
try:
    w.bad
except AttributeError as e:
    print(e, e.args, e.name)


class Lazy:
    def __str__(self):
        try:
            return self._str
        except AttributeError:
            self._str = "computed"
            return self._str


print([str(Lazy()) for _ in range(3)])


def f():
    return b.deep


try:
    f()
except AttributeError as e:
    tb = e.__traceback__
    n = 0
    while tb:
        n += 1
        tb = tb.tb_next
    print("frames", n, e)
b.missing_at_exit

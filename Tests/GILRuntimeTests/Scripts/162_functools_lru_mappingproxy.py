# functools.lru_cache as CPython's (least-recently-used eviction, typed, keyword order in keys, cache_info as a
# named tuple, cache_parameters, cache_clear), partial (flattening, repr, keywords), update_wrapper/wraps
# (WRAPPER_ASSIGNMENTS/UPDATES), function.__get__, and types.MappingProxyType (a live read-only view).
import functools
import types

print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)

calls = []


@functools.lru_cache(maxsize=2)
def square(x):
    calls.append(x)
    return x * x


for i in [1, 2, 1, 3, 1, 2, 2, 3]:
    square(i)
info = square.cache_info()
print(calls, info, square.cache_parameters())
print(info.hits, info.misses, info.maxsize, info.currsize, tuple(info), info == (4, 4, 2, 2), isinstance(info, tuple))
square.cache_clear()
print(square.cache_info())


@functools.lru_cache(maxsize=None, typed=True)
def ident(x, **kw):
    calls.append((x, sorted(kw.items())))
    return x


calls.clear()
ident(1)
ident(1.0)
ident(1)
ident(2, a=1, b=2)
ident(2, b=2, a=1)
ident(2, a=1, b=2)
print(calls, ident.cache_info(), ident.cache_parameters())


@functools.lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60), fib.cache_info())


@functools.lru_cache(maxsize=0)
def nocache(x):
    return x


nocache(1)
nocache(1)
print(nocache.cache_info())
try:
    functools.lru_cache("x")
except TypeError as e:
    print("TypeError:", e)


def add(a, b, c=0, *, scale=1):
    """Adds."""
    return (a + b + c) * scale


p = functools.partial(functools.partial(add, 1, scale=2), 2)
print(p.func is add, p.args, p.keywords, p(3), p(c=4, scale=10))
print(repr(functools.partial(max, 1, key=None)))


class MyPartial(functools.partial):
    pass


print(repr(MyPartial(max, 2)))


def decorator(f):
    @functools.wraps(f)
    def inner(*args, **kwargs):
        return f(*args, **kwargs)
    return inner


add.tag = "t"
wrapped = decorator(add)
print(wrapped.__name__, wrapped.__doc__, wrapped.__wrapped__ is add, wrapped.tag, wrapped(1, 2))


class C:
    def method(self, x):
        return ("method", x)


bound = C.method.__get__(C(), C)
print(bound(5), C.method.__get__(None, C) is C.method)
try:
    C.method.__get__(None, None)
except TypeError as e:
    print("TypeError:", e)

d = {"a": 1}
mp = types.MappingProxyType(d)
d["b"] = 2
print(type(mp).__name__, mp, len(mp), mp["b"], "a" in mp, list(mp), mp.get("c", 0), sorted(mp.items()))
print(mp == {"a": 1, "b": 2}, mp | {"c": 3}, {"z": 0} | mp, mp.copy() is not d, mp.copy() == d)
try:
    mp["c"] = 3
except TypeError as e:
    print("TypeError:", e)
try:
    types.MappingProxyType([1])
except TypeError as e:
    print("TypeError:", e)
print(type(C.__dict__) is types.MappingProxyType, "method" in C.__dict__, C.__dict__["method"] is C.method)

# Generators consumed whole by builtins (list, tuple, set, sorted, str.join, any, all, sum) give the same
# values, side effects in the same order, and the same errors as when the consumer resumes them one value at
# a time: the values interleave with the consumer's own work (an instance's __hash__), an unhashable value or a
# failing element stops the generator where CPython stops it, and a generator cannot collect itself.
import sys


def trace_gen(n):
    for i in range(n):
        print("  yield", i)
        yield i
    print("  done")


print("list", list(trace_gen(3)))
print("tuple", tuple(x * 2 for x in trace_gen(2)))
print("sorted", sorted(-x for x in trace_gen(3)))
print("join", "-".join(str(x) for x in trace_gen(3)))
print("set", sorted(set(trace_gen(3))))
print("empty", list(x for x in ()), tuple(x for x in []), set(x for x in ""))


class Loud:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        print("  hash", self.n)
        return self.n

    def __eq__(self, other):
        return isinstance(other, Loud) and self.n == other.n

    def __repr__(self):
        return "Loud(%d)" % self.n


def mixed():
    for i in range(3):
        print("  yield", i)
        yield i
        print("  yield Loud", i)
        yield Loud(i)


s = set(mixed())
print("mixed set", len(s), sorted(s, key=repr))

# An unhashable value: the TypeError comes after exactly the values before it.
try:
    set(print("  make", i) or ([] if i == 2 else i) for i in range(5))
except TypeError as e:
    print("set error:", e)

# Keys that are equal across types collapse as in CPython.
print("keys", sorted(set(x for x in [1, 1.0, True, "a", b"a", (1, 2), (1, 2), 2.5, "a"]), key=repr))

# An exception in the generator propagates from the consumer, after the values before it.
try:
    list(print("  item", i) or 10 // (2 - i) for i in range(4))
except ZeroDivisionError as e:
    print("list error:", e)


# `yield` evaluates to None when a consumer takes every value.
def echo():
    got = yield "a"
    print("  got", got)
    got = yield "b"
    print("  got", got)


print("echo", list(echo()))


# A value yielded while an exception is being handled: the handler's exception is still current after it.
def handler():
    try:
        raise KeyError("k")
    except KeyError:
        yield 1
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]


print("handler", list(handler()))


# A generator that collects itself is already executing.
def selfish():
    yield 1
    yield list(me)


me = selfish()
try:
    list(me)
except ValueError as e:
    print("self:", e)
print("after self", list(me))


# Nested consumers and delegation.
def inner(k):
    yield from range(k)
    return k


def outer():
    r = yield from inner(3)
    yield r
    yield [tuple(y * x for y in range(x)) for x in range(3)]


print("outer", list(outer()))
print("nested", [sorted(set(i % 3 for i in range(j))) for j in range(5)])

# Long generators: values past 65,536 arrive in order.
big = list(i for i in range(70000))
print("big", len(big), big[65534:65538], big[-1], big == list(range(70000)))
print("big set", len(set(i % 70001 for i in range(70005))))
print("big tuple", sum(tuple(x for x in range(66000))))

# A partly consumed generator: the rest.
g = (c for c in "abcdef")
print(next(g), next(g), list(g), list(g))
g = (i for i in range(4))
next(g)
print("set rest", sorted(set(g)))

# any / all / sum stop where CPython stops.
def noisy(values):
    for v in values:
        print("  check", v)
        yield v


print("any", any(noisy([0, "", None, 3, 4])))
print("all", all(noisy([1, "x", 0, 5])))
print("sum", sum(noisy([1, 2, 3])), sum(x for x in [0.5, 1, 2]), sum((x for x in [1, 2]), 10))
print("sum big", sum(x for x in [2**62, 2**62, 2**62]), sum(x for x in [1, 2.5, 3]))
try:
    sum(x for x in [1, "a", 2])
except TypeError as e:
    print("sum error:", e)

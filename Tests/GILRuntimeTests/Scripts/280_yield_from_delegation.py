# `yield from` and `await` chains resumed straight in the innermost generator: values, sent values,
# return values, exceptions with their tracebacks, throw()/close(), re-entry, handlers around the
# delegation, exception context inside except blocks, StopIteration in a body (PEP 479), __iter__ generators.
import sys
import traceback


def inner(n):
    for i in range(n):
        yield i
    return "done%d" % n


def mid(n):
    r = yield from inner(n)
    yield r
    r2 = yield from inner(2)
    yield r2
    return r + r2


def outer():
    x = yield from mid(3)
    yield "x=%s" % x


print(list(outer()))
print(" ".join(str(v) for v in outer()))
print(sum(v for v in outer() if isinstance(v, int)))


# An exception from the innermost generator passes every level, each in the traceback.
def bad():
    yield 1
    yield 2
    raise ValueError("boom")


def lvl1():
    yield from bad()


def lvl2():
    yield from lvl1()


try:
    for v in lvl2():
        print("got", v)
except ValueError as e:
    print("caught", e)
    tb = traceback.extract_tb(e.__traceback__)
    print([(f.name, f.line) for f in tb])
g = lvl2()
print(next(g), next(g))
try:
    next(g)
except ValueError as e:
    print("again", e)
print(list(g))


# A frame resumed while its delegate runs is running.
def reentrant():
    yield 1
    yield next(gg)


def reentrant_outer():
    yield from reentrant()


gg = reentrant_outer()
print(next(gg))
try:
    next(gg)
except ValueError as e:
    print("ValueError:", e)


# A handler around the delegation sees the delegate's exception.
def catching():
    try:
        yield from bad()
    except ValueError as e:
        yield "handled " + str(e)
    finally:
        print("finally ran")


print(list(catching()))


# Sent values reach the innermost frame; close() and throw() too.
def doubler():
    x = yield "ready"
    try:
        while True:
            x = yield x * 2
    finally:
        print("doubler closed")


def deleg():
    yield from doubler()


def deleg2():
    yield from deleg()


d = deleg2()
print(next(d), d.send(5), d.send(7), d.send(0))
d.close()
print("closed")


def thrower():
    try:
        yield 1
        yield 2
    except KeyError:
        yield "got key"
    yield "after"


def dt():
    r = yield from thrower()
    yield "dt end"


t = dt()
print(next(t), next(t), t.throw(KeyError), next(t), next(t))
t2 = dt()
print(next(t2))
try:
    t2.throw(IndexError("idx"))
except IndexError as e:
    print("IndexError", e)


# The exception being handled around a delegation is the delegate's exception context.
def ctx_inner():
    yield 1
    try:
        yield 2
        raise KeyError("k")
    except KeyError as e:
        yield "context %r" % (e.__context__,)


def ctx_outer():
    try:
        raise TypeError("outer")
    except TypeError:
        yield from ctx_inner()
        yield "exc_info %r" % (sys.exc_info()[1],)


print(list(ctx_outer()))


# PEP 479: StopIteration raised in a generator body is a RuntimeError, at every level.
def stopper():
    yield 1
    raise StopIteration


def ds():
    yield from stopper()


try:
    print(list(ds()))
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)


def direct_stop():
    yield 1
    next(iter([]))


try:
    print(list(direct_stop()))
except RuntimeError as e:
    print("RuntimeError:", e)


# __iter__ written as a generator, delegated to recursively (bm_generators' tree walk).
class Tree:
    def __init__(self, left, value, right):
        self.left = left
        self.value = value
        self.right = right

    def __iter__(self):
        if self.left:
            yield from self.left
        yield self.value
        if self.right:
            yield from self.right


def tree(r):
    if not r:
        return None
    i = len(r) // 2
    return Tree(tree(r[:i]), r[i], tree(r[i + 1:]))


t = tree(range(50))
print(list(t) == list(range(50)), sum(t), max(t))
it = iter(t)
print(next(it), next(it), type(it).__name__)
for x in it:
    if x == 20:
        break
print(next(it))
it.close()
print(list(it))


class Deep:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        if self.n:
            yield from Deep(self.n - 1)
        yield self.n
        if self.n == 3:
            raise LookupError("at three")


try:
    for v in Deep(5):
        print(v, end=" ")
except LookupError as e:
    print()
    print("LookupError", e, len(traceback.extract_tb(e.__traceback__)))


# Delegation to a non-generator iterator, and a generator delegating to a list.
def over_list():
    r = yield from [1, 2, 3]
    yield r


print(list(over_list()))


# await chains.
class Yielder:
    def __await__(self):
        v = yield "tick"
        return v


async def leaf(n):
    total = 0
    for i in range(n):
        total += await Yielder()
    return total


async def middle(n):
    return await leaf(n) * 10


async def top():
    a = await middle(3)
    b = await middle(2)
    return a + b


c = top()
out = []
try:
    v = c.send(None)
    k = 1
    while True:
        out.append(v)
        v = c.send(k)
        k += 1
except StopIteration as e:
    print(out, e.value)


async def failing():
    await Yielder()
    raise OSError("io")


async def await_failing():
    await failing()


c = await_failing()
print(c.send(None))
try:
    c.send(None)
except OSError as e:
    print("OSError", e, [f.name for f in traceback.extract_tb(e.__traceback__)])
c = top()
print(c.send(None))
try:
    c.throw(ZeroDivisionError("zd"))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)

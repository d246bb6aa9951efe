# Generator expressions are made without a function object: closures over the enclosing scope (late
# binding, a lambda inside reading an enclosing cell, cells of their own: a lambda capturing the loop variable), the first iterable evaluated at once and
# the others lazily, their qualified names, send/throw/close, and generator expressions inside classes,
# generators and other generator expressions.


def outer():
    base = 10
    g = (base + x for x in range(3))
    base = 100  # late binding: the generator reads the cell when it runs
    return list(g)


print("late", outer())


def cells():
    y = 0
    fs = list(lambda: y + i for i in range(3))  # a cell of the enclosing function, captured through the genexpr
    y = 5
    return [f() for f in fs]


print("enclosing cells", cells())


def own_cells():
    fs = list(lambda: x for x in range(3))  # x is a cell of the generator expression itself
    gs = list((lambda: (a, b)) for a in range(2) for b in "xy" if b != a)
    return [f() for f in fs], [g() for g in gs]


print("own cells", own_cells())


def nested(n):
    k = 2
    return [tuple(i * k + j for j in range(i)) for i in range(n)], list(sum(a * k for a in range(b)) for b in range(n))


print("nested", nested(4))


def two_levels():
    m = 3
    return list((x, y) for x in range(m) for y in range(x, m) if (x + y) % m)


print("two levels", two_levels())

# The first iterable is evaluated (and iter() called) where the expression is; the rest when it runs.
try:
    (x for x in 5)
except TypeError as e:
    print("first:", e)
g = (x for x in [1] for y in 5)
print("second not yet")
try:
    next(g)
except TypeError as e:
    print("second:", e)

calls = []


def source(tag, n):
    calls.append(tag)
    return range(n)


g = (a + b for a in source("first", 2) for b in source("inner", 2))
print("made", calls)
print(list(g), calls)


def named():
    return (c for c in "ab")


print(repr(named()).split(" at ")[0])
print(repr((c for c in "ab")).split(" at ")[0])


class Holder:
    scale = 3
    values = list(v * 2 for v in range(3))  # class scope: only the first iterable sees class names
    total = sum(x for x in values)


print("class", Holder.values, Holder.total)


def gen_of_gens():
    for i in range(3):
        yield (i * j for j in range(3))


print("gens", [list(g) for g in gen_of_gens()])

g = (x * x for x in range(5))
print(next(g), g.send(None), next(g))
g.close()
print("closed", list(g))
g = (x for x in range(5))
next(g)
try:
    g.throw(KeyError("boom"))
except KeyError as e:
    print("thrown", e)
print("after throw", list(g))

# Free variables from several scopes, one of them a global.
LIMIT = 4


def scopes():
    step = 2

    def inner(offset):
        return list(i * step + offset for i in range(LIMIT) if i != offset)

    return inner(1)


print("scopes", scopes())

# A generator expression that raises part way keeps the values before it in the consumer's hands.
out = []
try:
    for v in (10 // d for d in [5, 2, 0, 1]):
        out.append(v)
except ZeroDivisionError:
    print("partial", out)

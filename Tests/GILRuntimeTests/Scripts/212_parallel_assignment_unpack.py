# Parallel assignment (a, b = b, a), unpacking into consecutive locals, generator expressions consumed by
# tuple/list/set, closure cells, int negation: evaluation order, errors and what is left assigned.

log = []


def f(x):
    log.append(x)
    return x


class Rec:
    def __setattr__(self, name, value):
        log.append(("set", name, value))
        object.__setattr__(self, name, value)


class Seq:
    def __init__(self, items):
        self.items = list(items)

    def __getitem__(self, i):
        log.append(("get", i))
        return self.items[i]

    def __setitem__(self, i, v):
        log.append(("put", i, v))
        self.items[i] = v


def swaps():
    a, b = 1, 2
    a, b = b, a
    print("swap", a, b)
    a, b, c = b, c_init(), a
    print("rotate", a, b, c)
    x = [10, 20, 30, 40]
    i, j = 1, 2
    x[i], x[-j] = x[-j], x[i]
    print("list swap", x)
    x[i], x[j] = x[j], x[i]
    print("list swap 2", x)
    a, b = [b, a]
    print("list display", a, b)
    [a, b] = (a * 2, b + 1)
    print("list target", a, b)
    log.clear()
    r = Rec()
    r.p, r.q = f("first"), f("second")
    print("order", log)
    log.clear()
    s = Seq([1, 2, 3])
    s[0], s[2] = s[2], s[0]
    print("items order", log, s.items)
    try:
        a, b = 1, 2, 3
    except ValueError as e:
        print("ValueError", e)
    try:
        a, b = (1,)
    except ValueError as e:
        print("ValueError", e)
    print("unchanged", a, b)
    a, *rest = 1, 2, 3
    print("starred", a, rest)


def c_init():
    return "c"


def unpacking():
    a, b, c = 1, 2, 3
    t = (4, 5, 6)
    a, b, c = t
    print("tuple", a, b, c)
    a, b, c = [7, 8, 9]
    print("list", a, b, c)
    try:
        a, b, c = [1, 2, 3, 4]
    except ValueError as e:
        print("ValueError", e, a, b, c)
    try:
        a, b, c = (v for v in [1, 2])
    except ValueError as e:
        print("ValueError", e, a, b, c)
    a, b, c = (v * 2 for v in range(3))
    print("generator", a, b, c)
    a, b, c = "xyz"
    print("str", a, b, c)
    t, u = (1, (2, 3))
    print("source among targets", t, u)
    t = (5, 6)
    t, u = t
    print("source rebound", t, u)
    total = 0
    for p, q in [(1, 2), (3, 4), (5, 6)]:
        total += p * q
    print("for pairs", total, p, q)
    d = {"k%d" % k: k for k in range(4)}
    print("items", sorted((v, k) for k, v in d.items()))
    for bad in (5, None, 2.5):
        try:
            m, n = bad
        except TypeError as e:
            print("TypeError", e)
        try:
            m, *n = bad
        except TypeError as e:
            print("TypeError", e)

    class BadIter:
        def __iter__(self):
            raise TypeError("own message")

    try:
        m, n = BadIter()
    except TypeError as e:
        print("TypeError", e)


def generators():
    pool = (3, 1, 4, 1, 5, 9, 2, 6)
    idx = [7, 6, 5, 4, 3, 2, 1, 0]
    print(tuple(pool[i] for i in idx))
    print(list(pool[i] * 2 for i in idx[:3]))
    print(sorted(set(pool[i] + i for i in range(8))))
    print(len(set(v - i for i, v in enumerate(pool))))
    g = (x for x in range(5))
    next(g)
    print("rest", tuple(g), tuple(g))
    try:
        tuple(1 // (x - 2) for x in range(5))
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    try:
        set([1] for _ in range(2))
    except TypeError as e:
        print("TypeError", e)

    async def coro():
        return 1

    c = coro()
    for make in (tuple, list, set):
        try:
            make(c)
        except TypeError as e:
            print("TypeError", e)
    c.close()
    print(tuple(x for x in ()), set(x for x in ()), list(x for x in []))
    big = tuple(x for x in range(100000))
    print(len(big), big[-1])


def cells():
    counter = 0

    def bump(n):
        nonlocal counter
        counter += n
        return counter

    fs = [lambda k=k: k * counter for k in range(3)]
    bump(2)
    bump(3)
    print("cells", counter, [fn() for fn in fs])


def negation():
    small = -9223372036854775807 - 1
    print(-small, -(-small), -0, -5, -(-5))
    j = 3
    xs = list(range(10))
    print(xs[-j], xs[-1], -j)


swaps()
unpacking()
generators()
cells()
negation()

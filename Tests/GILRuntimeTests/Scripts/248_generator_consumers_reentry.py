# Builtins that consume a whole generator (list, set, any, all, sum) while Python code they run reaches the same
# generator: every value goes where CPython sends it. Nested generator expressions that start at the same place
# keep their own scopes. math.floor/ceil fall back to __index__.
import math


def gen():
    yield 1
    yield 2
    try:
        set(g)
    except ValueError as e:
        print("inner:", e)
    yield 3


g = gen()
print(list(g))


class B:
    def __bool__(self):
        print("rest:", list(g2))
        return False


def gen_b():
    yield B()
    yield 0
    yield 1
    yield ""


g2 = gen_b()
print(any(g2))


class T:
    def __bool__(self):
        print("next:", next(g3, "end"))
        return True


def gen_t():
    yield T()
    yield 5
    yield 0
    yield 6


g3 = gen_t()
print(all(g3))


class H:
    def __hash__(self):
        print("next:", next(h, "end"))
        return 1


def gen_h():
    yield H()
    yield 7
    yield 8


h = gen_h()
print(len(set(h)))


class S:
    def __hash__(self):
        print("sum:", sum(h2))
        return 2


def gen_s():
    yield S()
    yield 1
    yield 2


h2 = gen_s()
print(len(set(h2)))

x = "global"


def f(xs):
    gens = list((lambda: y for y in x) for x in xs)
    return [list(g)[0]() for g in gens]


print(f([[1, 2], [3]]), x)
xs = [[1, 2], [3]]
print([list(g)[0]() for g in list((lambda: (x, y) for y in x) for x in xs)])
print(list(list(a * b for a in range(b)) for b in range(4)))
print(sum(sum(v for v in w) for w in ((1, 2), (3, 4))), tuple(tuple(c for c in s) for s in ("ab", "c")))


class I:
    def __index__(self):
        return 3


print(math.floor(I()), math.ceil(I()))
try:
    math.trunc(I())
except TypeError as e:
    print(e)

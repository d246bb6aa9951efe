# Slices compiled without a slice object: lists, tuples, strs, bytes, ranges, user classes; bounds of every
# kind (None, negative, huge, bool, __index__), steps, assignment and its errors, evaluation order.

log = []


def f(x):
    log.append(x)
    return x


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        log.append(("index", self.v))
        return self.v


class Show:
    def __getitem__(self, key):
        return ("get", type(key).__name__, key.start, key.stop, key.step)

    def __setitem__(self, key, value):
        print("set", key.start, key.stop, key.step, value)


class MyList(list):
    def __getitem__(self, key):
        return ("MyList", list.__getitem__(self, key))


def reads():
    xs = list(range(10))
    t = tuple(xs)
    for lo in (None, 0, 3, -3, 20, -20):
        for hi in (None, 5, -1, 100, -100):
            for st in (None, 1, 2, -1, -3):
                a = xs[lo:hi:st]
                b = t[lo:hi:st]
                assert list(b) == a
    print(xs[2:7], xs[::-1], xs[7:2:-2], xs[-3:], xs[:-7], t[1:4], t[::3])
    print(t[:] is t, t[0:] is t, t[::1] is t, t[0:10] is t, t[0:9] is t, xs[:] is xs, xs[:] == xs)
    print(xs[True:], xs[False:True], xs[2 ** 80:], xs[-2 ** 80:2], xs[:2 ** 70:3])
    log.clear()
    print(xs[Idx(1):Idx(6):Idx(2)], log)
    log.clear()
    print(xs[f(1):f(8):f(3)], log)
    try:
        xs[::0]
    except ValueError as e:
        print("ValueError", e)
    try:
        t[1:"x"]
    except TypeError as e:
        print("TypeError", e)
    try:
        xs[1.5:]
    except TypeError as e:
        print("TypeError", e)
    s = "héllo wörld"
    print(s[1:5], s[::-2], b"bytes!"[1:4], bytearray(b"abcdef")[::2], range(20)[3:15:4])
    print(Show()[1:2], Show()[::], Show()[f(3):"z"])
    print(MyList([1, 2, 3])[1:])
    for op in (lambda: {}[1:2], lambda: {1: 2}.get(slice(1)), lambda: hash(slice(1)), lambda: {slice(2)}):
        try:
            op()
        except TypeError as e:
            print("TypeError", e)
    five = 5
    try:
        five[1:2]
    except TypeError as e:
        print("TypeError", e)
    empty = []
    print(empty[:], empty[5:1], ()[::-1])


def writes():
    xs = list(range(8))
    xs[2:5] = ["a", "b"]
    print(xs)
    xs[:0] = (9, 9)
    print(xs)
    xs[len(xs):] = range(2)
    print(xs)
    xs[::2] = "ABCDEF"
    print(xs)
    try:
        xs[::2] = [1, 2]
    except ValueError as e:
        print("ValueError", e)
    for bad in (5, None):
        for op in (lambda: xs.__setitem__(slice(1, 2), bad), lambda: xs.__setitem__(slice(None, None, 2), bad)):
            try:
                op()
            except TypeError as e:
                print("TypeError", e)
    try:
        xs[1:2] = 5
    except TypeError as e:
        print("TypeError", e)
    try:
        xs[::3] = None
    except TypeError as e:
        print("TypeError", e)
    ys = [1, 2, 3]
    ys[:] = ys
    print(ys)
    ys[1:] = ys
    print(ys)
    ys[:2] = (v * 10 for v in range(3))
    print(ys)
    perm = [3, 1, 2, 0, 4]
    k = perm[0]
    while k:
        perm[:k + 1] = perm[k::-1]
        k = perm[0]
    print(perm)
    ys[1:3] += ["x"]
    print(ys)
    del ys[::2]
    print(ys)
    Show()[1:f(2)] = "v"
    t = (1, 2)
    try:
        t[0:1] = [5]
    except TypeError as e:
        print("TypeError", e)
    log.clear()
    zs = [0] * 6
    zs[Idx(1):Idx(4)] = [7]
    print(zs, log)


reads()
writes()

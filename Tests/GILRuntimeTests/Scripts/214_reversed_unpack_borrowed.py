# reversed() of ranges, lists and tuples without a copy (CPython's reverse iterators: a list read by a falling
# index, a range counting down), iterating generator expressions, unpacking a borrowed tuple/list source.


def ranges():
    cases = [range(5), range(0), range(1, 10, 3), range(10, 0, -3), range(-5, 5, 2), range(5, 5), range(7, 3),
             range(-9223372036854775807 - 1, -9223372036854775807 + 2), range(9223372036854775806, 9223372036854775807),
             range(0, 9223372036854775807, 4611686018427387904), range(3, -9223372036854775807, -4611686018427387904)]
    for r in cases:
        print(r, list(reversed(r)) == list(r)[::-1], list(reversed(r))[:4])
    it = reversed(range(3))
    print(next(it), list(it), list(it))
    total = 0
    for i in reversed(range(100)):
        total = total * 3 % 1000003 + i
    print("fold", total)
    big = range(2 ** 70, 2 ** 70 + 3)
    print(list(reversed(big)))


def lists():
    xs = [1, 2, 3, 4]
    it = reversed(xs)
    print(next(it), next(it))
    xs.append(5)            # not seen: the index only goes down
    print(list(it))
    ys = [1, 2, 3, 4, 5]
    it = reversed(ys)
    print(next(it))
    del ys[1:]              # shrank below the index: the iteration ends
    print(list(it), list(it))
    zs = [1, 2, 3]
    it = reversed(zs)
    zs[1] = "changed"       # read at each step
    print(list(it))
    print(list(reversed([])), list(reversed(())), list(reversed((1, "a", None))), tuple(reversed("abc")))
    print(list(reversed({"a": 1, "b": 2})), list(reversed(b"xyz")))
    for bad in ({1, 2}, (x for x in [1]), 5):
        try:
            reversed(bad)
        except TypeError as e:
            print("TypeError", e)

    class R:
        def __reversed__(self):
            return iter("own")

    class Seq:
        def __len__(self):
            return 3

        def __getitem__(self, i):
            return i * 10

    print(list(reversed(R())), list(reversed(Seq())))


def generators():
    total = 0
    for v in (x * x for x in range(10)):
        total += v
    print("sum", total)
    seen = []
    for a, b in ((k, k + 1) for k in range(3)):
        seen.append(a * b)
    print(seen)

    async def c():
        pass

    co = c()
    try:
        for _ in co:
            pass
    except TypeError as e:
        print("TypeError", e)
    co.close()


def unpacking():
    t = (1, "two", [3])
    a, b, c = t
    print(a, b, c, t)
    lst = [4, 5, 6]
    a, b, c = lst
    print(a, b, c, lst)
    t = (7, 8)
    t, u = t
    print(t, u)
    v = [9, 10]
    w, v = v
    print(w, v)
    pairs = [(i, str(i)) for i in range(3)]
    out = []
    for n, s in pairs:
        out.append(s * n)
    print(out)
    try:
        a, b = [1, 2, 3]
    except ValueError as e:
        print("ValueError", e)
    try:
        a, b, c = (1, 2)
    except ValueError as e:
        print("ValueError", e)
    d = {"k": 1}
    (k, v), = d.items()
    print(k, v)


ranges()
lists()
generators()
unpacking()

# `for k, v in d.items()` (the item unpacked straight into the targets) and keyword calls of builtins
# and builtin methods (bound straight to the body).
import io
from collections import OrderedDict, defaultdict

d = {"a": 1, "b": 2, "c": 3}
for k, v in d.items():
    print(k, v)
del d["b"]
d["d"] = 4
for k, v in d.items():
    print("after delete", k, v)
print([(k, v) for k, v in d.items()], {v: k for k, v in d.items()})
print(list((v, k) for k, v in d.items()))
for t in d.items():
    a, b = t
    print("kept", t, a, b)
for k, (x, y) in {"p": (1, 2), "q": (3, 4)}.items():
    print(k, x, y)
for (k, v) in OrderedDict(z=26, y=25).items():
    print(k, v)
dd = defaultdict(list, m=[1])
for k, v in dd.items():
    print(k, v)


class Sub(dict):
    pass


for k, v in Sub(one=1, two=2).items():
    print("sub", k, v)
for k, v in {}.items():
    print("never")
for k, v in {1: 2}.items():
    pass
else:
    print("else", k, v)


def gen(m):
    for k, v in m.items():
        yield k * 2, v


print(list(gen({"x": 1, "y": 2})))
k, v = 0, 0
for k, v in {"late": 9}.items():
    pass
print(k, v)
try:
    m = {1: 1, 2: 2}
    for k, v in m.items():
        m[k + 10] = v
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    for k, v in {"ab": 1, "cd": 2}.keys():
        print(k, v)
except ValueError as e:
    print("ValueError:", e)
try:
    for k, v in {1: 2}.items():
        raise KeyError(k)
except KeyError as e:
    print("KeyError", e.args)
nested = {i: {j: i * j for j in range(3)} for i in range(3)}
total = 0
for i, row in nested.items():
    for j, p in row.items():
        total += p * (i + 1)
print(total)
for k, v in d.items():
    k, v = v, k
    print("swapped", k, v)

# Keyword calls of builtins.
f = io.StringIO()
print("x", 1, sep="-", end="!\n", file=f)
print(file=f)
print("y", end="", file=f, flush=True)
print(repr(f.getvalue()))
print(sorted([3, 1, 2], reverse=True), sorted(["bb", "a", "ccc"], key=len), sorted([1, 2], key=None, reverse=False))
print(min([3, 1], key=lambda x: -x), max([], default="empty"), min(4, 2, key=abs))
print(int("101", base=2), int("ff", 16), "a,b,c".split(sep=",", maxsplit=1), "x y".split(maxsplit=0))
print(dict(a=1, b=2), dict({"z": 0}, y=1), "{a}-{b}".format(a=1, b=2), enumerate("ab", start=5).__next__())
print(round(2.675, ndigits=2), " p ".strip(), "abc".encode(encoding="utf-8", errors="strict"))
print(list(zip("ab", "cd", strict=True)), "tab\tx".expandtabs(tabsize=4), [1, 2, 3].index(3, 0))
l = [5, 3, 9]
l.sort(key=lambda x: -x)
print(l, "-".join(["a", "b"]), bytes("é", encoding="utf-8"), str(b"q", encoding="ascii"))
for call in (lambda: print("z", bogus=1), lambda: sorted([1], nope=2), lambda: int("1", bass=3),
             lambda: sorted(key=len), lambda: min(key=len),
             lambda: print("a", sep=3), lambda: max(1, 2, default=0), lambda: max([1], bad=1), lambda: sorted(1, 2)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
try:
    print("a", file=3)
except AttributeError as e:
    print("AttributeError:", e)
print(min([2, 1], key=None), max([], key=len, default=None))

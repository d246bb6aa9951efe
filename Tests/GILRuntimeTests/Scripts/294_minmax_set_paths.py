# min()/max() argument handling and evaluation order, and the set paths they and meteor_contest use:
# set iterators (changed size, exhaustion), set algebra between exact sets and frozensets, copies of tables
# with and without removed keys, and sets of objects dying (their keys released exactly once).

# --- min / max ---
print(min([3, 1, 2], key=None), max([3, 1, 2], key=None), min(3, 1, 2, key=None))
print(min({5, 3, 9}), max(frozenset({5, 3, 9})), min((2.5, 1.5)), max("bca"), min(["b", "a", "c"]))
print(min([1, 2.5, 0.5]), max([True, 2, 1.5]), min([3]), max([[1, 2], [1, 3]]))
print(min([float("nan"), 1.0, 0.5]), max([1.0, float("nan"), 2.0]))
print(max([1, 1.0]), type(max([1, 1.0])).__name__, type(min([1.0, 1])).__name__)  # the first of equals wins
print(min([], default=3), max((), default=None), min([], key=None, default="d"))
for call in (lambda: min([1], foo=1), lambda: max(1), lambda: min(), lambda: max(1, 2, default=3),
             lambda: min([]), lambda: max(set()), lambda: min([1, "a"]), lambda: max(1, 2, key=3)):
    try:
        print(call())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

order = []
def gen():
    for x in (4, 2, 7):
        order.append(("yield", x))
        yield x
def key(x):
    order.append(("key", x))
    return -x
print(max(gen(), key=key), order)

class Loud:
    calls = 0
    def __init__(self, v): self.v = v
    def __lt__(self, other):
        Loud.calls += 1
        return self.v < getattr(other, "v", other)
    def __gt__(self, other):
        Loud.calls += 1
        return self.v > getattr(other, "v", other)
    def __repr__(self): return f"L{self.v}"
print(min([3, 1, 2, Loud(0)] if False else [Loud(3), Loud(1), Loud(2)]), max(Loud(1), Loud(5)), Loud.calls)
# Plain items first, then one that is not: the answer is the same as if compared one by one.
print(min([1, 2, Loud(0)]), max([1, Loud(7), 2]), Loud.calls)

# --- set iterators ---
s = {1, 2, 3}
it = iter(s)
next(it)
s.add(4)
for _ in range(2):
    try:
        next(it)
        print("no error")
    except RuntimeError as e:
        print("RuntimeError", e)
s = {1}
it = iter(s)
print(list(it))
s.add(2)
print(list(it), iter(it) is it)
try:
    reversed(iter(s))
except TypeError as e:
    print("TypeError", str(e).split("'")[0])
total = 0
for a in frozenset(range(10)):
    for b in {a, a + 1}:
        total += b
print(total)

# --- set algebra on exact sets, frozensets and mixes ---
free = frozenset(range(50))
fp = frozenset([3, 9, 17, 20, 21])
rest = free - fp
print(type(rest).__name__, len(rest), min(rest), sorted(rest)[:6], fp <= free, fp <= rest, rest < free)
print(sorted(rest & {1, 2, 3, 4}), type({1, 2} & free).__name__, type(free & {1, 2}).__name__)
m = {1, 2, 3}
m2 = m
m |= frozenset({4})
m -= {1}
m &= {2, 3, 4, 5}
m ^= {5}
print(sorted(m), m is m2)
f = frozenset({1, 2})
f2 = f
f |= {3}
print(sorted(f), f is f2, type(f).__name__)
print(list({1, 2, 3} - {2}), list(frozenset("abc") - frozenset("b")) == [c for c in frozenset("abc") if c != "b"])

# Copies keep CPython's table order, with and without removed keys in the source.
big = set(range(0, 200, 7))
for k in range(0, 200, 21):
    big.discard(k)
print(list(set(big)) == list(big), list(frozenset(big)) == list(big), list(big.copy()) == list(big))
print(list(set(free)) == list(free), list(free.copy()) == list(free), list(free | frozenset()) == list(free))

# --- object keys: released exactly once, nested sets die ---
import sys
class K:
    def __init__(self, n): self.n = n
    def __hash__(self): return self.n
    def __eq__(self, other): return isinstance(other, K) and other.n == self.n
keys = [K(i) for i in range(40)]
before = [sys.getrefcount(k) for k in keys]
for _ in range(3):
    a = frozenset(keys)
    b = set(a)
    c = a - frozenset(keys[:5])
    d = c & b
    e = a.copy() | d
    del a, b, c, d, e
print([sys.getrefcount(k) for k in keys] == before)
nested = frozenset()
for i in range(3000):
    nested = frozenset([nested, i])
del nested
print("nested ok")
words = {"w%d" % i for i in range(30)}
print(len(words - {"w1", "w2"}), sorted(words & {"w3", "x"}), min(words), max(words))

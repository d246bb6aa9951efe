# Counter/defaultdict/dict subclasses read and written as their dict unless the class defines __getitem__,
# __setitem__ or __missing__ in Python (memo per class version: patched and deleted methods take effect).
import collections
c = collections.Counter()
for w in "the quick brown fox jumps over the lazy dog the end".split():
    c[w] += 1
print(sorted(c.items()), c["missing"], "missing" in c)
d = collections.defaultdict(list)
d["a"].append(1); print(dict(d))
class D(dict):
    def __missing__(self, k): return k * 2
x = D(a=1); print(x["a"], x["zz"])
class G(dict):
    def __getitem__(self, k): return 42
print(G(a=1)["a"], G()["q"])
class S(dict):
    def __setitem__(self, k, v): dict.__setitem__(self, k, v * 10)
s = S(); s["a"] = 1; print(s)
class L(D): pass
print(L()["ab"])
D.__missing__ = lambda self, k: "patched"
print(x["q"], L()["r"])
del D.__missing__
try: x["q"]
except KeyError as e: print("KeyError", e)
od = collections.OrderedDict(); od["b"] = 1; od["a"] = 2; od.move_to_end("b"); print(list(od))
try: collections.Counter()[[1]]
except TypeError as e: print(e)

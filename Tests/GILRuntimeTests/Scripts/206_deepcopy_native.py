# copy.deepcopy with the native _copy helper (issue 16): memo identities, self-referencing lists and tuples,
# tuples of atomic items returned as they are, __deepcopy__ seeing a real memo dict, keep-alive entries,
# instances and list/dict subclasses (copyreg's reduction: __new__, instance dict, items).
import copy
a = [1, 2, [3, 4]]
t = (1, 2, "x")
nested = {"a": a, "b": (a, a), "c": [a, t], "t": t}
d = copy.deepcopy(nested)
print(d, d["a"] is d["b"][0], d["b"][0] is d["b"][1], d["t"] is t, d["c"][1] is t, d["a"] is a)
loop = [1]
loop.append(loop)
c = copy.deepcopy(loop)
print(c[1] is c, c is not loop)
tl = ([],)
tl[0].append(tl)
ct = copy.deepcopy(tl)
print(ct[0][0] is ct, ct is not tl)
class P:
    def __init__(self, v): self.v = v; self.items = [v, (v,)]
p = copy.deepcopy([P(1), P(2)])
print([(q.v, q.items) for q in p])
memo = {}
x = [1, 2]
y = copy.deepcopy({"k": x, "j": (x, 5)}, memo)
print(id(x) in memo, memo[id(x)] == x, memo[id(x)] is not x, len(memo[id(memo)]))
class D:
    def __deepcopy__(self, memo):
        print("D.__deepcopy__ got a dict:", type(memo).__name__, id(self) not in memo)
        return "copied-D"
print(copy.deepcopy([D(), {"d": D()}]))
class L(list): pass
l = L([1, [2]])
cl = copy.deepcopy(l)
print(type(cl).__name__ if type(cl) is L else "list", cl)
print(copy.deepcopy(frozenset({1, 2})), copy.deepcopy({1, 2, 3}), copy.deepcopy(b"ab"), copy.deepcopy(2 ** 100), copy.deepcopy(range(3)))
class Dd(dict):
    pass
dd = Dd(a=[1], b=2)
dd.extra = [3]
cdd = copy.deepcopy(dd)
print(type(cdd).__name__, cdd, cdd.extra, cdd["a"] is not dd["a"], cdd.extra is not dd.extra)
l.tag = {"t": 1}
cl = copy.deepcopy(l)
print(cl, cl.tag, cl.tag is not l.tag, cl[1] is not l[1])

# weakref (real weak references: a ref never keeps its object alive), the weak containers, finalize, the gc
# module's API, and atexit handlers running last-registered first after the main module.
import atexit
import gc
import weakref


class Obj:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return f"Obj({self.n})"

    def double(self):
        return self.n * 2


o = Obj(1)
r = weakref.ref(o)
print(r() is o, weakref.getweakrefcount(o), len(weakref.getweakrefs(o)), type(r).__name__)
log = []
r2 = weakref.ref(o, lambda ref: log.append(("died", ref is r2, ref())))
print(r == weakref.ref(o), hash(r) == hash(o), r2.__callback__ is not None)
del o
gc.collect()
print(r(), log, r == r2)


def scope():
    x = Obj(2)
    return weakref.ref(x)


print(scope()())

d = weakref.WeakValueDictionary()
a, b, c = Obj("a"), Obj("b"), Obj("c")
d["a"] = a
d["b"] = b
d.update(c=c)
print(len(d), sorted(d.keys()), d["a"], "a" in d, d.get("zz", "none"))
del a
gc.collect()
print(len(d), sorted(d.keys()), "a" in d, d.get("a", "gone"), sorted(d.values(), key=repr))
try:
    d["a"]
except KeyError as e:
    print("KeyError", e)
print(d.pop("c"), len(d), d.setdefault("b", None), sorted(d.items()))
del c

k = weakref.WeakKeyDictionary()
x, y = Obj("x"), Obj("y")
k[x] = 1
k[y] = 2
print(len(k), k[x], x in k, k.get(y), sorted(k.values()))
del x
gc.collect()
print(len(k), list(k.values()), [repr(key) for key in k.keys()])

s = weakref.WeakSet([b, y])
print(len(s), b in s, Obj("z") in s)
del y
gc.collect()
print(len(s), list(s))
s.add(b)
print(len(s))

m = weakref.WeakMethod(b.double)
print(m()(), m() == b.double, m == weakref.WeakMethod(b.double))
f = weakref.finalize(b, print, "finalized", "b")
print(f.alive, f.peek()[1:3])
del b, m
gc.collect()
print(f.alive, len(s), len(d))

q = Obj(10)
p = weakref.proxy(q)
print(p.n, p.double(), str(p))
p.n = 11
print(q.n)
del q
gc.collect()
try:
    p.n
except ReferenceError as e:
    print("ReferenceError:", e)
for bad in ([1], {"a": 1}, (1,), "text", 5, None):
    try:
        weakref.ref(bad)
    except TypeError as e:
        print(e)


def function():
    pass


print(weakref.ref(function)() is function, weakref.ref(Obj)() is Obj)

calls = []
gc.callbacks.append(lambda phase, info: calls.append((phase, info["generation"])))
print(gc.collect(), calls)
gc.callbacks.clear()
print(gc.isenabled(), gc.get_threshold())
gc.disable()
print(gc.isenabled())
gc.enable()
gc.set_threshold(500, 5, 5)
print(gc.isenabled(), gc.get_threshold(), gc.is_tracked([]), gc.is_tracked(5), gc.is_tracked("s"))
print(sorted(map(repr, gc.get_referents([1, "x", Obj(3)]))))
print(gc.DEBUG_LEAK, type(gc.get_stats()), len(gc.get_stats()), sorted(gc.get_stats()[0]))

e = Obj("at exit")
weakref.finalize(e, print, "finalize at exit")


@atexit.register
def first():
    print("atexit: registered first, runs last")


def with_args(a, b=0):
    print("atexit with", a, b)


atexit.register(with_args, 1, b=2)
atexit.register(print, "never")
atexit.unregister(print)
print("main module done")

# Weak references held without keeping their objects' counts in a side table: the referent is cleared and
# the callbacks queued when any kind of object dies, ref(o) is ref(o) without a callback, __weakref__ and
# __slots__, hashing and equality after death, the weak containers, finalize, ABC registration.
import abc
import gc
import weakref


class Obj:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return f"Obj({self.n})"

    def method(self):
        return self.n


log = []
o = Obj(1)
r1 = weakref.ref(o)
r2 = weakref.ref(o)
r3 = weakref.ref(o, lambda ref: log.append(("r3", ref is r3)))
r4 = weakref.ref(o, lambda ref: log.append(("r4", ref is r4)))
print(r1 is r2, r1 is r3, r3 is r4, weakref.getweakrefcount(o), weakref.getweakrefs(o)[0] is r1)
print(r1.__callback__, r3.__callback__ is not None, r1 == r3, hash(r1) == hash(o))
h = hash(r3)
del o
gc.collect()
print(r1(), r3(), log, hash(r3) == h, r1 == r3, r1 != r3, r3 == r3)
tmp = Obj(2)
r = weakref.ref(tmp)
del tmp
gc.collect()
try:
    hash(r)
except TypeError as e:
    print("TypeError:", e)

# A reference dies before its object: no callback, the object's count goes down.
o = Obj(3)
r = weakref.ref(o, lambda ref: log.append("never"))
print(weakref.getweakrefcount(o))
del r
print(weakref.getweakrefcount(o), weakref.ref(o)() is o)
del o
gc.collect()
print(log[2:])

# Every kind that can be weakly referenced reports its death.
def f():
    pass


def gen():
    yield 1


class Cls:
    pass


kinds = {"function": f, "set": {1, 2}, "frozenset": frozenset([3]), "generator": gen(), "class": Cls,
         "bound method": Obj(4).method}
died = []
refs = {k: weakref.ref(v, lambda ref, k=k: died.append(k)) for k, v in kinds.items()}
print(sorted(k for k, r in refs.items() if r() is not None))
del kinds, f, Cls
gc.collect()
print(sorted(died), sorted(k for k, r in refs.items() if r() is not None))
print(weakref.ref(len)() is len, weakref.ref(gc)() is gc)

# __slots__ without __weakref__: no weak references; with it, or in a subclass without __slots__: yes.
class Slotted:
    __slots__ = ("a",)


class SlottedWeak:
    __slots__ = ("a", "__weakref__")


class Sub(Slotted):
    pass


class SubSlotted(SlottedWeak):
    __slots__ = ("b",)


for c in (Slotted, SlottedWeak, Sub, SubSlotted, object, Exception, ValueError):
    try:
        instance = c()
        print(c.__name__, weakref.ref(instance)() is instance)
    except TypeError as e:
        print(c.__name__, "TypeError:", e)


class MyError(Exception):
    pass


instance = MyError()
print(weakref.ref(instance)() is instance)

# Weak containers.
a, b, c = Obj("a"), Obj("b"), Obj("c")
ws = weakref.WeakSet([a, b, c])
wv = weakref.WeakValueDictionary({1: a, 2: b, 3: c})
wk = weakref.WeakKeyDictionary({a: 1, b: 2, c: 3})
print(len(ws), len(wv), len(wk), a in ws, wk[b], wv[3])
del b
gc.collect()
print(len(ws), sorted(wv), sorted(wk.values()), sorted(map(repr, ws)))
ws.discard(a)
print(len(ws), a in ws, c in ws)
del a, c
gc.collect()
print(len(ws), len(wv), len(wk))

# finalize: called once, with its arguments, when the object dies; detach and atexit flags.
x = Obj("x")
fin = weakref.finalize(x, log.append, "finalized x")
fin2 = weakref.finalize(x, log.append, "detached")
print(fin.alive, fin2.detach()[2:], fin2.alive)
del x
gc.collect()
print(fin.alive, log[-1], "detached" in log)

# Classes registered with an ABC are held weakly by the ABC's registry.
class Base(abc.ABC):
    @abc.abstractmethod
    def run(self):
        ...


class Plain:
    def run(self):
        return "ran"


Base.register(Plain)
print(isinstance(Plain(), Base), issubclass(Plain, Base), Plain().run())
total = 0
for i in range(2000):
    if isinstance(Plain(), Base):
        total += 1
print(total)

# Many references to one object, dropped in any order.
o = Obj(5)
many = [weakref.ref(o, lambda r: None) for _ in range(50)]
print(weakref.getweakrefcount(o))
del many[::2]
print(weakref.getweakrefcount(o))
del o
gc.collect()
print(sum(1 for r in many if r() is None))

# WeakMethod and a proxy.
p = Obj(6)
wm = weakref.WeakMethod(p.method)
px = weakref.proxy(p)
print(wm()(), px.method(), px.n)
del p
gc.collect()
print(wm())
try:
    px.n
except ReferenceError as e:
    print("ReferenceError:", e)

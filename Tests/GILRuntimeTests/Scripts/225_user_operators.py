# Operators defined in Python: which method runs, in which order, with NotImplemented, defaults,
# subclasses that override the reflected method, in-place fallbacks, sequences on the other side.
log = []

class V:
    def __init__(self, x): self.x = x
    def __repr__(self): return f"{type(self).__name__}({self.x})"
    def __add__(self, other, context=None):
        log.append(("V.__add__", type(other).__name__, context))
        if isinstance(other, V): return type(self)(self.x + other.x)
        if isinstance(other, int): return type(self)(self.x + other)
        return NotImplemented
    def __radd__(self, other):
        log.append(("V.__radd__", type(other).__name__))
        if isinstance(other, (int, str)): return type(self)(other * 2 if isinstance(other, int) else len(other))
        return NotImplemented
    def __sub__(self, other): return V(self.x - (other.x if isinstance(other, V) else other))
    def __mul__(self, other, *extra): return V(self.x * (other.x if isinstance(other, V) else other))
    def __rmul__(self, other): return V(-other if isinstance(other, int) else 0)
    def __neg__(self): return V(-self.x)
    def __bool__(self): return self.x != 0
    def __eq__(self, other): return isinstance(other, V) and self.x == other.x
    def __hash__(self): return hash(self.x)
    def __lt__(self, other): return self.x < other.x
    def __len__(self): return abs(self.x)
    def __getitem__(self, i): return self.x * 10 + i

class W(V):
    def __radd__(self, other):
        log.append(("W.__radd__", type(other).__name__))
        return W(1000)

class Inherits(V):
    pass

print(V(1) + V(2), V(1) + 5, 5 + V(1), "abc" + V(0))
print(V(1) + W(2), W(2) + V(1), V(1) + Inherits(2))
for entry in log: print(entry)
log.clear()

class OnlyR:
    def __radd__(self, other): return "OnlyR.__radd__"
try:
    OnlyR() + OnlyR()
except TypeError as e:
    print("TypeError:", e)
print(1 + OnlyR(), [1] + OnlyR(), "s" + OnlyR())

class NI:
    def __add__(self, other): return NotImplemented
    def __radd__(self, other): return NotImplemented
for a, b in [(NI(), 1), (1, NI()), (NI(), NI()), ("x", NI()), ([1], NI())]:
    try:
        a + b
    except TypeError as e:
        print("TypeError:", e)

class Acc:
    def __init__(self): self.items = []
    def __iadd__(self, other):
        self.items.append(other)
        return self
    def __add__(self, other): return "plain add"
class NoIadd:
    def __add__(self, other): return "add used for +="
a = Acc(); b = a
a += 1; a += 2
print(a is b, a.items)
n = NoIadd(); n += 1
print(n)
class IaddNI:
    def __iadd__(self, other): return NotImplemented
    def __add__(self, other): return "fallback add"
x = IaddNI(); x += 1
print(x)

v = V(3)
print(-v, v * 2, 2 * v, v * V(4), v - 1, v - V(1))
print(bool(V(0)), bool(V(2)), len(V(-4)), V(2)[3], hash(V(7)) == hash(7))
print(V(1) == V(1), V(1) != V(2), V(1) < V(2), V(3) > V(2), sorted([V(3), V(1), V(2)]))
print("yes" if V(5) else "no", "yes" if V(0) else "no", not V(0))

# Defaults changed after the class was made still apply to operator calls.
def add2(self, other, bonus=1): return V(self.x + other.x + bonus)
V.__add__ = add2
print(V(1) + V(1))
add2.__defaults__ = (100,)
print(V(1) + V(1))

# Special methods that are not plain functions.
class Callable:
    def __call__(self, a, b): return ("called", a.x, b)
class S:
    x = 9
    __add__ = Callable()
    __sub__ = staticmethod(lambda a, b: ("static", a, b))
try:
    print(S() + 1)
except TypeError as e:
    print("TypeError:", e)
try:
    print(S() - 2)
except TypeError as e:
    print("TypeError:", e)
class Desc:
    def __get__(self, obj, owner): return lambda other: ("bound by __get__", type(obj).__name__, owner.__name__, other)
class T:
    __add__ = Desc()
    __radd__ = classmethod(lambda cls, other: ("classmethod", cls.__name__, other))
print(T() + 1, 2 + T())

# Errors raised inside an operator propagate with their traceback intact.
class Boom:
    def __add__(self, other): raise ValueError("boom " + str(other))
try:
    Boom() + 4
except ValueError as e:
    print("ValueError:", e)

# Deep recursion through an operator is a RecursionError, not a crash.
class Deep:
    def __add__(self, other): return self + other
try:
    Deep() + 1
except RecursionError:
    print("RecursionError")

# == with __eq__ on one side only, reflected order for subclasses, builtins on the left.
class E:
    def __init__(self, tag): self.tag = tag
    def __eq__(self, other):
        print("  E.__eq__", self.tag, type(other).__name__)
        return True
class Plain:
    pass
class Sub(E):
    def __eq__(self, other):
        print("  Sub.__eq__", self.tag, type(other).__name__)
        return NotImplemented
p, e = Plain(), E("e")
print(p == e, e == p, p != e, 3 == e, "s" == e, [1] == e, (1,) == e, None == e)
print(E("a") == Sub("b"), Sub("c") == E("d"), p == Plain(), p == p)

# copy.copy/deepcopy through __reduce_ex__ (classes with __reduce__, __setstate__, native state), BytesIO's
# __getstate__/__setstate__ and pickling, Counter/OrderedDict/deque/defaultdict/enum/re copies.
import collections
import copy
import enum
import io
import pickle
import re

class P:
    def __init__(self): self.x = [1]
p = copy.deepcopy(P()); print(p.x)
class R:
    def __init__(self, v): self.v = v
    def __reduce__(self): return (R, (self.v * 2,))
print(copy.copy(R(2)).v, copy.deepcopy(R(3)).v)
print(copy.deepcopy(collections.OrderedDict(a=1)), copy.copy(collections.Counter("aab")))
print(copy.deepcopy(re.compile("a+")).pattern)
class Color(enum.Enum):
    RED = 1
print(copy.deepcopy(Color.RED) is Color.RED, copy.copy(Color.RED))
print(copy.deepcopy(collections.deque([1,2])), copy.copy(collections.defaultdict(list, a=[1])))
b = io.BytesIO(b"abc"); b.seek(1); b.tag = 5
c = copy.copy(b); print(c.getvalue(), c.tell(), c.tag)
d = copy.deepcopy(b); print(d.getvalue(), d.tell(), d.tag)
print(b.__getstate__())
e = pickle.loads(pickle.dumps(b)); print(e.getvalue(), e.tell(), e.tag)
print(io.BytesIO().__getstate__())
def attempt(f):
    try: print(f())
    except Exception as ex: print(type(ex).__name__, ex)
attempt(lambda: io.BytesIO().__setstate__((b"x", 0)))
attempt(lambda: io.BytesIO().__setstate__((b"x", "0", None)))
attempt(lambda: io.BytesIO().__setstate__((b"x", -1, None)))
attempt(lambda: io.BytesIO().__setstate__((b"x", 0, [])))
attempt(lambda: io.BytesIO().__setstate__(("x", 0, None)))
x = io.BytesIO(); x.close()
attempt(lambda: x.__getstate__())
attempt(lambda: x.__setstate__((b"x", 0, None)))
class Sub(io.BytesIO): pass
attempt(lambda: Sub().__setstate__(()))
s = Sub(b"zz"); s.k = 1
t = copy.copy(s); print(type(t).__name__, t.getvalue(), t.k)

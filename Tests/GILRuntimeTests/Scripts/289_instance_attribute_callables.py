# Calls of an instance's own attributes (pure-Python pickle keeps bound methods on the instance:
# self.write = self.framer.write, self.append = self.stack.append) through one call site, while the
# attribute, the instance's shape and the class change under it; and attribute lookups on shapes of
# few and many names (long and non-ASCII names included).

class Framer:
    def __init__(self):
        self.out = []
    def write(self, data):
        self.out.append(data)
        return len(data)

class Pickler:
    def __init__(self):
        self.framer = Framer()
        self.write = self.framer.write
        self.stack = []
        self.append = self.stack.append
    def write(self, data):                    # shadowed by the instance's attribute
        return "class:" + data
    def run(self, items):
        total = 0
        for x in items:
            total += self.write(x)   # one call site: an instance attribute holding a bound method
            self.append(x)           # a builtin bound method kept on the instance
        return total

p = Pickler()
print("run", p.run(["ab", "cde", "f"] * 3), p.framer.out[:4], len(p.stack))

# the attribute replaced, by a plain function (called without self), a lambda, a builtin, a class
def loose(data):
    return -len(data)
q = Pickler()
for step, value in enumerate([loose, lambda d: 100, len, str.upper, None]):
    if value is None:
        del q.write                      # falls back to the class's method
        print(step, q.write("xyz"))
        q.write = loose
        print(step, q.write("xyz"))
        continue
    q.write = value
    print(step, q.write("xyz"))

class Caller:
    def go(self, o, n):
        return [o.write("a" * k) for k in range(n)]   # same site, polymorphic receivers

class Other:
    def write(self, data):
        return "method:" + data

c = Caller()
objs = [Pickler(), Other(), Pickler(), Other()]
objs[2].extra = 1                         # another shape of the same class
for o in objs:
    print(type(o).__name__, c.go(o, 3))

# the class gains a data descriptor of the same name: it outranks the instance's attribute
class Swap:
    def __init__(self):
        self.act = lambda: "instance"
s = Swap()
def call(o):
    return o.act()
print([call(s) for _ in range(3)])
Swap.act = property(lambda self: (lambda: "property"))
print([call(s) for _ in range(3)])
del Swap.act
print([call(s) for _ in range(3)])
class Getter:
    def __get__(self, obj, owner):
        return lambda: "non-data descriptor"
Swap.act = Getter()
print([call(s) for _ in range(3)])   # a non-data descriptor: the instance's attribute wins
Getter.__set__ = lambda self, obj, value: None
print([call(s) for _ in range(3)])   # now a data descriptor: it wins

# classmethod/staticmethod on the class, instance attribute of another name
class K:
    @classmethod
    def cm(cls):
        return cls.__name__
    @staticmethod
    def sm():
        return "static"
k = K()
k.fn = K.cm
print(k.cm(), k.sm(), k.fn())
k.cm = lambda: "shadowed"
print(k.cm(), k.sm())

# shapes of many names (past the short-shape scan), long and non-ASCII names
class Wide:
    pass
w = Wide()
names = ["a%d" % i for i in range(40)] + ["a_rather_long_attribute_name_%d" % i for i in range(5)] + ["é", "名前", "x" * 100]
for i, n in enumerate(names):
    setattr(w, n, i)
print(sum(getattr(w, n) for n in names), w.a39, getattr(w, "é"), getattr(w, "名前"), getattr(w, "x" * 100))
w.call = lambda: "wide"
print(w.call(), hasattr(w, "a40"), getattr(w, "a40", "missing"))
small = Wide()
small.only = 1
print(hasattr(small, "onlz"), hasattr(small, "only"), vars(small))
for n in names[:20]:
    delattr(w, n)
print(sorted(vars(w))[:3], len(vars(w)))

# locals() and vars() in functions, closures, class bodies and at module level
def f(a, b=2, *args, **kw):
    c = a + b
    print(sorted(locals().items()))
    if a > 100:
        late = 1
    d = locals()
    d["c"] = 99
    print(c, "late" in d, sorted(vars()))
    def inner():
        return c + a
    print(sorted(locals()))
    return inner

g = f(1)
print(g())

def closure():
    x = 1
    def reader():
        y = x
        return locals()
    return reader()

print(closure())

def unbound_then_bound():
    before = dict(locals())
    z = 5
    del z
    w = 3
    return before, locals()

print(unbound_then_bound())

class Fixer:
    it_funcs = "imap|ifilter"
    PATTERN = """ power< it='itertools' trailer< dot='.' func=(%(it_funcs)s) > > """ % (locals())
    names = sorted(k for k in locals() if not k.startswith("__"))
    mod = locals()["__module__"]

print(Fixer.PATTERN.strip(), Fixer.names, Fixer.mod)

top = 1
print(locals() is globals(), vars() is globals(), locals()["top"])

class Outer:
    class Inner:
        a = 1
        seen = sorted(k for k in locals() if not k.startswith("__"))
    b = 2
    seen = sorted(k for k in locals() if not k.startswith("__"))

print(Outer.Inner.seen, Outer.seen)

def gen():
    n = 0
    yield sorted(locals())
    n += 1
    yield locals()["n"]

print(list(gen()))
lam = lambda q, r=3: sorted(locals().items())
print(lam(1))
print([sorted(locals()) for _ in range(1)][0][:0])
try:
    locals(1)
except TypeError as e:
    print("TypeError:", e)
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)

# an instance's __dict__ writes through to its attributes; repr() escapes unprintable code points


class Grammar:
    def __init__(self):
        self.keywords = {}
        self.labels = [(0, "EMPTY")]

    def loads(self, tables):
        self.__dict__.update(tables)


g = Grammar()
g.loads({"keywords": {"print": 1, "if": 2}, "start": 256})
print(g.keywords, g.start, sorted(vars(g)))
del g.keywords["print"]
print(g.keywords)
d = g.__dict__
d["extra"] = "x"
print(g.extra, "extra" in d, len(d))
g.later = 5
print(d["later"], d.get("missing"), list(d)[:2])
del d["labels"]
print(hasattr(g, "labels"), sorted(d))
print(d.pop("extra"), hasattr(g, "extra"), d.setdefault("start", 0), d.setdefault("new", 1), g.new)
try:
    del d["nothing"]
except KeyError as e:
    print("KeyError:", e)
vars(g).clear()
print(vars(g), hasattr(g, "start"))


class Slotted(list):
    pass


s = Slotted([1])
s.__dict__.update(tag="t")
print(s.tag, s, vars(s))


class WithGetattr:
    def __getattr__(self, name):
        return "dynamic " + name


w = WithGetattr()
w.__dict__["real"] = 1
print(w.real, w.other, w.__dict__)

# repr() escapes what str.isprintable() calls unprintable
samples = ["\uffff", "\x85", "\xa0", "\u200b", "\u2028", "\ue000", "\U0010ffff", "\U0001f600", "é", "\x7f", "a'b", "\u3000", "ok\t"]
for s in samples:
    print(repr(s), ascii(s), s.isprintable())
print(repr("[\\w\u0128-\uffff*_-]"), repr(["\uffff"]), repr({"\x9f": "\u200e"}))
soft = 'x\u00ad'
print("%r" % "\u2029", f"{soft!r}")

# str % args through the simple-template path (bare %s %r %a %d %i %u, %(key)s, %%) and its hand-offs to the
# general formatter: argument-count errors, mappings, subclasses, non-ASCII, values with __str__/__repr__.


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


class Loud:
    def __str__(self):
        return "loud-str"

    def __repr__(self):
        return "Loud()"


class Idx:
    def __index__(self):
        return 42


class MyStr(str):
    def __str__(self):
        return "custom"


class MyTuple(tuple):
    pass


class Rec:
    def __init__(self):
        self.name = "rec"
        self.levelname = "WARNING"
        self.msg = "ñ €"


print("(%s)" % "a, b")
print("%s: %s" % ("k", "v"))
print("%s|%r|%a|%d|%i|%u" % ("é", "é", "é", 7, -8, 9))
print("%s %s %s %s %s" % (None, True, 1.5, 10 ** 30, [1, "x"]))
print("%d %i %u" % (True, 3.99, Idx()))
print("%s %r" % (Loud(), Loud()))
print("%s" % MyStr("base"), "%r" % MyStr("base"))
print("%s-%s" % MyTuple((1, 2)))
print("%s" % ((1, 2),))
print("%s" % {"a": 1})
print("100%% %s %%" % "done")
print("%%" % ())
print("%(name)s [%(levelname)s] %(msg)s %%" % Rec().__dict__)
print("%(a)s %(a)r %(b)d" % {"a": "x", "b": 5})
print("%(x)s" % {"x": Loud()})
print("ünï %s çødé %s 😀" % ("😀", "z"))
print(repr("%s" % ""), repr("" % ()), repr("abc" % {}))
print("%5s|%-3d|%.2f|%x|%c" % ("a", 1, 2.5, 255, 65))
print("%(a)5s" % {"a": 1})
attempt("too few", lambda: "%s %s" % ("a",))
attempt("too many", lambda: "%s" % ("a", "b"))
attempt("none converted", lambda: "abc" % "x")
attempt("missing key", lambda: "%(k)s" % {"j": 1})
attempt("tuple for keys", lambda: "%(k)s" % ("a",))
attempt("mixed", lambda: "%(k)s %s" % {"k": 1})
attempt("bad %d", lambda: "%d" % "x")
attempt("bad %i", lambda: "%i" % [1])
attempt("trailing", lambda: "abc %" % ())
attempt("bad letter", lambda: "%y" % 1)
attempt("open key", lambda: "%(abc" % {"abc": 1})
attempt("nested key", lambda: "%(a(b)c)s" % {"a(b)c": 9})
attempt("str raises", lambda: "%s" % type("Bad", (), {"__str__": lambda self: 1 / 0})())
attempt("repr non-str", lambda: "%r" % type("Bad", (), {"__repr__": lambda self: 5})())
s = "%s=%d"
print(", ".join(s % (k, v) for k, v in sorted({"b": 2, "a": 1}.items())))
print(len("%s" % ("x" * 100000)))

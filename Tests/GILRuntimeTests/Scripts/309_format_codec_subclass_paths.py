# bytes[i] from the VM's subscript path, str(bytes, ...)/str.encode with positional and keyword arguments,
# `str % args` straight to str formatting, issubclass by tag: each against CPython's answers and errors.
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print("== bytes[i]")
key = b"\x80K\x95\x00"
print([key[i] for i in range(-4, 4)], key[0] == 0x80, b"a"[0], bytearray(b"xy")[1])
for i in (4, -5, 2**70, -2**70):
    attempt(f"index {i}", lambda: key[i])
attempt("index str", lambda: key["0"])
attempt("index float", lambda: key[1.0])
print(key[True], key[False])
class MyBytes(bytes):
    def __getitem__(self, i):
        return "sub" + str(i)
print(MyBytes(b"abc")[1])
dispatch = {0x80: "PROTO", 0x4B: "BININT1"}
print([dispatch.get(key[i]) for i in range(2)])

print("== str(bytes, encoding, errors) and str.encode")
data = "héllo".encode()
print(repr(str(data, "utf-8")), repr(str(data, "utf-8", "strict")), repr(str(data, encoding="utf-8")),
      repr(str(data, errors="replace")), repr(str(object=data, encoding="latin-1")), repr(str(b"ab", "ascii", "ignore")))
attempt("encoding not str", lambda: str(data, 5))
attempt("errors not str", lambda: str(data, "utf-8", 5))
attempt("unknown encoding", lambda: str(data, "no-such-codec"))
attempt("unknown handler", lambda: str(b"\xff", "utf-8", "no-such-handler"))
attempt("bad bytes strict", lambda: str(b"a\xffb", "utf-8", "strict"))
print(repr(str(b"a\xffb", "utf-8", "replace")), repr(str(b"a\xffb", "utf-8", "ignore")),
      repr(str(b"a\xffb", "utf-8", "backslashreplace")), repr(str(b"a\xe9b", "latin-1", "surrogatepass")))
s = "comment_count"
print(s.encode("utf-8", "surrogatepass"), s.encode("utf-8"), s.encode(), s.encode(encoding="ascii"),
      s.encode("ascii", errors="strict"), "ü".encode("latin-1"), "ü".encode("utf-16-le"), "ü".encode("UTF-8"))
attempt("encode bad encoding", lambda: s.encode(5))
attempt("encode bad errors", lambda: s.encode("utf-8", 5))
attempt("encode unknown", lambda: s.encode("no-such-codec"))
attempt("encode ascii strict", lambda: "ü".encode("ascii", "strict"))
print("ü".encode("ascii", "replace"), "ü".encode("ascii", "ignore"), "ü".encode("ascii", "xmlcharrefreplace"),
      "ü".encode("ascii", "backslashreplace"))
print(str.encode("x", "utf-8"))

print("== str % args")
print("%s: %s" % ("key", 5), "%r" % ("q",), "%d%%" % 50, "%5.2f|%-4s|%x" % (3.14159, "ab", 255), "%s" % [1, 2],
      "%(a)s-%(b)r" % {"a": 1, "b": "z"}, "%s" % (None,), "%c%c" % (65, "b"), "plain" % (), "%s" % b"by")
attempt("too few", lambda: "%s %s" % ("one",))
attempt("too many", lambda: "%s" % ("a", "b"))
attempt("bad type", lambda: "%d" % "x")
attempt("mapping needed", lambda: "%(a)s" % 5)
class Rmod:
    def __rmod__(self, other):
        return "rmod"
    def __repr__(self):
        return "Rmod()"
class StrRmod(str):
    def __rmod__(self, other):
        return "str subclass rmod"
print("x%s" % Rmod(), "x%s" % (Rmod(),), "x%s" % StrRmod("q"), "%s" % StrRmod("s") == "str subclass rmod")
class MyStr(str):
    def __mod__(self, other):
        return "own mod"
print(MyStr("%s") % 1, "%s" % MyStr("m"), "%s|%s" % (MyStr("a"), 2.5))
fmt = "%s=%s"
print([fmt % (k, v) for k, v in sorted({"b": 2, "a": 1}.items())])

print("== issubclass")
class Base: pass
class Derived(Base): pass
class Meta(type):
    def __subclasscheck__(cls, sub):
        print("  subclasscheck", cls.__name__, sub.__name__)
        return sub is int
class Hooked(metaclass=Meta): pass
for a, b in [(bool, int), (int, bool), (Derived, Base), (Base, Derived), (Derived, object), (type, object),
             (Hooked, Hooked), (int, Hooked), (str, Hooked), (dict, (list, dict)), (MyStr, str), (MyStr, (int, bytes))]:
    print(a.__name__, getattr(b, "__name__", b), issubclass(a, b))
attempt("arg 1", lambda: issubclass(3, int))
attempt("arg 2", lambda: issubclass(int, 3))
print(issubclass(int, int | str), issubclass(bytes, int | str))

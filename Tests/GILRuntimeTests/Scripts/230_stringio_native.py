# io.StringIO with CPython's semantics (Modules/_io/stringio.c): newline modes, seek/tell, read/readline,
# truncate, closed-state errors, subclassing, pickling, copying.
import io
import pickle
import copy


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


print("-- basics")
s = io.StringIO()
print(s.write("hello"), s.write(""), s.write(" wörld €𝄞\n"), s.tell())
print(repr(s.getvalue()), s.tell())
s.seek(0)
print(repr(s.read(3)), s.tell(), repr(s.read()), s.tell(), repr(s.read()))
print(s.readable(), s.writable(), s.seekable(), s.isatty(), s.line_buffering)
print(s.encoding, s.errors, s.newlines, s.closed)
print(isinstance(s, io.TextIOBase), isinstance(s, io.IOBase), issubclass(io.StringIO, io.TextIOBase))
print(type(s).__name__)

print("-- initial value")
s = io.StringIO("abc\ndef\nghi")
print(s.tell(), repr(s.read(2)), s.tell())
print(s.write("XY"), repr(s.getvalue()), s.tell())
s = io.StringIO(None)
print(repr(s.getvalue()))
s = io.StringIO(initial_value="x", newline=None)
print(repr(s.getvalue()), s.tell())
attempt("bytes initial", lambda: io.StringIO(b"abc"))
attempt("bad newline", lambda: io.StringIO("", "x"))
attempt("int newline", lambda: io.StringIO("", 5))
attempt("too many", lambda: io.StringIO("", "\n", 3))
attempt("bad keyword", lambda: io.StringIO(value="a"))

print("-- overwrite and overseek")
s = io.StringIO()
s.write("0123456789")
s.seek(3)
print(s.write("ab"), repr(s.getvalue()), s.tell())
s.seek(15)
print(s.write("Z"), repr(s.getvalue()), s.tell(), len(s.getvalue()))
s.seek(20)
print(repr(s.read()), repr(s.readline()), s.tell())
s.seek(0, 2)
print(s.tell())
s.seek(2)
print(s.seek(0, 1), s.tell())
attempt("cur nonzero", lambda: s.seek(1, 1))
attempt("end nonzero", lambda: s.seek(-1, 2))
attempt("negative", lambda: s.seek(-1))
attempt("whence 3", lambda: s.seek(0, 3))
attempt("seek str", lambda: s.seek("1"))
attempt("seek float", lambda: s.seek(1.0))

print("-- non-ASCII positions")
s = io.StringIO("ñandú€𝄞x\ny")
print(repr(s.read(4)), s.tell(), repr(s.readline()), s.tell(), repr(s.read()))
s.seek(1)
s.write("Ñ")
print(repr(s.getvalue()), s.tell())
s.seek(6)
s.write("😀😀")
print(repr(s.getvalue()), len(s.getvalue()))

print("-- readline and iteration")
s = io.StringIO("one\ntwo\n\nthree")
print([repr(s.readline()) for _ in range(5)])
s.seek(0)
print(repr(s.readline(2)), repr(s.readline(0)), repr(s.readline(-1)), repr(s.readline(None)))
s.seek(0)
print(list(s))
s.seek(0)
print(s.readlines())
s.seek(0)
print(s.readlines(5))
s.seek(0)
print(next(s), next(iter(s)))
attempt("readline str", lambda: s.readline("1"))
attempt("read float", lambda: s.read(1.5))
print(repr(s.read(None)), repr(io.StringIO("abc").read(-5)))

print("-- newline modes")
for nl in [None, "", "\n", "\r", "\r\n"]:
    s = io.StringIO(newline=nl)
    s.write("a\nb\r\nc\rd\n")
    s.write("e\r")
    s.write("\nf")
    v = s.getvalue()
    s.seek(0)
    print(repr(nl), repr(v), s.readlines(), repr(s.newlines))
for nl in [None, "", "\n", "\r", "\r\n"]:
    s = io.StringIO("x\r\ny\rz\nw", newline=nl)
    print(repr(nl), repr(s.getvalue()), list(s), s.tell())
s = io.StringIO(newline="")
print(repr(s.newlines))
s.write("a\r")
print(repr(s.newlines))
s.write("b\n")
print(repr(s.newlines))
s.write("c\r\n")
print(repr(s.newlines))
s = io.StringIO(newline=None)
print(s.write("a\r\n"), repr(s.getvalue()), s.tell())
s = io.StringIO(newline="\r\n")
print(s.write("a\nb"), repr(s.getvalue()), s.tell())

print("-- truncate")
s = io.StringIO("hello world")
print(s.truncate(5), repr(s.getvalue()), s.tell())
s.seek(2)
print(s.truncate(), repr(s.getvalue()), s.tell())
print(s.truncate(10), repr(s.getvalue()))
s.seek(8)
s.write("!")
print(repr(s.getvalue()))
attempt("negative truncate", lambda: s.truncate(-1))
attempt("truncate str", lambda: s.truncate("1"))

print("-- writelines and errors")
s = io.StringIO()
s.writelines(["a", "b", "c"])
s.writelines(iter(["d\n", "e"]))
print(repr(s.getvalue()))
attempt("write bytes", lambda: s.write(b"x"))
attempt("write int", lambda: s.write(1))
attempt("write none", lambda: s.write(None))
attempt("writelines ints", lambda: s.writelines([1]))
attempt("fileno", lambda: s.fileno())
attempt("detach", lambda: s.detach())
print(isinstance(io.UnsupportedOperation(), OSError))

print("-- closed")
s = io.StringIO("abc")
s.close()
s.close()
print(s.closed)
for name in ["getvalue", "read", "readline", "tell", "truncate", "readable", "writable", "seekable", "flush",
             "isatty", "readlines", "__iter__", "__next__", "__enter__"]:
    attempt(name, getattr(s, name))
attempt("write", lambda: s.write("x"))
attempt("seek", lambda: s.seek(0))
attempt("writelines", lambda: s.writelines([]))
attempt("newlines", lambda: s.newlines)
attempt("line_buffering", lambda: s.line_buffering)
attempt("iter", lambda: iter(s))

print("-- context manager")
with io.StringIO("ctx") as s:
    print(s.read())
print(s.closed)

print("-- subclassing")


class Upper(io.StringIO):
    def __init__(self, *args, tag="u", **kw):
        super().__init__(*args, **kw)
        self.tag = tag

    def write(self, text):
        return super().write(text.upper())


u = Upper("start:", tag="T")
u.seek(0, 2)
print(u.write("abc"), repr(u.getvalue()), u.tag, isinstance(u, io.StringIO))
print(type(u).__mro__[1].__name__)


class Lines(io.StringIO):
    def readline(self, size=-1):
        line = super().readline(size)
        return line.strip() + "|" if line else line


print(list(Lines("a \nb \nc")))


class NoInit(io.StringIO):
    def __init__(self):
        pass


n = NoInit()
attempt("uninitialised write", lambda: n.write("x"))
attempt("uninitialised getvalue", lambda: n.getvalue())

print("-- pickling and copying")
s = io.StringIO("abc\ndef", newline="\r\n")
s.seek(2)
s.extra = [1, 2]
state = s.__getstate__()
print(state)
for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
    t = pickle.loads(pickle.dumps(s, proto))
    print(proto, type(t).__name__, repr(t.getvalue()), t.tell(), t.extra)
c = copy.copy(s)
print(repr(c.getvalue()), c.tell(), c.extra is s.extra)
d = copy.deepcopy(s)
print(repr(d.getvalue()), d.tell(), d.extra == s.extra, d.extra is s.extra)
u2 = pickle.loads(pickle.dumps(u))
print(type(u2).__name__, repr(u2.getvalue()), u2.tag)
t = io.StringIO()
t.__setstate__(("xyz", None, 1, None))
print(repr(t.getvalue()), t.tell(), repr(t.read()))
attempt("setstate short", lambda: t.__setstate__(("a", None, 0)))
attempt("setstate list", lambda: t.__setstate__(["a", None, 0, None]))
attempt("setstate pos", lambda: t.__setstate__(("a", None, "0", None)))
attempt("setstate negative", lambda: t.__setstate__(("a", None, -1, None)))
attempt("setstate dict", lambda: t.__setstate__(("a", None, 0, [])))
t.close()
attempt("setstate closed", lambda: t.__setstate__(("a", None, 0, None)))
attempt("getstate closed", lambda: t.__getstate__())

print("-- many writes")
s = io.StringIO()
for i in range(2000):
    s.write("line %d é\n" % i)
v = s.getvalue()
print(len(v), v.count("\n"), v[-12:], s.tell())
s.seek(0)
print(sum(1 for _ in s), s.tell())
s.seek(5)
s.write("#")
print(s.getvalue()[:12], s.tell(), len(s.getvalue()))
s.seek(0, 2)
s.write("end")
print(s.getvalue()[-8:], s.tell())

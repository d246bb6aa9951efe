# BytesIO reads and writes, len/isinstance by kind, str(bytes, ...) decoding, native itertools.islice,
# struct's format cache: the fast paths pure-Python pickle leans on, against CPython's answers.
import io
import struct
import sys
from itertools import islice


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print("== BytesIO")
b = io.BytesIO(b"abcdefgh")
print(b.read(1), b.read(0), b.read(2), b.tell(), b.read(-1), b.read(), b.read(5), b.tell())
b.seek(3)
print(b.read(None), b.read(1))
b.seek(2)
print(b.read(sys.maxsize), b.tell())
b.seek(0)
print(b.read1(3), b.read1(), b.read1(sys.maxsize))
b.seek(20)
print(b.read(1), b.tell(), b.write(b"Z"), b.getvalue())
b.seek(1)
print(b.write(b"xy"), b.getvalue(), b.tell(), b.read(2))
print(b.write(b""), b.write(bytearray(b"BA")), b.write(memoryview(b"mv")), b.getvalue())
lines = io.BytesIO(b"one\ntwo\n\nthree")
print(lines.readline(2), lines.readline(sys.maxsize), lines.readline(-1), lines.readline(0), lines.readline(), lines.readline(), lines.readline())
lines.seek(0)
print(lines.readlines(), lines.readlines())
lines.seek(0)
print(list(lines))
for n in range(0, 12):
    s = io.BytesIO(bytes(range(65, 75)))
    s.seek(n)
    print(n, s.read(1), s.read(3), s.tell())
c = io.BytesIO(b"closed")
c.close()
for name, call in [("read", lambda: c.read(1)), ("read0", lambda: c.read(0)), ("write", lambda: c.write(b"x")),
                   ("tell", c.tell), ("getvalue", c.getvalue), ("readline", c.readline)]:
    attempt(name, call)
attempt("read str", lambda: io.BytesIO(b"ab").read("1"))
attempt("read float", lambda: io.BytesIO(b"ab").read(1.0))
attempt("write str", lambda: io.BytesIO().write("text"))
class Sub(io.BytesIO):
    pass
s = Sub(b"subclass")
print(s.read(3), s.read(1), len(s.getvalue()))

print("== len")
class Sized:
    def __len__(self):
        return 7
class MyStr(str): pass
class MyList(list): pass
class MyBytes(bytes): pass
class MyDict(dict):
    def __len__(self):
        return 99
for v in ["", "héllo", [1, 2], (), (1,), {1: 2}, {1, 2}, frozenset([3]), b"", b"abc", bytearray(b"xy"), range(5),
          {}.keys(), {1: 2}.items(), MyStr("abcd"), MyList([1]), MyBytes(b"12345"), MyDict(a=1), Sized()]:
    print(type(v).__name__, len(v))
attempt("len int", lambda: len(5))
attempt("len None", lambda: len(None))
attempt("len object", lambda: len(object()))

print("== isinstance")
bt = (bytes, bytearray)
for v in [b"x", bytearray(b"y"), "s", 3, True, None, MyBytes(b"z"), memoryview(b"m")]:
    print(type(v).__name__, isinstance(v, bt), isinstance(v, (str, (int, bytes))), isinstance(v, ()), isinstance(v, object))
print(isinstance(True, int), isinstance(True, (str, int)), isinstance(3, bool), isinstance(3, int | str))
class Meta(type):
    def __instancecheck__(cls, obj):
        print("  instancecheck", cls.__name__, type(obj).__name__)
        return isinstance(obj, int)
class A(metaclass=Meta):
    pass
class B(A):
    pass
print(isinstance(A(), A))
print(isinstance(3, A))
print(isinstance("s", A))
print(isinstance(3, (int, A)))
print(isinstance(3, (A, int)))
print(isinstance("s", (str, A)))
print(isinstance(A(), (str, A)))
attempt("isinstance bad", lambda: isinstance(3, 4))
attempt("isinstance bad tuple", lambda: isinstance(3, (str, 4)))
print(isinstance(3, (int, 4)))

print("== str(bytes, encoding, errors)")
for data in [b"", b"a", b"comment_count", b"exactly8", b"sixteen bytes!!!", bytes(range(32, 127)),
             "héllo wörld".encode(), "日本語テキスト".encode(), "emoji 😀 here".encode()]:
    print(repr(str(data, "utf-8", "surrogatepass")), repr(data.decode()), repr(str(data, "utf-8")))
for i in range(18):
    raw = bytearray(b"x" * 17)
    raw[i % 17] = 0xC3
    attempt(f"bad {i}", lambda: str(bytes(raw), "utf-8", "strict"))
    raw2 = bytearray(b"y" * 17)
    raw2[i % 17:i % 17 + 2] = "é".encode()
    print(i, repr(str(bytes(raw2[:17]), "utf-8", "replace")))
attempt("str from str", lambda: str("abc", "utf-8"))
attempt("str from int", lambda: str(5, "utf-8"))
print(repr(str(bytearray(b"ba"), "ascii")), repr(str(memoryview(b"mv"), "latin-1")))

print("== islice")
print(list(islice("abcdefg", 3)), list(islice("abcdefg", 2, 5)), list(islice("abcdefg", 1, None, 2)),
      list(islice("abcdefg", None)), list(islice("abcdefg", 0)), list(islice("abcdefg", 5, 2)),
      list(islice("abcdefg", None, None, None)), list(islice("abcdefg", 2, sys.maxsize)), list(islice([], 3)))
print(list(islice(range(100), 10, 40, 7)), list(islice(range(10), 3, 4)), list(islice(range(10), True, 3)))
it = iter(range(10))
print(list(islice(it, 3)), next(it), list(islice(it, 2, 4)), next(it))
it = iter(range(10))
first = islice(it, 0, 2)
print(next(first), next(first), next(first, "done"), next(it))
def counting():
    for i in range(5):
        print("  yield", i)
        yield i
print(list(islice(counting(), 1, 3)))
sl = islice(counting(), 2)
print(list(sl), list(sl))
def failing():
    yield 1
    raise KeyError("inner")
f = islice(failing(), 5)
print(next(f))
attempt("raise through", lambda: next(f))
attempt("after raise", lambda: next(f))
print(iter(sl) is sl)
d = {i: str(i) for i in range(7)}
items = iter(d.items())
batches = []
while True:
    batch = list(islice(items, 3))
    if not batch:
        break
    batches.append(batch)
print(batches)
for args in [(-1,), (-2,), (1.0,), ("3",), (2**70,), (-1, 3), (0, -1), (0, -3), (2**70, 3), (0, 5, 0), (0, 5, -1),
             (0, 5, 1.5), (None, None, 0), (1, 2, 3, 4)]:
    attempt(f"islice{args}", lambda: list(islice("abcdef", *args)))
attempt("islice()", lambda: islice())
attempt("islice(x)", lambda: islice("abc"))
attempt("islice kw", lambda: islice("abc", stop=2))
attempt("islice int", lambda: islice(3, 2))
attempt("islice int bad stop", lambda: islice(3, -1))
class Idx:
    def __index__(self):
        return 2
print(list(islice("abcdef", Idx())), list(islice("abcdef", Idx(), None, Idx())))

print("== struct")
for fmt in ["<B", ">B", "<H", ">I", "<q", "!d", "<2B", "<BH", "<c", "<3s", "<?", "<f", "<i", "<l", "@B", "=B",
            "<b", "<h", ">Q", "<e", ">e", "<4B", "<8B", "<x B"]:
    n = struct.calcsize(fmt)
    values = {"B": 7, "H": 513, "I": 70000, "q": -5, "d": 1.5, "c": b"c", "s": b"abc", "?": True, "f": 0.25,
              "i": -7, "l": 9, "b": -3, "h": -300, "Q": 2**40, "e": 0.5}
    codes = [ch for ch in fmt.lstrip("<>!@=").replace(" ", "") if not ch.isdigit() and ch != "x"]
    count = 1
    args = []
    digits = ""
    for ch in fmt.lstrip("<>!@=").replace(" ", ""):
        if ch.isdigit():
            digits += ch
            continue
        repeat = int(digits) if digits else 1
        digits = ""
        if ch == "x":
            continue
        if ch == "s":
            args.append(values["s"])
        else:
            args.extend([values[ch]] * repeat)
    packed = struct.pack(fmt, *args)
    print(fmt, n, packed, struct.unpack(fmt, packed))
print(struct.unpack("<cc", b"ab"), struct.unpack("3c", b"xyz"))
attempt("pack range", lambda: struct.pack("<B", 256))
attempt("pack fmt type", lambda: struct.pack(5, 1))
attempt("pack bytes fmt", lambda: struct.pack(b"<B", 1))

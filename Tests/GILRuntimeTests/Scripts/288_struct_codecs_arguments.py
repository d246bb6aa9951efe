# struct formats through the identity cache (more formats than its slots, the same text in fresh str
# objects, bytes formats), packing and unpacking every code kind, keyword binding of native methods
# (str.encode, bytes.decode, str(b, enc, errors)), UTF-8 decoding of valid and invalid bytes under each
# error handler, incremental decoding split inside a character, and bytes concatenation edge cases.
import sys
sys.modules['_pickle'] = None  # pickle's pure-Python Pickler/Unpickler, as the benchmarks force
import struct, codecs, pickle, io

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

# every code, native and standard
for fmt, vals in [("<B", (5,)), (">H", (513,)), ("<i", (-2,)), ("!I", (4000000000,)), ("<q", (-2**63,)),
                  ("<Q", (2**64 - 1,)), ("@n", (-7,)), ("@N", (7,)), ("@P", (12345,)), ("<?", (3,)),
                  ("<e", (1.5,)), ("<f", (0.1,)), (">d", (-2.25,)), ("<c", (b"z",)), ("<3s", (b"abcdef",)),
                  ("<5p", (b"hi",)), ("<2x", ()), ("<bBhHiIlLqQ", (-1, 255, -3, 65535, -5, 7, -8, 9, -10, 11)),
                  ("3B", (1, 2, 3)), ("<xBx", (9,)), ("@bi", (1, 2))]:
    b = struct.pack(fmt, *vals)
    print(fmt, b.hex(), struct.unpack(fmt, b), struct.calcsize(fmt))

# range errors and bad arguments keep their messages
for fmt, v in [("<B", 256), ("<B", -1), ("<b", 128), ("<h", 40000), ("<H", -1), (">H", -1), ("<i", 2**31),
               ("<I", -1), ("<q", 2**63), ("<Q", -1), (">q", 2**64), ("@l", 2**63), ("<B", 1.0), ("<B", "x"),
               ("<?", []), ("<c", b"ab"), ("<d", "x"), ("<B", True), ("<B", 2**70)]:
    show("pack %s %r" % (fmt, v), lambda: struct.pack(fmt, v))
show("count", lambda: struct.pack("<BB", 1))
show("bad", lambda: struct.pack("<Z", 1))
show("unpack size", lambda: struct.unpack("<i", b"abc"))
show("unpack_from", lambda: struct.unpack_from("<H", b"\x01\x02\x03", 1))
buf = bytearray(6)
struct.pack_into("<HI", buf, 0, 513, 7)
print("pack_into", buf.hex())
print("iter", list(struct.iter_unpack("<H", b"\x01\x00\x02\x00")))

# many distinct formats (past the recent-format slots and CPython's 100-entry cache), fresh str objects
total = 0
for n in range(1, 140):
    fmt = "<" + str(n) + "B"
    total += len(struct.pack(fmt, *range(n)))
    fresh = "".join(["<", "H"])  # a new str object each time, same text
    total += struct.unpack(fresh, struct.pack(fresh, n))[0]
print("many formats", total)
print("bytes format", struct.pack(b"<H", 258), struct.unpack(b">H", b"\x01\x02"))
s = struct.Struct("<hx?")
print("Struct", s.pack(-2, 1), s.unpack(b"\xfe\xff\x00\x01"), s.size, s.format)

# keyword and positional binding of native methods
print("encode", "é".encode(), "é".encode("utf-8"), "é".encode(encoding="latin-1"), "é".encode("ascii", errors="replace"),
      "é".encode(errors="backslashreplace", encoding="ascii"), "ab".encode("utf-8", "surrogatepass"))
show("encode twice", lambda: "a".encode("utf-8", encoding="utf-8"))
show("encode bad type", lambda: "a".encode(5))
print("decode", b"caf\xc3\xa9".decode(), b"caf\xc3\xa9".decode(encoding="utf-8"), b"\xe9".decode("latin-1"),
      b"x\xffy".decode(errors="replace"), b"x\xffy".decode("utf-8", errors="ignore"),
      b"x\xffy".decode("utf-8", "backslashreplace"))
show("decode strict", lambda: b"ab\xc3".decode())
show("decode overlong", lambda: b"\xc0\xaf".decode())
show("decode surrogate", lambda: b"\xed\xa0\x80".decode())
show("decode past max", lambda: b"\xf4\x90\x80\x80".decode())
show("decode surrogatepass bad", lambda: b"\xff".decode("utf-8", "surrogatepass"))
print("str()", str(b"comment_count", "utf-8", "surrogatepass"), str(b"\xe2\x82\xac", "utf-8"),
      repr(str(b"a\x00b", encoding="utf-8")), repr(str(b"", "utf-8", "strict")), str(bytearray(b"xy"), "ascii"))
show("str() bad", lambda: str(b"\xe2\x82", "utf-8"))
show("str() kw", lambda: str(b"x", errors="strict"))
show("str() str", lambda: str("x", "utf-8"))
text = "aé€𝄞" * 3
data = text.encode()
for cut in range(len(data) + 1):
    d = codecs.getincrementaldecoder("utf-8")()
    out = d.decode(data[:cut]) + d.decode(data[cut:], final=True)
    assert out == text, cut
print("incremental ok", len(data))
d = codecs.getincrementaldecoder("utf-8")()
print("pending", repr(d.decode(b"ab\xe2\x82")), repr(d.decode(b"\xac")))
show("pending final", lambda: codecs.getincrementaldecoder("utf-8")().decode(b"ab\xe2", final=True))

# bytes concatenation
e = b""
x = b"abc"
print("concat", x + e, e + x, e + e, x + x, (x + e) == x, len(e + x + b"\x00" * 3))
print("bytearray concat", bytearray(b"a") + b"b", b"a" + bytearray(b"b"), b"a" + memoryview(b"cd"))
show("concat str", lambda: b"a" + "b")
for x in [b"1.5", b" 2 ", bytearray(b"3e2"), memoryview(b"4.5"), b"1_0.5", b"-inf", b"x", bytearray(b""), b"0x1p3"]:
    show("float %s %r" % (type(x).__name__, bytes(x)), lambda: float(x))

# pure-Python pickle round trips (what the benchmark runs)
pk = pickle
print("pure", pk.Pickler.__module__, pk.Unpickler.__name__)
obj = {"a": [1, 255, 256, 65535, 65536, -1, 2**31, -2**31 - 1, 2**70], "é€": ("x" * 300, b"y" * 300, 1.5),
       "t": (None, True, False), "n": [[1, 2], {3: 4}]}
for proto in range(0, 6):
    # bytes below protocol 3 pickle as a codecs.encode reduction (not compared: our builtin functions
    # have no __module__ yet, so pickle names the function's module "codecs" where CPython says "_codecs")
    o = obj if proto >= 3 else dict(obj, **{"é€": ("x" * 300, 1.5)})
    blob = pk.dumps(o, proto)
    back = pk.loads(blob)
    print("pickle", proto, len(blob), back == o)
f = io.BytesIO()
pk.Pickler(f, 5).dump([obj, obj])
f.seek(0)
print("file", pk.Unpickler(f).load()[1] == obj)

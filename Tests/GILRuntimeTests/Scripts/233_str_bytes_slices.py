# str and bytes slices with int/None bounds (sliced from the registers, no slice object): ASCII and non-ASCII
# text, steps, negative and out-of-range bounds, identity of whole/empty/one-item results, subclasses;
# int.to_bytes/from_bytes with machine ints and the general path's errors.
import hashlib


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(r))


texts = ["", "a", "hello world", "ñandú €uro 𝄞 clef", "日本語テキスト", "mixed ascii é"]
bounds = [None, 0, 1, 2, -1, -3, 5, 100, -100]
steps = [None, 1, 2, 3, -1, -2]
for t in texts:
    out = []
    for lo in bounds:
        for hi in bounds:
            for st in steps:
                out.append(t[lo:hi:st])
    print(repr(t), len(out), hashlib.md5("\0".join(out).encode()).hexdigest(), "|".join(out[:40:7]), sum(map(len, out)))
    b = t.encode()
    outb = [b[lo:hi:st] for lo in bounds for hi in bounds for st in steps]
    print(b[:6], len(outb), hashlib.md5(b"\0".join(outb)).hexdigest(), sum(map(len, outb)), outb[5], outb[-5])

s = "abcdef"
print(s[:] is s, s[0:6] is s, s[3:3] == "", s[::-1], s[-2:], s[:-2], s[1:-1:2])
b = b"abcdef"
print(b[:] is b, b[0:1] is bytes([b[0]]), b[2:3] is b"c"[0:1], b[::-1], b[4:1:-1], b[-100:2])
u = "ñandú€𝄞"
print(u[1:4], u[::-1], u[::2], u[-2:], len(u[2:5]), u[5:6], u[6:], u[0:0] == "")
attempt("zero step str", lambda: s[::0])
attempt("zero step bytes", lambda: b[::0])
print(s[True:], s[:False], s[1:2.0 if False else 2])


class S(str):
    def __getitem__(self, k):
        return "S" + str.__getitem__(self, k)


class B(bytes):
    pass


print(S("xyz")[1:], type(S("xyz")[:]).__name__, type(str.__getitem__(S("xyz"), slice(None))).__name__)
bb = B(b"xyz")
print(bb[:], type(bb[:]).__name__, bb[:] is bb, bb[1:2])


class I:
    def __index__(self):
        return 2


print(s[I():], b[:I()], s[I():4])

print((0).to_bytes(), (255).to_bytes(1, "big"), (258).to_bytes(2, "little"), (2 ** 39 + 5).to_bytes(5), (2 ** 40 + 5).to_bytes(6))
print((1).to_bytes(9, "big"), (2 ** 63).to_bytes(8), (5).to_bytes(0 + 3, byteorder="little"), (-1).to_bytes(2, signed=True))
attempt("too big", lambda: (256).to_bytes(1))
attempt("negative", lambda: (-1).to_bytes(2))
attempt("zero length", lambda: (1).to_bytes(0))
print((0).to_bytes(0), (7).to_bytes(1, "little"))
attempt("bad order", lambda: (1).to_bytes(1, "middle"))
print(int.from_bytes(b"abcde"), int.from_bytes(b"abcde", "little"), int.from_bytes(b""), int.from_bytes(b"\xff" * 7))
print(int.from_bytes(b"\xff" * 8), int.from_bytes(b"\x80", signed=True), int.from_bytes(bytearray(b"\x01\x02")), int.from_bytes([1, 2, 3]))
attempt("from bad order", lambda: int.from_bytes(b"a", "middle"))
attempt("from str", lambda: int.from_bytes("a"))
print(type(int.from_bytes(b"ab")).__name__, int.from_bytes(B(b"\x01\x00")))

# Constant subscripts are folded at compile time (in range only): the values and the run-time errors stay.
print(b'!'[0], b'u'[0], b'xyz'[-1], "héllo"[1], "abc"[-3], "𝄞x"[0], b"z"[0] == 122)
attempt("folded out of range", lambda: b'ab'[5])
attempt("str out of range", lambda: "ab"[-3])
print([c for c in b"!u" if b'!'[0] <= c <= b'u'[0]])

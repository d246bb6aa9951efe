# Native _bisect under bisect (CPython's Lib/bisect.py imports _bisect over its Python code), bytes and
# tuple concatenation and slicing by tag, tuple-of-bytes dict keys and equality.
import bisect
import collections
import random


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


print(bisect.bisect is bisect.bisect_right, bisect.insort is bisect.insort_right)
print(type(bisect.bisect_left).__name__, bisect.bisect_left.__name__)
a = [1, 2, 2, 2, 3, 5.5, 8]
for x in (0, 1, 2, 2.0, 2.5, 3, 5.5, 7, 8, 9, True):
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x, 2), bisect.bisect_left(a, x, 1, 4))
print(bisect.bisect([], 1), bisect.bisect_left([], 1), bisect.bisect(a, 2, hi=None), bisect.bisect(a, 2, 0, True))
print(bisect.bisect(a, 2, lo=3, hi=3), bisect.bisect(a, 2, 5, 2), bisect.bisect(a, 2, 0, -1), bisect.bisect(a, 2, 0, -5))
words = ["apple", "Banana", "cherry", "date"]
print(bisect.bisect(words, "b"), bisect.bisect(words, "b", key=str.lower), bisect.bisect_left(words, "banana", key=str.lower))
recs = [(1, "a"), (3, "b"), (5, "c")]
print(bisect.bisect(recs, 3, key=lambda r: r[0]), bisect.bisect_left(recs, 3, key=lambda r: r[0]))
bisect.insort(recs, (4, "x"), key=lambda r: r[0])
bisect.insort_left(recs, (3, "y"), key=lambda r: r[0])
print(recs)
s = []
rng = random.Random(5)
for _ in range(200):
    bisect.insort(s, rng.randrange(50))
print(s == sorted(s), len(s), s[:12])
t = [1, 3]
bisect.insort(t, 9, 5)  # an index past the end appends
bisect.insort_left(t, 0, 0, 0)
print(t)
print(bisect.bisect(range(0, 100, 3), 50), bisect.bisect_left((1, 2, 3), 2), bisect.bisect("abcdef", "c"))


class Seq:
    def __init__(self):
        self.data = [10, 20, 30]
        self.inserted = []

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        return self.data[i]

    def insert(self, i, x):
        self.inserted.append((i, x))
        self.data.insert(i, x)


q = Seq()
print(bisect.bisect(q, 25))
bisect.insort(q, 15)
print(q.data, q.inserted)


class Weird:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v < (other.v if isinstance(other, Weird) else other)

    def __gt__(self, other):
        return self.v > (other.v if isinstance(other, Weird) else other)

    def __repr__(self):
        return "W(%r)" % self.v


print(bisect.bisect([Weird(1), Weird(3)], Weird(2)), bisect.bisect_left([1, 3, 5], Weird(4)))
attempt("lo<0", lambda: bisect.bisect(a, 1, -1))
attempt("lo None", lambda: bisect.bisect(a, 1, lo=None))
attempt("lo float", lambda: bisect.bisect(a, 1, 1.0))
attempt("hi float", lambda: bisect.bisect(a, 1, hi=1.5))
attempt("hi str", lambda: bisect.bisect(a, 1, 0, "3"))
attempt("hi huge", lambda: bisect.bisect(a, 1, 0, 2 ** 70))
attempt("lo huge", lambda: bisect.bisect(a, 1, 2 ** 70))
attempt("no len", lambda: bisect.bisect(5, 1))
attempt("no index", lambda: bisect.bisect(5, 1, 0, 3))
attempt("past end", lambda: bisect.bisect([1, 2], 1, 0, 5))
attempt("too many", lambda: bisect.bisect_right([1], 1, 0, 1, 2))
attempt("none", lambda: bisect.bisect())
attempt("one", lambda: bisect.insort_left([]))
attempt("bad kw", lambda: bisect.bisect([1], 1, k=2))
attempt("twice", lambda: bisect.bisect([1], 1, 0, lo=0))
attempt("uncomparable", lambda: bisect.bisect([1, 2], "x"))
attempt("key raises", lambda: bisect.bisect([1, 2], 1, key=lambda v: 1 / 0))
attempt("insort tuple", lambda: bisect.insort((1, 2), 3))

# bytes + bytes, list + list, tuple + tuple (by tag), slices and indexing of bytes
b = b"hello" + b" " + b"world"
print(b, b + b"", b"" + b, (b + b) [3:14:2], b[-1], b[0], b[::-1], b[2:2], b[100:], type(b + b"").__name__)
attempt("bytes+str", lambda: b"a" + "b")
attempt("bytes+list", lambda: b"a" + [1])
attempt("bytes index", lambda: b"abc"[3])
attempt("bytes index neg", lambda: b"abc"[-4])
text_key = "x"
attempt("bytes key", lambda: b"abc"[text_key])
print(bytearray(b"ab") + b"cd", b"ab" + bytearray(b"cd"), b"ab" + memoryview(b"cd"))
t1 = (1, 2)
print(t1 + () is t1, () + t1 is t1, t1 + (3,), [1] + [2, 3], [] + [], () + ())
attempt("tuple+list", lambda: (1,) + [2])
attempt("list+tuple", lambda: [1] + (2,))


class B(bytes):
    pass


class L(list):
    pass


print(type(B(b"x") + b"y").__name__, type(b"y" + B(b"x")).__name__, type(L([1]) + [2]).__name__)

# tuples of bytes as dict keys (bpe's Counter of pairs), equality and hashing
pairs = collections.Counter()
word = [bytes([c]) for c in b"abracadabra"]
for _ in range(3):
    for pair in zip(word[:-1], word[1:]):
        pairs[pair] += 1
print(sorted(pairs.items())[:5], max(pairs, key=lambda p: pairs[p]))
key = (b"a", b"b")
print(pairs[key], pairs[(b"a" + b"", b"" + b"b")], key == (b"a", b"b"), key == (b"a", b"c"), key != (b"a", b"b"))
print(hash((b"ab", 1)) == hash((b"a" + b"b", 1)), hash(b"xyz") == hash(b"xy" + b"z"), {b"q": 1}.get(b"q" + b""))
d = {(1, (2, b"x")): "nested", ("s", 2.0): "mixed"}
print(d[(1, (2, b"" + b"x"))], d[("s", 2)], (1, 2.0) == (1, 2), (b"a",) == ("a",), {(b"a",): 1}.get(("a",)))
nan = float("nan")
print((nan,) == (nan,), [nan] == [nan])

# bytes() of small ints: one byte from a list and zero bytes are shared objects (CPython 3.11); from a tuple not
one, again = bytes([97]), bytes([97])
print(one is again, bytes((1,)) is bytes((1,)), bytes([]) is bytes(()), bytes([1, 2]) == bytes((1, 2)), bytes([True, 255]))
for bad in ([256], [-1], ["a"], [1.0], (300,)):
    attempt("bytes(%r)" % (bad,), lambda: bytes(bad))
print(bytes([0, 10, 127, 128, 255]), bytes(range(3)), bytes(bytearray(b"xy")), type(bytes([5])).__name__)

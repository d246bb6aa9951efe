# Set algebra walked in place (subset, difference, intersection, disjoint, symmetric difference) with
# mutation from __eq__, ordering fast paths (ints, floats, NaN, sets), bytes re.sub output built as bytes,
# and json.loads' key memo (a repeated key is one str).
import json
import re

free = frozenset(range(50))
fp = frozenset([3, 7, 11, 12, 40])
print(fp <= free, fp < free, free >= fp, free > fp, fp >= free, free <= fp, fp == frozenset([3, 7, 11, 12, 40]))
n_free = free - fp
print(len(n_free), min(n_free), max(n_free), sorted(n_free & frozenset([1, 3, 5, 7, 60]))[:5])
print(type(free - fp).__name__, type({1, 2} - frozenset([1])).__name__, type(frozenset([1]) | {2}).__name__)
a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
b = {5, 6, 7, 100}
print(list(a - b), list(a & b), list(b & a), list(a ^ b), list(a | b))
print(a.isdisjoint(b), a.isdisjoint({200}), b.issubset(a), {5, 6}.issubset(a), a.issuperset({5, 6}))
c = set(a)
c -= b
d = set(b)
d ^= a
e = set(a)
e &= b
print(sorted(c), sorted(d), sorted(e), c < a, c <= c, c < c)
print(set() <= set(), set() < {1}, {1} > set(), {(1, 2), "x"} - {"x"}, frozenset({frozenset({1})}) <= {frozenset({1})})


class Noisy:
    """Equal to everything with the same tag; its __eq__ empties a set it was told about."""

    def __init__(self, tag, victim=None):
        self.tag = tag
        self.victim = victim

    def __hash__(self):
        return hash(self.tag)

    def __eq__(self, other):
        if self.victim is not None:
            self.victim.clear()
        return isinstance(other, Noisy) and other.tag == self.tag

    def __repr__(self):
        return "N(%s)" % self.tag


victim = {Noisy(1), Noisy(2), Noisy(3)}
probe = {Noisy(1, victim), Noisy(2, victim)}
print(len(probe & victim) <= 2, len(victim) <= 3)
victim2 = {Noisy(i) for i in range(6)}
walker = {Noisy(i, victim2) for i in range(3)}
print(walker <= victim2 or True, len(victim2))
x = {Noisy(i) for i in range(4)}
print(sorted(n.tag for n in x - {Noisy(1), Noisy(2)}), sorted(n.tag for n in x & {Noisy(3)}))

nan = float("nan")
print(min([3, 1, 2]), max([3, 1, 2]), min(2.5, 1.5), max([1.5, nan, 0.5]), min([nan, 1.0]), min([1.0, nan]))
print(min([4, 2.5, 3]), max([True, 2, 1.5]), min(["b", "a"]), max((1, 2), (1, 3)), 1 < 2.0, 2.0 <= 2, nan < nan, nan >= nan)
print(sorted([5, 3.5, 1, 10 ** 20, -2]), sorted([nan, 1.0, 0.5])[1:], -(2 ** 63) < 2 ** 63 - 1)
try:
    min([1, "a"])
except TypeError as err:
    print("TypeError", err)

# re.sub and re.subn on bytes: literal templates, group templates, callables, high bytes
seq = bytes(range(256)) * 2 + b"tHaNtcgBDHKMNRSVWY\n>head\nline"
print(re.sub(b"B", b"(c|g|t)", b"aBcBBd"), re.subn(b"[BD]", b"<\\g<0>>", b"aBcDd"))
print(re.sub(b">.*\n|\n", b"", seq)[-30:], len(re.sub(b"[\x80-\xff]", b"\xfe", seq)), re.sub(b"[\x80-\xff]", b"\xfe", seq)[120:140])
print(re.sub(b"(a)(b)?", lambda m: m.group(1).upper() + (m.group(2) or b"-"), b"ab a b ab"), re.sub(b"x", b"\xe9", b"axbx"))
print(re.sub(b"(h)", b"\\1\\1", b"hah"), re.sub(b"q", b"Q", b"none"), re.subn(b"", b"-", b"ab"), re.sub("é", "e\\\\", "café é"))
print(re.sub(b"a", bytearray(b"Z"), b"banana"), re.sub(b"a", memoryview(b"Y"), b"aa"), type(re.sub(b"a", b"b", bytearray(b"aa"))).__name__)
calls = []


def five_at_one(m):
    calls.append(m.start())
    return 5 if m.start() == 1 else "y"


print(re.sub("a", lambda m: None, "bab"), re.subn(b"a", lambda m: None, b"bab"), re.sub(b"a", lambda m: memoryview(b"q"), b"a"), re.sub("a", b"x", "bb"))
for bad in (lambda: re.sub(b"a", "x", b"a"), lambda: re.sub(b"a", lambda m: "x", b"a"), lambda: re.sub("a", b"x", "a"),
            lambda: re.sub("a", lambda m: 5, "xa"), lambda: re.sub(b"a", "x", b"ba"), lambda: re.sub("a", b"x", "ba"),
            lambda: re.sub("a", five_at_one, "aaa"), lambda: re.sub("a", lambda m: bytearray(b"q"), "a")):
    try:
        bad()
    except TypeError as err:
        print("TypeError", err)
print(calls)

# json.loads: repeated keys are one str; escapes, duplicates, hooks
doc = json.loads('[{"key": 1, "other": [1, 2], "k\\u00e9y": 0}, {"key": 2, "other": null, "k\\u00e9y": 1}, {"key": {"key": 3}}]')
k0, k1, k2 = (list(d)[0] for d in doc)
print(doc, k0 is k1, k1 is k2, list(doc[0])[2] == "k\u00e9y")
print(json.loads('{"a": 1, "a": 2, "b": {"a": 3}}'), json.loads('{}'), json.loads('{"": ""}'), json.loads('{"a\\"b": 1, "a\\"b": 2}'))
print(json.loads('{"x": 1, "y": 2}', object_pairs_hook=lambda p: p), json.loads('{"x": {"y": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"long key that is more than fifteen bytes": 1, "long key that is more than fifteen bytes": 2}'))
print(json.loads('{"tab\tkey": 1}', strict=False))
for bad in ('{"tab\tkey": 1}', '{"a" 1}', '{"a": 1,}', '{"a": 1', '{"unterminated: 1}', '{1: 2}'):
    try:
        json.loads(bad)
    except json.JSONDecodeError as err:
        print("JSONDecodeError", err)

# str.splitlines over UTF-8 (every line break CPython knows) and %-formatting's output with non-ASCII text
text = "a\nb\r\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l\u00e9\u20ac\U0001F600\n\nend"
print(text.splitlines(), text.splitlines(True), "".splitlines(), "\n".splitlines(), "x\r".splitlines(True), "\u00c2\u0085".splitlines())
print("%(name)s is %(age)d, %(city)s" % {"name": "Zoë", "age": 7, "city": "Köln"}, "%s|%5s|%-4s|%c%c" % ("€", "é", "ü", 0x1F600, "x"))
print("%(a)s%(b)r" % {"a": "\u2028", "b": "\u00e9"}, "%% %s %%" % "\U0001F600", "%.2s" % "\u00e9\u00e8\u00ea", "%x %X %o %e" % (255, 255, 8, 1.5))

# alternations whose branches begin with literals or classes (a failing branch is skipped without a choice)
dna = "agggtaaacattttaccctgagggtaaatttaccctxagggtaaa" * 3
for p in ("agggtaaa|tttaccct", "[cgt]gggtaaa|tttaccc[acg]", "a[act]ggtaaa|tttacc[agt]t", "x|y|(a)(g+)", "(?:a|t)+c", "t*?a|c",
          "(a|ag)(ggg|gg)t", "(?=a)ag|t", "(?!a)[a-z]ta|g", "(a|b)*c|t+", r"(t)\1|(a)\2", "^ag|a$|x"):
    print(p, len(re.findall(p, dna)), re.findall(p, dna)[:4], [m.span() for m in re.finditer(p, dna)][:3])
print(re.findall(b"agggtaaa|tttaccct", dna.encode()), re.sub("a|t", "-", "catalyst"), re.split("(a)|t", "catalyst"))

# str ordering by code point (UTF-8 order): prefixes, non-ASCII, astral, equal, via <, sorted, min/max, bisect
words = ["b", "a", "ab", "", "\u00e9", "e\u0301", "z", "\U0001F600", "\uffff", "aa", "a\x00", "A", "\u0100", "\x7f", "\x80"]
print(sorted(words), min(words), max(words), "a" < "ab", "ab" < "a", "ab" <= "ab", "\u00e9" > "z", "\uffff" < "\U0001F600")
print(["x" < "x", "x" <= "x", "x" >= "x", "x" > "x", "" < "a", "a" > ""], sorted(["ba", "b", "bab", "\u00e9a", "\u00e9"]))
import bisect
sols = []
for w in words:
    sols.insert(bisect.bisect(sols, w), w)
print(sols == sorted(words))

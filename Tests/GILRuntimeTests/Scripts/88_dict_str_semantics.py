# dict as CPython's compact table and str fast paths (issue #6): semantics that must not change.

# Insertion order survives deletes, re-inserts and resizes.
d = {}
for i in range(50):
    d[i] = i * i
for i in range(0, 50, 3):
    del d[i]
d[0] = "back"
d[3] = "again"
print(list(d)[:10], len(d))
for i in range(1000):
    d["k%d" % i] = i
    del d["k%d" % i]
print(len(d), list(d.items())[-3:])

# Hash-equal keys are one key: 1 == 1.0 == True, 0 == 0.0 == False == -0.0.
e = {1: "int"}
e[1.0] = "float"
e[True] = "bool"
print(e, len(e), e[1], 1.0 in e, True in e)
z = {0: "a"}
z[-0.0] = "b"
z[False] = "c"
print(z)
print({(1, 2): "t"}[(1.0, 2)], (1, "x") in {(1, "x"): 0})

# Equal strings that are different objects find the same entry.
parts = ["ab", "c"]
key = "".join(parts)
f = {"abc": 1}
f[key] += 1
print(f, key in f, f.get("a" + "bc"))

# Code points, not canonical equivalence: "é" and "e" + combining acute are different.
composed = "\u00e9"
decomposed = "e\u0301"
g = {composed: "composed", decomposed: "decomposed"}
print(len(g), composed == decomposed, len(composed), len(decomposed))
print(sorted(g.values()), g[composed], g[decomposed])
print(composed in [decomposed], composed + decomposed == decomposed + composed)

# User __hash__/__eq__ keys, and an __eq__ that changes the dict during the lookup.
class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v) % 4
    def __eq__(self, other):
        return isinstance(other, K) and self.v == other.v

h = {K(i): i for i in range(20)}
print(len(h), h[K(7)], K(21) in h, [k.v for k in h][:5])

class Meddler:
    def __hash__(self):
        return 1
    def __eq__(self, other):
        victim.clear()
        return False

victim = {}
victim[Meddler()] = 1
victim["other"] = 2
print(victim.get(Meddler(), "absent"), len(victim))

# Unhashable keys still raise.
try:
    {}[[1]] = 2
except TypeError as exc:
    print("TypeError:", exc)

# str building: len after +=, f-strings, join, split, upper/lower, non-ASCII.
s = ""
for i in range(-3, 12):
    s += str(i)
print(s, len(s))
w = "h\u00e9llo"
t = f"{w}-{len(w)}-{-42}-{w!r}-{3.5}-{True}-{7:03d}"
print(t, len(t))
print(",".join([w, "x", ""]), len(",".join([w, "x", ""])), "-".join([]), "-".join(["solo"]))
try:
    ",".join(["a", 1])
except TypeError as exc:
    print("TypeError:", exc)
print("a,b,,c".split(","), "\u00e9,\u00e8".split(","), [len(p) for p in "\u00e9a,\u00e8bb".split(",")])
print("Stra\u00dfe".upper(), "ABC def 1!".upper(), "ABC def 1!".lower(), "\u00c9COLE".lower())
print(str(0), str(-9223372036854775807 - 1), str(10 ** 30), str("same"), len(str(-120)))
print(w[1], w[-1], w[1:3], len(w + w))
try:
    "-".join([5])
except TypeError as exc:
    print("TypeError:", exc)
print("".join(("a", "b")), "+".join(c for c in "xyz"), "abc"[1], "abc"[-1] + "\u00e9"[0], [c for c in "a\u00e9"])
print(str(255), str(256), str(-1), f"{0}{255}{256}", f"{'s'}{7}" + str(9) * 3)
print("a--b----c".split("--"), "a,b,c".split(",", 1), "a,b,c".split(",", 0), "abc".split("abcd"), ",,".split(","))
print("x\u00e9y\u00e9z".split("\u00e9"), "MiXeD \u00c9t\u00e9".upper(), "MiXeD".lower(), "".upper())
grow = []
for i in range(20):
    grow.append(i)
print(grow[-1], len(grow), [x * 2 for x in range(10)][-3:])
print("e\u0301" in "caf\u00e9", "\u00e9" in "caf\u00e9", "" in "", "fe" in "caf\u00e9", "ab" in "xxab", "abc" in "ab")

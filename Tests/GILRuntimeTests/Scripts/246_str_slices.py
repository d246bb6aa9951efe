# str slicing over ASCII and multi-byte text: every step sign and size, out-of-range and negative bounds,
# full and empty slices, subclasses, slice objects and __index__ bounds (the UTF-8 slicing path).
texts = ["", "a", "hello, world", "héllo wörld", "日本語のテキスト", "a😀b😀c😀", "x" * 40 + "é" + "y" * 40,
         "\u0000\u007f\u0080\u07ff\u0800\uffff\U00010000\U0010ffff"]
bounds = [None, 0, 1, 2, 3, -1, -2, -5, 7, 100, -100]
steps = [None, 1, 2, 3, -1, -2, -3, 5]
total = 0
for t in texts:
    for a in bounds:
        for b in bounds:
            for c in steps:
                r = t[a:b:c]
                assert r == "".join(list(t)[a:b:c]), (t, a, b, c)
                total += len(r)
        print(repr(t[a:]), repr(t[:a]), repr(t[a::-1]))
print(total)

s = "immutable"
print(s[:] is s, s[0:] is s, s[::1] is s, s[:100] is s)
print(type(s[1:3]), len(s[100:]), repr(s[5:2]))

class S(str):
    pass

u = S("subclass ü")
v = u[:]
print(type(v).__name__, repr(v), v is u, repr(u[2:-1]), repr(u[::-2]))

class I:
    def __init__(self, n): self.n = n
    def __index__(self): return self.n

w = "wörds and more wörds"
print(repr(w[I(1):I(-3)]), repr(w[slice(2, None, 3)]), repr(w[slice(I(-4), None)]))
for bad in [lambda: w[::0], lambda: w[1.5:], lambda: w["a":]]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# Slices keep working as values: hashing, equality, dict keys, concatenation, lengths of multi-byte slices.
d = {w[0:5]: 1}
print(d["wörds"], hash(w[0:5]) == hash("wörds"), w[1:5] + w[-5:], len(w[::2]), len("😀😀😀"[1:]))
pattern = "OA" * 1000
n = 0
for i in range(0, 2000, 7):
    n += len(pattern[i:]) + pattern[i:].count("A")
print(n)
# One-character slices are the shared one-character strings, as indexing gives them.
print(s[0:1] is s[0], s[-1:] is s[-1], w[3:4] is w[3], w[1:2] == "ö")

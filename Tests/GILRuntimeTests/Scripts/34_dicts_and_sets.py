d = {}
for word in "the quick the lazy the end quick".split():
    d[word] = d.get(word, 0) + 1
print(d)
print(sorted(d.items(), key=lambda kv: (-kv[1], kv[0])))
for k in d:
    print(k, end=" ")
print()
for k, v in d.items():
    if v > 1:
        print(k, v)
d2 = dict(a=1, b=2)
d2.update({"c": 3})
d2.update(d=4)
print(d2, len(d2), d2.pop("a"), d2)
print(d2.setdefault("z", 26), d2.setdefault("b", 0), d2)
del d2["z"]
print(list(d2), "c" in d2, d2.keys() == {"b", "c", "d"})
s = {3, 1, 2}
s.add(5); s.discard(1); s.discard(100)
print(sorted(s), len(s), 2 in s)
a = {1, 2, 3}; b = {2, 3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(a <= {1, 2, 3, 4}, a.issubset(b), {1} < a)
nested = {"k": {"inner": [1, {"deep": True}]}}
print(nested["k"]["inner"][1]["deep"], nested)
counts = {}
for ch in "hello world":
    if ch != " ":
        counts[ch] = counts.get(ch, 0) + 1
print(max(counts, key=counts.get), sorted(counts.items())[:3])
print({1: "a", True: "b"}, {(1, 2): "tuple key"})

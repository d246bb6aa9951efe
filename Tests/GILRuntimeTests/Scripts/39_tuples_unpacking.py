point = (3, 4)
x, y = point
print(x, y, point[0] + point[1], len(point))
a = b = c = 0
a += 1
print(a, b, c)
a, b = 1, 2
a, b = b, a
print(a, b)
(p, q), r = (1, 2), 3
print(p, q, r)
for i, (name, score) in enumerate([("ann", 90), ("bob", 85)]):
    print(i, name, score)
t = 1, 2, 3
print(t, type(t).__name__, (1,), ())
print(t.count(2), t.index(3), t + (4,), t * 2)
single = ("only",)
print(single, len(single))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0])
records = [("b", 2), ("a", 2), ("c", 1)]
print(sorted(records, key=lambda r: (r[1], r[0])))
k, v = max({"x": 3, "y": 9}.items(), key=lambda kv: kv[1])
print(k, v)

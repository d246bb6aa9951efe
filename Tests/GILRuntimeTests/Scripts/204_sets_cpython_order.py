# Sets and frozensets on CPython's table: iteration order of ints, floats, tuples and frozensets, every
# operator and method (result order included), pop order, CPython's hash() values, errors.
print({5, 3, 9, 1, 17, 33, -1, -2, 0, 8})
print(set(range(20, 0, -3)), set([100, 7, 1000, 64, 8, 2**40, -2**40, 2**61, 2**62 + 5]))
print({1.5, 2.0, -0.5, 3.25, 1e10, 7.0}, {(1, 2), (2, 1), (0,), (), (1, (2, 3))})
print({frozenset({1, 2}), frozenset(), frozenset({3})}, frozenset({9, 8, 7}), frozenset(), set())
print({True, 2, 1.0, 0, False}, {-1, -2, -3, -1.0})

a = set(range(0, 30, 3))
b = set(range(0, 30, 5))
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [40, 41], (i * 7 for i in range(6))), a.intersection(b, range(10)), a.difference(b, [3, 6]))
print(a.symmetric_difference([0, 1, 2, 3]), a.union(), a.intersection(), a.difference())
print(frozenset(a) | b, type(frozenset(a) | b).__name__, type(b | frozenset(a)).__name__)
print(a.issubset(range(100)), a <= b, a < a | b, a >= a & b, a > a, a.isdisjoint({1, 2}), a.isdisjoint([3]))
print(a == set(a), a != b, frozenset(a) == a, a.issuperset(i for i in range(0, 9, 3)))

d = {"x": 1, 7: 2, 3: 3}
k = d.keys()
print(sorted(k | {9}, key=str), sorted(k & {7, "x", 10}, key=str), sorted(k - {7}, key=str), sorted(k ^ {3, 4}, key=str))
print(sorted(d.items() & {(7, 2), (3, 4)}), {1, 3, 7} & k, {1, 3, 7} - k, sorted({7} | k, key=str))

s = set(range(50))
for i in range(0, 50, 2):
    s.discard(i)
s.update(range(100, 130))
print(s)
s -= set(range(100, 125))
print(s)
s &= set(range(25)) | {126, 127}
print(s)
s ^= {1, 2, 3, 4}
print(s)
s |= frozenset({99})
print(s, len(s))
popped = []
while s:
    popped.append(s.pop())
print(popped)

t = {10, 20, 30}
t.intersection_update([20, 30, 40], {30, 20})
print(t)
t.difference_update([20], {99})
t.symmetric_difference_update({30, 31})
print(t, t.copy(), t.copy() is t)
fz = frozenset(range(5))
print(fz.copy() is fz, frozenset(fz) is fz, fz.union([9]), fz.intersection({1, 2, 9}))

print(hash(0), hash(1), hash(-1), hash(-2), hash(2**61 - 1), hash(2**61), hash(-2**61), hash(2**64 + 7), hash(-(2**100)))
print(hash(1.5), hash(-0.5), hash(0.1), hash(1e300), hash(-1e-300), hash(float("inf")), hash(float("-inf")), hash(2.0**62), hash(3.0))
print(hash(True), hash(()), hash((1,)), hash((1, 2)), hash((1, (2, 3.5), -1)), hash(((),)))
print(hash(frozenset()), hash(frozenset({1})), hash(frozenset({1, 2, 3})), hash(frozenset({(1, 2), frozenset({3})})))
print(hash(2**70) == hash(2.0**70), hash(-1.0) == hash(-1), {2**70: "a"}[2.0**70], {-1: "m"}[-1.0])

fs = frozenset({1, 2})
print({fs: "v"}[frozenset([2, 1])], {1, 2} in {fs}, {fs, frozenset({1, 2})}, {1, 2} in [fs])
holder = {fs, frozenset({3})}
holder.discard({3})
print(holder)
holder.remove({1, 2})
print(holder)

for bad in (lambda: {[1]}, lambda: {1}.add({2}), lambda: set().pop(), lambda: {1}.remove(2), lambda: hash({1}),
            lambda: frozenset().add(1), lambda: set.add(frozenset(), 1), lambda: {1} | [2], lambda: {1} < [1],
            lambda: set(1), lambda: set([1], [2])):
    try:
        bad()
    except (TypeError, KeyError, AttributeError) as e:
        print(type(e).__name__, e)

grow = {1, 2, 3}
try:
    for x in grow:
        grow.add(x + 10)
except RuntimeError as e:
    print("RuntimeError", e)
print(sorted(grow))
shrink = set(range(5))
try:
    for x in shrink:
        shrink.discard(x)
except RuntimeError as e:
    print("RuntimeError", e)

words = {"pear", "apple", "fig", "plum"}
print(sorted(words), sorted(words | {"kiwi"}), "fig" in words, len(words & {"fig", "date"}))
big = set(range(1000))
for i in range(0, 1000, 3):
    big.remove(i)
print(len(big), list(big)[:10], list(big)[-5:], sum(big))
big.update(range(2000, 2010))
print(list(big)[-12:])
print({x % 7 for x in range(100)}, {*range(3), *[10, 11], *{20}})
print(repr(frozenset({1, frozenset({2})})), set(frozenset({5, 6})), list(reversed(sorted({3, 1, 2}))))

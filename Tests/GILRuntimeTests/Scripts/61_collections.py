# collections: deque, Counter, defaultdict, namedtuple, OrderedDict.
from collections import deque, Counter, defaultdict, namedtuple, OrderedDict
import collections

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1])
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft([-1, -2])
print(list(d))
d.rotate(2)
print(list(d))
d.rotate(-3)
print(list(d))
bounded = deque(maxlen=3)
for i in range(6):
    bounded.append(i)
print(bounded, bounded.maxlen)
print(3 in d, d.count(7), list(reversed(d))[:2])
d.clear()
print(d, bool(d))

words = "the cat and the hat and the bat".split()
c = Counter(words)
print(c.most_common(2))
print(c["the"], c["missing"], len(c))
c.update(["cat", "cat"])
print(sorted(c.items()))
c2 = Counter("abracadabra")
print(c2.most_common(3))
print(sorted(c2.elements())[:6])
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2))
print(sum(c.values()), c.total())

dd = defaultdict(list)
for word in words:
    dd[len(word)].append(word)
print(sorted(dd.items()))
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(sorted(counts.items()), counts["z"], "z" in counts)
print(dict(defaultdict(set)))

Point = namedtuple("Point", ["x", "y"])
p = Point(3, 4)
print(p, p.x + p.y, p[0], tuple(p))
q = p._replace(y=10)
print(q, q._asdict(), Point._fields)
x, y = q
print(x, y, p == (3, 4))
Pair = collections.namedtuple("Pair", "left right")
print(Pair(1, right=2))

od = OrderedDict()
od["b"] = 1
od["a"] = 2
od.move_to_end("b")
print(list(od.keys()), od.popitem(last=False))

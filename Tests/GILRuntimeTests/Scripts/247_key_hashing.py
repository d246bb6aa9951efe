# Dict and set keys hash as PyObject_Hash does: tuple keys hash their elements with the elements' own
# __hash__ and compare with their __eq__; unhashable elements raise; math.gcd/lcm take indexes only.
import math
from collections import Counter, namedtuple
from fractions import Fraction


class K:
    eq_calls = 0

    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        K.eq_calls += 1
        return isinstance(other, K) and other.v == self.v


d = {(Fraction(1, 2), 3): "half", ((K(1), K(2)), "x"): "pair"}
print(d.get((Fraction(1, 2), 3)), (Fraction(1, 2), 3) in d, d.get((Fraction(2, 4), 3)))
print(d[((K(1), K(2)), "x")], ((K(1), K(3)), "x") in d)
s = {(K(5), 1), (K(5), 1), (K(6), 1)}
print(len(s), (K(6), 1) in s, frozenset([(K(7),)]) == frozenset([(K(7),)]))
c = Counter()
for i in range(6):
    c[(Fraction(i % 3, 1), "k")] += 1
print(sorted((k[0], n) for k, n in c.items()))
print(hash((K(4), 1)) == hash((4, 1)), hash((Fraction(3, 1),)) == hash((3,)), hash((True,)) == hash((1,)))

P = namedtuple("P", "a b")
print(hash(P(1, 2)) == hash((1, 2)), {P(K(1), 2): 1}.get((K(1), 2)), P(Fraction(1, 3), 0) in {(Fraction(2, 6), 0)})
k = (K(9), 0)
K.eq_calls = 0
table = {k: 1}
print(table[k], K.eq_calls)
print(table[(K(9), 0)], K.eq_calls > 0)


class Weird:
    def __init__(self, h):
        self.h = h

    def __hash__(self):
        return self.h


print(hash(Weird(-1)), hash((Weird(-1),)) == hash((-2,)), hash(Weird(True)), hash(Weird(2**70)) == hash(2**70))
for bad in [([1], 2), (1, {}), (1, (2, {3})), (Weird("s"),)]:
    try:
        hash(bad)
    except TypeError as e:
        print("TypeError", e)
    try:
        {bad: 1}
    except TypeError as e:
        print("TypeError", e)
    try:
        bad in {(1, 2)}
    except TypeError as e:
        print("TypeError", e)


class EqOnly:
    def __eq__(self, other):
        return True


try:
    {(1, EqOnly()): 1}
except TypeError as e:
    print("TypeError", e)

print(math.gcd(), math.gcd(0), math.gcd(-12), math.gcd(12, 18), math.gcd(-12, 18), math.gcd(12, -18, 8))
print(math.gcd(0, 0), math.gcd(0, -5), math.gcd(True, 4), math.gcd(-2**63, 0), math.gcd(-2**63, -2**63))
print(math.gcd(2**100, 2**70 * 3), math.gcd(2**64 + 6, 4), math.gcd(2**63 - 1, 2**63 - 2), math.gcd(6, 2**65, 4))


class I:
    def __index__(self):
        return 30


print(math.gcd(I(), 12), type(math.gcd(I(), 12)).__name__, math.gcd(7, I()))
for bad in [(1.5, 2), (2, "3"), (2, 3.0), (2**70, 1.0)]:
    try:
        math.gcd(*bad)
    except TypeError as e:
        print("TypeError", e)
try:
    math.gcd(a=1)
except TypeError as e:
    print("TypeError", e)
print(math.lcm(), math.lcm(4, 6), math.lcm(-4, 6), math.lcm(0, 5), math.lcm(2**70, 3), math.lcm(I(), 4))
for bad in [(1.0,), (2, "x")]:
    try:
        math.lcm(*bad)
    except TypeError as e:
        print("TypeError", e)
try:
    math.lcm(a=1)
except TypeError as e:
    print("TypeError", e)
f = Fraction(0)
for i in range(1, 30):
    f += Fraction(1, i * (i + 1))
print(f, Fraction(10, -8), Fraction(-2**64, 6))

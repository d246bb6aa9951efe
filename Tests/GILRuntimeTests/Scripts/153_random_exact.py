# random draws CPython's exact sequences: MT19937 seeded from ints (|n|, 32-bit words), str/bytes (version 2:
# sha512), floats (their hash), version 1 strings; every function and distribution, state round trips, and
# subclasses that override random() or getrandbits().
import random

for seed in [0, 1, 2, -3, 12345, 2**32 - 1, 2**32, 2**64 + 7, -2**100, 10**30, "", "hello", "héllo wörld",
             b"bytes", bytearray(b"array"), 0.5, -2.75, 1e300, True]:
    r = random.Random(seed)
    print(repr(seed)[:24], r.random(), r.getrandbits(1), r.getrandbits(31), r.getrandbits(32), r.getrandbits(33),
          r.getrandbits(100), r.randrange(10**20))

random.seed(2024)
print([random.randint(1, 6) for _ in range(20)])
print([random.randrange(3, 100, 7) for _ in range(10)], random.randrange(-50, -5, -3) if False else random.randrange(-5, -50, -3))
print(random.choice("abcdefghij"), random.choice([None, 1.5, "x"]), random.choice(range(10**12)))
deck = list(range(30))
random.shuffle(deck)
print(deck)
print(random.sample(range(100), 10), random.sample(range(10**6), 8), random.sample("abcdefgh", 8))
print(random.sample(["red", "blue"], counts=[4, 2], k=5))
print(random.choices("abc", k=6), random.choices(range(5), weights=[5, 1, 0, 3, 1], k=6))
print(random.choices(["x", "y"], cum_weights=[0.3, 1.0], k=6))
print(random.uniform(-1, 1), random.triangular(), random.triangular(0, 10, 8), random.triangular(5, 5, 5))
print(random.gauss(), random.gauss(10, 2), random.gauss(), random.normalvariate(), random.normalvariate(5, 0.1))
print(random.lognormvariate(0, 0.5), random.expovariate(0.25), random.vonmisesvariate(0, 4), random.vonmisesvariate(1, 0))
print(random.gammavariate(0.3, 1), random.gammavariate(1.0, 2), random.gammavariate(9, 0.5), random.betavariate(0.5, 0.5))
print(random.paretovariate(3), random.weibullvariate(2, 0.5), random.randbytes(6))

state = random.getstate()
first = [random.random() for _ in range(5)]
random.setstate(state)
print(first == [random.random() for _ in range(5)], state[0], len(state[1]), state[2])
random.seed("same", version=1)
a = random.random()
random.seed("same", version=1)
print(a == random.random(), a)

r1, r2 = random.Random(99), random.Random(99)
print([r1.random() for _ in range(3)] == [r2.random() for _ in range(3)])


class Constant(random.Random):
    def random(self):
        return 0.25


class Bits(random.Random):
    def getrandbits(self, k):
        return 1 if k else 0

    def random(self):
        return 0.5


c = Constant(1)
print(c.random(), c.randrange(100), c.choice("abcd"), c.randint(1, 8), c.uniform(0, 4))
b = Bits()
print(b.randrange(10), b.choice("xyz"), b.sample(range(5), 1))
print(Bits._randbelow is Bits._randbelow_with_getrandbits, Constant._randbelow is Constant._randbelow_without_getrandbits)

for bad in [lambda: random.randrange(0), lambda: random.randrange(5, 5), lambda: random.randrange(1, 10, 0),
            lambda: random.choice([]), lambda: random.sample(range(3), 4), lambda: random.sample({1, 2}, 1),
            lambda: random.choices("ab", weights=[0, 0]), lambda: random.getrandbits(-1), lambda: random.gammavariate(-1, 1),
            lambda: random.seed([1, 2]), lambda: random.choices("ab", [1, 2], cum_weights=[1, 2])]:
    try:
        print(bad())
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
print(isinstance(random.SystemRandom().random(), float), 0 <= random.SystemRandom().randrange(10) < 10)

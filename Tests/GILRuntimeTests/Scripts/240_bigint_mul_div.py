# Big-int multiplication, division, addition and subtraction against CPython: operands of 1 to 80 words (both signs, words of all
# zeros and all ones, divisors whose top word is small or full), products, floor quotients and remainders,
# divmod, and identities that must hold for every pair.
state = 12345


def rand(bits):
    global state
    n = 0
    while bits > 0:
        state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
        take = min(bits, 64)
        n = (n << take) | (state >> (64 - take))
        bits -= take
    return n


def shaped(words):
    kind = rand(3)
    if kind == 0:
        return 2 ** (64 * words) - 1                      # all ones
    if kind == 1:
        return 2 ** (64 * words - 1) + rand(8)            # top bit only, small low word
    if kind == 2:
        return (rand(64 * words) | 1) << 64               # a zero low word
    return rand(64 * words) | (1 << (64 * words - 1))


checksum = 0
for round in range(1500):
    a = shaped(1 + rand(7) % 80)
    b = shaped(1 + rand(7) % (1 + rand(6) % 80))
    if rand(1):
        a = -a
    if rand(1):
        b = -b
    p = a * b
    q, r = divmod(a, b)
    assert q * b + r == a, (a, b)
    assert (r == 0) or ((r < 0) == (b < 0) and abs(r) < abs(b)), (a, b)
    assert p // b == a and p % b == 0, (a, b)
    assert a // b == q and a % b == r
    s, d = a + b, a - b
    assert s - b == a and d + b == a and (a + (-a)) == 0 and (b - b) == 0, (a, b)
    checksum = (checksum * 1000003 + p % 1000000007 + 7 * (q % 1000000009) + 13 * (r % 998244353)
                + 17 * (s % 1000000021) + 19 * (d % 1000000033)) % 2**61
    if round < 3:
        print(len(str(p)), str(q)[:30], str(r)[-30:])
print(checksum)
# Small divisors and quotients near a word boundary.
for d in [1, 2, 3, 7, 10**19, 2**63, 2**64 - 1, 2**64, 2**64 + 1, 2**128 - 1]:
    n = 10**200 + 12345
    print(d, n // d % 10**12, n % d, (-n) // d % 10**12, (-n) % d)
print((2**4000 - 1) // 3**500 % 10**20, (3**2000) % (10**40 + 7), 10**300 // (10**150 + 1) % 10**10)
# Powers by squaring.
for base, exp in [(3, 2000), (-7, 333), (-7, 334), (2**64 + 3, 17), (10, 0), (0, 5), (1, 10**6), (-1, 10**6 + 1), (123456789, 1)]:
    v = base ** exp
    print(base if abs(base) < 10**6 else "big", exp, v % 10**30, len(str(abs(v))), v < 0)

# Big ints computed on word arrays (+, -, *, //, %): every sign combination, operands of 0 to 6 words mixed
# with machine ints and zero, results that shrink back to machine ints (including -2**63), chained so that
# results are operands again. A fold of all results is printed per operator, and a sample of the results.
M = 2**61 - 1
state = 12345


def rnd(bits):
    global state
    out = 0
    for _ in range(bits // 31 + 1):
        state = (state * 1103515245 + 12345) % 2**31
        out = (out << 31) | state
    return out % (1 << bits) if bits else 0


edge = [0, 1, -1, 2**63 - 1, -2**63, 2**63, -(2**63) - 1, 2**64 - 1, 2**64, -(2**64), 2**128 - 1, -(2**128), 3 * 2**190]
values = list(edge)
for k in range(60):
    bits = [0, 5, 63, 64, 65, 127, 128, 129, 200, 320, 383][k % 11]
    v = rnd(bits)
    values.append(-v if k % 3 == 1 else v)

folds = {}
samples = []
for i, x in enumerate(values):
    for j, y in enumerate(values[::3]):
        for name, f in (("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b),
                        ("//", lambda a, b: a // b), ("%", lambda a, b: a % b)):
            if name in ("//", "%") and y == 0:
                continue
            r = f(x, y)
            assert type(r) is int
            folds[name] = (folds.get(name, 0) * 1000003 + r) % M
            if (i * 7 + j) % 97 == 0:
                samples.append((name, r))
            # Results as operands again.
            if name in ("*", "-") and y != 0:
                folds["chain"] = (folds.get("chain", 0) * 31 + (r // y) + (r % y) + (r + x) - (r - y)) % M
print(folds)
for s in samples:
    print(s)

# divmod identity and signs of remainders.
for x in values[::4]:
    for y in values[1::5]:
        if y:
            q, r = x // y, x % y
            assert q * y + r == x and (r == 0 or (r < 0) == (y < 0)), (x, y)
print("identity ok")

# The pidigits recurrence for 60 digits.
def digits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, t, k, m, x = 10 * q, 10 * (r - m * t), t, k, (10 * (3 * q + r)) // t - 10 * m, x
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return "".join(map(str, out))
print(digits(60))
big = 7 ** 300
print(big // 7 ** 299, big % (7 ** 299 + 1), -big // 3, -big % 3, big - big, (big + 1) - big, -big * 0)

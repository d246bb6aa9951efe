# Exact products of Decimals with big coefficients (hundreds to tens of thousands of digits) at MAX_PREC:
# balanced and unbalanced operand lengths around the multiplication's thresholds, runs of zeros and nines,
# powers of ten and 2**k - 1 patterns; each product checked against the same product of Python ints and
# summarised by its length and a digest of its digits. Also factorials by the product tree of pyperformance's
# decimal_factorial.
import decimal
from decimal import Decimal

c = decimal.getcontext()
c.prec = decimal.MAX_PREC
c.Emax = decimal.MAX_EMAX
c.Emin = decimal.MIN_EMIN

state = 12345


def rand(n):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return state % n


def digits(n, kind):
    if kind == 0:
        s = "".join(str(rand(10)) for _ in range(n))
    elif kind == 1:
        s = "9" * n
    elif kind == 2:
        s = "1" + "0" * (n - 2) + "1"
    elif kind == 3:
        s = "".join("0" * rand(40) + str(rand(10)) for _ in range(n // 20))[:n]
    else:
        s = str(Decimal(2 ** (n * 10 // 3) - 1))[:n]
    return s.lstrip("0") or "0"


def exact(s):
    # The int of a digit string, in pieces below CPython's int/str conversion limit.
    v = 0
    for i in range(0, len(s), 1000):
        piece = s[i:i + 1000]
        v = v * 10 ** len(piece) + int(piece)
    return v


def digest(s):
    h = 0
    for ch in s.encode():
        h = (h * 131 + ch) % 1000000007
    return h


sizes = [19, 20, 38, 39, 500, 760, 771, 772, 800, 1500, 1541, 3000, 6000]
checked = 0
for i, m in enumerate(sizes):
    for n in sizes[i:]:
        kind = rand(5)
        a, b = digits(m, kind), digits(n, rand(5))
        p = Decimal(a) * Decimal(b)
        q = Decimal("-" + a + "E-7") * Decimal(b + "E3")
        assert int(p) == exact(a) * exact(b), (m, n)
        assert q == -p * Decimal("1E-4")
        checked += 1
        if (m + n) % 3 == 0:
            print(m, n, kind, len(str(p)), digest(str(p)))
print("checked", checked)

big = Decimal(digits(20000, 0))
print("square", len(str(big * big)), digest(str(big * big)))
print("nines", digest(str(Decimal("9" * 12000) * Decimal("9" * 11000))))


def factorial(n, m):
    if n > m:
        return factorial(m, n)
    elif m == 0:
        return 1
    elif n == m:
        return n
    else:
        return factorial(n, (n + m) // 2) * factorial((n + m) // 2 + 1, m)


f = factorial(Decimal(3000), 0)
s = str(f)
print("3000!", len(s), s[:20], s[-20:], digest(s), f.adjusted())
import math
assert int(f) == math.factorial(3000)
print(factorial(Decimal(25), 0), factorial(Decimal(0), 0))

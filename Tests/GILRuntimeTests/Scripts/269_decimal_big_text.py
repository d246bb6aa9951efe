# Text of Decimals with coefficients of hundreds to tens of thousands of digits (str, repr, to_eng_string, the
# digits of as_tuple), including runs of zeros across the places where a conversion may split the coefficient.
import decimal
from decimal import Decimal

c = decimal.getcontext()
c.prec = decimal.MAX_PREC
c.Emax = decimal.MAX_EMAX
c.Emin = decimal.MIN_EMIN


def digest(s):
    h = 0
    for ch in s.encode():
        h = (h * 131 + ch) % 1000000007
    return h


def show(label, d):
    s = str(d)
    t = d.as_tuple()
    print(label, len(s), s[:30], s[-30:], digest(s), len(t.digits), sum(t.digits), digest(repr(d)),
          digest(d.to_eng_string()))


f = Decimal(1)
for i in range(1, 1500):
    f *= i
show("1499!", f)
show("-1499!E-7", -f * Decimal("1E-7"))
for k in [308, 309, 600, 1216, 2432, 4864, 9728, 20000]:
    p = Decimal(10 ** k)
    show(f"10**{k}", p)
    show(f"10**{k}+1", p + 1)
    show(f"10**{k}-1", p - 1)
    show(f"10**{k}+10**{k // 2}", p + Decimal(10 ** (k // 2)))
    show(f"(10**{k}-1)E-{k // 3}", (p - 1) * Decimal(f"1E-{k // 3}"))
x = Decimal(7 ** 30000)
show("7**30000", x)
show("7**30000*10**19+3", x * Decimal(10 ** 19) + 3)
print(str(Decimal(2 ** 5000) - 1)[:50])

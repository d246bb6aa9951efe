# Sums, differences, products, quotients, comparisons and quantize of Decimals with coefficients around a machine
# word and exponents up to ~25 apart, at small and large precisions, in all rounding modes, with the flags each
# operation raises; a digest line per (precision, rounding) keeps the output short. Deterministic (an LCG).
import decimal
from decimal import Decimal, Context

state = 12345


def rand(n):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return (state >> 17) % n


def operand():
    kind = rand(10)
    digits = [1, 2, 5, 9, 18, 19, 20, 21, 30][rand(9)]
    if kind == 0:
        coefficient = 10 ** digits - 1          # all nines
    elif kind == 1:
        coefficient = 18446744073709551615 + rand(3) - 1   # around 2**64
    elif kind == 2:
        coefficient = 0
    else:
        coefficient = rand(10 ** min(digits, 18)) * 10 ** max(0, digits - 18) + rand(10)
    exponent = rand(51) - 25
    sign = "-" if rand(2) else ""
    return Decimal(f"{sign}{coefficient}E{exponent}")


def flags(c):
    return "".join(k.__name__[:3] for k, v in c.flags.items() if v)


values = [operand() for _ in range(60)]
roundings = [decimal.ROUND_HALF_EVEN, decimal.ROUND_HALF_UP, decimal.ROUND_HALF_DOWN, decimal.ROUND_UP,
             decimal.ROUND_DOWN, decimal.ROUND_CEILING, decimal.ROUND_FLOOR, decimal.ROUND_05UP]
for prec in [3, 9, 19, 28]:
    for rounding in roundings:
        c = Context(prec=prec, rounding=rounding, Emax=40, Emin=-40, traps=[])
        decimal.setcontext(c)
        digest = 0
        lines = []
        for i in range(0, len(values) - 1):
            a, b = values[i], values[i + 1]
            row = []
            for name, f in [("+", lambda: a + b), ("-", lambda: a - b), ("*", lambda: a * b),
                            ("/", lambda: a / b), ("q", lambda: a.quantize(Decimal("1E-3"))),
                            ("cq", lambda: c.quantize(b, Decimal("1E2")))]:
                c.clear_flags()
                r = f()
                row.append(f"{name}{r}{flags(c)}")
            row.append("<" if a < b else ("=" if a == b else ">"))
            text = " ".join(row)
            digest = (digest * 31 + sum(text.encode()) * (i + 1)) % 1000000007
            if i < 2:
                lines.append(text)
        print(prec, rounding, digest, *lines)

decimal.setcontext(Context())
a = Decimal("99999999999999999999")
print(a + 1, a - Decimal("1E+20"), Decimal("1E+19") + Decimal("18446744073709551615"), Decimal("-5") + Decimal("5"))
c = decimal.getcontext()
c.rounding = decimal.ROUND_FLOOR
print(Decimal("5") - Decimal("5"), Decimal("-0") + Decimal("0"), Decimal("1E-19") - Decimal("1E-19"))

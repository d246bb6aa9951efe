# Decimal comparisons through every operator against Decimals, ints, bools, floats, Fractions and NaNs (with
# the signals they raise), Decimal subclasses beside exact Decimals, and construction at the exponent limits.
import decimal
from decimal import Decimal, Context, InvalidOperation, FloatOperation
from fractions import Fraction

ops = [("==", lambda a, b: a == b), ("!=", lambda a, b: a != b), ("<", lambda a, b: a < b),
       ("<=", lambda a, b: a <= b), (">", lambda a, b: a > b), (">=", lambda a, b: a >= b)]


def flags(c):
    return sorted(k.__name__ for k, v in c.flags.items() if v)


def run(label, a, b):
    row = []
    for name, f in ops:
        c = decimal.getcontext()
        c.clear_flags()
        try:
            r = "T" if f(a, b) else "F"
        except Exception as e:
            r = type(e).__name__
        fl = flags(c)
        row.append(r + ("[" + ",".join(fl) + "]" if fl else ""))
    print(label, " ".join(row))


values = [Decimal("1.0"), Decimal("1"), Decimal("-0"), Decimal("0.00"), Decimal("2.5"), Decimal("-7E+3"),
          Decimal("Infinity"), Decimal("-Infinity"), Decimal("NaN"), Decimal("sNaN"), Decimal("123456789012345678901234567890"),
          Decimal("1E-30")]
others = [Decimal("1"), 1, True, 0, -7000, 2.5, 0.1, float("nan"), float("inf"), Fraction(5, 2), Fraction(1, 3),
          10 ** 30, Decimal("NaN"), Decimal("1.00000000000000000000000000001")]

c = decimal.getcontext()
c.traps[FloatOperation] = False
for a in values:
    for b in others:
        run(f"{a!r:40} {b!r:40}", a, b)
for a in [1, 2.5, Fraction(7, 3), 10 ** 40]:
    run(f"{a!r:40} {Decimal('2.5')!r:40}", a, Decimal("2.5"))
c.traps[FloatOperation] = True
run("trap float", Decimal("2.5"), 2.5)
run("trap float reflected", 2.5, Decimal("2.5"))
c.traps[FloatOperation] = False
c.traps[InvalidOperation] = False
run("nan untrapped", Decimal("NaN"), Decimal(1))
run("snan untrapped", Decimal("sNaN"), Decimal(1))
c.traps[InvalidOperation] = True

# Unsupported operands.
for other in ["1", None, [1], 1j]:
    for name, f in ops:
        try:
            print(name, repr(other), f(Decimal(1), other))
        except TypeError as e:
            print(name, repr(other), "TypeError", e)


# Subclasses: their own comparisons win, inherited ones behave as Decimal's.
class Money(Decimal):
    def __eq__(self, other):
        return True

    def __lt__(self, other):
        return True

    def __gt__(self, other):
        return True

    __hash__ = Decimal.__hash__


class Plain(Decimal):
    pass


m, p, d = Money("5"), Plain("3"), Decimal("3")
print(m == d, m < d, m > d, m == 7, m < 2.5, d < m, d != m)
print(d == p, p == d, p < 4, 4 > p, p <= d, type(p + d).__name__, type(p).__name__)
print(sorted([Decimal("2"), Plain("1.5"), 3, Decimal("-1"), 2.25])[::-1] == sorted([Decimal("2"), Plain("1.5"), 3, Decimal("-1"), 2.25], reverse=True))
print(max(Decimal("1.10"), Decimal("1.1")), min(Decimal("1.10"), Decimal("1.1")), Decimal(5) in [1, 5.0], {Decimal("1.0"): "a"}[1])
p.label = "tagged"
print(p.label, p.__dict__)

# Construction at the exponent limits: the constructor converts exactly in the largest context; a context's
# create_decimal rounds.
for s in ["1E+999999999999999999", "1E+1000000000000000000", "9.99E+999999999999999999", "0E+1000000000000000000",
          "1E-1999999999999999997", "1E-1999999999999999998", "0E-1999999999999999998", "1E+99999999999999999999999",
          "-1e-99999999999999999999999", "12.5E+999999999999999998"]:
    try:
        print(s, repr(Decimal(s)))
    except InvalidOperation as e:
        print(s, "InvalidOperation", e.args)
    q = Context(traps=[])
    print("  untrapped", repr(Decimal(s, q)), flags(q))
    q = Context(traps=[])
    print("  create_decimal", repr(q.create_decimal(s)), flags(q))
    q = Context(prec=5, Emax=99, Emin=-99, clamp=1, traps=[])
    print("  small context", repr(q.create_decimal(s)), flags(q))

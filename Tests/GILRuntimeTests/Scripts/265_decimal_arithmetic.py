# decimal arithmetic (our native _decimal; CPython's C _decimal is the oracle): + - * / // % divmod over
# all rounding modes, precisions and special values, with the flags each operation raises.
import decimal
from decimal import Decimal, Context, localcontext

ROUNDINGS = [decimal.ROUND_UP, decimal.ROUND_DOWN, decimal.ROUND_CEILING, decimal.ROUND_FLOOR,
             decimal.ROUND_HALF_UP, decimal.ROUND_HALF_DOWN, decimal.ROUND_HALF_EVEN, decimal.ROUND_05UP]
VALUES = ["0", "-0", "1", "-2.5", "0.0013", "12345.6789", "-9.99", "1E+5", "7",
          "123456789012345678901234567890", "1E-10", "-Infinity", "NaN", "-sNaN12"]
OPS = [("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b),
       ("/", lambda a, b: a / b), ("//", lambda a, b: a // b), ("%", lambda a, b: a % b),
       ("divmod", lambda a, b: divmod(a, b))]


def flags(c):
    return "".join(s.__name__[0:3] for s in (decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow,
                                             decimal.Underflow, decimal.Subnormal, decimal.Inexact,
                                             decimal.Rounded, decimal.Clamped) if c.flags[s])


for prec in (3, 28):
    for rounding in ROUNDINGS:
        c = Context(prec=prec, rounding=rounding, traps=[])
        with localcontext(c) as lc:
            rows = []
            for x in VALUES:
                for y in ("7", "-3", "0.3", "Infinity", "0"):
                    for name, op in OPS:
                        lc.clear_flags()
                        r = op(Decimal(x), Decimal(y))
                        rows.append("%s%s%s=%s[%s]" % (x, name, y, r, flags(lc)))
            print(prec, rounding, len(rows))
            print(" ".join(rows))

# mixed with ints, reflected operators, unary operators, rounding of results to the context
with localcontext(prec=5, rounding=decimal.ROUND_HALF_EVEN):
    d = Decimal("1.23456789")
    print(d + 1, 1 + d, d - 2, 2 - d, d * 3, 3 * d, d / 7, 7 / d, 10 // Decimal(3), 10 % Decimal(3), divmod(10, Decimal(4)))
    print(-d, +d, abs(Decimal("-1.23456789")), -Decimal("0"), +Decimal("-0"), abs(Decimal("-0")))
    print(Decimal("99999.5") + 0, Decimal("-99999.5") + 0)
with localcontext(Context(traps=[])):
    print(Decimal("1E+999999") * 10, Decimal("1E-999999") / 10, Decimal("1E-1000020") / 10)

# subnormals, overflow, clamping
c = Context(prec=5, Emin=-10, Emax=10, traps=[])
for text in ["1E-12", "1.2345E-11", "9.9999E+10", "1E+11", "123456E+6", "0E+20", "0E-30", "-5E-15"]:
    c.clear_flags()
    r = c.plus(Decimal(text))
    print(text, r, flags(c), end="; ")
print()
c = Context(prec=5, Emin=-10, Emax=10, clamp=1, traps=[])
for text in ["1E+10", "12E+8", "0E+12"]:
    c.clear_flags()
    print(text, c.plus(Decimal(text)), flags(c), end="; ")
print()
for rounding in ROUNDINGS:
    c = Context(prec=3, Emax=5, rounding=rounding, traps=[])
    print(rounding, c.multiply(Decimal("999"), Decimal("1E+4")), c.multiply(Decimal("-999"), Decimal("1E+4")))

# quantize
for rounding in ROUNDINGS:
    print(rounding, [str(Decimal(v).quantize(Decimal("0.01"), rounding=rounding))
                     for v in ["1.005", "-1.005", "1.015", "2.675", "-0.001", "0.0049", "7"]])
c = Context(prec=4, traps=[])
print(c.quantize(Decimal("123.456"), Decimal("0.01")), c.flags[decimal.InvalidOperation],
      c.quantize(Decimal("Infinity"), Decimal("Infinity")), c.quantize(Decimal("1"), Decimal("Infinity")),
      Decimal("1.2E+3").quantize(Decimal("1E+1")), Decimal("0").quantize(Decimal("1E-5")))

# comparisons and equality across types
print(Decimal("1.0") == Decimal("1"), Decimal("1.0") == 1, Decimal("0.5") == 0.5, Decimal("0.1") == 0.1,
      Decimal(2) < 3, 3 > Decimal("2.99"), Decimal("-0") == 0, Decimal("NaN") == Decimal("NaN"),
      Decimal("NaN") != 1, sorted([Decimal("2"), 1, Decimal("0.5"), Decimal("-Infinity")]),
      max(Decimal(1), Decimal("1.5")), Decimal("1.5") < 2.0)
from fractions import Fraction
print(Decimal("0.5") == Fraction(1, 2), Decimal("0.5") < Fraction(2, 3), Decimal("1") == complex(1, 0))

# hashes agree with ints and floats
for v in ["1", "1.0", "1.5", "-2.25", "0", "-0", "1E+3", "123456789012345678901234567890", "0.1", "Infinity", "-Infinity"]:
    d = Decimal(v)
    n = float(d)
    print(hash(d) == hash(n) if d.is_infinite() or d != int(d) else hash(d) == hash(int(d)), end=" ")
print(hash(Decimal("0.1")), hash(Decimal("1E-30")), hash(Decimal("-123.456")))

# conversions
print(int(Decimal("-9.99")), int(Decimal("1E+20")), float(Decimal("-0.1")), float(Decimal("-NaN")), float(Decimal("1E+400")),
      Decimal(10**30 + 1), Decimal(-7), Decimal(True), Decimal(2.5), Decimal(-0.0), Decimal(float("inf")))
print(round(Decimal("2.5")), round(Decimal("3.5")), round(Decimal("-2.675"), 2), round(Decimal("1234.5"), -2),
      Decimal("7.9").__floor__(), Decimal("-7.1").__ceil__(), Decimal("1.25").as_integer_ratio(), complex(Decimal("1.5")))

# Rounding Decimals to integers: math.floor/ceil/trunc, round(x) and round(x, n), int(), to_integral_value,
# to_integral and to_integral_exact in every rounding mode with their flags; math.floor/ceil/trunc of ints,
# bools, floats, Fractions, a float subclass and classes with (or without) __floor__/__ceil__/__trunc__/__float__.
import decimal
import math
from decimal import Decimal, Context, ROUND_HALF_EVEN, ROUND_DOWN, ROUND_UP, ROUND_FLOOR, ROUND_CEILING
from fractions import Fraction


def flags(c):
    return ",".join(k.__name__ for k, v in c.flags.items() if v)


def attempt(f):
    try:
        return repr(f())
    except Exception as e:
        return f"{type(e).__name__}: {e}"


values = ["2.5", "-2.5", "3.5", "-0.5", "0.5", "7.49999", "-7.5000001", "1E+30", "-1.00", "0.00", "-0E-5",
          "123456789012345678901234567890.5", "9.999999999999999999999999999999", "1E-40", "12", "-0",
          "NaN", "-sNaN12", "Infinity", "-Infinity"]
c = decimal.getcontext()
c.traps[decimal.InvalidOperation] = False
for s in values:
    d = Decimal(s)
    row = [attempt(lambda: math.floor(d)), attempt(lambda: math.ceil(d)), attempt(lambda: math.trunc(d)),
           attempt(lambda: round(d)), attempt(lambda: int(d))]
    for n in [0, 2, -1]:
        c.clear_flags()
        row.append(attempt(lambda: round(d, n)) + "[" + flags(c) + "]")
    print(s, *row)
    for name in ["to_integral_value", "to_integral", "to_integral_exact"]:
        out = []
        for rounding in [None, ROUND_HALF_EVEN, ROUND_DOWN, ROUND_UP, ROUND_FLOOR, ROUND_CEILING, decimal.ROUND_05UP]:
            c.clear_flags()
            out.append(attempt(lambda: getattr(d, name)(rounding)) + "[" + flags(c) + "]")
        print("  ", name, *out)
c.traps[decimal.InvalidOperation] = True
print(attempt(lambda: Decimal("sNaN").to_integral_value()), attempt(lambda: Decimal("2.5").to_integral_exact(ROUND_UP, Context(traps=[decimal.Inexact]))))
q = Context(prec=3, traps=[])
print(Decimal("2.567").to_integral_exact(context=q), flags(q), Decimal("2.567").to_integral_value(rounding=ROUND_UP, context=q))
print(attempt(lambda: Decimal("123.456").__round__(2)), attempt(lambda: round(Decimal("123.456"), 30)), attempt(lambda: round(Decimal(1), 2.0)))
print(attempt(lambda: Decimal(1).to_integral_value(1, 2, 3)), attempt(lambda: Decimal(1).__floor__(1)),
      attempt(lambda: Decimal(1).__round__(1, 2)), attempt(lambda: Decimal(1).to_integral_value(rounding="bad")))


class Floors:
    def __floor__(self):
        return "floor"

    def __ceil__(self):
        return "ceil"

    def __trunc__(self):
        return "trunc"


class FloatOnly:
    def __float__(self):
        return -1.5


class Nothing:
    pass


class MyFloat(float):
    pass


class MyInt(int):
    pass


for v in [7, -7, True, 10 ** 30, -2.5, 2.5, MyFloat(-3.5), MyInt(4), Fraction(-7, 2), Fraction(7, 2), Floors(), FloatOnly(),
          Nothing(), "1.5", float("inf"), float("nan")]:
    label = type(v).__name__
    print(label, attempt(lambda: math.floor(v)), attempt(lambda: math.ceil(v)), attempt(lambda: math.trunc(v)),
          type(math.floor(v)).__name__ if isinstance(v, (int, Fraction)) or isinstance(v, float) and math.isfinite(v) else "-")

# The signal and condition classes: module, bases, MRO, no docstring.
for name in ["DecimalException", "Clamped", "InvalidOperation", "ConversionSyntax", "DivisionByZero",
             "DivisionImpossible", "DivisionUndefined", "Inexact", "InvalidContext", "Rounded", "Subnormal",
             "Overflow", "Underflow", "FloatOperation"]:
    cls = getattr(decimal, name)
    print(repr(cls), cls.__qualname__, cls.__module__, cls.__doc__, [b.__name__ for b in cls.__bases__],
          [m.__name__ for m in cls.__mro__], issubclass(cls, ArithmeticError))

# decimal contexts, signals and traps as the C module raises them, construction from every kind of value,
# strings, formatting, subclassing, pickling and per-thread contexts.
import decimal, pickle, threading, copy
from decimal import Decimal, Context, getcontext, setcontext, localcontext


def attempt(f):
    try:
        r = f()
        print("->", repr(r))
    except Exception as e:
        print(type(e).__name__, e)


print(getcontext())
print(decimal.DefaultContext, decimal.BasicContext, decimal.ExtendedContext, sep="\n")
print(decimal.MAX_PREC, decimal.MAX_EMAX, decimal.MIN_EMIN, decimal.MIN_ETINY, decimal.__version__, decimal.__libmpdec_version__)
print([c.__name__ for c in decimal.DivisionUndefined.__mro__], [c.__name__ for c in decimal.Underflow.__mro__])
print([c.__name__ for c in decimal.FloatOperation.__mro__], issubclass(decimal.DivisionByZero, ZeroDivisionError))

# traps raise the first trapped signal with the list of trapped conditions
attempt(lambda: Decimal(1) / 0)
attempt(lambda: Decimal(0) / 0)
attempt(lambda: Decimal("abc"))
attempt(lambda: Decimal("1e999999") * 10)
attempt(lambda: Decimal("Infinity") - Decimal("Infinity"))
attempt(lambda: Decimal("sNaN") + 1)
attempt(lambda: Decimal("NaN") < 1)
attempt(lambda: Decimal(10) // Decimal("0.0000001") if getcontext().prec < 10 else Decimal(10**30) // Decimal("1E-10"))
attempt(lambda: Decimal(1).quantize(Decimal("1E-30")))
attempt(lambda: hash(Decimal("sNaN")))
attempt(lambda: int(Decimal("NaN")))
attempt(lambda: int(Decimal("-Infinity")))
attempt(lambda: float(Decimal("sNaN")))
attempt(lambda: Decimal(1) + 1.5)
attempt(lambda: Decimal([1, 2]))
attempt(lambda: Decimal(object()))
attempt(lambda: Decimal((0, (1, 2), "x")))
attempt(lambda: Decimal((2, (1,), 0)))
attempt(lambda: Decimal((0, (1, 12), 0)))
c = Context(traps=[decimal.Inexact, decimal.Rounded, decimal.Underflow, decimal.Clamped, decimal.Subnormal])
attempt(lambda: c.divide(Decimal(1), Decimal(3)))
attempt(lambda: Context(Emin=-5, prec=3, traps=[decimal.Subnormal]).multiply(Decimal("1E-4"), Decimal("1E-3")))
attempt(lambda: Context(Emin=-5, prec=3, traps=[decimal.Underflow]).multiply(Decimal("1.23E-4"), Decimal("1E-3")))
with localcontext() as lc:
    lc.traps[decimal.FloatOperation] = True
    attempt(lambda: Decimal(0.5))
    attempt(lambda: Decimal("0.5") < 0.7)
    attempt(lambda: Decimal("0.5") == 0.5)
    print(lc.flags[decimal.FloatOperation])
print(getcontext().flags[decimal.FloatOperation])

# flags accumulate; a signal dict behaves as a mapping
getcontext().clear_flags()
Decimal(1) / 3
Decimal(0.1)
f = getcontext().flags
print(f[decimal.Inexact], f[decimal.Rounded], f[decimal.DivisionByZero], len(f), sorted(s.__name__ for s in f if f[s]))
print(repr(f))
print(getcontext())
f[decimal.Inexact] = False
print(getcontext().flags[decimal.Inexact], getcontext().traps == {s: s in (decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow) for s in getcontext().traps})
attempt(lambda: getcontext().flags["x"])

# context attributes and their checks
c = Context()
for name, value in [("prec", 0), ("prec", 10**19), ("prec", "5"), ("Emin", 1), ("Emax", -1), ("capitals", 2), ("clamp", 3), ("rounding", "UP"), ("rounding", 1)]:
    try:
        setattr(c, name, value)
        print(name, "ok")
    except Exception as e:
        print(name, type(e).__name__, e)
c.prec, c.Emin, c.Emax, c.capitals, c.clamp, c.rounding = 7, -99, 99, 0, 1, decimal.ROUND_FLOOR
print(c, c.Etiny(), c.Etop())
print(Context(prec=6, rounding=decimal.ROUND_UP, flags=[decimal.Inexact], traps=[decimal.Overflow]))
c2 = c.copy()
c2.prec = 12
print(c.prec, c2.prec, copy.copy(c).prec, pickle.loads(pickle.dumps(c)))
with localcontext(prec=4, rounding=decimal.ROUND_DOWN) as lc:
    print(Decimal(2) / 3, lc.prec, lc.rounding)
    with localcontext(Context(prec=2)):
        print(Decimal(2) / 3)
    print(Decimal(2) / 3)
print(Decimal(2) / 3)
attempt(lambda: localcontext(prec=0))
attempt(lambda: localcontext(42))
old = getcontext()
setcontext(decimal.ExtendedContext)
print(getcontext() is decimal.ExtendedContext, getcontext().prec, Decimal(1) / 0)
setcontext(old)
print(getcontext() is old)

# each thread has its own context, made from DefaultContext
decimal.DefaultContext.prec = 6
results = {}
def worker(n):
    getcontext().rounding = decimal.ROUND_DOWN if n % 2 else decimal.ROUND_UP
    results[n] = (str(Decimal(2) / 3), getcontext().prec)
threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in threads: t.start()
for t in threads: t.join()
decimal.DefaultContext.prec = 28
print(sorted(results.items()), str(Decimal(2) / 3))

# construction from strings, ints, floats, tuples
for s in ["  1.5  ", "1_000_000", "-.5", "5.", "+1E+2", "1e-2", "inf", "-INFINITY", "nan", "NaN123", "-sNaN7", "١٢٣.٤",
          "1__2", "", " ", "1e", "e5", "1.2.3", "Infinit", "0E-1000", "00012.3400", "1E+999999999999999999", "\u20071"]:
    try:
        d = Decimal(s)
        print(repr(s), repr(d), d.as_tuple())
    except Exception as e:
        print(repr(s), type(e).__name__, e)
print(Decimal(), Decimal(12345678901234567890123), Decimal(-0.0), Decimal(1.1), Decimal.from_float(0.25),
      Decimal((1, (1, 2, 3), -2)), Decimal((0, (), "F")), Decimal((0, (1, 2), "n")), Decimal(Decimal("7.10")), Decimal("7.1", Context()))
print(Context(prec=3).create_decimal("1.23456"), Context(prec=3).create_decimal(12345), Context(prec=3).create_decimal_from_float(0.1))

# strings
for s in ["123.456", "1E+6", "1.23E-7", "0.000001", "0.0000001", "-0E-3", "1E+100", "12345E-10", "0E+5", "NaN", "-sNaN", "-Infinity"]:
    d = Decimal(s)
    print(str(d), repr(d), d.to_eng_string(), end=" | ")
print()
with localcontext(capitals=0):
    print(Decimal("1E+6"), repr(Decimal("1.5E-9")))

# formatting
d = Decimal("-1234567.891")
for spec in ["", "f", ".2f", ",.2f", "e", ".3e", "E", "g", ".3g", "%", ".1%", ">20", "<20.1f", "^20,", "=+20.2f", "020.3f", "n", " .2f", "z.1f"]:
    print(repr(spec), format(d, spec), format(Decimal("0.000012"), spec), format(Decimal("-0.0001"), spec) if "z" in spec else "")
attempt(lambda: format(d, "_.1f"))
print(f"{Decimal('NaN'):>8} {Decimal('Infinity'):,} {Decimal('1E+3'):f} {Decimal('123'):.2e}")

# other methods
x = Decimal("12.3450")
print(x.normalize(), x.adjusted(), x.as_tuple(), x.as_integer_ratio(), x.sqrt(), x.exp(), x.ln(), x.log10(),
      x.to_integral_value(), x.to_integral_exact(rounding=decimal.ROUND_CEILING), x.number_class(), x.is_normal(),
      x.compare(Decimal("12.345")), x.compare_total(Decimal("12.345")), x.max(13), x.min_mag(Decimal("-1")),
      x.next_plus(), x.next_minus(), x.next_toward(0), x.same_quantum(Decimal("1.0000")), x.scaleb(2), x.shift(2),
      x.rotate(-1), x.copy_negate(), x.copy_sign(Decimal("-1")), x.copy_abs(), x.fma(2, 1), x.remainder_near(5),
      Decimal("1010").logical_and(Decimal("1100")), Decimal("-5").is_signed(), Decimal("sNaN").is_snan(), Decimal("0").is_zero(),
      x.radix(), x.canonical(), Decimal(2) ** Decimal("0.5"), pow(Decimal(3), 4, 5), Decimal(-8) ** Decimal(3))
attempt(lambda: x.compare(1.5))
attempt(lambda: x.quantize(Decimal("0.1"), rounding="BAD"))
attempt(lambda: x.exp(context=5))
c = Context(prec=4)
print(c.add(1, 2), c.subtract(Decimal("1.00001"), 1), c.multiply(Decimal("1.2345"), 2), c.divide(1, 7), c.power(2, 10),
      c.sqrt(2), c.abs(-3), c.minus(3), c.plus(Decimal("1.23456")), c.divmod(7, 2), c.remainder(7, 3), c.divide_int(7, 2),
      c.compare(1, 2), c.is_zero(0), c.to_sci_string(Decimal("1E+5")), c.to_eng_string(Decimal("1E+5")), c.number_class(Decimal("-0")))
attempt(lambda: c.add(1.5, 2))

# subclasses, pickling, copying
class Money(Decimal):
    def __new__(cls, value="0", currency="EUR"):
        self = Decimal.__new__(cls, value)
        self.currency = currency
        return self
    def __repr__(self):
        return "Money(%s %s)" % (self.currency, Decimal.__str__(self))
m = Money("12.50", "USD")
print(m, repr(m), type(m).__name__, isinstance(m, Decimal), m.currency, type(m + 1).__name__, m + 1, m == Decimal("12.5"), hash(m) == hash(Decimal("12.5")))
print(type(Money.from_float(0.5)).__name__, pickle.loads(pickle.dumps(Decimal("-1.50E+3"))), copy.deepcopy(Decimal("3.3")), Decimal("1").__reduce__())
import numbers
print(isinstance(Decimal(1), numbers.Number), isinstance(Decimal(1), numbers.Real), Decimal.__module__, Decimal.__name__, Context.__name__)

# The Decimal operations beyond the four arithmetic operators, each over a table of operands and contexts:
# results and the flags they raise (as the C module raises them), at small and large precisions and
# with every rounding mode where it matters: ** with integral and fractional exponents, sqrt, exp, ln,
# log10, normalize, compare/compare_total/max/min (and their _mag forms), __format__, and the errors of each.
import decimal
from decimal import Decimal, Context, localcontext

SIGNALS = [decimal.Clamped, decimal.DivisionByZero, decimal.Inexact, decimal.InvalidOperation,
           decimal.Overflow, decimal.Rounded, decimal.Subnormal, decimal.Underflow, decimal.FloatOperation]


def flags(c):
    return "".join(s.__name__[0] + s.__name__[-1] for s in SIGNALS if c.flags[s])


def run(label, f, c):
    c.clear_flags()
    try:
        r = f()
        text = str(r)
    except Exception as e:
        text = type(e).__name__
    print(label, text, flags(c))


values = ["0", "-0", "1", "-1", "2", "0.5", "10", "1E+3", "123.456", "-7.25", "1E-30", "9.999999999",
          "Infinity", "-Infinity", "NaN", "sNaN", "0.0001", "12345678901234567890.123"]
small = Context(prec=9, traps=[])
wide = Context(prec=28, traps=[])
tiny = Context(prec=5, Emax=20, Emin=-20, traps=[])

for v in values:
    d = Decimal(v)
    for name, c in [("p9", small), ("p28", wide), ("t5", tiny)]:
        run(f"sqrt {v} {name}", lambda: d.sqrt(c), c)
        run(f"exp {v} {name}", lambda: d.exp(c), c)
        run(f"ln {v} {name}", lambda: d.ln(c), c)
        run(f"log10 {v} {name}", lambda: d.log10(c), c)
        run(f"normalize {v} {name}", lambda: d.normalize(c), c)

exponents = ["0", "1", "2", "3", "-1", "-2", "0.5", "-0.5", "10", "25", "Infinity", "-Infinity", "NaN", "1.5"]
for v in values[:12]:
    d = Decimal(v)
    for e in exponents:
        x = Decimal(e)
        run(f"pow {v} {e}", lambda: small.power(d, x), small)
        run(f"powt {v} {e}", lambda: tiny.power(d, x), tiny)
for base, e, m in [(2, 10, 1000), (3, 100, 7), (-5, 3, 13), (7, 0, 5), (10, 20, 999999999)]:
    run(f"pow3 {base} {e} {m}", lambda: pow(Decimal(base), Decimal(e), Decimal(m)), decimal.getcontext())
with localcontext() as c:
    c.prec = 12
    c.traps[decimal.Inexact] = False
    for v, e in [("2", 100), ("1.1", 50), ("-3", 7), ("0.5", 40), ("10", -3)]:
        run(f"op** {v} {e}", lambda: Decimal(v) ** e, c)
    run("op** 0 -1", lambda: Decimal(0) ** -1, c)
    run("op** int", lambda: 2 ** Decimal("0.5"), c)

pairs = [("1", "2"), ("2", "1"), ("1.0", "1"), ("-0", "0"), ("NaN", "1"), ("1", "NaN"), ("sNaN", "1"),
         ("-3", "2"), ("Infinity", "1E+999"), ("1E-5", "-1E-5"), ("2.50", "2.5")]
for a, b in pairs:
    x, y = Decimal(a), Decimal(b)
    for name in ["compare", "compare_total", "compare_total_mag", "max", "min", "max_mag", "min_mag",
                 "compare_signal", "copy_sign", "next_toward"]:
        run(f"{name} {a} {b}", lambda: getattr(x, name)(y, small) if name not in ("compare_total", "compare_total_mag", "copy_sign") else getattr(x, name)(y), small)

specs = ["", "f", ".2f", "10.3f", "<12.4", ">+12.3e", "^15,.2f", "e", "E", "g", ".3g", "%", ".1%", "_f", "n",
         "012.2f", "-.10", "#.0f", "z.2f", "x"]
for v in ["0", "-0.0", "1234567.891", "-0.000123", "1E+30", "NaN", "-Infinity", "12.5"]:
    for s in specs:
        try:
            text = format(Decimal(v), s)
        except Exception as e:
            text = type(e).__name__ + ": " + str(e)
        print(f"format {v!r} {s!r} -> {text!r}")
print(f"{Decimal('3.14159'):.3}", f"{Decimal('-1.5'):+08.2f}", f"{Decimal('1e5'):,}")
print(format(Decimal("12.5"), "#>10"), format(Decimal("-3"), "#^+9.2f"))

# Trapped conditions of these operations raise as the C module raises them.
trapping = Context(prec=9)
for label, f in [("sqrt -1", lambda: Decimal(-1).sqrt(trapping)), ("ln 0", lambda: Decimal(0).ln(trapping)),
                 ("ln -1", lambda: Decimal(-1).ln(trapping)), ("exp 1E+10", lambda: Decimal("1E+10").exp(trapping)),
                 ("log10 -2", lambda: Decimal(-2).log10(trapping)), ("pow 0 -1", lambda: trapping.power(0, -1)),
                 ("pow -2 0.5", lambda: trapping.power(-2, Decimal("0.5"))), ("sqrt 4", lambda: Decimal(4).sqrt(trapping))]:
    trapping.clear_flags()
    try:
        print(label, f(), flags(trapping))
    except decimal.DecimalException as e:
        print(label, type(e).__name__, [c.__name__ for c in e.args[0]], flags(trapping))

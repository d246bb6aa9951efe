# datetime, fractions and decimal (CPython's Lib/datetime.py, fractions.py and _pydecimal.py run by our
# interpreter) print what CPython 3.11 prints: reprs, str, isoformat/strftime, arithmetic, rounding, contexts.
import datetime as dt
import decimal
from decimal import Decimal, localcontext, ROUND_HALF_UP, ROUND_DOWN
from fractions import Fraction

d = dt.date(2024, 2, 29)
t = dt.time(13, 5, 9, 120)
x = dt.datetime(2024, 2, 29, 23, 59, 30, 500000)
print(repr(d), str(d), d.isoformat(), d.weekday(), d.isoweekday(), tuple(d.isocalendar()), d.toordinal(), d.ctime())
print(repr(t), str(t), t.isoformat("milliseconds"), t.replace(hour=1))
print(repr(x), str(x), x.isoformat(sep=" ", timespec="seconds"), x.strftime("%Y-%m-%d %H:%M:%S %j %a %b %p %%"))
print(x + dt.timedelta(seconds=45), x - dt.datetime(2024, 1, 1), d - dt.timedelta(days=366), (x - x).total_seconds())
td = dt.timedelta(days=-1, seconds=5, microseconds=7)
print(repr(td), str(td), td.total_seconds(), abs(td), td * 3, td / 2, td // dt.timedelta(hours=1), dt.timedelta(hours=25))
tz = dt.timezone(dt.timedelta(hours=5, minutes=30), "IST")
aware = dt.datetime(2024, 3, 1, 12, 0, tzinfo=tz)
print(repr(tz), aware, aware.utcoffset(), aware.tzname(), aware.astimezone(dt.timezone.utc), aware.isoformat())
print(dt.datetime.fromisoformat("2024-03-01T12:34:56.789+02:00"), dt.date.fromisoformat("2024-03-01"), dt.datetime.strptime("01/02/2024 03:04", "%d/%m/%Y %H:%M"))
print(dt.datetime(2024, 1, 1) < dt.datetime(2024, 1, 2), d == dt.date(2024, 2, 29), hash(d) == hash(dt.date(2024, 2, 29)), dt.date.min, dt.date.max, dt.timedelta.max)
print(dt.datetime.fromtimestamp(86400 * 365, dt.timezone.utc), dt.datetime(2020, 5, 17).timestamp() > 0, dt.date(2024, 1, 31).replace(day=1))
f = Fraction(3, 4)
print(repr(f), f + Fraction(1, 6), f * 2, f / 3, f ** 2, -f, abs(-f), f > 0.5, f == 0.75, float(f), int(Fraction(7, 2)), round(Fraction(7, 2)))
print(Fraction("1.25"), Fraction("-3/9"), Fraction(0.1), Fraction(0.1).limit_denominator(100), Fraction(Decimal("2.5")), Fraction(5, 10).as_integer_ratio())
print(f.numerator, f.denominator, hash(Fraction(1, 2)) == hash(0.5), sum(Fraction(1, n) for n in range(1, 8)), Fraction(1, 3) % Fraction(1, 4), divmod(Fraction(7, 3), 2))
print(format(Fraction(1, 3), "") if False else str(Fraction(22, 7)), Fraction(22, 7).__round__(2), round(Fraction(5, 2)), round(Fraction(-5, 2)))
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)

print(Decimal("1.10") + Decimal("2.20"), Decimal(1) / Decimal(7), Decimal("1.30") * 3, Decimal(0.1), Decimal("-0"), Decimal("1E+3"))
print(repr(Decimal("3.14")), Decimal("2").sqrt(), Decimal("10").ln(), Decimal(2) ** 100, Decimal("1.2345").quantize(Decimal("0.01")), Decimal("7.5").to_integral_value())
print(Decimal("NaN"), Decimal("-Infinity"), Decimal("1.0") == Decimal("1"), Decimal("0.1") + Decimal("0.2") == Decimal("0.3"), Decimal("12.345").as_tuple())
with localcontext() as ctx:
    ctx.prec = 5
    ctx.rounding = ROUND_HALF_UP
    print(Decimal(2) / 3, Decimal("1.23456789") + 0, Decimal("2.5").quantize(Decimal("1")), ctx.prec)
print(Decimal("2.5").quantize(Decimal("1")), Decimal("-7.9").quantize(Decimal("1"), rounding=ROUND_DOWN), decimal.getcontext().prec)
print(Decimal("123.456").normalize(), Decimal("1.000").normalize(), Decimal(10) // 3, Decimal(-10) % 3, divmod(Decimal(10), Decimal(4)), int(Decimal("9.99")), float(Decimal("0.5")))
print(f"{Decimal('1234.5678'):,.2f}", f"{Decimal('0.000123'):.2e}", "{:>10}".format(Decimal("1.5")), round(Decimal("2.675"), 2), Decimal(3).compare(Decimal(4)), max(Decimal(1), Decimal("1.5")))
# (the exception messages of datetime and decimal differ: CPython's come from its C _datetime and _decimal,
# ours from the pure-Python datetime.py and _pydecimal.py; only the types are compared)
for bad in (lambda: dt.date(2023, 2, 29), lambda: dt.time(25), lambda: dt.datetime(2024, 1, 1) - aware,
            lambda: Decimal(1) / 0, lambda: Decimal("abc")):
    try:
        bad()
    except (ValueError, TypeError, decimal.DecimalException) as e:
        print(type(e).__name__)

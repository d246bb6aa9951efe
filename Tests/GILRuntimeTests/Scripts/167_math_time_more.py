# math's remaining functions with CPython's domain/range errors (modf, frexp, ldexp, fmod, remainder, isqrt,
# lcm, perm, dist, gamma, erf, cbrt, exp2, nextafter, ulp, the hyperbolic inverses), and time.struct_time
# (gmtime/localtime results, tm_zone/tm_gmtoff, asctime/ctime/mktime/strftime over it, strptime via _strptime).
import math
import time

print(math.modf(2.5), math.modf(-0.0), math.modf(float("inf")), math.frexp(8.0), math.frexp(0.0), math.ldexp(0.5, 4))
print(math.fmod(7, -3), math.remainder(7, 4), math.expm1(1e-10), math.log1p(1e-10), math.fmod(5, float("inf")))
print(math.isqrt(10**20 + 5), math.lcm(4, 6, 10), math.lcm(), math.perm(5, 2), math.perm(5), math.dist((0, 0), (3, 4)))
print(math.gamma(5), math.erf(0.5), math.erfc(0.5), math.cbrt(27), math.exp2(10), math.nextafter(1.0, 2.0), math.ulp(1.0))
print(math.asinh(1), math.atanh(0.5), math.acosh(2), math.sin(0.5), math.tanh(20))
for f, args in [(math.asin, (2,)), (math.exp, (1000,)), (math.log1p, (-1,)), (math.gamma, (0,)), (math.fmod, (1, 0)),
                (math.sqrt, (-1,)), (math.isqrt, (-1,)), (math.log10, (0,)), (math.cosh, (1e6,)), (math.remainder, (1, 0)),
                (math.acosh, (0,)), (math.atanh, (1,)), (math.lgamma, (-2,)), (math.ldexp, (1.0, 1.5))]:
    try:
        print(f(*args))
    except (ValueError, OverflowError, TypeError) as e:
        print(f.__name__, type(e).__name__, e)

t = time.gmtime(86400 * 365.5)
print(t, t.tm_year, t.tm_zone, t.tm_gmtoff, t[:3], len(t), type(t).__name__, time.struct_time is type(time.localtime()))
print(time.asctime(t), time.strftime("%Y %j %H", t), time.gmtime(0) == time.gmtime(0.9), time.gmtime(-1.5)[:6])
print(time.mktime(time.localtime(1000000)), time.ctime(0) == time.asctime(time.localtime(0)))
print(time.strptime("2024-03-01 12:30", "%Y-%m-%d %H:%M"))
print(time.struct_time((2024, 1, 2, 3, 4, 5, 6, 7, 0)), isinstance(time.timezone, int), len(time.tzname))

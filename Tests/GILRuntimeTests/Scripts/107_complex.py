# Complex numbers: literals, arithmetic (Smith's division, integral and complex powers), repr/str/hash/format,
# complex() from numbers and strings, CPython's errors, complex literals in match patterns, cmath.
vals=[1j, 2+3j, complex(1.5,-2), complex(-0.0,1), complex(0,0), complex(0,-0.0), complex(-0.0,-0.0), 1e16j, complex(1,float("-inf")), -1j, complex(2)]
for v in vals: print(repr(v), str(v), hash(v))
print((1+2j)*(3-4j), (1+2j)/(3-4j), (1+2j)**2, (1+2j)**0.5, 2**(1j), abs(3+4j), -(1+1j), +(1j), (1j).real, (1j).imag, (1+2j).conjugate())
print(complex("1+2j"), complex(" ( -1.5e3-2J ) "), complex("j"), complex("-j"), complex(3, 4) == 3+4j, 1j == 1j+0, 2+0j == 2, hash(2+0j)==hash(2))
for bad in ["1+", "abc", "1+2jj", ""]:
    try: complex(bad)
    except ValueError as e: print(e)
tests = [lambda: 1j<2j, lambda: 1j//2, lambda: 1j%2, lambda: divmod(1j,2), lambda: int(1j), lambda: float(1j), lambda: 1j/0, lambda: 0j**-1, lambda: complex(1j, 1j), lambda: complex("1", 2), lambda: round(1j), lambda: ~1j, lambda: complex([])]
for t in tests:
    try: print(t())
    except Exception as e: print(type(e).__name__, e)
print(format(1+2j), format(1.5+2.25j, ".2f"), f"{3-4j:>20}", f"{1j:g}", format(1+2j, "e"))
print(complex(1, 2j), complex(1j, 2), bool(0j), bool(1j), isinstance(1j, complex), type(1j).__name__)
print(sum([1j, 2, 3.5]), [1j, 2j].count(1j), {1j: "a"}[1j], 3 * 1j, 1j * 3.0, 1 - 1j, 1j ** 2, (0.5+1j)**3)
print({2: "two"}[2+0j], {2+0j: "c"}[2.0], 1+1j in [1+1j], f"{1+1j!r}", [complex(i, -i) for i in range(3)])
match 0 + 0j:
    case 0 + 0j:
        print("matched complex literal")
match -1 - 2j:
    case -1 - 2j:
        print("matched negative")
import cmath
zs = [1+2j, -3+0.5j, 0.25-0.75j, 2, 1j, -1, 0.5]
for name in ["sqrt", "exp", "log", "log10", "sin", "cos", "tan", "sinh", "cosh", "tanh", "asin", "acos", "atan", "asinh", "acosh", "atanh"]:
    f = getattr(cmath, name)
    out = []
    for z in zs:
        try:
            out.append(repr(f(z)))
        except ValueError as e:
            out.append(str(e))
    print(name, out)
print(cmath.phase(-1), cmath.polar(1+1j), cmath.rect(2, cmath.pi / 2), cmath.log(8, 2), cmath.isclose(1+1j, 1+1.0000000001j))
print(cmath.pi, cmath.e, cmath.inf, cmath.infj, cmath.isnan(cmath.nanj), cmath.isinf(cmath.infj), cmath.isfinite(1j))
try:
    cmath.log(0)
except ValueError as e:
    print(e)

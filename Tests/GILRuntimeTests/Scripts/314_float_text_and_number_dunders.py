# float() of text exactly as CPython reads it, float() of int/float subclasses and objects with
# __float__/__index__, int's dunders with floats, math.log of huge ints.
import math

cases = ["1.5", " 1.5\n", "\t-2e3 ", "+.5", "5.", "1_000.25", "1e1_0", "1__0", "_1", "1_", "1_.5", "1._5",
         "0x10", "nan(123)", "1.5\x00", "inf", "-Infinity", "+nan", "-nan", "iNf", "infinit", "", "  ", ".",
         "e5", "1e", "1e+", "1.5e-3", "١٢٣", "\u2003 7.25\u2003", "1,5", "1.2.3", "--1", "1e400", "-1e400", "1e-400",
         "0.1", "123456789012345678901234567890", "nan ", " +0.0", "-0"]
for s in cases:
    try:
        print(repr(s), repr(float(s)))
    except ValueError as e:
        print(repr(s), "ValueError:", e)
for b in (b"2.5", b" 3\n", b"1_0", b"0x1", bytearray(b"-4.0"), memoryview(b"7e1"), b"\xff1"):
    try:
        print(type(b).__name__, bytes(b), float(b))
    except ValueError as e:
        print(type(b).__name__, "ValueError:", e)


class MyInt(int):
    def __float__(self):
        return 9.0


class MyFloat(float):
    def __float__(self):
        return 2.5


class PlainInt(int):
    pass


class Indexed:
    def __index__(self):
        return 12


class BadFloat:
    def __float__(self):
        return "x"


class FloatSub(float):
    pass


print(float(MyInt(4)), float(MyFloat(3.0)), float(PlainInt(5)), float(Indexed()))
print(math.sqrt(MyInt(4)), float(True), float(FloatSub(0.5)))
try:
    float(BadFloat())
except TypeError as e:
    print("TypeError:", e)
try:
    float([])
except TypeError as e:
    print("TypeError:", e)

print(True.__and__(1.0), (1).__and__(1.0), (1).__add__(1.5), (2).__radd__(0.5), True.__or__(0), True.__xor__(1))
print(True.__and__(True), (5).__mul__(2), (1.5).__add__(1), (1.5).__radd__(True), (7).__truediv__(2))
print(PlainInt(1) + 1.5, 1.5 + PlainInt(1), PlainInt(3) & True, True & PlainInt(3), MyInt(2) * 0.5)


class Both(int):
    def __add__(self, other):
        return super().__add__(other)


print(Both(1) + 2, Both(1) + 2.5, 2.5 + Both(1))

for x in (10 ** 400, 2 ** 1023, 2 ** 1024 - 1, 2 ** 1024, 3 ** 2000, PlainInt(10 ** 500), 7):
    print(math.log(x), math.log2(x), math.log10(x), math.log(x, 10), math.log(x, 2 ** 2000))
print(math.log(10 ** 400, 10 ** 300), math.log10(10 ** 1000) == 1000.0, math.log2(2 ** 5000))
for bad in (0, -10 ** 400, -1):
    try:
        math.log(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    math.log1p(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)

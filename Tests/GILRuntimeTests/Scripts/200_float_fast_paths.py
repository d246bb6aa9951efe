# Float arithmetic and comparisons on the VM's inline paths (float/float, float/int, int/float),
# CPython's float // and % (Objects/floatobject.c _float_div_mod), exact mixed comparisons,
# truthiness by type, and tuple/list unpacking.
import math

vals = [0.0, -0.0, 1.5, -2.25, 3, -7, 1e308, -1e-308, 0.1, 10, 2**53, 2**53 + 1, float("inf"), float("nan")]

def show(x):
    if isinstance(x, float):
        return repr(x) if not math.isnan(x) else "nan"
    return repr(x)

for a in vals:
    for b in vals:
        if not isinstance(a, float) and not isinstance(b, float):
            continue
        row = [show(a + b), show(a - b), show(a * b)]
        for op in ("/", "//", "%"):
            try:
                if op == "/":
                    row.append(show(a / b))
                elif op == "//":
                    row.append(show(a // b))
                else:
                    row.append(show(a % b))
            except ZeroDivisionError as e:
                row.append("ZeroDivisionError(%s)" % e)
        row.append("%s%s%s%s%s%s" % tuple("TF"[not c] for c in (a < b, a <= b, a > b, a >= b, a == b, a != b)))
        print(show(a), show(b), " ".join(row))

# fused compare-and-branch on floats and mixed operands
def branches(x, y):
    out = ""
    if x < y: out += "<"
    if x <= y: out += "l"
    if x > y: out += ">"
    if x >= y: out += "g"
    if x == y: out += "="
    if x != y: out += "!"
    return out

for x, y in [(1.0, 2), (2, 1.0), (2.0, 2), (2**53 + 1, float(2**53)), (float(2**53), 2**53 + 1),
             (float("nan"), 1), (1, float("nan")), (-0.0, 0), (10**20, 1e20), (1e20, 10**20 + 1)]:
    print(x, y, branches(x, y))

# augmented assignment and negation
t = 0.5
for i in range(5):
    t += i
    t *= 1.5
    t -= 0.25
    t /= 3
print(t, -t, -(-0.0), 1 // 0.1, 1 % 0.1, -1 // 0.1, -1 % 0.1, 7.5 // -2, 7.5 % -2, -0.0 % 5, 0.0 % -5)
print(7 / 2, -7 / 2, 2**60 / 3, 1 / 3, 10 / 5)
for v in (0.0, -0.0, 0.5, float("nan"), 0, 1, "", "x", (), (1,), [], [0], {}, {1: 2}, set(), None, range(0), range(3)):
    print(repr(v), "truthy" if v else "falsy")

# unpacking tuples and lists, with wrong counts
a, b, c = (1, 2.5, "x")
d, e = [[1, 2], (3,)]
(f, g), h = (4, 5), 6
print(a, b, c, d, e, f, g, h)
for seq in [(1, 2), [1, 2, 3, 4], "ab", "abcd", (1,)]:
    try:
        x, y, z = seq
        print("unpacked", x, y, z)
    except ValueError as err:
        print("ValueError:", err)
pairs = [((1.0, 2.0), [3, 4]), ((5.0, 6.0), [7, 8])]
for (p, q), [r, s] in pairs:
    print(p + r, q * s)
# big ints against floats: exact, no OverflowError
big = 10**400
print(big > 1e308, big < float("inf"), -big < -1e308, big == float("inf"), 2**64 == 2.0**64, 2**64 + 1 == 2.0**64,
      (2**64 + 1) > 2.0**64, 2**64 - 1 < 2.0**64, float("nan") == 2**70, float("nan") < 2**70, 3 == 3.0, 3 != 3.5)
print(sorted([3, 1.5, 2**60, 2.0**60, -1e300, 10**300, 0.0, -0]))

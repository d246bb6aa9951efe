# Methods called on ints, floats and bools held inline share call sites: each receiver kind must get its own
# class's method (bool's __repr__ is not int's; a big int and a small int are both int).
values = [1, True, 2.5, 10**30, 3, False, -0.0, 255, 2**63, float("inf"), 7]
for x in values:
    print(type(x).__name__, x.__repr__(), x.__str__(), x.conjugate(), x.__bool__())
for x in values:
    try:
        print(x.bit_length(), x.to_bytes(16, "big", signed=True).hex())
    except AttributeError as e:
        print("AttributeError", e)
    except OverflowError as e:
        print("OverflowError", e)
for x in values:
    try:
        print(x.is_integer(), x.hex())
    except AttributeError as e:
        print("AttributeError", e)


class Int(int):
    def bit_length(self):
        return "subclass"


for x in [5, Int(5), 5, True, Int(6)]:
    print(x.bit_length(), x.__add__(1))
acc = 123456789
print([acc.to_bytes(5, "little").hex() for _ in range(3)], [(i * 1.5).as_integer_ratio() for i in range(4)])
print([n.__index__() for n in (True, 3)], [type(n.__index__()).__name__ for n in (True, 3, 2**65)])
# as_integer_ratio of zeros, bools and int subclasses gives exact ints.
for x in [0.0, -0.0, 5e-324, 1e300, True, False, Int(9), -7, 2**70]:
    r = x.as_integer_ratio()
    print(repr(x), r, [type(p).__name__ for p in r])
print([x.hex() for x in (2.5, -0.0, 5e-324, 1e300, 0.1, -2.2250738585072014e-308, float("-inf"), float("nan"), 1.0)])

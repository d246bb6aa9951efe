x = 5
print(1 < x < 10, 1 < x > 10, x == 5 == 5.0, 1 <= 1 < 2 <= 2)
print(3 < 2 < undefined_never_evaluated if False else "short-circuit")
print(True and 3, 0 and 3, 0 or "default", "" or [] or None, 1 or 2)
print(not 0, not [], not [1], not None, not "x")
print(None is None, [] is [], x is not None, x is x)
a = [1, 2]
b = a
print(a is b, a == [1, 2], a is not [1, 2])
print(1 in [1, 2], 3 not in (1, 2), "b" in "abc", "k" in {"k": 1})
print(bool(0), bool(0.0), bool(""), bool("0"), bool([0]), bool({}), bool(None))
print(True + True, True * 10, False - 1)
print(max(3, 7, 1), min([4, 2, 8]), max("apple", "pear"), min(3, 1.5))
y = 0
r = y != 0 and 10 / y
print(r)
print(1 == 1.0, 2 != 2.0, "1" == 1)

def divide(a, b):
    try:
        result = a / b
    except ZeroDivisionError as e:
        print("caught:", e)
        return None
    else:
        print("no error")
        return result
    finally:
        print("finally for", a, b)

print(divide(6, 3))
print(divide(1, 0))

try:
    [1, 2][5]
except IndexError as e:
    print("IndexError:", e)
try:
    {"a": 1}["b"]
except KeyError as e:
    print("KeyError:", e)
try:
    int("abc")
except ValueError as e:
    print("ValueError:", e)
try:
    undefined_name
except NameError as e:
    print("NameError:", e)
try:
    None.foo
except AttributeError as e:
    print("AttributeError:", e)
try:
    1 + "a"
except TypeError as e:
    print("TypeError:", e)
try:
    raise ValueError("custom message")
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
try:
    try:
        raise KeyError("inner")
    finally:
        print("inner finally")
except KeyError as e:
    print("outer caught", repr(e))
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("assert:", e)
try:
    raise RuntimeError
except RuntimeError as e:
    print("bare class raised:", repr(e))

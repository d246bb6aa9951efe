# Inputs that used to crash gilrec (SIGILL, abort, segfault): each must raise CPython's exception or give
# CPython's answer. MemoryError texts differ by design (ours names the cap), so only its type is printed.


def attempt(label, f):
    try:
        result = f()
    except MemoryError:
        print(label, "-> MemoryError")
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=", repr(result))


# int() with every base, prefixes and underscores (BigUInt's radix precondition trapped for base 36).
for text, base in [("10", 36), ("z", 36), ("Zz", 36), ("10", 37), ("10", 1), ("10", -1), ("10", 2**70),
                   ("0x10", 0), ("0b11", 0), ("0o17", 0), ("010", 0), ("0", 0), ("00", 0), ("0_0", 0),
                   ("0_7", 0), ("  1_0  ", 0), ("1__0", 10), ("_1", 10), ("1_", 10), ("0x_1f", 16),
                   ("0x_1f", 0), ("0b1", 16), ("-0o7", 8), ("+12", 3), ("12", 3), ("٣", 10), ("", 10),
                   ("0x", 16), ("\t42\n", 10), ("9" * 30, 10), ("f" * 40, 16)]:
    attempt(f"int({text!r}, {base})", lambda: int(text, base))
attempt("int(b'17', 8)", lambda: int(b"17", 8))
attempt("int(5, 10)", lambda: int(5, 10))
attempt("int('5', base=2.0)", lambda: int("5", base=2.0))

# Allocations that cannot succeed raise MemoryError instead of aborting.
attempt("bytes(2**62)", lambda: bytes(2**62))
attempt("bytes(2**70)", lambda: bytes(2**70))
attempt("bytes(-1)", lambda: bytes(-1))
attempt("bytes([1, 256])", lambda: bytes([1, 256]))
attempt("bytes([-1])", lambda: bytes([-1]))
attempt("bytes(['a'])", lambda: bytes(["a"]))
attempt("format(1, '2000000000000d')", lambda: format(1, "2000000000000d"))
attempt("'{:2000000000000}'.format(1)", lambda: "{:2000000000000}".format(1))
attempt("'{:.99999999999999999999f}'.format(1.5)", lambda: "{:.99999999999999999999f}".format(1.5))
attempt("'{:.2147483648f}'.format(1.5)", lambda: "{:.2147483648f}".format(1.5))
attempt("len(format(1.5, '.600f'))", lambda: len(format(1.5, ".600f")))
attempt("len('%.2000f' % 1.5)", lambda: len("%.2000f" % 1.5))
attempt("format(1e300, '.3f')[:20]", lambda: format(1e300, ".3f")[:20])
attempt("'a\\tb'.expandtabs(2**62)", lambda: "a\tb".expandtabs(2**62))
attempt("'a\\tb\\r\\tc'.expandtabs(4)", lambda: "a\tb\r\tc".expandtabs(4))

# int.to_bytes / from_bytes extremes.
attempt("(1).to_bytes(2**62, 'big')", lambda: (1).to_bytes(2**62, "big"))
attempt("(1).to_bytes(-1, 'big')", lambda: (1).to_bytes(-1, "big"))
attempt("(256).to_bytes(1, 'big')", lambda: (256).to_bytes(1, "big"))
attempt("(-1).to_bytes(1, 'big')", lambda: (-1).to_bytes(1, "big"))
attempt("(-1).to_bytes(1, 'big', signed=True)", lambda: (-1).to_bytes(1, "big", signed=True))
attempt("(-128).to_bytes(1, 'big', signed=True)", lambda: (-128).to_bytes(1, "big", signed=True))
attempt("(-129).to_bytes(1, 'big', signed=True)", lambda: (-129).to_bytes(1, "big", signed=True))
attempt("(128).to_bytes(1, 'big', signed=True)", lambda: (128).to_bytes(1, "big", signed=True))
attempt("(2**64 + 5).to_bytes(10, 'little')", lambda: (2**64 + 5).to_bytes(10, "little"))
attempt("(-2**70).to_bytes(10, 'big', signed=True)", lambda: (-2**70).to_bytes(10, "big", signed=True))
attempt("(0).to_bytes(0, 'big')", lambda: (0).to_bytes(0, "big"))
attempt("(1).to_bytes(2, 'middle')", lambda: (1).to_bytes(2, "middle"))
attempt("int.from_bytes(b'\\xff' * 20, 'little', signed=True)", lambda: int.from_bytes(b"\xff" * 20, "little", signed=True))
attempt("int.from_bytes(b'\\x80\\x00', 'big', signed=True)", lambda: int.from_bytes(b"\x80\x00", "big", signed=True))
attempt("int.from_bytes(b'\\x01\\x02\\x03', 'little')", lambda: int.from_bytes(b"\x01\x02\x03", "little"))
attempt("int.from_bytes([1, 2], 'big')", lambda: int.from_bytes([1, 2], "big"))

# pow with a modulus.
for b, e, m in [(2, 3, 0), (2, -1, 7), (3, -1, 9), (3, -2, 7), (-3, 5, 7), (3, 5, -7), (5, 0, 1), (2**100, 2**100, 10**9 + 7)]:
    attempt(f"pow({b}, {e}, {m})", lambda: pow(b, e, m))
attempt("pow(2.0, 3, 5)", lambda: pow(2.0, 3, 5))

key = "a"
# Slices with extreme bounds and steps (negating a step of -2**63 trapped).
for label, f in [
    ("'abc'[::-2**63]", lambda: "abc"[::-2**63]),
    ("b'abc'[::-2**63]", lambda: b"abc"[::-2**63]),
    ("'abc'[2**63:]", lambda: "abc"[2**63:]),
    ("[1, 2, 3][-2**63:2**63]", lambda: [1, 2, 3][-2**63:2**63]),
    ("list(range(10))[::2**70]", lambda: list(range(10))[::2**70]),
    ("(1, 2)[::-(2**63 - 1)]", lambda: (1, 2)[::-(2**63 - 1)]),
    ("[1, 2, 3][2**70]", lambda: [1, 2, 3][2**70]),
    ("'abc'[-2**63]", lambda: "abc"[-2**63]),
    ("b'abc'[2**70]", lambda: b"abc"[2**70]),
    ("range(10)[::2]", lambda: range(10)[::2]),
    ("range(10)[::-1]", lambda: range(10)[::-1]),
    ("range(10)[2**70:]", lambda: range(10)[2**70:]),
    ("range(10)[-2**70:2**70:-1]", lambda: range(10)[-2**70:2**70:-1]),
    ("range(1, 20, 3)[2:5]", lambda: range(1, 20, 3)[2:5]),
    ("range(10)[-3]", lambda: range(10)[-3]),
    ("range(10)[10]", lambda: range(10)[10]),
    ("range(-2**63, 2**63 - 1, 2**62)[1]", lambda: range(-2**63, 2**63 - 1, 2**62)[1]),
    ("len(range(-2**63, 2**63 - 1))", lambda: len(range(-2**63, 2**63 - 1))),
    ("list(range(2**63 - 3, 2**63 - 1))", lambda: list(range(2**63 - 3, 2**63 - 1))),
    ("list(range(2**63 - 2, 2**63 - 1, 5))", lambda: list(range(2**63 - 2, 2**63 - 1, 5))),
    ("list(range(-2**63 + 1, -2**63, -7))", lambda: list(range(-2**63 + 1, -2**63, -7))),
    ("list(range(0, -10, -2**63))", lambda: list(range(0, -10, -2**63))),
    ("list(enumerate('ab', 2**63 - 1))", lambda: list(enumerate("ab", 2**63 - 1))),
    ("[1, 2, 3][key]", lambda: [1, 2, 3][key]),
    ("b'a'[key]", lambda: b"a"[key]),
]:
    attempt(label, f)


def assign(step, values):
    x = [1, 2, 3]
    x[::step] = values
    return x


def delete(start, stop, step):
    x = list(range(10))
    del x[start:stop:step]
    return x


attempt("x[::-2**63] = [4]", lambda: assign(-2**63, [4]))
attempt("x[::2**70] = [4]", lambda: assign(2**70, [4]))
attempt("x[::2] = [1]", lambda: assign(2, [1]))
attempt("del x[::-2**63]", lambda: delete(None, None, -2**63))
attempt("del x[-2**63:2**63:2**62]", lambda: delete(-2**63, 2**63, 2**62))
attempt("del x[1:8:3]", lambda: delete(1, 8, 3))


def delete_key(key):
    x = [1, 2, 3]
    del x[key]
    return x


attempt("del x[2**70]", lambda: delete_key(2**70))
attempt("del x['a']", lambda: delete_key("a"))


class Two:
    def __index__(self):
        return 2


attempt("[10, 20, 30][Two()]", lambda: [10, 20, 30][Two()])
attempt("'xyz'[Two():]", lambda: "xyz"[Two():])
attempt("range(5)[Two()]", lambda: range(5)[Two()])

# time: timestamps outside the platform's range, struct fields out of range.
import time

attempt("time.gmtime(2**70)", lambda: time.gmtime(2**70))
attempt("time.gmtime(1e300)", lambda: time.gmtime(1e300))
attempt("time.gmtime(float('nan'))", lambda: time.gmtime(float("nan")))
attempt("time.gmtime(0)[:6]", lambda: time.gmtime(0)[:6])
attempt("time.sleep(2**70)", lambda: time.sleep(2**70))
attempt("time.sleep(1e300)", lambda: time.sleep(1e300))
attempt("time.strftime('%Y', (2000, 13, 1, 0, 0, 0, 0, 1, 0))", lambda: time.strftime("%Y", (2000, 13, 1, 0, 0, 0, 0, 1, 0)))
attempt("time.strftime('%Y %B %A', (2000, 2, 1, 0, 0, 0, -1, 1, 0))", lambda: time.strftime("%Y %B %A", (2000, 2, 1, 0, 0, 0, -1, 1, 0)))
attempt("time.strftime('%Y-%m-%d', (2000, 2, 1, 0, 0, 0, 1, 32, 0))", lambda: time.strftime("%Y-%m-%d", (2000, 2, 1, 0, 0, 0, 1, 32, 0)))

# re: repeat counts past MAXREPEAT are an OverflowError.
import re

attempt("re.compile('a{99999999999999999999}')", lambda: re.compile("a{99999999999999999999}"))
attempt("re.compile('a{4294967295}')", lambda: re.compile("a{4294967295}"))
attempt("re.compile('a{1,4294967296}')", lambda: re.compile("a{1,4294967296}"))
attempt("re.match('a{2,3}', 'aaaa').group()", lambda: re.match("a{2,3}", "aaaa").group())

# math.factorial must finish (a balanced product) and refuses negatives, floats, and the absurd.
import math

attempt("math.factorial(3000).bit_length()", lambda: math.factorial(3000).bit_length())
attempt("math.factorial(-1)", lambda: math.factorial(-1))
attempt("math.factorial(5.0)", lambda: math.factorial(5.0))
attempt("math.factorial(2**70)", lambda: math.factorial(2**70))

# A 100,000-long exception chain, a 300,000-long linked list and 300,000 nested tuples are freed without
# recursion (the chain segfaulted at exit).
e = None
for i in range(100000):
    try:
        raise ValueError(i) from e
    except ValueError as x:
        e = x
print("chain built", e.args, e.__cause__.args)
context = None
for i in range(100000):
    try:
        try:
            raise KeyError(i)
        finally:
            pass
    except KeyError as x:
        x.__context__ = context
        context = x


class Node:
    pass


head = None
for i in range(300000):
    node = Node()
    node.next = head
    head = node
del node
nested = ()
for i in range(300000):
    nested = (nested,)
d = {}
for i in range(100000):
    d = {1: d}
print("structures built")
del e, context, head, nested, d
print("freed")

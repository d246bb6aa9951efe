# String methods, % formatting, str.format and f-string format specs.
s = "  Hello, World  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(s.strip().lower(), s.strip().upper(), s.strip().swapcase(), "hello world".title())
print("a,b,,c".split(","), "a b  c".split(), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1))
print("line1\nline2\r\nline3".splitlines(), "abc".partition("b"), "abc".rpartition("x"))
print("hello".replace("l", "L", 1), "hello".find("l"), "hello".rfind("l"), "hello".index("e"))
print("hello".count("l"), "hello".startswith(("he", "x")), "hello".endswith("lo"))
print("42".zfill(5), "-7".zfill(4), "ab".center(6, "*"), "ab".ljust(4, "."), "ab".rjust(4))
print("abc".isalpha(), "123".isdigit(), "a1".isalnum(), "  ".isspace(), "Ab".isupper(), "ab".islower())
print("x".join(["1", "2", "3"]), "capitalize me".capitalize(), "tab\there".expandtabs(4))
print("%s is %d years and %.2f m" % ("Ann", 30, 1.756))
print("%5d|%-5d|%05d|%+d" % (42, 42, 42, 42))
print("%x %X %o %e %g %r %%" % (255, 255, 8, 12345.678, 0.00001234, "q"))
print("%(name)s=%(value)s" % {"name": "k", "value": 3})
print("%10.3f|%-10s|%c" % (3.14159, "left", 65))
print("{} {} {}".format(1, "two", 3.0), "{1}{0}".format("a", "b"), "{name}!".format(name="x"))
print("{:>8}|{:<8}|{:^8}|{:*^9}".format("r", "l", "c", "mid"))
n = 1234567.891
print(f"{n:,}", f"{n:_.2f}", f"{n:,.1f}", f"{int(n):,}", f"{int(n):_}")
print(f"{0.25:%}", f"{0.256:.1%}", f"{12345.6789:e}", f"{12345.6789:.2E}", f"{0.000123:g}")
print(f"{255:x}", f"{255:#x}", f"{255:08b}", f"{255:o}", f"{-42:+d}", f"{42: d}")
print(f"{'abc':>6}", f"{'abc':_<6}", f"{3.5:10.2f}|", f"{7:03}", f"{1e20:.3g}", f"{2/3:.4}")
width, prec = 10, 3
print(f"{3.14159:{width}.{prec}f}|", f"{'x'!r}", f"{'ä'!a}", f"{3+4=}")
value = 17
print(f"{value=}", f"{value * 2 = }", f"{{literal}}", f"{value:>{width}}|")
print("{:.3}".format("abcdef"), "{:,}".format(10**10), format(3.14159, ".2f"), format(42, "b"))
print(str(1e16), str(1.5e-7), str(123456789.0), str(0.1 + 0.2), repr(1/3))
print(ord("A"), chr(97), "abc"[::-1], "ab" * 3, "b" in "abc", "abc" < "abd")
print("%s" % [1, 2], "%s %s" % (None, True), "%d%%" % 50)
print("\N{BLACK STAR}", "\N{greek small letter alpha}", len("\N{SNOWMAN}x"), "\N{LATIN SMALL LETTER E WITH ACUTE}" == "\u00e9")
print(f"\N{BLACK STAR} {width}", rb"\x", Rb"a", u"u", fR"{prec}\n")
s = "abcabcabc"
print(s.find("b", 2), s.find("b", 2, 4), s.find("b", -3), s.rfind("b", 0, 5), s.index("c", 3), s.rindex("a", 0, -1))
print(s.count("abc", 1), s.count("", 2, 5), s.count("a", -4), s.startswith("bc", 1), s.endswith("ab", 0, 7), s.startswith(("x", "ca"), 2))
print(s.find(""), s.find("", 20), s.find("", 9), "héllo wörld".find("w"), "héllo".count("l"), "aaaa".count("aa"))
try:
    s.index("z", 1)
except ValueError as e:
    print(e)

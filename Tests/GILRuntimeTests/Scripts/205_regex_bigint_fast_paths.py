# Fast paths of issue 16 (speed): single-code-point repeats run as one loop (_sre's REPEAT_ONE), searches skip
# positions that cannot begin a match, Match members computed on demand, big-int sums of unequal lengths,
# str repr quoting; each answer must be CPython's.
import re

subjects = ["", "a", "aaa", "abcabc", "xxPythonxx", "Perl and Python", "--Tcl--Perl--", "aAbBcC", "foo,bar1,baz22,",
            "ringing singing", "line1\nline2\n", "\u00e9t\u00e9 caf\u00e9", "K\u212a k", "2024-12-07", "  spaced   out  "]
patterns = [r"a*", r"a+?", r"a{2,3}", r"a{2,3}?b?", r".*Python", r".*?Python", r".*(Python)", r"(?:Python|Perl)+",
            r"Python|Perl|Tcl", r"[a-z]+ing\b", r"([0a-z][a-z0-9]*,)+", r"(?i)[a-c]+", r"(?i)k+", r"\d+-\d+",
            r"\s*\w+\s*", r"[^a-z]*", r"x*y?", r"(a|b)*?c", r"\w{2,}?\W", r"(?<=a)b*", r"b*(?=c)", r".+$", r"(?m)^\w+$",
            r"(a*)+b", r"[\u00e9e]t+", r"\bc\w*", r"(?s).{3}", r"P[^P]*n", r"(\w)\1*", r"-*T?"]
for p in patterns:
    rx = re.compile(p)
    for s in subjects:
        m = rx.search(s)
        print(p, repr(s), rx.findall(s), m.span() if m else None, bool(rx.fullmatch(s)), rx.sub("<>", s))

# Long subjects: the greedy repeat gives code points back one at a time, the lazy one takes them one at a time.
long = "-" * 3000 + "Python" + "-" * 3000
print(re.search(r".*Python", long).span(), re.search(r".*?Python", long).span(), re.match(r"-*P", long).end())
print(re.search(r".*P.*y.*t.*h.*o.*n.*", long).span(), len(re.findall(r"-+", long)), re.search(r"-{10,20}?P", long).span())
print(re.search(r"(Python)\1", "P" * 500 + "PythonPython").span(), re.search(r"[a-z]+ing", "X" * 2000 + "ringing").group())

# Match members: computed from the match, read-only as in CPython.
m = re.compile(r"(?P<word>\w+)(?:\s+(?P<num>\d+))?").search("  hello 42 ", 1, 10)
print(m.string, m.re.pattern, m.pos, m.endpos, m.lastindex, m.lastgroup, m.span("num"), m.groupdict())
m2 = re.match(r"(a)|(b)", "b")
print(m2.lastindex, m2.lastgroup, re.match(r"x", "x").lastindex, re.match(r"x", "x").lastgroup)
for name in ("string", "pos", "lastindex"):
    try:
        setattr(m, name, 1)
    except AttributeError:
        print("cannot set", name)

# Big-int sums and differences with operands of unequal lengths and signs.
big = [3 ** 200, -(7 ** 150), 2 ** 64, -(2 ** 64) + 1, 10 ** 40, 1, -1, 2 ** 1000 - 1]
print(sum(big), [(a + b) % 1000003 for a in big for b in big][:40], [(a - b) % 999983 for a in big for b in big][-20:])
x, y = 1, 0
for k in range(1, 300):
    x, y = x * k + y, x
print(x % 10 ** 30, len(str(x)), (x + 3 ** 500) - (y + 3 ** 500) == x - y)

# repr of str: quote choice and escapes.
for s in ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there\n", "back\\slash", "\x00\x7f\x1b", "\u00e9\u212a"]:
    print(repr(s), ascii(s) == repr(s).encode("ascii", "backslashreplace").decode() or "non-ascii")
print("x".encode("utf-8"), "y".encode("UTF-8"), "z".encode("latin-1"), "w".encode("Latin_1"), "v".encode("us-ascii"))

# Writes a program of random regular expressions over a small alphabet, each run through findall, sub, split,
# finditer and fullmatch (errors printed as text), for a differential check against CPython:
#   python3 make_re_cases.py SEED COUNT > NN_name.py   (99_re_random_patterns.py: seed 1, 400 cases)
import random, sys
random.seed(int(sys.argv[1]))
atoms = ["a", "b", "c", ".", r"\d", r"\w", r"\s", r"\b", "^", "$", "[ab]", "[^a]", "[a-c]", "x", "(a|b)", "(?:ab)", "(a)", "(?P<n>b)", r"\1", "(?=a)", "(?!b)", "(?<=a)", "a|b", "()", "(a*)", "[.]"]
quants = ["", "", "", "*", "+", "?", "*?", "+?", "??", "{2}", "{1,3}", "{,2}", "{2,}?"]
lines = ["import re", "def t(p, s, f=0):", "    try:",
         "        print(repr(p), repr(s), re.findall(p, s, f), re.sub(p, '<\\\\g<0>>', s, flags=f), re.split(p, s, flags=f), [m.span() for m in re.finditer(p, s, f)], bool(re.fullmatch(p, s, f)))",
         "    except re.error as e:", "        print(repr(p), 'error', e)", "    except Exception as e:", "        print(repr(p), type(e).__name__)"]
for _ in range(int(sys.argv[2])):
    p = "".join(random.choice(atoms) + random.choice(quants) for _ in range(random.randint(1, 4)))
    s = "".join(random.choice("abcx 1\n") for _ in range(random.randint(0, 10)))
    f = random.choice(["0", "0", "re.I", "re.M", "re.S"])
    lines.append(f"t({p!r}, {s!r}, {f})")
print("\n".join(lines))

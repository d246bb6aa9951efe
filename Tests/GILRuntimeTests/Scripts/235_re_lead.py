# re: patterns whose matches must begin with known code points or at the subject's start. search() skips
# positions that cannot begin a match (per alternative: literal and class prefixes, `^`/`\A` anchors), so every
# kind of prefix is checked here at every pos/endpos against the answers of a plain scan.
import re

SUBJECTS = [
    "",
    "a",
    "ba",
    "abab ba bab",
    "agggtaaa tttaccct agggtaa ttaccct aGGGTAAA",
    "  leading and trailing  ",
    "line one\nline two\n",
    "x=1&y=22&zz=333#frag",
    "http://example.com:8080/path?q=1#top",
    "\u00e9t\u00e9 \u00c9T\u00c9 caf\u00e9",
    "QBZPbageby_cynprubyqre QBZPbageby_cynprubyqre!",
]

PATTERNS = [
    (r"^ba", 0),
    (r"\Aab", 0),
    (r"^\s*|\s*$", 0),
    (r"^\s+|\s+$", 0),
    (r"agggtaaa|tttaccct", 0),
    (r"agggtaaa|tttaccct", re.I),
    (r"[cgt]gggtaaa|tttaccc[acg]", 0),
    (r"ab|ba|b a", 0),
    (r"(?:ab)+", 0),
    (r"(ab){2}", 0),
    (r"b{2,}|a", 0),
    (r"\bba\b", 0),
    (r"(?<=a)b", 0),
    (r"(?=ab)a", 0),
    (r"(?!ab)a", 0),
    (r"a^b", 0),
    (r"(^|\s)ba(\s|$)", 0),
    (r"(?:^|\s+)ba(?:\s+|$)", 0),
    (r"line \w+$", re.M),
    (r"^line", re.M),
    (r"^line", 0),
    (r"\d+", 0),
    (r"[a-z]+=\d+", 0),
    (r"(\w+)=(\d+)", 0),
    (r"#.*", 0),
    (r"(((\w+):\/\/)([^\/:]*)(:(\d+))?)?([^#?]*)", 0),
    (r"\bQBZPbageby_cynprubyqre\b", 0),
    (r"\u00e9t\u00e9", re.I),
    (r"caf.", 0),
    (r"(a)\1|b", 0),
    (r"x?y", 0),
    (r"(?:a|b|c|d|e|f|g|h|i|j|k|l|m|n|o|p|q|r|s)z", 0),
    (r"[ab][ab][ab][ab][ab][ab][ab][ab][ab][ab]", 0),
    (r"abcdefghijk", 0),
    (r"(?i)B A", 0),
    (r"\s\S", 0),
]


def spans(pattern, flags, subject):
    p = re.compile(pattern, flags)
    out = []
    for pos in range(len(subject) + 1):
        m = p.search(subject, pos)
        out.append(m.span() if m else None)
    for endpos in range(0, len(subject) + 1, 3):
        m = p.search(subject, 0, endpos)
        out.append(m.span() if m else None)
    return out


for pattern, flags in PATTERNS:
    print(repr(pattern), flags)
    for subject in SUBJECTS:
        found = [s for s in spans(pattern, flags, subject)]
        hits = sorted({s for s in found if s is not None})
        print("  ", repr(subject[:12]), len([s for s in found if s]), hits[:6])
    p = re.compile(pattern, flags)
    text = " | ".join(SUBJECTS)
    print("   findall", len(p.findall(text)), p.findall(text)[:5])
    print("   sub", repr(p.sub("<>", text)[:70]))
    print("   split", len(p.split(text)))

# A bytes pattern has a lead too.
bp = re.compile(rb"ab|\x00c")
print(bp.findall(b"xxab\x00cab\x00"), bp.search(b"zz\x00c", 1))
print(re.compile(rb"^ab").search(b"abab", 1), re.compile(rb"^ab").search(b"abab"))
print(re.search(r"^b", "ab", re.M), re.search(r"^b", "a\nb", re.M))
print(re.fullmatch(r"ab|ba", "ba"), re.match(r"ab|ba", "ba", 0))

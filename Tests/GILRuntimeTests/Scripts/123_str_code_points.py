# str methods work on code points: \r\n is two characters to strip/split/splitlines/removesuffix
s = "a\r\nb\rc\nd\r\n"
print(repr(s.rstrip('\r\n')), repr(s.strip()), s.split("\n"), s.split("\r"), s.splitlines(), s.splitlines(True))
print(s.count("\n"), s.count("\r"), s.find("\n"), s.rfind("\r"), s.index("\n"), "\n" in s, "\r" in "x\r\n")
print(repr(s.replace("\n", "N")), repr(s.replace("\r", "R")), s.partition("\n"), s.rpartition("\r"))
print(s.endswith("\n"), s.startswith("a\r"), repr(s[:3]), len(s), s.split(), "x\r\ny".split())
print(repr("\r\n".join(["a", "b"]).split("\n")), repr("a\r\n".rsplit("\n", 1)), list("a\r\n"))
print(repr(" \x1c\x85x\u2003 ".strip()), " \t".isspace(), "\x1c".isspace(), "\u200b".isspace())
print(repr("e\u0301x".strip("e")), repr("\u0301".join("ab")), "e\u0301".find("\u0301"), "e\u0301".count("e"))
print(repr("abc\r\n".removesuffix("\n")), "abc\r\n".endswith(("\n", "x")), repr("x\r\n".rstrip("\n")))
print("a\x0bb\x0cc\x1cd\x85e\u2028f\r".splitlines(), "x\n\ny\n".splitlines(keepends=True), "".splitlines(), "\n".splitlines())

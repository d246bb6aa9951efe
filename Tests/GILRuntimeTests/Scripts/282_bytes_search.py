# bytes/bytearray find, rfind, index, rindex, count: single bytes, ints, longer needles, empty needles,
# start/end windows (negative, past the end, reversed), repeated overlapping patterns.
hay = bytes(sorted(b"the quick brown fox jumps over the lazy dog " * 3))
text = b"abracadabra abracadabra"
for h in (hay, text, bytearray(text), b"", b"a"):
    for needle in (b"a", b"ab", b"abra", b"cad", b"z", b"", b"ra a", 97, 0, b"aaa", b"  "):
        row = []
        for (s, e) in ((None, None), (1, None), (2, 9), (-5, None), (None, -3), (5, 2), (30, 40), (0, 0), (-100, 100)):
            args = (needle,) if s is None and e is None else (needle, s) if e is None else (needle, s, e)
            row.append((h.find(*args), h.rfind(*args), h.count(*args)))
            for name in ("index", "rindex"):
                try:
                    row.append(getattr(h, name)(*args))
                except ValueError as ex:
                    row.append(str(ex))
        print(len(h), needle, row)
F = bytes(sorted(bytes((i * 7919) % 256 for i in range(5000))))
print([F.find(bytes([i])) for i in range(0, 256, 17)])
print([F.rfind(bytes([i])) for i in range(0, 256, 17)])
print(b"aaaa".count(b"aa"), b"aaaa".find(b"aa", 1), b"aaaa".rfind(b"aa"), b"abcabc".rindex(b"abc", 0, 5))
for bad in ("a", 256, -1, 1.5):
    try:
        b"abc".find(bad)
    except (TypeError, ValueError) as ex:
        print(type(ex).__name__, ex)

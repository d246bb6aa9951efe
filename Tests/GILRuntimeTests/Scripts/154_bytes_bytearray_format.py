# bytes and bytearray: every method, slicing and mutation, % formatting of str and bytes, and the codecs
# (utf-8/16/32, ascii, latin-1, cp1252) with their error handlers and CPython's messages.
b = b"Hello, World! hello"
ba = bytearray(b"abc")
print(ba, bytearray(3), bytearray([65, 66]), bytearray("héllo", "utf-8"), bytes(ba), len(ba), ba[1], ba[-1], ba[0:2])
ba.append(100); ba.extend(b"ef"); ba.extend([103]); ba.insert(0, 90); print(ba, ba.pop(), ba.pop(0), ba)
ba[0] = 120; ba[1:3] = b"YYY"; print(ba); del ba[0]; del ba[::2]; print(ba)
ba += b"!!"; print(ba, ba * 2, b"x" + bytearray(b"y"), bytearray(b"y") + b"x", type(b"x" + bytearray(b"y")).__name__)
print(b.find(b"o"), b.rfind(b"o"), b.find(111, 5), b.count(b"l"), b.index(b"World"), b.startswith((b"He", b"x")), b.endswith(b"lo", 0, 5))
print(b.split(), b.split(b", "), b.rsplit(b" ", 1), b"a  b c ".split(None, 1), b"a\nb\r\nc".splitlines(), b"a\nb\r\n".splitlines(True))
print(b.upper(), b.lower(), b.swapcase(), b"hello world".title(), b"hELLO".capitalize(), b"  x ".strip(), b"xxaxx".strip(b"x"))
print(b.replace(b"l", b"L"), b.replace(b"l", b"L", 2), b"abc".replace(b"", b"-"), b.partition(b" "), b.rpartition(b"z"))
print(b"ab".center(7, b"*"), b"ab".ljust(5), b"ab".rjust(5, b"0"), b"-42".zfill(6), b"a\tb".expandtabs(4))
print(b"abc".hex(), b"abcdef".hex(":", 2), bytes.fromhex("de ad be ef"), bytearray.fromhex("0a0b"), b"\xde\xad".hex("-"))
print(b"abc".isalpha(), b"a1".isalnum(), b"123".isdigit(), b"  ".isspace(), b"Hello World".istitle(), b"abc".islower(), b"\x80".isascii())
t = bytes.maketrans(b"abc", b"xyz"); print(b"aabbcc".translate(t), b"hello".translate(None, b"l"))
print(b"%s is %d years, %5.2f%% %x %#o %c %r %a" % (b"Bob", 42, 99.5, 255, 8, 65, "q", "é"))
print("%s %r %a %5s|%-5s|%05d|%+d|% d|%x|%#X|%e|%G|%c|%c" % ("s", "r", "é", "ab", "cd", 42, 5, 7, 255, 255, 12345.678, 1e-10, 65, "z"))
print("%(name)s is %(age)03d" % {"name": "Al", "age": 7}, "%*d|%-*d|%.*f" % (5, 1, 4, 2, 3, 3.14159), "%s" % [1, 2], "%s" % (1,))
print(b"a" in b"cat", 97 in b"cat", b"" in b"", b"abc" == bytearray(b"abc"), b"abc" < b"abd", bytearray(b"b") > b"a")
print("héllo".encode("latin-1"), "héllo".encode("ascii", "replace"), "héllo".encode("ascii", "ignore"), "h€".encode("ascii", "backslashreplace"), "h€".encode("ascii", "xmlcharrefreplace"))
print(b"h\xc3\xa9".decode(), b"h\xe9".decode("latin-1"), b"\xff\xfeh\x00".decode("utf-16"), "hé".encode("utf-16-be"), b"a\xffb".decode("utf-8", "replace"), b"a\xffb".decode(errors="ignore"), b"a\xffb".decode("ascii", "backslashreplace"))
for bad in [b"\xff", b"\xc3", b"\xe9\x80", b"\xe9a", b"\xf0\x90a", b"\xed\xa0\x80"]:
    try: bad.decode()
    except UnicodeDecodeError as e: print(e)
cases = [lambda: 'x'.encode('nope'), lambda: 'é'.encode('ascii'), lambda: b'x'.decode('utf-8', 'nope'), lambda: bytes('x'),
         lambda: bytearray(-1), lambda: hash(bytearray()), lambda: b'%d' % 'x', lambda: '%d' % 'x', lambda: '%x' % 1.5,
         lambda: '%z' % 1, lambda: '%s %s' % (1,), lambda: '%s' % (1, 2), lambda: '%(a)s' % 1, lambda: b'%s' % 'x',
         lambda: '%c' % 1114112, lambda: 'abc' % 1, lambda: b'ab' + 'c', lambda: bytearray(b'a').pop(5),
         lambda: bytearray().pop(), lambda: bytearray(b'a').remove(9), lambda: bytes([300]), lambda: bytearray(b'x').append(256),
         lambda: b'abc'.index(b'z'), lambda: bytes.fromhex('zz'), lambda: b'a'.center(3, 'x'), lambda: bytes(1.5),
         lambda: '%*d' % ('x', 1), lambda: '%.2s' % 'abcdef', lambda: '%-6.1f|' % 2.25, lambda: '%#x %#o %#X' % (0, 0, 255),
         lambda: '%+05d %+05d % 05d' % (3, -3, 3), lambda: '%5c|%-3c|' % ('x', 65), lambda: '%#g %g %.3g %e' % (1.0, 1e20, 0.0001234, 0.0),
         lambda: '%d %d %i' % (3.99, -3.99, True), lambda: '%s' % b'bytes', lambda: b'%s %r' % (b'x', b'y'), lambda: b'%5b|%-4c|' % (b'ab', b'z'),
         lambda: '%(a)s %(a)r' % {'a': 'x'}, lambda: '%s %%' % 5, lambda: '%%' % (), lambda: '%d' % 10**30, lambda: '%.3d %.0f' % (7, 2.5)]
for f in cases:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print(str(b"abc", "ascii"), str(bytearray(b"xy"), "utf-8"), repr(bytearray(b"\x00\n'")), list(bytearray(b"ab")), sorted(b"cab"))

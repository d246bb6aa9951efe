# _codecs (CPython's codecs module and encodings package running on it), binascii and base64, re over bytes,
# memoryview.
import codecs
print(codecs.lookup("UTF-8").name, codecs.lookup("latin1").name, codecs.encode("héllo", "utf-16-le"), codecs.decode(b"h\xc3\xa9", "utf-8"))
print(codecs.encode("abc", "rot13") if False else "", codecs.lookup("cp437").name, "é".encode("cp437"), b"\x82".decode("cp437"), "ж".encode("koi8-r"))
d = codecs.getincrementaldecoder("utf-8")()
print(repr(d.decode(b"h\xc3")), repr(d.decode(b"\xa9llo")), repr(d.decode(b"", final=True)))
e = codecs.getincrementalencoder("utf-16")()
print(e.encode("ab"), e.encode("c"))
print(codecs.escape_decode(b"a\\nb\\x41")[0], codecs.escape_encode(b"a'\n\x00"), codecs.unicode_escape_decode(b"a\\u00e9\\n")[0], "é\n\\".encode("unicode_escape"), "é\u20ac".encode("raw_unicode_escape"))
print(codecs.lookup_error("strict"), codecs.lookup_error("replace")(UnicodeEncodeError("ascii", "aé", 1, 2, "x")))
try: codecs.lookup("nope")
except LookupError as e: print(e)
print(codecs.BOM_UTF8, codecs.utf_8_decode(b"ab\xc3", "strict", False), codecs.iterdecode([b"a\xc3", b"\xa9"], "utf-8").__class__.__name__, "".join(codecs.iterdecode([b"a\xc3", b"\xa9"], "utf-8")))
import io
w = codecs.getwriter("utf-8")(io.BytesIO()); w.write("hé"); print(w.getvalue() if hasattr(w, "getvalue") else w.stream.getvalue())
import binascii, base64
for d in [b'', b'YQ', b'YQ=', b'YQ==', b'YWJj', b'Y', b'YW Jj\n', b'YQ==YQ==', b'Y!Q==', b'YWJjZ', b'=YQ==', b'YQ===', 'YWJj']:
  try: print(d, binascii.a2b_base64(d))
  except Exception as e: print(d, type(e).__name__, e)
for d in [b'Y!Q==', b'YQ===', b'YQ==YQ==', b'=YQ==', b'YQ', b'YW Jj']:
  try: print('strict', d, binascii.a2b_base64(d, strict_mode=True))
  except Exception as e: print('strict', d, type(e).__name__, e)
print(binascii.b2a_base64(b'abcd'), binascii.b2a_base64(b'ab', newline=False), binascii.hexlify(b'\x01\xab', '-'), binascii.crc32(b'hello'), binascii.crc32(b'x', 123), binascii.crc_hqx(b'hello', 0))
for d in [b'abc', b'zz', 'ab', b'ABcd']:
  try: print(binascii.unhexlify(d))
  except Exception as e: print(type(e).__name__, e)
print(binascii.Error.__mro__, binascii.b2a_qp(b'a=b\xff\n'), binascii.a2b_qp(b'a=3Db=FF'), binascii.b2a_uu(b'abc'), binascii.a2b_uu(b'#86)C\n'))
data = bytes(range(256))
for enc, dec in [(base64.b64encode, base64.b64decode), (base64.urlsafe_b64encode, base64.urlsafe_b64decode), (base64.b32encode, base64.b32decode), (base64.b16encode, base64.b16decode), (base64.a85encode, base64.a85decode), (base64.b85encode, base64.b85decode), (base64.standard_b64encode, base64.standard_b64decode)]:
  e = enc(data[:40]); print(enc.__name__, e[:30], dec(e) == data[:40])
print(base64.encodebytes(b"x" * 100)[:20], base64.decodebytes(b"eHh4\n"), base64.b64encode(b"\xfb\xff", altchars=b"-_"), base64.b32hexencode(b"ab"))
import re
p = re.compile(rb"(\w+)@(\w+)\.com")
print(p, p.pattern, p.flags, p.search(b"mail joe@site.com now"), p.findall(b"a@b.com c@d.com"), p.sub(rb"\2 at \1", b"x@y.com"))
print(re.split(rb"[,;]\s*", b"a, b;c"), re.findall(rb"\d+", b"a1b22"), re.sub(b"a", b"X", bytearray(b"banana")), re.fullmatch(b"[^0-9A-F]", b"z"))
m = re.search(rb"(?P<k>\w+)=(?P<v>\w*)", b"key=val")
print(m.group(), m.groups(), m.groupdict(), m.span(2), m.expand(rb"\g<v>/\g<k>"), m.string)
print(re.compile(b"\xe9", re.I).match(b"\xc9"), re.match(rb"\w", b"\xe9"), re.compile("x").flags, re.compile(b"x").flags, re.compile(b"x", re.A).flags)
print(re.escape(b"a.b*c"), re.escape("a.b"), re.sub(rb"(a)", lambda m: m.group(1).upper(), b"aXa"))
for f in [lambda: re.match(b"a", "a"), lambda: re.match("a", b"a"), lambda: re.compile(b"a", re.U), lambda: re.compile("a", re.L), lambda: re.sub(b"a", "x", b"a")]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
b = bytearray(b"hello world")
m = memoryview(b)
print(len(m), m[0], m[-1], bytes(m[0:5]), m[::2].tobytes(), m.tolist()[:3], m.nbytes, m.readonly, m.format, m.itemsize, m.ndim, m.shape)
m[0] = 72; m[6:11] = b"WORLD"; print(b, m.hex(), m == b"Hello WORLD", list(memoryview(b"ab")), hash(memoryview(b"ab")) == hash(b"ab"))
with memoryview(b"xyz") as v: print(v.tobytes(), v[1:].tobytes())
try: v.tobytes()
except ValueError as e: print(e)
try: memoryview(b"ro")[0] = 1
except TypeError as e: print(e)
print(memoryview(b"abc").cast("c").tolist(), bytes(memoryview(b"a")[0:1]), b"".join([memoryview(b"x"), b"y"]))
import array; print(bytes(array.array("h", [1, 2])), memoryview(array.array("B", [3])).tobytes())

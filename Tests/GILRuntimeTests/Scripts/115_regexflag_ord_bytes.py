import re
print(repr(re.RegexFlag(0x100000|2)), repr(re.RegexFlag(0)), re.RegexFlag(2) is re.I)
print(list(re.RegexFlag), len(re.RegexFlag))
print(re.I.name, re.I.value, (re.I|re.M).name, re.NOFLAG.name, re.RegexFlag['DOTALL'])
print(~re.I, repr(~re.I), re.I & re.M, re.I ^ re.I, 3 | re.I, re.I | 3, type(re.I | 3), type(3 | re.I))
print(re.A in (re.A|re.I), re.I.__class__.__name__, re.RegexFlag.__members__.keys())
print(format(re.I), f"{re.I:>20}", "%d %s %r" % (re.I, re.I, re.I), hash(re.I) == 2, re.I == 2, bool(re.NOFLAG))
print(list(re.I|re.M), re.TEMPLATE if hasattr(re, 'TEMPLATE') else None, re.T if hasattr(re,'T') else None)
try: re.RegexFlag('x')
except Exception as e: print(type(e).__name__, e)
print(re.compile('a', re.I|re.S).flags, type(re.compile('a', re.I).flags))
print(re.I.__reduce_ex__(2))
for v in [-1, -3, 0x100000, 0x100002, 0x1ff]:
    try:
        f = re.RegexFlag(v); print(v, repr(f), f.name, int(f), repr(~f), len(f), list(f))
    except Exception as e: print(v, type(e).__name__, e)
try: re.RegexFlag['x']
except Exception as e: print(type(e).__name__, e)
print(re.I in re.I|re.M, re.NOFLAG in re.I, re.I.__contains__(re.M))
try: 2 in re.I
except Exception as e: print(type(e).__name__, e)
print(re.I < re.M, re.I + re.M, re.I * 2, -re.I, str(re.I|re.M), hex(re.I))
print(re.RegexFlag.IGNORECASE, re.RegexFlag.I is re.I, re.RegexFlag(3), re.RegexFlag(2.0) if 0 else '')
print(re.I.__class__.__module__, re.RegexFlag.__qualname__, re.RegexFlag.__module__)
print(repr(re.I & 3), re.I & 3, 3 & re.I, type(re.I + 1).__name__, type(re.I|re.M).__name__)
print(bool(re.I), bool(re.NOFLAG), isinstance(re.I, int), issubclass(re.RegexFlag, int))
print(sorted([re.M, re.I]), max(re.M, re.I), {re.I: 1}[2])
print(re.findall('A', 'aA', re.I), re.compile('x', flags=re.M | re.X).flags)
# ord() of one-character bytes and bytearrays (a file read one byte at a time)
print(ord(b'\xe9'), ord(bytearray(b'z')), ord('\u20ac'))
for bad in [b'ab', bytearray(b''), 5, 'ab', '', None]:
    try:
        ord(bad)
    except TypeError as e:
        print('TypeError:', e)

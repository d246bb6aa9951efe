# struct: native and standard sizes, alignment, every code, pack_into/unpack_from/iter_unpack, Struct, and the
# range errors worded as each of CPython's packers words them.
import struct
tests=[('b',200),('B',-1),('h',40000),('H',-1),('i',2**31),('I',-1),('l',2**63),('L',-1),('q',2**63),('Q',-1),('<i',2**31),('<I',2**32),('<q',2**64),('<Q',-1),('n',2**63),('N',-1),('b','x'),('f','x'),('f',1e300),('<e',1e10),('c',b'ab'),('s','x'),('?',[]),('P',-1),('<l',2**31),('>H',70000),('@i', 1.5), ('<I',-1),('<H',-1),('<B',-1),('<b',200),('<i',-2**31-1),('<L',-1),('<l',2**40),('>q',-2**63-1),('<e',65520.0),('<e',65519.0),('<f',3.5e38),('<d',1e308),('i',True),('?',2),('<?',0)]
for f,v in tests:
  try: print(f, struct.pack(f,v))
  except Exception as e: print(f, type(e).__name__, e)
for f in ['3','z','<n','<P','@', '2x', 'i0i', '@bi', '=bi', 'bq', 'qb', '@5sP', '<hhl', '>3s2xI']:
  try: print(f, struct.calcsize(f))
  except Exception as e: print(f, type(e).__name__, e)
for call in [lambda: struct.unpack('i', b'abc'), lambda: struct.unpack_from('i', b'abcdef', 4), lambda: list(struct.iter_unpack('i', b'abcdef')),
             lambda: struct.pack('ii', 1), lambda: struct.pack_into('i', bytearray(3), 0, 1), lambda: struct.pack_into('i', bytearray(8), 6, 1),
             lambda: struct.pack_into('i', bytearray(8), -10, 1)]:
  try: print(call())
  except Exception as e: print(type(e).__name__, e)
print(struct.pack('5p', b'abcdefg'), struct.unpack('5p', b'\x09abcd'))
s = struct.Struct('>hd')
print(repr(s.format), s.size, struct.error.__module__, [c.__name__ for c in struct.error.__mro__])
data = struct.pack('<hHiIqQfd?c3s', -2, 65535, -70000, 4000000000, -2**62, 2**64-1, 1.5, -2.25, True, b'z', b'abcd')
print(data, struct.unpack('<hHiIqQfd?c3s', data))
print(struct.unpack('>hHiIqQfd', struct.pack('>hHiIqQfd', 1, 2, 3, 4, 5, 6, 7.0, 8.0)))
print(struct.unpack('@bi', struct.pack('@bi', 1, 2)), struct.pack('@bi', 1, 2))
buf = bytearray(12); struct.pack_into('<ii', buf, 2, 7, -1); print(buf, struct.unpack_from('<i', buf, offset=6), struct.unpack_from('<i', buf, -4))
print(list(struct.iter_unpack('<hh', bytes(range(8)))), struct.unpack('<e', struct.pack('<e', 0.1)), struct.pack('<e', float('nan')))
class I:
  def __index__(self): return 7
print(struct.pack('i', I()), struct.pack(b'<H', 513), struct.Struct('<i').unpack(b'\x01\x00\x00\x00'))

# array.array: every type code's range checks and messages, conversions, slicing and mutation, bytes round trips.
import array
for c in 'bBhHiIlLqQ':
  a=array.array(c)
  isz=a.itemsize
  signed=c.islower()
  lo=-(1<<(8*isz-1)) if signed else 0
  hi=(1<<(8*isz-1))-1 if signed else (1<<(8*isz))-1
  out=[]
  for v in [hi+1, lo-1, 2**70, 1.5, 'x', hi, lo]:
    try: a.append(v); out.append('ok')
    except Exception as e: out.append(type(e).__name__+': '+str(e))
  print(c, isz, ' | '.join(out), a)
for c in 'fdu':
  a=array.array(c)
  for v in [1, 'x', 1e300, 'ab', 0.1]:
    try: a.append(v); print(c, repr(v), 'ok', a)
    except Exception as e: print(c, repr(v), type(e).__name__, e)
for args in [('z',), ('i', 'abc'), ('i', [1, 'a']), ('u', [1]), ('b', b'\x01\x02'), ('d', b'12345678'), ('i', b'123'), ('u', 'hé'), ('ii',), (1,)]:
  try: print(array.array(*args))
  except Exception as e: print(args, type(e).__name__, e)
a=array.array('i',[1,2,3]); print(a, repr(array.array('d')), a[1:], a*2, a+array.array('i',[9]), a.tobytes(), a.tolist(), a.buffer_info()[1], a.itemsize, a.typecode, array.typecodes)
for f in [lambda: a + array.array('d'), lambda: a.__setitem__(slice(0,1), [5]), lambda: a[5], lambda: array.array('i').pop(), lambda: a.index(99), lambda: a.remove(99), lambda: a + [1], lambda: hash(a)]:
  try: print(f())
  except Exception as e: print(type(e).__name__, e)
print(a == [1,2,3], a == array.array('d',[1,2,3]), a < array.array('i',[1,2,4]), 2 in a, a.index(3), a.count(1), len(a), bool(array.array('b')), list(a), sorted(a, reverse=True))
a[0] = 10; a[1:2] = array.array('i', [7, 8]); del a[-1]; a.insert(0, -1); a.extend([5, 6]); a += array.array('i', [0]); a *= 2; print(a, a.pop(), a.pop(0))
a.reverse(); a.remove(5); print(a); a.byteswap(); print(a); a.byteswap()
b = array.array('d', [0]) * 5; b[2] = 3.5; print(b, sum(b), b.tobytes()[16:24]); c = array.array('d'); c.frombytes(b.tobytes()); print(c == b)
f = array.array('f', [0.1, 1/3]); print(f, f[0] == 0.1, f.tolist())
u = array.array('u', 'abc'); u.append('d'); u.extend('ef'); print(u, u.tounicode(), u[1])
import copy; print(copy.copy(a) == a, copy.deepcopy(b))

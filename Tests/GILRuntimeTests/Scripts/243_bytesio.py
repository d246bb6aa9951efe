# io.BytesIO, native since session 4: reads, writes past the end, truncate, readinto, getbuffer, subclasses, errors
import io, pickle
b = io.BytesIO()
print(b.write(b"hello\nworld\n"), b.tell(), b.getvalue())
b.seek(0); print(b.readline(), b.read(3), b.read(), b.read())
b.seek(20); b.write(b"x"); print(b.getvalue())
b.seek(2); b.write(b"ZZ"); print(b.getvalue(), b.tell())
print(b.truncate(4), b.getvalue(), b.tell())
ba = bytearray(3); b.seek(0); print(b.readinto(ba), ba)
b.seek(0); print(list(b)); b.seek(0); print(b.readlines(), b.readlines())
print(isinstance(b, io.BufferedIOBase), type(b).__name__, b.readable(), b.seekable(), b.closed)
v = b.getbuffer(); v[0] = 65; print(b.getvalue()); del v
with io.BytesIO(b"abc") as c: print(c.read(1), c.read1(5))
print(c.closed)
for bad in (lambda: c.read(), lambda: c.getvalue(), lambda: io.BytesIO("s"), lambda: io.BytesIO().write("x"), lambda: io.BytesIO().seek(-1), lambda: io.BytesIO().seek(0, 5), lambda: io.BytesIO().fileno()):
    try: bad()
    except Exception as e: print(type(e).__name__, e)
class Sub(io.BytesIO):
    def __init__(self, data):
        super().__init__(data * 2)
        self.extra = 1
s = Sub(b"ab"); print(s.read(), s.extra)
print(pickle.loads(pickle.dumps({"a": [1, 2.5, "x" * 300, None, (1, 2)], "b": b"\x00" * 10}, 5)))
b = io.BytesIO(b"12345"); b.seek(0, 2); print(b.tell()); b.seek(-2, 1); print(b.read())
print(io.BytesIO(b"a\nb").readline(1), io.BytesIO(memoryview(b"mv")).getvalue())
b = io.BytesIO(); b.writelines([b"a", bytearray(b"b")]); print(b.getvalue())

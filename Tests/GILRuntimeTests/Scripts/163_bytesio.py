# io.BytesIO as Modules/_io/bytesio.c: read/read1/readinto/readline(s), writes past the end padded with zeros,
# truncate, getbuffer (a memoryview), seek's errors, bytes-like arguments, closed-file errors; the io ABCs.
import io
b = io.BytesIO(b"line1\nline2\nlast")
print(b.readline(), b.readline(3), b.readlines(), b.read(), b.tell())
b.seek(0)
print(list(b))
b.seek(2)
print(b.write(b"XY"), b.getvalue(), b.tell())
b.seek(30)
b.write(b"!")
print(b.getvalue())
print(b.truncate(5), b.getvalue(), b.tell())
buf = bytearray(3)
b.seek(1)
print(b.readinto(buf), buf, b.read1(), b.read1(-1))
v = b.getbuffer()
print(type(v).__name__, len(v), bytes(v[:2]))
del v
for bad in ("str", 1.5):
    try:
        io.BytesIO().write(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    io.BytesIO("x")
except TypeError as e:
    print("TypeError:", e)
for args in ((-1,), (0, 3)):
    try:
        io.BytesIO().seek(*args)
    except ValueError as e:
        print("ValueError:", e)
c = io.BytesIO(b"abc")
c.close()
print(c.closed)
for op in (c.read, c.getvalue, c.tell, c.readable, lambda: c.write(b"x"), c.getbuffer):
    try:
        op()
    except ValueError as e:
        print("ValueError:", e)
try:
    io.BytesIO().fileno()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation:", e)
print(isinstance(io.BytesIO(), io.BufferedIOBase), isinstance(io.StringIO(), io.TextIOBase), isinstance(io.BytesIO(), io.IOBase))
with io.BytesIO(bytearray(b"ab")) as f:
    print(f.read(), f.readable(), f.writable(), f.seekable(), f.isatty())
print(f.closed)
s = io.StringIO()
s.close()
try:
    s.write("x")
except ValueError as e:
    print("ValueError:", e)
w = io.BytesIO()
w.writelines([b"a", bytearray(b"b"), memoryview(b"c")])
print(w.getvalue(), w.seek(-1, 2), w.read(), w.seek(0, 1))

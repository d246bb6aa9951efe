# io.StringIO: appends at the end (pieces joined lazily), overwrites after seek, writes past the end,
# reads between writes, truncate, closed-stream errors, and 20,000 appends (linear, not quadratic).
import io

s = io.StringIO()
for i in range(5):
    print(s.write("line %d\n" % i), s.tell())
print(repr(s.getvalue()))
s.seek(5)
print(s.write("X"), s.tell(), repr(s.getvalue()))
s.write("YZ")
print(repr(s.read(4)), s.tell())
print(repr(s.readline()), repr(s.readline()), s.tell())
s.seek(0, 2)
s.write("end")
print(repr(s.getvalue()[-10:]), s.tell())
s.seek(0)
print([line for line in s])
s.seek(3)
print(s.truncate(), repr(s.getvalue()), s.tell())
s.write("!")
print(repr(s.getvalue()))
s.seek(10)
s.write("far")
print(repr(s.getvalue()), s.tell())
s.seek(0)
print(repr(s.read()), repr(s.read()), repr(s.readline()))

t = io.StringIO("abc\ndef")
print(repr(t.readline()), t.tell())
t.write("ZZ")
print(repr(t.getvalue()), repr(t.read()))
t.seek(0, 2)
t.write("+tail")
t.seek(0)
print(t.readlines())

big = io.StringIO()
for i in range(20000):
    big.write(str(i % 10))
    if i % 5000 == 0:
        print(len(big.getvalue()), big.tell())
v = big.getvalue()
print(len(v), v[:12], v[-12:], v.count("7"))

with io.StringIO() as c:
    c.write("x")
for call in (lambda: c.write("y"), c.getvalue, c.read, c.tell):
    try:
        call()
    except ValueError as e:
        print("ValueError:", e)
print(c.closed)
try:
    io.StringIO().write(5)
except TypeError as e:
    print("TypeError:", e)

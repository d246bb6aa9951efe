# Small reads of a binary file come from a read-ahead buffer (as CPython's BufferedReader): positions,
# seeks, mixed read/readline/iteration, EOF, reads larger than the buffer.
import os
import tempfile

data = bytes((i * 37 + i // 251) % 256 for i in range(20000))
lines = b"".join(b"line %d\n" % i for i in range(300))
d = tempfile.mkdtemp()
p = os.path.join(d, "data.bin")
q = os.path.join(d, "lines.bin")
with open(p, "wb") as f:
    f.write(data)
with open(q, "wb") as f:
    f.write(lines)

with open(p, "rb") as f:
    got = []
    while True:
        c = f.read(1)
        if not c:
            break
        got.append(c)
    print(len(got), b"".join(got) == data, f.read(1), f.read(0), f.tell())

with open(p, "rb") as f:
    print(f.read(3), f.tell())
    print(len(f.read(5000)), f.tell())
    print(f.read(2), f.tell())
    f.seek(10)
    print(f.read(4), f.tell())
    f.seek(-2, 1)
    print(f.read(4), f.tell())
    f.seek(100, 0)
    print(f.read(1), f.tell())
    f.seek(-3, 2)
    print(f.read(10), f.tell(), f.read(1))
    f.seek(8190)
    print(f.read(5) == data[8190:8195], f.tell())
    f.seek(0)
    total = 0
    for n in (1, 7, 4096, 4097, 3, 8192, 100000):
        chunk = f.read(n)
        total += len(chunk)
        print(n, len(chunk), chunk == data[total - len(chunk):total], f.tell())
    print(total, f.read(), f.tell())

with open(q, "rb") as f:
    print(f.read(2), f.readline(), f.read(3), f.tell())
    print(f.readline(), f.tell())
    n = 0
    for line in f:
        n += 1
        if n == 5:
            print(line, f.tell())
            break
    print(f.read(6))
    rest = f.readlines()
    print(len(rest), rest[-1], f.read(1))
    f.seek(0)
    print(f.read(1), len(f.read()), f.read(1))

with open(q, "rb") as f:
    a = f.read(1)
    f.seek(0, 1)
    print(a, f.tell(), f.read(5))

os.remove(p)
os.remove(q)
os.rmdir(d)

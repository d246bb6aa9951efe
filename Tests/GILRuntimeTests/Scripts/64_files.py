# Text files: write, append, read, readline, iteration, with; os.path helpers.
import os

path = os.path.join("/tmp", "gilrec_corpus_%d.txt" % os.getpid())
with open(path, "w") as f:
    n = f.write("first line\n")
    f.write("second line\n")
    print("wrote", n, "chars; closed inside with:", f.closed)
print("closed after with:", f.closed)
with open(path, "a") as f:
    print("third", "line", file=f)
with open(path) as f:
    print(repr(f.read()))
with open(path, "r") as f:
    print(repr(f.readline()), repr(f.readline()))
    print([line.rstrip("\n") for line in f])
with open(path) as f:
    print(f.readlines())
with open(path, encoding="utf-8") as f:
    for i, line in enumerate(f, 1):
        print(i, line.strip().upper())
print(os.path.exists(path), os.path.basename(path).startswith("gilrec_corpus_"))
os.remove(path)
print(os.path.exists(path))
try:
    open(path)
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
except OSError:
    print("OSError")

# Native code can release the GIL: hashlib does for buffers of 2 KiB or more (as CPython's C code does), so
# threads hashing large buffers run on all cores, while the same threads doing pure-Python work take turns.
#   gilrec run Examples/hashing.py
#   gilstat summary   # the hash calls show as I/O: the GIL was released around them
#   gilrec run --python python3 Examples/hashing.py   # the real interpreter: native_ns, C code without the GIL
import hashlib
import threading
import time

BLOCK = b"gil" * 1_000_000  # 3 MB
ROUNDS = 8


def hash_blocks():
    digest = ""
    for _ in range(ROUNDS):
        digest = hashlib.sha256(BLOCK).hexdigest()
    return digest


def python_loop():
    total = 0
    for i in range(3 * 10**6):
        total += i
    return total


for name, work in (("sha256 of 3 MB x8", hash_blocks), ("pure-Python loop", python_loop)):
    start = time.time()
    work()
    work()
    serial = time.time() - start
    start = time.time()
    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    threaded = time.time() - start
    print(f"{name}: serial {serial:.2f}s, 2 threads {threaded:.2f}s, speedup {serial / threaded:.2f}x")

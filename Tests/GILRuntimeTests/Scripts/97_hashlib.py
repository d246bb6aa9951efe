import hashlib
import threading
import time

samples = [b"", b"abc", b"a" * 55, b"a" * 56, b"a" * 63, b"a" * 64, b"a" * 65, b"The quick brown fox jumps over the lazy dog",
           bytes(range(256)) * 9, b"x" * 2047, b"x" * 2048, b"\xff" * 100000]
for name in ("md5", "sha1", "sha256"):
    for data in samples:
        h = hashlib.new(name, data)
        print(name, len(data), h.hexdigest(), h.digest_size, h.block_size, h.name)
    h = getattr(hashlib, name)()
    for chunk in (b"ab", b"c" * 70, b"", b"d" * 3000):
        h.update(chunk)
    c = h.copy()
    c.update(b"more")
    print(name, "incremental", h.hexdigest(), c.hexdigest(), h.digest()[:4])
print(hashlib.sha256(b"abc").hexdigest() == hashlib.sha256(string=b"abc").hexdigest())
print(sorted(hashlib.algorithms_guaranteed & {"md5", "sha1", "sha256"}))
for bad in ("text", 5):
    try:
        hashlib.sha256(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    hashlib.new("nope")
except ValueError as e:
    print("ValueError", e)

# Hashing big buffers releases the GIL: two threads overlap.
blob = b"z" * 2_000_000
digests = []
def work():
    digests.append(hashlib.sha256(blob).hexdigest())
threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(len(set(digests)), digests[0][:16])
print(b"ab" * 3, 2 * b"xy", b"a" < b"b", b"ab" >= b"ab", bytes.fromhex("de ad be ef").hex())

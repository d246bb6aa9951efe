# `counter += 1` is a load, an add and a store. Is it atomic under the GIL?
# Since CPython 3.10 the interpreter only switches threads at backward jumps and calls, so this
# loses nothing; on 3.9 and earlier (and without a GIL) updates are lost. Run it and see.
import sys
import threading

THREADS = 4
N = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
counter = 0


def work():
    global counter
    for _ in range(N):
        counter += 1


threads = [threading.Thread(target=work) for _ in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()

expected = THREADS * N
lost = expected - counter
print(f"counter = {counter:,} (expected {expected:,}), lost {lost:,} updates ({100 * lost / expected:.1f}%)")

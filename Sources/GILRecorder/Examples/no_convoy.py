# The same I/O loop as convoy.py, with other I/O threads instead of a CPU thread: no convoy,
# because nobody holds the GIL for long.
import threading
import time

ROUNDS = 50


def io_loop():
    start = time.perf_counter()
    for _ in range(ROUNDS):
        time.sleep(0.0002)
    return time.perf_counter() - start


alone = io_loop()
others = [threading.Thread(target=io_loop) for _ in range(3)]
for t in others:
    t.start()
together = io_loop()
for t in others:
    t.join()
print(f"{ROUNDS} sleeps of 0.2 ms: alone {alone * 1000:.1f} ms, beside 3 I/O threads {together * 1000:.1f} ms")

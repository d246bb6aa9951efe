# The convoy effect: an I/O thread does many short waits while a CPU thread spins.
# Each time the I/O thread comes back it must wait for the GIL, and the CPU thread only lets go
# when the switch interval (5 ms) expires, so every 0.2 ms wait costs about 5 ms.
#   gilrec run Examples/convoy.py
#   gilrec run --switch-interval 0.001 Examples/convoy.py   # a shorter interval shrinks the convoy
import threading
import time

ROUNDS = 50
done = False


def spin():
    while not done:
        pass


def io_loop():
    start = time.perf_counter()
    for _ in range(ROUNDS):
        time.sleep(0.0002)
    return time.perf_counter() - start


alone = io_loop()
spinner = threading.Thread(target=spin)
spinner.start()
contended = io_loop()
done = True
spinner.join()
print(f"{ROUNDS} sleeps of 0.2 ms: alone {alone * 1000:.1f} ms, beside a CPU thread {contended * 1000:.1f} ms")
print(f"slowdown: {contended / alone:.1f}x")

# Dining philosophers: take the left fork, try the right one with a timeout, back off on failure.
import threading
import time

N = 5
MEALS = 3
forks = [threading.Lock() for _ in range(N)]
meals = [0] * N
backoffs = [0] * N


def philosopher(i):
    left, right = forks[i], forks[(i + 1) % N]
    while meals[i] < MEALS:
        with left:
            if right.acquire(timeout=0.005):
                try:
                    meals[i] += 1
                    time.sleep(0.001)
                finally:
                    right.release()
                continue
        backoffs[i] += 1
        time.sleep(0.001 * (i + 1))


threads = [threading.Thread(target=philosopher, args=(i,), name=f"phil-{i}") for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("meals:", meals)
print("everyone ate", MEALS, "times:", all(m == MEALS for m in meals))
print("forks free:", not any(f.locked() for f in forks))
print("backoffs counted:", all(b >= 0 for b in backoffs))

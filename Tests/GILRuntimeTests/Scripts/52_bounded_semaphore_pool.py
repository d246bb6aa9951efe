# A BoundedSemaphore guards a pool of 3 "connections"; observed concurrency never exceeds 3.
import threading
import time

POOL = 3
pool = threading.BoundedSemaphore(POOL)
state_lock = threading.Lock()
inside = 0
peak = 0
served = []


def client(n):
    global inside, peak
    with pool:
        with state_lock:
            inside += 1
            peak = max(peak, inside)
        time.sleep(0.002)
        with state_lock:
            inside -= 1
            served.append(n)


threads = [threading.Thread(target=client, args=(n,)) for n in range(10)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("served:", sorted(served))
print("peak within limit:", 1 <= peak <= POOL, "inside now:", inside)
try:
    pool.release()
except ValueError as e:
    print("ValueError:", e)
print("non-blocking acquires:", [pool.acquire(blocking=False) for _ in range(4)])
print("timeout acquire:", pool.acquire(timeout=0.01))

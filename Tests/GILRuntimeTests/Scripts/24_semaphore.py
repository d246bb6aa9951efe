import threading
import time

sem = threading.Semaphore(2)
lock = threading.Lock()
active = 0
peak = 0

def task():
    global active, peak
    with sem:
        with lock:
            active += 1
            peak = max(peak, active)
        time.sleep(0.01)
        with lock:
            active -= 1

threads = [threading.Thread(target=task) for _ in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("peak <= 2:", peak <= 2, "final active:", active)

b = threading.BoundedSemaphore(1)
print(b.acquire())
print(b.acquire(blocking=False))
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)
s = threading.Semaphore(0)
print(s.acquire(timeout=0.01))
s.release()
print(s.acquire(timeout=0.01))

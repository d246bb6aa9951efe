import threading
import time

finished = []
lock = threading.Lock()

def sleeper(name, delay):
    time.sleep(delay)
    with lock:
        finished.append(name)

ts = [threading.Thread(target=sleeper, args=(n, d)) for n, d in [("slow", 0.06), ("fast", 0.0), ("mid", 0.03)]]
start = time.perf_counter()
for t in ts:
    t.start()
for t in ts:
    t.join()
elapsed = time.perf_counter() - start
print(sorted(finished))
print("ran concurrently:", elapsed < 0.5)
t = threading.Thread(target=time.sleep, args=(0.05,))
t.start()
t.join(timeout=0.001)
print("alive after short join:", t.is_alive())
t.join()
print("alive after full join:", t.is_alive())

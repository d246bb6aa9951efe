# An Event as a start gun: runners wait until the main thread fires it.
import threading
import time

start = threading.Event()
ready = threading.Semaphore(0)
finished = []
lock = threading.Lock()


def runner(n):
    ready.release()
    start.wait()
    total = sum(range(n * 1000))
    with lock:
        finished.append((n, total))


runners = [threading.Thread(target=runner, args=(n,)) for n in range(1, 6)]
for t in runners:
    t.start()
for _ in runners:
    ready.acquire()
print("all ready, fired:", start.is_set())
time.sleep(0.005)
print("nobody finished early:", finished == [])
start.set()
for t in runners:
    t.join()
print(sorted(finished))
print("wait on set event returns", start.wait(0.01))
start.clear()
print("wait after clear returns", start.wait(0.01))

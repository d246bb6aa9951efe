import threading

counter = 0
lock = threading.Lock()

def work(iterations):
    global counter
    for _ in range(iterations):
        with lock:
            counter += 1

threads = [threading.Thread(target=work, args=(5000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter", counter)

acquired = lock.acquire()
print("acquired", acquired, lock.locked())
print("second try", lock.acquire(blocking=False))
print("with timeout", lock.acquire(timeout=0.01))
lock.release()
print("released", lock.locked())

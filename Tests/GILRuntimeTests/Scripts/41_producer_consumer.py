import threading
import queue

q = queue.Queue()
results = []
lock = threading.Lock()

def producer(start):
    for i in range(start, start + 5):
        q.put(i)

def consumer():
    while True:
        item = q.get()
        if item is None:
            break
        with lock:
            results.append(item * item)

producers = [threading.Thread(target=producer, args=(s,)) for s in (0, 100)]
consumers = [threading.Thread(target=consumer) for _ in range(3)]
for t in producers + consumers:
    t.start()
for t in producers:
    t.join()
for _ in consumers:
    q.put(None)
for t in consumers:
    t.join()
print(sorted(results))
print(len(results), q.empty())

# PriorityQueue, LifoQueue, SimpleQueue; Empty and Full with and without timeouts.
import queue
import threading

pq = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (2, "b"), (1, "aa")]:
    pq.put(item)
print([pq.get() for _ in range(4)])

lq = queue.LifoQueue()
for i in range(4):
    lq.put(i)
print([lq.get() for _ in range(4)])

sq = queue.SimpleQueue()
sq.put("x")
sq.put("y")
print(sq.get(), sq.qsize(), sq.empty())
print(sq.get_nowait(), sq.empty())

q = queue.Queue(maxsize=2)
q.put(1)
q.put_nowait(2)
try:
    q.put_nowait(3)
except queue.Full:
    print("Full (nowait)")
try:
    q.put(3, timeout=0.01)
except queue.Full:
    print("Full (timeout)")
print(q.get(), q.get_nowait())
try:
    q.get_nowait()
except queue.Empty:
    print("Empty (nowait)")
try:
    q.get(timeout=0.01)
except queue.Empty:
    print("Empty (timeout)")
try:
    sq.get(block=False)
except queue.Empty as e:
    print("SimpleQueue Empty", type(e).__name__)

results = []


def taker():
    results.append(q.get(timeout=2))


t = threading.Thread(target=taker)
t.start()
q.put("late")
t.join()
print(results)
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))

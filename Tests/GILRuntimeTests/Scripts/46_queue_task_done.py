# Producer/consumer with queue.Queue: task_done/join and sentinel shutdown.
import queue
import threading

SENTINEL = None
jobs = queue.Queue(maxsize=4)
done_lock = threading.Lock()
processed = []


def producer(name, count):
    for i in range(count):
        jobs.put((name, i))


def consumer():
    while True:
        item = jobs.get()
        try:
            if item is SENTINEL:
                return
            name, i = item
            with done_lock:
                processed.append(f"{name}-{i}")
        finally:
            jobs.task_done()


consumers = [threading.Thread(target=consumer, name=f"consumer-{n}") for n in range(3)]
producers = [threading.Thread(target=producer, args=(p, 6)) for p in ("a", "b")]
for t in consumers + producers:
    t.start()
for t in producers:
    t.join()
jobs.join()
print("all tasks done, unfinished queue empty:", jobs.empty())
for _ in consumers:
    jobs.put(SENTINEL)
for t in consumers:
    t.join()
print(len(processed), sorted(processed)[:4], sorted(processed)[-2:])
print("qsize after shutdown:", jobs.qsize(), "full:", jobs.full())
print("alive consumers:", sum(t.is_alive() for t in consumers))

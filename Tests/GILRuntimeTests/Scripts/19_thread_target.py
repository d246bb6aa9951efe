import threading

results = {}
lock = threading.Lock()

def worker(n, scale=1, label="w"):
    value = sum(range(n)) * scale
    with lock:
        results[label + str(n)] = value

threads = []
for i in range(1, 6):
    t = threading.Thread(target=worker, args=(i * 100,), kwargs={"scale": 2, "label": "job"}, name="worker-" + str(i))
    threads.append(t)
for t in threads:
    t.start()
for t in threads:
    t.join()
for key in sorted(results):
    print(key, results[key])
print([t.name for t in threads])
print(all(not t.is_alive() for t in threads))

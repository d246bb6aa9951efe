import threading

def compute(idx, out):
    acc = 0
    for i in range(2000 * (idx + 1)):
        acc += i % 7
    out[idx] = acc

out = [None] * 5
threads = [threading.Thread(target=compute, args=(i, out), name=f"calc-{i}") for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(out)
print(threading.active_count())
print(threading.current_thread().name)
print(sorted(t.name for t in threads))

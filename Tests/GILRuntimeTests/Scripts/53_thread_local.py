# threading.local: each thread sees its own attributes.
import threading

data = threading.local()
data.name = "main"
results = {}
lock = threading.Lock()


def work(n):
    print_missing = not hasattr(data, "name")
    data.name = f"worker-{n}"
    data.items = []
    for i in range(n):
        data.items.append(i * n)
    with lock:
        results[n] = (print_missing, data.name, sum(data.items))


threads = [threading.Thread(target=work, args=(n,)) for n in range(1, 5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for n in sorted(results):
    print(n, results[n])
print("main still sees:", data.name, hasattr(data, "items"))
try:
    data.missing
except AttributeError:
    print("AttributeError for a name never set")

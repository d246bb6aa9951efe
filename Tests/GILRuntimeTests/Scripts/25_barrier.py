import threading

barrier = threading.Barrier(3)
lock = threading.Lock()
phases = []
indices = []

def party(name):
    with lock:
        phases.append(("before", name))
    i = barrier.wait()
    with lock:
        indices.append(i)
        phases.append(("after", name))

threads = [threading.Thread(target=party, args=(n,)) for n in "xyz"]
for t in threads:
    t.start()
for t in threads:
    t.join()
befores = [p for p in phases[:3] if p[0] == "before"]
print("all arrived before any left:", len(befores) == 3)
print(sorted(indices))
print(barrier.parties, barrier.n_waiting)

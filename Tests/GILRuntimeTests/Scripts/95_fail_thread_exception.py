# An uncaught exception in a thread is reported on stderr ("Exception in thread NAME:" and the traceback),
# the thread ends, and the rest of the program goes on; the program then exits with status 1.
import sys
import threading


def worker(n):
    if n == 2:
        raise ValueError(f"worker {n} failed")
    results.append(n)


results = []
threads = [threading.Thread(target=worker, args=(n,), name=f"worker-{n}") for n in range(4)]
for t in threads:
    t.start()
    t.join()
print("finished:", sorted(results))
print("all joined:", not any(t.is_alive() for t in threads))
sys.stdout.flush()
sys.exit(1)

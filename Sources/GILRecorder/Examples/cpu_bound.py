# The seed lesson: two CPU-bound calls, one after the other, then on two threads.
# Under a GIL the threaded version is no faster: only one thread runs Python at a time.
#   gilrec run Examples/cpu_bound.py             # both phases in one run
#   gilrec run Examples/cpu_bound.py -- serial   # only the serial phase
import sys
import threading
import time


def cpu_bound():
    count = 0
    for i in range(10**7):
        count += 1


mode = sys.argv[1] if len(sys.argv) > 1 else "both"

if mode in ("serial", "both"):
    start = time.time()
    cpu_bound()
    cpu_bound()
    print(f"Serial: {time.time() - start:.2f}s")

if mode in ("threaded", "both"):
    start = time.time()
    t1 = threading.Thread(target=cpu_bound)
    t2 = threading.Thread(target=cpu_bound)
    t1.start(); t2.start()
    t1.join(); t2.join()
    print(f"Threaded: {time.time() - start:.2f}s")

# A fixed amount of CPU work shared by N threads, for `gilrec sweep`. Under a GIL the wall time stays about
# the same whatever N is (speedup ~1x: only one thread runs Python at a time); without one it would fall
# towards 1/N, up to the number of cores.
#   gilrec sweep sweep_cpu --threads 1,2,4 --policy cpython3,cpython2,fifo --switch-interval 0.005,0.001
#   gilrec run Examples/sweep_cpu.py -- 4                # one run, 4 threads
#   gilrec sweep sweep_cpu --threads 1,2 -- 1000000      # 10**6 iterations in all instead of 4 * 10**6
# N is the last argument (gilrec sweep appends it), else $GILREC_THREADS, else 2. An argument before N is
# the total number of loop iterations. Runs unchanged on CPython 2.7 and 3.
import os
import sys
import threading
import time

args = sys.argv[1:]
if args:
    n = int(args[-1])
else:
    n = int(os.environ.get("GILREC_THREADS", "2"))
total = int(args[0]) if len(args) > 1 else 4000000


def count(iterations):
    c = 0
    for _ in range(iterations):
        c += 1


shares = [total // n] * n
shares[0] += total - sum(shares)
start = time.time()
workers = [threading.Thread(target=count, args=(share,)) for share in shares]
for t in workers:
    t.start()
for t in workers:
    t.join()
print("%d threads x %d iterations: %.3f s" % (n, total // n, time.time() - start))

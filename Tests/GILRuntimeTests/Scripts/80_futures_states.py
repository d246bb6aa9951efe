# concurrent.futures: cancel before start, result/exception timeouts, as_completed timeout, map errors,
# shutdown(cancel_futures=True), wait(FIRST_EXCEPTION).
import threading
import time
from concurrent.futures import (ThreadPoolExecutor, Future, CancelledError, TimeoutError, as_completed, wait,
                                FIRST_EXCEPTION, FIRST_COMPLETED)

gate = threading.Event()


def blocked(n):
    gate.wait()
    return n


def boom(n):
    if n == 2:
        raise ValueError("boom %d" % n)
    return n * 10


pool = ThreadPoolExecutor(max_workers=1)
running = pool.submit(blocked, 1)
queued = pool.submit(blocked, 2)
while not running.running():
    time.sleep(0.001)
print("running:", running.running(), "queued pending:", not queued.running() and not queued.done())
print("cancel queued:", queued.cancel(), queued.cancelled(), queued.done())
print("cancel running:", running.cancel())
try:
    running.result(timeout=0.01)
except TimeoutError:
    print("result timed out")
try:
    queued.result()
except CancelledError:
    print("CancelledError")
try:
    list(as_completed([running], timeout=0.01))
except TimeoutError:
    print("as_completed timed out")
gate.set()
print(running.result(), running.done(), running.exception())
pool.shutdown()

with ThreadPoolExecutor(max_workers=2) as ex:
    results = ex.map(boom, [1, 2, 3])
    print(next(results))
    try:
        next(results)
    except ValueError as e:
        print("map raised:", e)
    fs = [ex.submit(boom, n) for n in (1, 2, 3)]
    done, not_done = wait(fs, return_when=FIRST_EXCEPTION)
    print(any(f.exception() is not None for f in done), len(done) + len(not_done))
    first = wait(fs, return_when=FIRST_COMPLETED)
    print(len(first.done) >= 1)
    print(sorted(str(f.exception()) if f.exception() else str(f.result()) for f in as_completed(fs)))

gate2 = threading.Event()
ex2 = ThreadPoolExecutor(max_workers=1)
head = ex2.submit(gate2.wait)
tail = [ex2.submit(boom, n) for n in range(3)]
while not head.running():
    time.sleep(0.001)
gate2.set()
ex2.shutdown(wait=True, cancel_futures=True)
print("head:", head.result(), "tail states:", sorted(set(f.cancelled() or f.done() for f in tail)))
try:
    ex2.submit(boom, 1)
except RuntimeError as e:
    print("RuntimeError:", e)

f = Future()
print(f.done(), f.running(), f.cancelled())
f.set_exception(KeyError("k"))
print(repr(f.exception()), f.done())

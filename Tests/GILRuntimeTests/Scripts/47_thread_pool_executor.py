# concurrent.futures.ThreadPoolExecutor: map, submit + as_completed, wait, with, Future API.
import concurrent.futures
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_COMPLETED, ALL_COMPLETED
import threading
import time


def square(x):
    return x * x


def slow_add(a, b, delay=0.001):
    time.sleep(delay)
    return a + b


def fail(n):
    raise ValueError(f"bad input {n}")


with ThreadPoolExecutor(max_workers=3) as pool:
    print(list(pool.map(square, range(8))))
    print(list(pool.map(slow_add, [1, 2, 3], [10, 20, 30])))

    futures = {pool.submit(slow_add, i, i, delay=0.002): i for i in range(5)}
    results = []
    for fut in as_completed(futures):
        results.append((futures[fut], fut.result()))
    print(sorted(results))

    bad = pool.submit(fail, 7)
    exc = bad.exception()
    print(type(exc).__name__, exc, bad.done())
    try:
        bad.result()
    except ValueError as e:
        print("result() raised:", e)

    fs = [pool.submit(square, n) for n in range(4)]
    done, not_done = wait(fs, return_when=ALL_COMPLETED)
    print(len(done), len(not_done), sorted(f.result() for f in done))

    first = wait([pool.submit(slow_add, 1, 1)], return_when=FIRST_COMPLETED)
    print(len(first.done) + len(first.not_done))

    called = []
    called_lock = threading.Lock()

    def on_done(f):
        with called_lock:
            called.append(f.result())

    cbs = [pool.submit(square, n) for n in (5, 6)]
    for f in cbs:
        f.add_done_callback(on_done)
    for f in cbs:
        f.result()

late = concurrent.futures.Future()
print(late.done())
late.set_result(42)
late.add_done_callback(lambda f: print("callback on done future:", f.result()))
time.sleep(0.01)
print(sorted(called), late.result())
print(isinstance(bad, concurrent.futures.Future))

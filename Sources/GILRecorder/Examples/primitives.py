# The synchronisation primitives of the threading module, each doing its one job.
import threading
import time

# 1. Lock: make `counter += 1` safe whatever the interpreter does between load and store.
counter = 0
counter_lock = threading.Lock()


def add_many(n):
    global counter
    for _ in range(n):
        with counter_lock:
            counter += 1


workers = [threading.Thread(target=add_many, args=(20_000,)) for _ in range(4)]
for t in workers:
    t.start()
for t in workers:
    t.join()
print(f"Lock: counter = {counter} (expected 80000)")

# 2. Event: a start gun; every runner waits until the main thread fires it.
start_gun = threading.Event()
ready_lock = threading.Lock()
started = []


def runner(i):
    start_gun.wait()
    with ready_lock:
        started.append(i)


runners = [threading.Thread(target=runner, args=(i,)) for i in range(4)]
for t in runners:
    t.start()
time.sleep(0.05)
print(f"Event: before the gun {len(started)} runners started")
start_gun.set()
for t in runners:
    t.join()
print(f"Event: after the gun {len(started)} runners started")

# 3. Semaphore(3): at most three of eight workers inside at once (a connection pool).
pool = threading.Semaphore(3)
inside = 0
most_inside = 0
inside_lock = threading.Lock()


def use_connection():
    global inside, most_inside
    with pool:
        with inside_lock:
            inside += 1
            most_inside = max(most_inside, inside)
        time.sleep(0.05)
        with inside_lock:
            inside -= 1


users = [threading.Thread(target=use_connection) for _ in range(8)]
for t in users:
    t.start()
for t in users:
    t.join()
print(f"Semaphore(3): at most {most_inside} of 8 workers inside at once")

# 4. Barrier(4): nobody starts phase 2 before all four finished phase 1.
barrier = threading.Barrier(4)
log_lock = threading.Lock()
log = []


def phased(i):
    time.sleep(0.01 * i)
    with log_lock:
        log.append(("phase 1", i))
    barrier.wait()
    with log_lock:
        log.append(("phase 2", i))


phasers = [threading.Thread(target=phased, args=(i,)) for i in range(4)]
for t in phasers:
    t.start()
for t in phasers:
    t.join()
first_phase_2 = [step for step, _ in log].index("phase 2")
print(f"Barrier(4): all {first_phase_2} phase-1 steps came before any phase-2 step")

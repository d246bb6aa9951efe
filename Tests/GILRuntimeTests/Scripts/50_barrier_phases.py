# Threads advance through phases in lock step with a Barrier; the action runs once per phase.
import threading

PARTIES = 4
PHASES = 3
phase_log = []
log_lock = threading.Lock()
actions = []


def on_phase():
    actions.append(len(actions))


barrier = threading.Barrier(PARTIES, action=on_phase)
arrivals = []


def worker(n):
    for phase in range(PHASES):
        with log_lock:
            phase_log.append((phase, n))
        index = barrier.wait()
        with log_lock:
            arrivals.append(index)


threads = [threading.Thread(target=worker, args=(n,)) for n in range(PARTIES)]
for t in threads:
    t.start()
for t in threads:
    t.join()
phases = [p for p, _ in phase_log]
print("phases in order:", phases == sorted(phases))
print("actions:", actions)
print("arrival indexes:", sorted(arrivals))
print("parties:", barrier.parties, "waiting:", barrier.n_waiting, "broken:", barrier.broken)

b2 = threading.Barrier(2, timeout=0.01)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("timed out alone; broken:", b2.broken)
b2.reset()
print("after reset broken:", b2.broken)

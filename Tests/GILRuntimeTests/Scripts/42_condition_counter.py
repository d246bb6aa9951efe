import threading

class SafeCounter:
    def __init__(self):
        self.value = 0
        self.lock = threading.Lock()

    def increment(self, n):
        for _ in range(n):
            with self.lock:
                self.value += 1

counter = SafeCounter()
threads = [threading.Thread(target=counter.increment, args=(2500,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter.value)

turn = threading.Event()
log = []

def ping():
    for i in range(3):
        log.append("ping " + str(i))
    turn.set()

def pong():
    turn.wait()
    for i in range(3):
        log.append("pong " + str(i))

b = threading.Thread(target=pong)
a = threading.Thread(target=ping)
b.start(); a.start()
a.join(); b.join()
print(log)

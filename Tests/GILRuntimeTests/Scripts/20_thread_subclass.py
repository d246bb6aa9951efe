import threading

class Summer(threading.Thread):
    def __init__(self, start, stop):
        super().__init__()
        self.start_value = start
        self.stop = stop
        self.total = 0

    def run(self):
        for i in range(self.start_value, self.stop):
            self.total += i

workers = [Summer(i * 1000, (i + 1) * 1000) for i in range(4)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print([w.total for w in workers])
print(sum(w.total for w in workers), sum(range(4000)))

class Named(threading.Thread):
    def run(self):
        self.result = self.name.upper()

n = Named(name="custom")
n.start()
n.join()
print(n.result)

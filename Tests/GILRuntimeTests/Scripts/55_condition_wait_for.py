# threading.Condition: wait_for a predicate, notify_all wakes every waiter.
import threading

cond = threading.Condition()
stock = []
taken = []
go = False


def consumer(n):
    with cond:
        cond.wait_for(lambda: go)
        ok = cond.wait_for(lambda: len(stock) > 0, timeout=1.0)
        if ok:
            taken.append(stock.pop())


consumers = [threading.Thread(target=consumer, args=(n,)) for n in range(4)]
for t in consumers:
    t.start()
with cond:
    stock.extend([10, 20, 30, 40])
    go = True
    cond.notify_all()
for t in consumers:
    t.join()
print("taken:", sorted(taken), "left:", stock)

with cond:
    print("wait_for false with timeout:", cond.wait_for(lambda: False, timeout=0.01))
    print("wait timeout:", cond.wait(0.005))

ready = []
rlock_cond = threading.Condition(threading.RLock())


def waiter():
    with rlock_cond:
        while not ready:
            rlock_cond.wait()
        ready.append("seen")


w = threading.Thread(target=waiter)
w.start()
with rlock_cond:
    with rlock_cond:
        ready.append("go")
        rlock_cond.notify()
w.join()
print(ready)
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)

import threading

ready = threading.Event()
done = threading.Event()
order = []
lock = threading.Lock()

def waiter(i):
    ready.wait()
    with lock:
        order.append(i)

threads = [threading.Thread(target=waiter, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
print("set before:", ready.is_set())
ready.set()
for t in threads:
    t.join()
print("set after:", ready.is_set())
print(sorted(order))
print("wait with timeout on unset event:", done.wait(0.01))
done.set()
print("wait on set event:", done.wait(0.01))
done.clear()
print("cleared:", done.is_set())

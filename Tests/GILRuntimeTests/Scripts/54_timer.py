# threading.Timer: one fires, one is cancelled before it fires.
import threading

fired = []
lock = threading.Lock()


def ring(label):
    with lock:
        fired.append(label)


t1 = threading.Timer(0.01, ring, args=("first",))
t2 = threading.Timer(5.0, ring, args=("never",))
t3 = threading.Timer(0.005, ring, kwargs={"label": "kw"})
t1.start()
t2.start()
t3.start()
t2.cancel()
t1.join()
t2.join()
t3.join()
print(sorted(fired))
print("alive:", t1.is_alive(), t2.is_alive(), t3.is_alive())
print("is a Thread:", isinstance(t1, threading.Thread))

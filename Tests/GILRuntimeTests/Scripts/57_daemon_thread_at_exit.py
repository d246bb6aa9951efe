# A daemon thread still running when the main thread ends does not keep the program alive.
import threading
import time

started = threading.Event()


def forever():
    started.set()
    while True:
        time.sleep(0.01)


d = threading.Thread(target=forever, daemon=True)
d.start()
started.wait()
print("daemon:", d.daemon, "alive:", d.is_alive())

worker = threading.Thread(target=lambda: time.sleep(0.01))
print("worker daemon default:", worker.daemon)
worker.start()
print("main exits now")

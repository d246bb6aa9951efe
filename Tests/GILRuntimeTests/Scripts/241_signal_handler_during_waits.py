# A Python signal handler runs in the main thread while it waits (Event.wait, Lock.acquire, Thread.join,
# Semaphore.acquire, time.sleep), and the wait then goes on; a handler that raises ends the wait with its
# exception (CPython's acquire_timed after EINTR).
import os
import signal
import threading
import time

log = []


def handler(signum, frame):
    log.append("handler")


signal.signal(signal.SIGUSR1, handler)


def poke_then(action):
    def run():
        time.sleep(0.02)
        os.kill(os.getpid(), signal.SIGUSR1)
        time.sleep(0.08)
        action()
    t = threading.Thread(target=run)
    t.start()
    return t


event = threading.Event()
t = poke_then(event.set)
log.append("wait -> %s" % event.wait())
t.join()
print(log)

log.clear()
lock = threading.Lock()
lock.acquire()
t = poke_then(lock.release)
log.append("acquire -> %s" % lock.acquire())
t.join()
print(log)

log.clear()
sem = threading.Semaphore(0)
t = poke_then(sem.release)
log.append("semaphore -> %s" % sem.acquire(timeout=5))
t.join()
print(log)

log.clear()
worker = poke_then(lambda: time.sleep(0.02))
worker.join()
log.append("joined")
print(log)


class Stop(Exception):
    pass


def raising(signum, frame):
    raise Stop("from the handler")


signal.signal(signal.SIGUSR1, raising)
log.clear()
event = threading.Event()
t = poke_then(event.set)
try:
    event.wait()
except Stop as e:
    log.append("wait raised %s" % e)
t.join()
print(log, event.is_set())
signal.signal(signal.SIGUSR1, signal.SIG_DFL)

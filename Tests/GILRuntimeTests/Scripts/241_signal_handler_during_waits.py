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
        time.sleep(0.01)
        os.kill(os.getpid(), signal.SIGUSR1)
        time.sleep(0.05)
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

log.clear()
cond = threading.Condition()
ready = []


def make_ready():
    with cond:
        ready.append(1)
        cond.notify()


t = poke_then(make_ready)
with cond:
    log.append("wait_for -> %s" % cond.wait_for(lambda: ready, timeout=5))
t.join()
print(log)

# A handler that puts into the very queue the main thread is waiting on: get() returns its item.
import queue

q = queue.Queue()
signal.signal(signal.SIGUSR1, lambda signum, frame: (log.append("handler put"), q.put("from handler")))
log.clear()
t = poke_then(lambda: q.put("from thread"))
log.append("got %s" % q.get())
t.join()
log.append("then %s" % q.get())
print(log)
signal.signal(signal.SIGUSR1, handler)


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

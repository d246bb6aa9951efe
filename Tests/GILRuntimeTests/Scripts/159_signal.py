# _signal (what signal.py wraps): handlers run in the main thread, also during time.sleep; getsignal, SIG_IGN,
# raise_signal, setitimer, errors as CPython.
import _signal as signal, os, time
got = []
def h(signum, frame):
    got.append(signum)
print(signal.getsignal(signal.SIGUSR1), signal.getsignal(signal.SIGINT).__name__, signal.getsignal(signal.SIGPIPE))
print(signal.signal(signal.SIGUSR1, h))
print(signal.getsignal(signal.SIGUSR1) is h)
os.kill(os.getpid(), signal.SIGUSR1)
while not got:
    time.sleep(0.001)
print(got)
signal.raise_signal(signal.SIGUSR1)
print(got)
class Timeout(Exception): pass
def alarm(s, f): raise Timeout("alarm")
signal.signal(signal.SIGALRM, alarm)
t0 = time.monotonic()
signal.setitimer(signal.ITIMER_REAL, 0.1)
try:
    time.sleep(3)
except Timeout as e:
    print("Timeout", e, time.monotonic() - t0 < 1)
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is h)
os.kill(os.getpid(), signal.SIGUSR1)
time.sleep(0.05)
print(got, signal.strsignal(signal.SIGTERM), len(signal.valid_signals()), signal.NSIG)
try: signal.signal(signal.SIGKILL, h)
except OSError as e: print(e)
try: signal.signal(99, h)
except ValueError as e: print(e)
try: signal.signal(signal.SIGUSR2, 5)
except TypeError as e: print(e)
try: signal.default_int_handler(2, None)
except KeyboardInterrupt: print("KI")

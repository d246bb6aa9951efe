import sys
import time
import os.path
from threading import Lock, current_thread
import threading as th

def main():
    print(len(sys.argv) >= 1, sys.argv[0].endswith(".py"), sys.argv[1:])
    print(type(time.time()).__name__, time.monotonic() <= time.monotonic())
    lock = Lock()
    with lock:
        print("locked:", lock.locked())
    print("locked after:", lock.locked())
    print(current_thread().name, th.current_thread() is th.main_thread())
    print(__name__)

if __name__ == "__main__":
    main()

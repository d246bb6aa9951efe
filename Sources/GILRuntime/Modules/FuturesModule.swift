/// `concurrent.futures` (Lib/concurrent/futures/_base.py and thread.py, simplified), written in Python and
/// compiled by our own compiler at first import: Futures with CPython's states (pending, running, cancelled,
/// finished) guarded by a `threading.Condition`, `as_completed`/`wait` woken by a waiter `Event` (no polling),
/// and a ThreadPoolExecutor whose daemon workers are `threading.Thread`s fed by a `queue.SimpleQueue` — so every
/// wait shows up in the trace as a lock wait on a named object.
enum FuturesModule {
    static let source = #"""
        import threading
        import queue
        import time
        from collections import namedtuple

        FIRST_COMPLETED = "FIRST_COMPLETED"
        FIRST_EXCEPTION = "FIRST_EXCEPTION"
        ALL_COMPLETED = "ALL_COMPLETED"

        PENDING = "PENDING"
        RUNNING = "RUNNING"
        CANCELLED = "CANCELLED"
        FINISHED = "FINISHED"

        DoneAndNotDoneFutures = namedtuple("DoneAndNotDoneFutures", "done not_done")
        TimeoutError = TimeoutError


        class Error(Exception):
            pass


        class CancelledError(Error):
            pass


        class InvalidStateError(Error):
            pass


        class BrokenExecutor(RuntimeError):
            pass


        class Future:
            def __init__(self):
                self._condition = threading.Condition()
                self._state = PENDING
                self._result = None
                self._exception = None
                self._callbacks = []
                self._waiters = []

            def __repr__(self):
                with self._condition:
                    if self._state == FINISHED:
                        if self._exception is not None:
                            return "<Future state=finished raised %s>" % type(self._exception).__name__
                        return "<Future state=finished returned %s>" % type(self._result).__name__
                    return "<Future state=%s>" % self._state.lower()

            def cancel(self):
                with self._condition:
                    if self._state in (RUNNING, FINISHED):
                        return False
                    if self._state == CANCELLED:
                        return True
                    self._state = CANCELLED
                    self._condition.notify_all()
                self._finish()
                return True

            def cancelled(self):
                with self._condition:
                    return self._state == CANCELLED

            def running(self):
                with self._condition:
                    return self._state == RUNNING

            def done(self):
                with self._condition:
                    return self._state in (CANCELLED, FINISHED)

            def _get_result(self):
                if self._state == CANCELLED:
                    raise CancelledError()
                if self._exception is not None:
                    raise self._exception
                return self._result

            def result(self, timeout=None):
                with self._condition:
                    if self._state not in (CANCELLED, FINISHED):
                        self._condition.wait_for(lambda: self._state in (CANCELLED, FINISHED), timeout)
                    if self._state not in (CANCELLED, FINISHED):
                        raise TimeoutError()
                    return self._get_result()

            def exception(self, timeout=None):
                with self._condition:
                    if self._state not in (CANCELLED, FINISHED):
                        self._condition.wait_for(lambda: self._state in (CANCELLED, FINISHED), timeout)
                    if self._state == CANCELLED:
                        raise CancelledError()
                    if self._state != FINISHED:
                        raise TimeoutError()
                    return self._exception

            def add_done_callback(self, fn):
                with self._condition:
                    if self._state not in (CANCELLED, FINISHED):
                        self._callbacks.append(fn)
                        return
                self._call(fn)

            def _call(self, fn):
                try:
                    fn(self)
                except Exception as e:
                    import sys
                    sys.stderr.write("exception calling callback for %r: %r\n" % (self, e))

            def set_running_or_notify_cancel(self):
                with self._condition:
                    if self._state == CANCELLED:
                        return False
                    if self._state == PENDING:
                        self._state = RUNNING
                        return True
                    raise RuntimeError("Future in unexpected state")

            def _finish(self):
                with self._condition:
                    callbacks = self._callbacks
                    self._callbacks = []
                    waiters = list(self._waiters)
                for w in waiters:
                    w.add(self)
                for fn in callbacks:
                    self._call(fn)

            def set_result(self, result):
                with self._condition:
                    if self._state in (CANCELLED, FINISHED):
                        raise InvalidStateError("%s: %r" % (self._state, self))
                    self._result = result
                    self._state = FINISHED
                    self._condition.notify_all()
                self._finish()

            def set_exception(self, exception):
                with self._condition:
                    if self._state in (CANCELLED, FINISHED):
                        raise InvalidStateError("%s: %r" % (self._state, self))
                    self._exception = exception
                    self._state = FINISHED
                    self._condition.notify_all()
                self._finish()


        class _Waiter:
            """Collects finished futures for as_completed()/wait() (Lib/concurrent/futures/_base.py)."""

            def __init__(self):
                self._lock = threading.Lock()
                self.event = threading.Event()
                self.finished = []

            def add(self, future):
                with self._lock:
                    self.finished.append(future)
                self.event.set()

            def take(self):
                with self._lock:
                    got = self.finished
                    self.finished = []
                    self.event.clear()
                    return got


        def _install_waiter(fs):
            waiter = _Waiter()
            for f in fs:
                with f._condition:
                    if f._state in (CANCELLED, FINISHED):
                        waiter.finished.append(f)
                    else:
                        f._waiters.append(waiter)
            if waiter.finished:
                waiter.event.set()
            return waiter


        def _remove_waiter(fs, waiter):
            for f in fs:
                with f._condition:
                    if waiter in f._waiters:
                        f._waiters.remove(waiter)


        def as_completed(fs, timeout=None):
            fs = list(dict.fromkeys(fs))
            end = None if timeout is None else time.monotonic() + timeout
            waiter = _install_waiter(fs)
            pending = len(fs)
            try:
                while pending:
                    remaining = None if end is None else end - time.monotonic()
                    if remaining is not None and remaining <= 0:
                        raise TimeoutError("%d (of %d) futures unfinished" % (pending, len(fs)))
                    waiter.event.wait(remaining)
                    for f in waiter.take():
                        pending -= 1
                        yield f
            finally:
                _remove_waiter(fs, waiter)


        def wait(fs, timeout=None, return_when=ALL_COMPLETED):
            fs = list(fs)
            end = None if timeout is None else time.monotonic() + timeout
            waiter = _install_waiter(fs)
            done = set()
            try:
                while True:
                    done.update(waiter.take())
                    if len(done) == len(fs):
                        break
                    if return_when == FIRST_COMPLETED and done:
                        break
                    if return_when == FIRST_EXCEPTION and any(not f.cancelled() and f._exception is not None for f in done):
                        break
                    remaining = None if end is None else end - time.monotonic()
                    if remaining is not None and remaining <= 0:
                        break
                    waiter.event.wait(remaining)
            finally:
                _remove_waiter(fs, waiter)
            return DoneAndNotDoneFutures(done, set(f for f in fs if f not in done))


        class Executor:
            def __enter__(self):
                return self

            def __exit__(self, exc_type, exc, tb):
                self.shutdown(wait=True)
                return False

            def map(self, fn, *iterables, timeout=None, chunksize=1):
                end = None if timeout is None else time.monotonic() + timeout
                futures = [self.submit(fn, *args) for args in zip(*iterables)]

                def results():
                    try:
                        futures.reverse()
                        while futures:
                            f = futures.pop()
                            if end is None:
                                yield f.result()
                            else:
                                yield f.result(end - time.monotonic())
                    finally:
                        for f in futures:
                            f.cancel()
                return results()


        _counter = 0


        class ThreadPoolExecutor(Executor):
            def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
                global _counter
                if max_workers is None:
                    max_workers = 5
                if max_workers <= 0:
                    raise ValueError("max_workers must be greater than 0")
                self._max_workers = max_workers
                self._work = queue.SimpleQueue()
                self._threads = []
                self._shutdown = False
                self._lock = threading.Lock()
                self._idle = threading.Semaphore(0)
                self._prefix = thread_name_prefix or ("ThreadPoolExecutor-%d" % _counter)
                _counter += 1
                self._initializer = initializer
                self._initargs = initargs

            def _worker(self):
                if self._initializer is not None:
                    self._initializer(*self._initargs)
                while True:
                    item = self._work.get()
                    if item is None:
                        self._work.put(None)
                        return
                    future, fn, args, kwargs = item
                    if future.set_running_or_notify_cancel():
                        try:
                            result = fn(*args, **kwargs)
                        except BaseException as exc:
                            future.set_exception(exc)
                        else:
                            future.set_result(result)
                    self._idle.release()

            def submit(self, fn, /, *args, **kwargs):
                with self._lock:
                    if self._shutdown:
                        raise RuntimeError("cannot schedule new futures after shutdown")
                    future = Future()
                    self._work.put((future, fn, args, kwargs))
                    if not self._idle.acquire(timeout=0) and len(self._threads) < self._max_workers:
                        name = "%s_%d" % (self._prefix, len(self._threads))
                        t = threading.Thread(name=name, target=self._worker, daemon=True)
                        t.start()
                        self._threads.append(t)
                    return future

            def shutdown(self, wait=True, *, cancel_futures=False):
                with self._lock:
                    self._shutdown = True
                    if cancel_futures:
                        while True:
                            try:
                                item = self._work.get_nowait()
                            except queue.Empty:
                                break
                            if item is not None:
                                item[0].cancel()
                    self._work.put(None)
                if wait:
                    for t in self._threads:
                        t.join()
        """#
}

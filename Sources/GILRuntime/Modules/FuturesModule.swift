/// `concurrent.futures` (Lib/concurrent/futures/thread.py, simplified), written in Python and compiled by
/// our own compiler at first import: a ThreadPoolExecutor whose workers are `threading.Thread`s fed by a
/// `queue.Queue`, and Futures completed through a `threading.Event` — so every wait shows up in the trace.
enum FuturesModule {
    static let source = """
        import threading
        import queue
        import time
        from collections import namedtuple

        DoneAndNotDoneFutures = namedtuple("DoneAndNotDoneFutures", "done not_done")

        class CancelledError(Exception):
            pass

        class TimeoutError(Exception):
            pass

        class Future:
            def __init__(self):
                self._done = threading.Event()
                self._result = None
                self._exception = None
                self._callbacks = []
                self._lock = threading.Lock()

            def done(self):
                return self._done.is_set()

            def running(self):
                return not self._done.is_set()

            def cancelled(self):
                return False

            def cancel(self):
                return False

            def result(self, timeout=None):
                if not self._done.wait(timeout):
                    raise TimeoutError()
                if self._exception is not None:
                    raise self._exception
                return self._result

            def exception(self, timeout=None):
                if not self._done.wait(timeout):
                    raise TimeoutError()
                return self._exception

            def add_done_callback(self, fn):
                with self._lock:
                    if not self._done.is_set():
                        self._callbacks.append(fn)
                        return
                fn(self)

            def _finish(self):
                with self._lock:
                    self._done.set()
                    callbacks = self._callbacks
                    self._callbacks = []
                for fn in callbacks:
                    fn(self)

            def set_result(self, result):
                self._result = result
                self._finish()

            def set_exception(self, exception):
                self._exception = exception
                self._finish()

        _counter = 0

        class ThreadPoolExecutor:
            def __init__(self, max_workers=None, thread_name_prefix=""):
                global _counter
                _counter += 1
                if max_workers is None:
                    max_workers = 5
                if max_workers <= 0:
                    raise ValueError("max_workers must be greater than 0")
                self._max_workers = max_workers
                self._work = queue.Queue()
                self._threads = []
                self._shutdown = False
                self._prefix = thread_name_prefix or ("ThreadPoolExecutor-%d" % (_counter - 1))

            def _worker(self):
                while True:
                    item = self._work.get()
                    if item is None:
                        return
                    future, fn, args, kwargs = item
                    try:
                        future.set_result(fn(*args, **kwargs))
                    except BaseException as exc:
                        future.set_exception(exc)

            def submit(self, fn, /, *args, **kwargs):
                if self._shutdown:
                    raise RuntimeError("cannot schedule new futures after shutdown")
                future = Future()
                self._work.put((future, fn, args, kwargs))
                if len(self._threads) < self._max_workers:
                    name = "%s_%d" % (self._prefix, len(self._threads))
                    t = threading.Thread(name=name, target=self._worker)
                    t.daemon = True
                    t.start()
                    self._threads.append(t)
                return future

            def map(self, fn, *iterables, timeout=None):
                futures = [self.submit(fn, *args) for args in zip(*iterables)]
                return iter([f.result(timeout) for f in futures])

            def shutdown(self, wait=True, cancel_futures=False):
                self._shutdown = True
                for _ in self._threads:
                    self._work.put(None)
                if wait:
                    for t in self._threads:
                        t.join()

            def __enter__(self):
                return self

            def __exit__(self, exc_type, exc, tb):
                self.shutdown(wait=True)
                return False

        FIRST_COMPLETED = "FIRST_COMPLETED"
        FIRST_EXCEPTION = "FIRST_EXCEPTION"
        ALL_COMPLETED = "ALL_COMPLETED"

        def as_completed(fs, timeout=None):
            pending = list(fs)
            deadline = None if timeout is None else time.monotonic() + timeout
            while pending:
                still = []
                for f in pending:
                    if f.done():
                        yield f
                    else:
                        still.append(f)
                pending = still
                if pending:
                    if deadline is not None and time.monotonic() > deadline:
                        raise TimeoutError()
                    pending[0]._done.wait(0.001)

        def wait(fs, timeout=None, return_when=ALL_COMPLETED):
            fs = list(fs)
            deadline = None if timeout is None else time.monotonic() + timeout
            while True:
                done = [f for f in fs if f.done()]
                not_done = [f for f in fs if not f.done()]
                if not not_done or (return_when == FIRST_COMPLETED and done):
                    break
                if return_when == FIRST_EXCEPTION and any(f.exception() is not None for f in done):
                    break
                if deadline is not None and time.monotonic() > deadline:
                    break
                not_done[0]._done.wait(0.001)
            return DoneAndNotDoneFutures(set(done), set(not_done))
        """
}

extension AsyncioSource {
    /// Exceptions, the running loop, handles, `EventLoop` and `Future`.
    static let loopAndFutures = #"""
        import collections
        import heapq
        import itertools
        import sys
        import threading
        import time
        import _gilrec_asyncio


        class CancelledError(BaseException):
            pass


        class InvalidStateError(Exception):
            pass


        class QueueEmpty(Exception):
            pass


        class QueueFull(Exception):
            pass


        class LimitOverrunError(Exception):
            pass


        class BrokenBarrierError(RuntimeError):
            pass


        TimeoutError = TimeoutError

        FIRST_COMPLETED = "FIRST_COMPLETED"
        FIRST_EXCEPTION = "FIRST_EXCEPTION"
        ALL_COMPLETED = "ALL_COMPLETED"

        _PENDING = "PENDING"
        _CANCELLED = "CANCELLED"
        _FINISHED = "FINISHED"

        iscoroutinefunction = _gilrec_asyncio.iscoroutinefunction


        def iscoroutine(obj):
            return _gilrec_asyncio.iscoroutine(obj)


        def isfuture(obj):
            return getattr(type(obj), "_asyncio_future_blocking", None) is not None


        # ---------------------------------------------------------------- loop state

        _running = threading.local()
        _policy_loop = [None]


        def _get_running_loop():
            return getattr(_running, "loop", None)


        def get_running_loop():
            loop = _get_running_loop()
            if loop is None:
                raise RuntimeError("no running event loop")
            return loop


        def get_event_loop():
            loop = _get_running_loop()
            if loop is not None:
                return loop
            if _policy_loop[0] is None or _policy_loop[0].is_closed():
                _policy_loop[0] = new_event_loop()
            return _policy_loop[0]


        def set_event_loop(loop):
            _policy_loop[0] = loop


        def new_event_loop():
            return EventLoop()


        def _format_callback(cb):
            name = getattr(cb, "__qualname__", None) or getattr(cb, "__name__", None) or repr(cb)
            return name + "()"


        class Handle:
            def __init__(self, callback, args, loop):
                self._callback = callback
                self._args = args
                self._loop = loop
                self._cancelled = False

            def cancel(self):
                self._cancelled = True
                self._callback = None
                self._args = None

            def cancelled(self):
                return self._cancelled

            def _run(self):
                try:
                    self._callback(*self._args)
                except (SystemExit, KeyboardInterrupt):
                    raise
                except BaseException as exc:
                    self._loop.call_exception_handler({
                        "message": "Exception in callback " + _format_callback(self._callback),
                        "exception": exc,
                        "handle": self,
                    })

            def __repr__(self):
                state = " cancelled" if self._cancelled else ""
                return "<Handle" + state + ">"


        class TimerHandle(Handle):
            def __init__(self, when, callback, args, loop, order):
                super().__init__(callback, args, loop)
                self._when = when
                self._order = order

            def when(self):
                return self._when

            def __lt__(self, other):
                return (self._when, self._order) < (other._when, other._order)

            def cancel(self):
                if not self._cancelled:
                    self._loop._timer_cancelled()
                super().cancel()


        class EventLoop:
            def __init__(self):
                self._ready = collections.deque()
                self._scheduled = []
                self._order = itertools.count()
                self._stopping = False
                self._closed = False
                self._running_thread = None
                self._threadsafe = collections.deque()
                self._threadsafe_lock = threading.Lock()
                self._waker = _gilrec_asyncio.Waker()
                self._default_executor = None
                self._exception_handler = None
                self._debug = False
                self._cancelled_timers = 0

            def __repr__(self):
                return "<_UnixSelectorEventLoop running=%s closed=%s debug=%s>" % (self.is_running(), self._closed, self._debug)

            def time(self):
                return time.monotonic()

            def _check_closed(self):
                if self._closed:
                    raise RuntimeError("Event loop is closed")

            def call_soon(self, callback, *args, context=None):
                self._check_closed()
                handle = Handle(callback, args, self)
                self._ready.append(handle)
                return handle

            def call_later(self, delay, callback, *args, context=None):
                if delay is None:
                    raise TypeError("delay must not be None")
                return self.call_at(self.time() + delay, callback, *args)

            def call_at(self, when, callback, *args, context=None):
                if when is None:
                    raise TypeError("when cannot be None")
                self._check_closed()
                timer = TimerHandle(when, callback, args, self, next(self._order))
                heapq.heappush(self._scheduled, timer)
                return timer

            def _timer_cancelled(self):
                self._cancelled_timers += 1

            def call_soon_threadsafe(self, callback, *args, context=None):
                self._check_closed()
                handle = Handle(callback, args, self)
                with self._threadsafe_lock:
                    self._threadsafe.append(handle)
                self._waker.wake()
                return handle

            def create_future(self):
                return Future(loop=self)

            def create_task(self, coro, *, name=None, context=None):
                self._check_closed()
                return Task(coro, loop=self, name=name)

            def is_running(self):
                return self._running_thread is not None

            def is_closed(self):
                return self._closed

            def get_debug(self):
                return self._debug

            def set_debug(self, enabled):
                self._debug = enabled

            def stop(self):
                self._stopping = True

            def close(self):
                if self.is_running():
                    raise RuntimeError("Cannot close a running event loop")
                if self._closed:
                    return
                self._closed = True
                self._ready.clear()
                self._scheduled.clear()
                executor = self._default_executor
                if executor is not None:
                    self._default_executor = None
                    executor.shutdown(wait=False)

            def run_forever(self):
                self._check_closed()
                if self.is_running():
                    raise RuntimeError("This event loop is already running")
                if _get_running_loop() is not None:
                    raise RuntimeError("Cannot run the event loop while another loop is running")
                self._running_thread = threading.get_ident()
                _running.loop = self
                try:
                    while True:
                        self._run_once()
                        if self._stopping:
                            break
                finally:
                    self._stopping = False
                    self._running_thread = None
                    _running.loop = None

            def run_until_complete(self, future):
                self._check_closed()
                new_task = not isfuture(future)
                future = ensure_future(future, loop=self)

                def done(fut):
                    if not fut.cancelled() and fut.exception() is not None and isinstance(fut.exception(), (SystemExit, KeyboardInterrupt)):
                        return
                    fut.get_loop().stop()

                future.add_done_callback(done)
                try:
                    self.run_forever()
                finally:
                    future.remove_done_callback(done)
                if not future.done():
                    raise RuntimeError("Event loop stopped before Future completed.")
                return future.result()

            def _run_once(self):
                if self._cancelled_timers > 64 and self._cancelled_timers * 2 > len(self._scheduled):
                    self._scheduled = [t for t in self._scheduled if not t._cancelled]
                    heapq.heapify(self._scheduled)
                    self._cancelled_timers = 0
                while self._scheduled and self._scheduled[0]._cancelled:
                    heapq.heappop(self._scheduled)
                    self._cancelled_timers -= 1
                if self._ready or self._stopping or self._threadsafe:
                    timeout = 0
                elif self._scheduled:
                    timeout = max(0, self._scheduled[0]._when - self.time())
                else:
                    timeout = None
                if timeout != 0:
                    self._waker.wait(timeout)
                with self._threadsafe_lock:
                    while self._threadsafe:
                        self._ready.append(self._threadsafe.popleft())
                end = self.time()
                while self._scheduled and self._scheduled[0]._when <= end:
                    timer = heapq.heappop(self._scheduled)
                    if timer._cancelled:
                        self._cancelled_timers -= 1
                    else:
                        self._ready.append(timer)
                for _ in range(len(self._ready)):
                    handle = self._ready.popleft()
                    if not handle._cancelled:
                        handle._run()

            def run_in_executor(self, executor, func, *args):
                self._check_closed()
                if executor is None:
                    executor = self._default_executor
                    if executor is None:
                        from concurrent.futures import ThreadPoolExecutor
                        executor = ThreadPoolExecutor(thread_name_prefix="asyncio")
                        self._default_executor = executor
                return wrap_future(executor.submit(func, *args), loop=self)

            def set_default_executor(self, executor):
                self._default_executor = executor

            async def shutdown_default_executor(self):
                executor = self._default_executor
                if executor is None:
                    return
                self._default_executor = None
                future = self.create_future()

                def shutdown():
                    try:
                        executor.shutdown(wait=True)
                        self.call_soon_threadsafe(future.set_result, None)
                    except BaseException as exc:
                        self.call_soon_threadsafe(future.set_exception, exc)

                thread = threading.Thread(target=shutdown)
                thread.start()
                try:
                    await future
                finally:
                    thread.join()

            async def shutdown_asyncgens(self):
                pass

            def set_exception_handler(self, handler):
                self._exception_handler = handler

            def get_exception_handler(self):
                return self._exception_handler

            def default_exception_handler(self, context):
                message = context.get("message") or "Unhandled exception in event loop"
                exc = context.get("exception")
                lines = [message]
                for key in sorted(context):
                    if key not in ("message", "exception"):
                        lines.append(key + ": " + repr(context[key]))
                text = "\n".join(lines)
                if exc is not None:
                    import traceback
                    text += "\n" + "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)).rstrip("\n")
                sys.stderr.write(text + "\n")

            def call_exception_handler(self, context):
                if self._exception_handler is None:
                    self.default_exception_handler(context)
                else:
                    self._exception_handler(self, context)


        # ---------------------------------------------------------------- futures

        class Future:
            _asyncio_future_blocking = False

            def __init__(self, *, loop=None):
                self._loop = get_event_loop() if loop is None else loop
                self._state = _PENDING
                self._result = None
                self._exception = None
                self._callbacks = []
                self._cancel_message = None
                self._cancelled_exc = None

            def __repr__(self):
                name = type(self).__name__
                if self._state == _FINISHED:
                    if self._exception is not None:
                        return "<%s finished exception=%r>" % (name, self._exception)
                    return "<%s finished result=%r>" % (name, self._result)
                return "<%s %s>" % (name, self._state.lower())

            def get_loop(self):
                return self._loop

            def _make_cancelled_error(self):
                if self._cancelled_exc is not None:
                    exc = self._cancelled_exc
                    self._cancelled_exc = None
                    return exc
                if self._cancel_message is None:
                    return CancelledError()
                return CancelledError(self._cancel_message)

            def cancel(self, msg=None):
                if self._state != _PENDING:
                    return False
                self._state = _CANCELLED
                self._cancel_message = msg
                self._schedule_callbacks()
                return True

            def _schedule_callbacks(self):
                callbacks = self._callbacks[:]
                self._callbacks.clear()
                for callback in callbacks:
                    self._loop.call_soon(callback, self)

            def cancelled(self):
                return self._state == _CANCELLED

            def done(self):
                return self._state != _PENDING

            def result(self):
                if self._state == _CANCELLED:
                    raise self._make_cancelled_error()
                if self._state != _FINISHED:
                    raise InvalidStateError("Result is not ready.")
                if self._exception is not None:
                    raise self._exception
                return self._result

            def exception(self):
                if self._state == _CANCELLED:
                    raise self._make_cancelled_error()
                if self._state != _FINISHED:
                    raise InvalidStateError("Exception is not set.")
                return self._exception

            def add_done_callback(self, fn, *, context=None):
                if self._state != _PENDING:
                    self._loop.call_soon(fn, self)
                else:
                    self._callbacks.append(fn)

            def remove_done_callback(self, fn):
                kept = [cb for cb in self._callbacks if cb != fn]
                removed = len(self._callbacks) - len(kept)
                self._callbacks[:] = kept
                return removed

            def set_result(self, result):
                if self._state != _PENDING:
                    raise InvalidStateError(self._state + ": " + repr(self))
                self._result = result
                self._state = _FINISHED
                self._schedule_callbacks()

            def set_exception(self, exception):
                if self._state != _PENDING:
                    raise InvalidStateError(self._state + ": " + repr(self))
                if isinstance(exception, type):
                    exception = exception()
                if type(exception) is StopIteration:
                    raise TypeError("StopIteration interacts badly with generators and cannot be raised into a Future")
                self._exception = exception
                self._state = _FINISHED
                self._schedule_callbacks()

            def __await__(self):
                if not self.done():
                    self._asyncio_future_blocking = True
                    yield self
                if not self.done():
                    raise RuntimeError("await wasn't used with future")
                return self.result()

            __iter__ = __await__


        def _set_result_unless_cancelled(fut, result):
            if not fut.cancelled():
                fut.set_result(result)


        def wrap_future(future, *, loop=None):
            if isfuture(future):
                return future
            loop = get_event_loop() if loop is None else loop
            new_future = loop.create_future()

            def copy_state(source):
                if new_future.cancelled():
                    return
                if source.cancelled():
                    new_future.cancel()
                    return
                exc = source.exception()
                if exc is not None:
                    new_future.set_exception(exc)
                else:
                    new_future.set_result(source.result())

            def on_source_done(source):
                if loop.is_closed():
                    return
                loop.call_soon_threadsafe(copy_state, source)

            def on_new_done(fut):
                if fut.cancelled():
                    future.cancel()

            new_future.add_done_callback(on_new_done)
            future.add_done_callback(on_source_done)
            return new_future


        """#
}

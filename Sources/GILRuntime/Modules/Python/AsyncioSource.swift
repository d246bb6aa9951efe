/// `asyncio`: an event loop, futures and tasks with the behaviour and messages of CPython 3.11's
/// Lib/asyncio (task stepping with `send`/`throw`, cancellation delivered at the innermost `await`,
/// `gather`, `wait_for`, `wait`, `as_completed`, `shield`, `timeout`, `TaskGroup`, `Queue`, `Lock`,
/// `Event`, `Condition`, `Semaphore`), written here for our runtime. The loop is one Python thread; its idle
/// wait is the native `Waker` (recorded as poll I/O, as CPython's `epoll_wait` is), and `to_thread` /
/// `run_in_executor` run on our `concurrent.futures.ThreadPoolExecutor`, real threads in the trace.
enum AsyncioSource {
    static let text = #"""
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


        # ---------------------------------------------------------------- tasks

        _task_names = itertools.count(1)
        _all_tasks = set()
        _current_tasks = {}


        def current_task(loop=None):
            if loop is None:
                loop = get_running_loop()
            return _current_tasks.get(loop)


        def all_tasks(loop=None):
            if loop is None:
                loop = get_running_loop()
            return {t for t in _all_tasks if t._loop is loop and not t.done()}


        class Task(Future):
            def __init__(self, coro, *, loop=None, name=None, context=None):
                super().__init__(loop=loop)
                if not iscoroutine(coro):
                    raise TypeError("a coroutine was expected, got %r" % (coro,))
                self._coro = coro
                self._name = "Task-%d" % next(_task_names) if name is None else str(name)
                self._fut_waiter = None
                self._must_cancel = False
                self._num_cancels_requested = 0
                self._loop.call_soon(self._step)
                _all_tasks.add(self)

            def __repr__(self):
                coro = getattr(self._coro, "__qualname__", None) or type(self._coro).__name__
                state = self._state.lower()
                if self._state == _FINISHED:
                    if self._exception is not None:
                        return "<Task finished name=%r coro=<%s()> exception=%r>" % (self._name, coro, self._exception)
                    return "<Task finished name=%r coro=<%s()> result=%r>" % (self._name, coro, self._result)
                return "<Task %s name=%r coro=<%s()>>" % (state, self._name, coro)

            def get_coro(self):
                return self._coro

            def get_name(self):
                return self._name

            def set_name(self, value):
                self._name = str(value)

            def cancelling(self):
                return self._num_cancels_requested

            def uncancel(self):
                if self._num_cancels_requested > 0:
                    self._num_cancels_requested -= 1
                return self._num_cancels_requested

            def set_result(self, result):
                raise RuntimeError("Task does not support set_result operation")

            def set_exception(self, exception):
                raise RuntimeError("Task does not support set_exception operation")

            def cancel(self, msg=None):
                if self.done():
                    return False
                self._num_cancels_requested += 1
                if self._fut_waiter is not None:
                    if self._fut_waiter.cancel(msg=msg):
                        return True
                self._must_cancel = True
                self._cancel_message = msg
                return True

            def _step(self, exc=None):
                if self.done():
                    raise InvalidStateError("_step(): already done: %r, %r" % (self, exc))
                if self._must_cancel:
                    if not isinstance(exc, CancelledError):
                        exc = self._make_cancelled_error()
                    self._must_cancel = False
                self._fut_waiter = None
                loop = self._loop
                previous = _current_tasks.get(loop)
                _current_tasks[loop] = self
                try:
                    if exc is None:
                        result = self._coro.send(None)
                    else:
                        result = self._coro.throw(exc)
                except StopIteration as stop:
                    if self._must_cancel:
                        self._must_cancel = False
                        Future.cancel(self, msg=self._cancel_message)
                    else:
                        Future.set_result(self, stop.value)
                except CancelledError as cancelled:
                    self._cancelled_exc = cancelled
                    Future.cancel(self)
                except (KeyboardInterrupt, SystemExit) as fatal:
                    Future.set_exception(self, fatal)
                    raise
                except BaseException as error:
                    Future.set_exception(self, error)
                else:
                    self._handle_yield(result)
                finally:
                    if previous is None:
                        _current_tasks.pop(loop, None)
                    else:
                        _current_tasks[loop] = previous
                    if self.done():
                        _all_tasks.discard(self)

            def _handle_yield(self, result):
                blocking = getattr(result, "_asyncio_future_blocking", None)
                if blocking is not None:
                    if result._loop is not self._loop:
                        error = RuntimeError("Task %r got Future %r attached to a different loop" % (self, result))
                        self._loop.call_soon(self._step, error)
                    elif blocking:
                        if result is self:
                            self._loop.call_soon(self._step, RuntimeError("Task cannot await on itself: %r" % (self,)))
                        else:
                            result._asyncio_future_blocking = False
                            result.add_done_callback(self._wakeup)
                            self._fut_waiter = result
                            if self._must_cancel:
                                if self._fut_waiter.cancel(msg=self._cancel_message):
                                    self._must_cancel = False
                    else:
                        error = RuntimeError("yield was used instead of yield from in task %r with %r" % (self, result))
                        self._loop.call_soon(self._step, error)
                elif result is None:
                    self._loop.call_soon(self._step)
                else:
                    self._loop.call_soon(self._step, RuntimeError("Task got bad yield: %r" % (result,)))

            def _wakeup(self, future):
                try:
                    future.result()
                except BaseException as exc:
                    self._step(exc)
                else:
                    self._step()


        def create_task(coro, *, name=None, context=None):
            return get_running_loop().create_task(coro, name=name)


        def ensure_future(coro_or_future, *, loop=None):
            if isfuture(coro_or_future):
                return coro_or_future
            if iscoroutine(coro_or_future):
                if loop is None:
                    loop = get_event_loop()
                return loop.create_task(coro_or_future)
            awaiter = getattr(type(coro_or_future), "__await__", None)
            if awaiter is not None:
                async def wrapper(awaitable):
                    return await awaitable

                return ensure_future(wrapper(coro_or_future), loop=loop)
            raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")


        class _Yield:
            def __await__(self):
                yield


        async def sleep(delay, result=None):
            if delay <= 0:
                await _Yield()
                return result
            loop = get_running_loop()
            future = loop.create_future()
            handle = loop.call_later(delay, _set_result_unless_cancelled, future, result)
            try:
                return await future
            finally:
                handle.cancel()


        def run(main, *, debug=None):
            if _get_running_loop() is not None:
                raise RuntimeError("asyncio.run() cannot be called from a running event loop")
            if not iscoroutine(main):
                raise ValueError("a coroutine was expected, got %r" % (main,))
            loop = new_event_loop()
            if debug is not None:
                loop.set_debug(debug)
            try:
                set_event_loop(loop)
                return loop.run_until_complete(main)
            finally:
                try:
                    _cancel_all_tasks(loop)
                    loop.run_until_complete(loop.shutdown_default_executor())
                finally:
                    set_event_loop(None)
                    loop.close()


        def _cancel_all_tasks(loop):
            pending = [t for t in _all_tasks if t._loop is loop and not t.done()]
            if not pending:
                return
            for task in pending:
                task.cancel()
            loop.run_until_complete(gather(*pending, return_exceptions=True))
            for task in pending:
                if task.cancelled():
                    continue
                if task.exception() is not None:
                    loop.call_exception_handler({
                        "message": "unhandled exception during asyncio.run() shutdown",
                        "exception": task.exception(),
                        "task": task,
                    })


        class _GatheringFuture(Future):
            def __init__(self, children, *, loop):
                super().__init__(loop=loop)
                self._children = children
                self._cancel_requested = False

            def cancel(self, msg=None):
                if self.done():
                    return False
                cancelled_any = False
                for child in self._children:
                    if child.cancel(msg=msg):
                        cancelled_any = True
                if cancelled_any:
                    self._cancel_requested = True
                return cancelled_any


        def gather(*aws, return_exceptions=False):
            if not aws:
                outer = get_event_loop().create_future()
                outer.set_result([])
                return outer
            by_argument = {}
            children = []
            state = {"finished": 0, "count": 0}
            loop = None
            outer = None

            def child_done(fut):
                state["finished"] += 1
                if outer is None or outer.done():
                    if not fut.cancelled():
                        fut.exception()
                    return
                if not return_exceptions:
                    if fut.cancelled():
                        outer.set_exception(fut._make_cancelled_error())
                        return
                    exc = fut.exception()
                    if exc is not None:
                        outer.set_exception(exc)
                        return
                if state["finished"] == state["count"]:
                    results = []
                    for child in children:
                        if child.cancelled():
                            results.append(CancelledError("" if child._cancel_message is None else child._cancel_message))
                        else:
                            exc = child.exception()
                            results.append(child.result() if exc is None else exc)
                    if outer._cancel_requested:
                        outer.set_exception(fut._make_cancelled_error())
                    else:
                        outer.set_result(results)

            for aw in aws:
                if aw in by_argument:
                    fut = by_argument[aw]
                else:
                    fut = ensure_future(aw, loop=loop)
                    if loop is None:
                        loop = fut.get_loop()
                    state["count"] += 1
                    by_argument[aw] = fut
                    fut.add_done_callback(child_done)
                children.append(fut)
            outer = _GatheringFuture(children, loop=loop)
            return outer


        def shield(arg):
            inner = ensure_future(arg)
            if inner.done():
                return inner
            loop = inner.get_loop()
            outer = loop.create_future()

            def inner_done(inner):
                if outer.cancelled():
                    if not inner.cancelled():
                        inner.exception()
                    return
                if inner.cancelled():
                    outer.cancel()
                else:
                    exc = inner.exception()
                    if exc is not None:
                        outer.set_exception(exc)
                    else:
                        outer.set_result(inner.result())

            def outer_done(outer):
                if not inner.done():
                    inner.remove_done_callback(inner_done)

            inner.add_done_callback(inner_done)
            outer.add_done_callback(outer_done)
            return outer


        def _release_waiter(waiter, *args):
            if not waiter.done():
                waiter.set_result(None)


        async def _cancel_and_wait(fut):
            loop = get_running_loop()
            waiter = loop.create_future()

            def done(f):
                _release_waiter(waiter)

            fut.add_done_callback(done)
            try:
                fut.cancel()
                await waiter
            finally:
                fut.remove_done_callback(done)


        async def wait_for(fut, timeout):
            loop = get_running_loop()
            if timeout is None:
                return await fut
            if timeout <= 0:
                fut = ensure_future(fut, loop=loop)
                if fut.done():
                    return fut.result()
                await _cancel_and_wait(fut)
                try:
                    return fut.result()
                except CancelledError as exc:
                    raise TimeoutError() from exc
            waiter = loop.create_future()
            timer = loop.call_later(timeout, _release_waiter, waiter)

            def release(f):
                _release_waiter(waiter)

            fut = ensure_future(fut, loop=loop)
            fut.add_done_callback(release)
            try:
                try:
                    await waiter
                except CancelledError:
                    if fut.done():
                        return fut.result()
                    fut.remove_done_callback(release)
                    await _cancel_and_wait(fut)
                    raise
                if fut.done():
                    return fut.result()
                fut.remove_done_callback(release)
                await _cancel_and_wait(fut)
                try:
                    return fut.result()
                except CancelledError as exc:
                    raise TimeoutError() from exc
            finally:
                timer.cancel()


        async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
            if isfuture(fs) or iscoroutine(fs):
                raise TypeError("expect a list of futures, not %s" % type(fs).__name__)
            if not fs:
                raise ValueError("Set of Tasks/Futures is empty.")
            if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
                raise ValueError("Invalid return_when value: %s" % (return_when,))
            fs = set(fs)
            if any(iscoroutine(f) for f in fs):
                raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")
            loop = get_running_loop()
            waiter = loop.create_future()
            timer = None
            if timeout is not None:
                timer = loop.call_later(timeout, _release_waiter, waiter)
            counter = [len(fs)]

            def on_done(f):
                counter[0] -= 1
                if (counter[0] <= 0 or return_when == FIRST_COMPLETED
                        or (return_when == FIRST_EXCEPTION and not f.cancelled() and f.exception() is not None)):
                    if timer is not None:
                        timer.cancel()
                    _release_waiter(waiter)

            for f in fs:
                f.add_done_callback(on_done)
            try:
                await waiter
            finally:
                if timer is not None:
                    timer.cancel()
                for f in fs:
                    f.remove_done_callback(on_done)
            done, pending = set(), set()
            for f in fs:
                if f.done():
                    done.add(f)
                else:
                    pending.add(f)
            return done, pending


        def as_completed(fs, *, timeout=None):
            if isfuture(fs) or iscoroutine(fs):
                raise TypeError("expect an iterable of futures, not %s" % type(fs).__name__)
            loop = get_event_loop()
            todo = {ensure_future(f, loop=loop) for f in set(fs)}
            finished = Queue()
            timer = None

            def on_timeout():
                for f in todo:
                    f.remove_done_callback(on_completion)
                    finished.put_nowait(None)
                todo.clear()

            def on_completion(f):
                if not todo:
                    return
                todo.remove(f)
                finished.put_nowait(f)
                if not todo and timer is not None:
                    timer.cancel()

            async def wait_for_one():
                f = await finished.get()
                if f is None:
                    raise TimeoutError
                return f.result()

            for f in todo:
                f.add_done_callback(on_completion)
            if todo and timeout is not None:
                timer = loop.call_later(timeout, on_timeout)
            for _ in range(len(todo)):
                yield wait_for_one()


        async def to_thread(func, /, *args, **kwargs):
            loop = get_running_loop()
            if kwargs:
                def call():
                    return func(*args, **kwargs)
            else:
                def call():
                    return func(*args)
            return await loop.run_in_executor(None, call)


        def run_coroutine_threadsafe(coro, loop):
            if not iscoroutine(coro):
                raise TypeError("A coroutine object is required")
            from concurrent.futures import Future as ConcurrentFuture
            future = ConcurrentFuture()

            def start():
                task = ensure_future(coro, loop=loop)

                def copy(t):
                    if t.cancelled():
                        future.cancel()
                    elif t.exception() is not None:
                        future.set_exception(t.exception())
                    else:
                        future.set_result(t.result())

                task.add_done_callback(copy)

            loop.call_soon_threadsafe(start)
            return future


        # ---------------------------------------------------------------- timeouts and task groups

        class Timeout:
            def __init__(self, when):
                self._when = when
                self._state = "CREATED"
                self._timeout_handler = None
                self._task = None

            def when(self):
                return self._when

            def reschedule(self, when):
                if self._timeout_handler is not None:
                    self._timeout_handler.cancel()
                self._when = when
                if when is None:
                    self._timeout_handler = None
                else:
                    loop = get_running_loop()
                    if when <= loop.time():
                        self._timeout_handler = loop.call_soon(self._on_timeout)
                    else:
                        self._timeout_handler = loop.call_at(when, self._on_timeout)

            def expired(self):
                return self._state in ("EXPIRING", "EXPIRED")

            def __repr__(self):
                return "<Timeout [%s] when=%s>" % (self._state, self._when)

            async def __aenter__(self):
                self._state = "ENTERED"
                self._task = current_task()
                if self._task is None:
                    raise RuntimeError("Timeout should be used inside a task")
                self.reschedule(self._when)
                return self

            async def __aexit__(self, exc_type, exc_val, exc_tb):
                if self._timeout_handler is not None:
                    self._timeout_handler.cancel()
                    self._timeout_handler = None
                if self._state == "EXPIRING":
                    self._state = "EXPIRED"
                    if self._task.uncancel() == 0 and exc_type is CancelledError:
                        raise TimeoutError from exc_val
                elif self._state == "ENTERED":
                    self._state = "EXITED"
                return None

            def _on_timeout(self):
                self._task.cancel()
                self._state = "EXPIRING"
                self._timeout_handler = None


        def timeout(delay):
            return Timeout(None if delay is None else get_running_loop().time() + delay)


        def timeout_at(when):
            return Timeout(when)


        class TaskGroup:
            def __init__(self):
                self._entered = False
                self._exiting = False
                self._aborting = False
                self._loop = None
                self._parent_task = None
                self._parent_cancel_requested = False
                self._tasks = set()
                self._errors = []
                self._base_error = None
                self._on_completed_fut = None

            def __repr__(self):
                return "<TaskGroup tasks=%d>" % len(self._tasks)

            async def __aenter__(self):
                if self._entered:
                    raise RuntimeError("TaskGroup %r has been already entered" % self)
                self._entered = True
                self._loop = get_running_loop()
                self._parent_task = current_task()
                if self._parent_task is None:
                    raise RuntimeError("TaskGroup %r cannot determine the parent task" % self)
                return self

            async def __aexit__(self, et, exc, tb):
                self._exiting = True
                propagate_cancellation_error = None
                if exc is not None and self._is_base_error(exc) and self._base_error is None:
                    self._base_error = exc
                if et is not None and issubclass(et, CancelledError):
                    propagate_cancellation_error = exc
                if et is not None and not self._aborting:
                    self._abort()
                while self._tasks:
                    if self._on_completed_fut is None:
                        self._on_completed_fut = self._loop.create_future()
                    try:
                        await self._on_completed_fut
                    except CancelledError as ex:
                        if not self._aborting:
                            propagate_cancellation_error = ex
                            self._abort()
                    self._on_completed_fut = None
                if self._base_error is not None:
                    raise self._base_error
                if propagate_cancellation_error is not None and not self._errors:
                    raise propagate_cancellation_error
                if et is not None and not issubclass(et, CancelledError):
                    self._errors.append(exc)
                if self._errors:
                    errors = self._errors
                    self._errors = None
                    raise BaseExceptionGroup("unhandled errors in a TaskGroup", errors)

            def create_task(self, coro, *, name=None, context=None):
                if not self._entered:
                    raise RuntimeError("TaskGroup %r has not been entered" % self)
                if self._exiting and not self._tasks:
                    raise RuntimeError("TaskGroup %r is finished" % self)
                if self._aborting:
                    raise RuntimeError("TaskGroup %r is shutting down" % self)
                task = self._loop.create_task(coro, name=name)
                if task.done():
                    self._on_task_done(task)
                else:
                    self._tasks.add(task)
                    task.add_done_callback(self._on_task_done)
                return task

            def _is_base_error(self, exc):
                return isinstance(exc, (SystemExit, KeyboardInterrupt))

            def _abort(self):
                self._aborting = True
                for t in self._tasks:
                    if not t.done():
                        t.cancel()

            def _on_task_done(self, task):
                self._tasks.discard(task)
                if self._on_completed_fut is not None and not self._tasks:
                    if not self._on_completed_fut.done():
                        self._on_completed_fut.set_result(True)
                if task.cancelled():
                    return
                exc = task.exception()
                if exc is None:
                    return
                self._errors.append(exc)
                if self._is_base_error(exc) and self._base_error is None:
                    self._base_error = exc
                if self._parent_task.done():
                    self._loop.call_exception_handler({
                        "message": "Task %r has errored out but its parent task %r is already completed" % (task, self._parent_task),
                        "exception": exc,
                        "task": task,
                    })
                    return
                if not self._aborting and not self._parent_cancel_requested:
                    self._abort()
                    self._parent_cancel_requested = True
                    self._parent_task.cancel()


        # ---------------------------------------------------------------- synchronization

        class _LoopBound:
            _loop = None

            def _get_loop(self):
                loop = get_running_loop()
                if self._loop is None:
                    self._loop = loop
                if loop is not self._loop:
                    raise RuntimeError("%r is bound to a different event loop" % self)
                return loop


        class Lock(_LoopBound):
            def __init__(self):
                self._waiters = None
                self._locked = False

            def __repr__(self):
                state = "locked" if self._locked else "unlocked"
                if self._waiters:
                    state += ", waiters:%d" % len(self._waiters)
                return "<asyncio.locks.Lock object [%s]>" % state

            def locked(self):
                return self._locked

            async def acquire(self):
                if not self._locked and (self._waiters is None or all(w.cancelled() for w in self._waiters)):
                    self._locked = True
                    return True
                if self._waiters is None:
                    self._waiters = collections.deque()
                fut = self._get_loop().create_future()
                self._waiters.append(fut)
                try:
                    try:
                        await fut
                    finally:
                        self._waiters.remove(fut)
                except CancelledError:
                    if not self._locked:
                        self._wake_up_first()
                    raise
                self._locked = True
                return True

            def release(self):
                if self._locked:
                    self._locked = False
                    self._wake_up_first()
                else:
                    raise RuntimeError("Lock is not acquired.")

            def _wake_up_first(self):
                if not self._waiters:
                    return
                fut = self._waiters[0]
                if not fut.done():
                    fut.set_result(True)

            async def __aenter__(self):
                await self.acquire()
                return None

            async def __aexit__(self, exc_type, exc, tb):
                self.release()


        class Event(_LoopBound):
            def __init__(self):
                self._waiters = collections.deque()
                self._value = False

            def __repr__(self):
                return "<asyncio.locks.Event object [%s]>" % ("set" if self._value else "unset")

            def is_set(self):
                return self._value

            def set(self):
                if not self._value:
                    self._value = True
                    for fut in self._waiters:
                        if not fut.done():
                            fut.set_result(True)

            def clear(self):
                self._value = False

            async def wait(self):
                if self._value:
                    return True
                fut = self._get_loop().create_future()
                self._waiters.append(fut)
                try:
                    await fut
                    return True
                finally:
                    self._waiters.remove(fut)


        class Condition(_LoopBound):
            def __init__(self, lock=None):
                if lock is None:
                    lock = Lock()
                self._lock = lock
                self.locked = lock.locked
                self.acquire = lock.acquire
                self.release = lock.release
                self._waiters = collections.deque()

            async def __aenter__(self):
                await self.acquire()
                return None

            async def __aexit__(self, exc_type, exc, tb):
                self.release()

            async def wait(self):
                if not self.locked():
                    raise RuntimeError("cannot wait on un-acquired lock")
                self.release()
                try:
                    fut = self._get_loop().create_future()
                    self._waiters.append(fut)
                    try:
                        await fut
                        return True
                    finally:
                        self._waiters.remove(fut)
                finally:
                    cancelled = False
                    while True:
                        try:
                            await self.acquire()
                            break
                        except CancelledError:
                            cancelled = True
                    if cancelled:
                        raise CancelledError

            async def wait_for(self, predicate):
                result = predicate()
                while not result:
                    await self.wait()
                    result = predicate()
                return result

            def notify(self, n=1):
                if not self.locked():
                    raise RuntimeError("cannot notify on un-acquired lock")
                woken = 0
                for fut in self._waiters:
                    if woken >= n:
                        break
                    if not fut.done():
                        woken += 1
                        fut.set_result(False)

            def notify_all(self):
                self.notify(len(self._waiters))


        class Semaphore(_LoopBound):
            def __init__(self, value=1):
                if value < 0:
                    raise ValueError("Semaphore initial value must be >= 0")
                self._waiters = None
                self._value = value

            def __repr__(self):
                state = "locked" if self.locked() else "unlocked, value:%d" % self._value
                if self._waiters:
                    state += ", waiters:%d" % len(self._waiters)
                return "<asyncio.locks.%s object [%s]>" % (type(self).__name__, state)

            def locked(self):
                return self._value == 0 or any(not w.cancelled() for w in (self._waiters or ()))

            async def acquire(self):
                if not self.locked():
                    self._value -= 1
                    return True
                if self._waiters is None:
                    self._waiters = collections.deque()
                fut = self._get_loop().create_future()
                self._waiters.append(fut)
                try:
                    try:
                        await fut
                    finally:
                        self._waiters.remove(fut)
                except CancelledError:
                    if fut.done() and not fut.cancelled():
                        self._value += 1
                    raise
                finally:
                    while self._value > 0:
                        if not self._wake_up_next():
                            break
                return True

            def release(self):
                self._value += 1
                self._wake_up_next()

            def _wake_up_next(self):
                if not self._waiters:
                    return False
                for fut in self._waiters:
                    if not fut.done():
                        self._value -= 1
                        fut.set_result(True)
                        return True
                return False

            async def __aenter__(self):
                await self.acquire()
                return None

            async def __aexit__(self, exc_type, exc, tb):
                self.release()


        class BoundedSemaphore(Semaphore):
            def __init__(self, value=1):
                self._bound_value = value
                super().__init__(value)

            def release(self):
                if self._value >= self._bound_value:
                    raise ValueError("BoundedSemaphore released too many times")
                super().release()


        # ---------------------------------------------------------------- queues

        class Queue(_LoopBound):
            def __init__(self, maxsize=0):
                self._maxsize = maxsize
                self._getters = collections.deque()
                self._putters = collections.deque()
                self._unfinished_tasks = 0
                self._finished = Event()
                self._finished.set()
                self._init(maxsize)

            def _init(self, maxsize):
                self._queue = collections.deque()

            def _get(self):
                return self._queue.popleft()

            def _put(self, item):
                self._queue.append(item)

            def _wakeup_next(self, waiters):
                while waiters:
                    waiter = waiters.popleft()
                    if not waiter.done():
                        waiter.set_result(None)
                        break

            def __repr__(self):
                return "<%s at 0x0 maxsize=%r>" % (type(self).__name__, self._maxsize)

            def qsize(self):
                return len(self._queue)

            @property
            def maxsize(self):
                return self._maxsize

            def empty(self):
                return not self._queue

            def full(self):
                if self._maxsize <= 0:
                    return False
                return self.qsize() >= self._maxsize

            async def put(self, item):
                while self.full():
                    putter = self._get_loop().create_future()
                    self._putters.append(putter)
                    try:
                        await putter
                    except:
                        putter.cancel()
                        try:
                            self._putters.remove(putter)
                        except ValueError:
                            pass
                        if not self.full() and not putter.cancelled():
                            self._wakeup_next(self._putters)
                        raise
                return self.put_nowait(item)

            def put_nowait(self, item):
                if self.full():
                    raise QueueFull
                self._put(item)
                self._unfinished_tasks += 1
                self._finished.clear()
                self._wakeup_next(self._getters)

            async def get(self):
                while self.empty():
                    getter = self._get_loop().create_future()
                    self._getters.append(getter)
                    try:
                        await getter
                    except:
                        getter.cancel()
                        try:
                            self._getters.remove(getter)
                        except ValueError:
                            pass
                        if not self.empty() and not getter.cancelled():
                            self._wakeup_next(self._getters)
                        raise
                return self.get_nowait()

            def get_nowait(self):
                if self.empty():
                    raise QueueEmpty
                item = self._get()
                self._wakeup_next(self._putters)
                return item

            def task_done(self):
                if self._unfinished_tasks <= 0:
                    raise ValueError("task_done() called too many times")
                self._unfinished_tasks -= 1
                if self._unfinished_tasks == 0:
                    self._finished.set()

            async def join(self):
                if self._unfinished_tasks > 0:
                    await self._finished.wait()


        class PriorityQueue(Queue):
            def _init(self, maxsize):
                self._queue = []

            def _put(self, item):
                heapq.heappush(self._queue, item)

            def _get(self):
                return heapq.heappop(self._queue)


        class LifoQueue(Queue):
            def _init(self, maxsize):
                self._queue = []

            def _put(self, item):
                self._queue.append(item)

            def _get(self):
                return self._queue.pop()
        """#
}

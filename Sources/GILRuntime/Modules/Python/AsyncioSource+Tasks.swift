extension AsyncioSource {
    /// `Task`, `run`, `sleep`, `gather`, `shield`, `wait_for`, `wait`, `as_completed`, `to_thread`.
    static let tasks = #"""
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


        """#
}

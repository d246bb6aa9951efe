extension AsyncioSource {
    /// `Timeout`, `TaskGroup`, `Lock`, `Event`, `Condition`, `Semaphore` and the queues.
    static let synchronization = #"""
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

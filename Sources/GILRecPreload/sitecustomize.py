# gilrec's start-up code inside a real CPython (`gilrec run --python`). Python imports it at start-up because
# gilrec put its directory first on PYTHONPATH; it then steps aside: the directory leaves sys.path again and
# the sitecustomize it shadows (if any) runs as usual. What it does (see gilrec's docs/cpython-engine.md):
#   1. load gilrec's preloaded library as the `_gilrec` extension module;
#   2. find the GIL inside `_PyRuntime` (two distinctive switch intervals, then the previous one again) and
#      arm the recorder, which first checks itself on one release and re-take of the GIL;
#   3. name threads and sync objects as the program creates them: `threading` and `queue` are patched when
#      (and if) the program imports them, with wrappers that call the originals unchanged.
# Nothing here may break the program: any failure becomes a note in the run, and the program runs unrecorded.
import os as _os
import sys as _sys


def _gilrec_step_aside():
    here = _os.path.dirname(_os.path.abspath(__file__))
    _sys.path[:] = [p for p in _sys.path if _os.path.abspath(p or ".") != here]
    # The sitecustomize this file shadows, if any, runs now as it would have.
    try:
        from importlib.machinery import PathFinder
        spec = PathFinder.find_spec("sitecustomize", _sys.path)
        if spec is not None and spec.loader is not None:
            import importlib.util
            module = importlib.util.module_from_spec(spec)
            _sys.modules["sitecustomize"] = module
            spec.loader.exec_module(module)
    except Exception as error:  # as site.py does for a failing sitecustomize
        print("Error in sitecustomize; set PYTHONVERBOSE for traceback:\n%s: %s" % (type(error).__name__, error),
              file=_sys.stderr)


def _gilrec_load():
    library = _os.environ.get("GILREC_PRELOAD")
    if not library or not _os.environ.get("GILREC_SESSION"):
        return None
    from importlib.machinery import ExtensionFileLoader, ModuleSpec
    import importlib.util
    loader = ExtensionFileLoader("_gilrec", library)
    module = importlib.util.module_from_spec(ModuleSpec("_gilrec", loader, origin=library))
    loader.exec_module(module)
    return module


def _gilrec_find_gil(g):
    previous = _sys.getswitchinterval()
    try:
        for marker in (0.001237, 0.002459, 0.003511):
            _sys.setswitchinterval(marker)
            if g.scan(int(1e6 * marker)) <= 1:
                break
    finally:
        _sys.setswitchinterval(previous)


def _gilrec_lock_offset(g):
    """Where `_thread.lock` keeps its semaphore pointer, checked on a fresh lock; 0 when not usable."""
    if _sys.version_info >= (3, 13):
        return 0  # PyMutex: no semaphore per lock
    offset = 32 if hasattr(_sys, "getobjects") else 16  # Py_TRACE_REFS builds have a longer object header
    import _thread
    probe = _thread.allocate_lock()
    free = g.lock_state(probe, offset)
    probe.acquire()
    taken = g.lock_state(probe, offset)
    probe.release()
    return offset if (free, taken) == (1, 0) else 0


def _gilrec_arm():
    g = _gilrec_load()
    if g is None:
        return None
    opened = g.open()
    if opened:
        print("gilrec: " + opened, file=_sys.stderr)
        return None
    if _sys.version_info < (3, 8):
        g.disarm("CPython %d.%d is not supported (3.8–3.13 are)" % _sys.version_info[:2])
        return None
    is_gil_enabled = getattr(_sys, "_is_gil_enabled", None)
    if is_gil_enabled is not None and not is_gil_enabled():
        g.disarm("free-threaded build without a GIL (PEP 703): there is no GIL to record")
        return None
    _gilrec_find_gil(g)
    offset = _gilrec_lock_offset(g)
    why = g.arm(offset, 1 if _sys.version_info >= (3, 13) else 0)
    if why:
        g.disarm(why)
        return None
    g.note("armed: CPython %s, GIL at _PyRuntime+%d%s" % (
        _sys.version.split()[0], g.gil_offset(),
        "" if offset else "; threading.Lock identity not visible (%s)" % (
            "PyMutex locks" if _sys.version_info >= (3, 13) else "unrecognised lock layout")))
    g.thread("MainThread", 0, 0)
    _GilrecPatcher.install(g, offset != 0)
    return g


# MARK: - Names for threads and sync objects

class _GilrecPatcher:
    """Patches `threading` and `queue` when they are imported: names and Python-level wait brackets."""

    internal = ()

    @classmethod
    def install(cls, g, locks_have_semaphores):
        cls.g = g
        cls.locks_have_semaphores = locks_have_semaphores
        cls.counters = {}
        cls.lines = {}
        finder = cls()
        _sys.meta_path.insert(0, finder)
        for name in ("threading", "queue"):
            module = _sys.modules.get(name)
            if module is not None:
                cls.patch(name, module)

    def find_spec(self, name, path=None, target=None):
        if name not in ("threading", "queue"):
            return None
        for finder in _sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                    spec.loader = _GilrecPatchingLoader(spec.loader, name)
                return spec
        return None

    @classmethod
    def patch(cls, name, module):
        try:
            if name == "threading":
                cls.internal += (module.__file__,)
                _gilrec_patch_threading(cls, module)
            else:
                cls.internal += (module.__file__,)
                _gilrec_patch_queue(cls, module)
        except Exception as error:
            cls.g.note("%s not patched (%s: %s): its objects are unnamed" % (name, type(error).__name__, error))

    @classmethod
    def creation_site(cls, depth, constructed=None):
        """(name, line, internal) of the code creating an object: `lock = threading.Lock()` → "lock". The
        `__init__`s of `constructed` (a subclass's calling its base's) are skipped: the creator is outside."""
        frame = _sys._getframe(depth + 1)
        while constructed is not None and frame.f_back is not None and frame.f_code.co_name == "__init__" \
                and frame.f_locals.get("self") is constructed:
            frame = frame.f_back
        filename = frame.f_code.co_filename
        line = frame.f_lineno
        if filename in cls.internal:
            return None, line, True
        key = (filename, line)
        name = cls.lines.get(key, False)
        if name is False:
            name = None
            try:
                import linecache
                import re
                text = linecache.getline(filename, line)
                match = re.match(r"\s*(?:[A-Za-z_]\w*\s*\.\s*)*([A-Za-z_]\w*)\s*=(?!=)", text)
                if match:
                    name = match.group(1)
            except Exception:
                pass
            cls.lines[key] = name
        return name, line, False

    @classmethod
    def default_name(cls, kind):
        cls.counters[kind] = cls.counters.get(kind, 0) + 1
        return "%s-%d" % (kind, cls.counters[kind])


class _GilrecPatchingLoader:
    def __init__(self, loader, name):
        self._loader = loader
        self._name = name

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        _GilrecPatcher.patch(self._name, module)

    def __getattr__(self, attribute):
        return getattr(self._loader, attribute)


def _gilrec_wrap(original, wrapper):
    for attribute in ("__module__", "__name__", "__qualname__", "__doc__"):
        try:
            setattr(wrapper, attribute, getattr(original, attribute))
        except AttributeError:
            pass
    wrapper.__wrapped__ = original
    return wrapper


def _gilrec_timeout_ns(timeout, blocking=True):
    if not blocking:
        return 0
    if timeout is None or timeout < 0:
        return -1
    return int(timeout * 1e9)


def _gilrec_patch_threading(patcher, threading):
    g = patcher.g
    import _thread
    allocate_lock, CRLock = _thread.allocate_lock, _thread.RLock
    wait_begin, wait_end, release = g.wait_begin, g.wait_end, g.release

    def register(obj, kind, type_name, depth, suffix=""):
        name, line, internal = patcher.creation_site(depth + 1, obj)
        if internal:
            return 0
        name = (name or patcher.default_name(type_name)) + suffix
        object_id = g.register(kind, name, line)
        try:
            obj._gilrec_id = object_id
        except AttributeError:
            pass
        return object_id

    def Lock(*args, **kwargs):
        lock = allocate_lock(*args, **kwargs)
        name, line, internal = patcher.creation_site(1)
        if not internal and patcher.locks_have_semaphores:
            g.register_lock(lock, "lock", name or patcher.default_name("Lock"), line)
        return lock

    def RLock(*args, **kwargs):
        lock = CRLock(*args, **kwargs)
        name, line, internal = patcher.creation_site(1)
        if not internal and patcher.locks_have_semaphores:
            g.register_lock(lock, "rlock", name or patcher.default_name("RLock"), line)
        return lock

    threading.Lock = _gilrec_wrap(threading.Lock, Lock)
    threading.RLock = _gilrec_wrap(threading.RLock, RLock)

    Thread = threading.Thread
    thread_start, bootstrap_inner, thread_join = Thread.start, Thread._bootstrap_inner, Thread.join

    def start(self):
        self._gilrec_parent = g.thread_id()
        return thread_start(self)

    def _bootstrap_inner(self):
        try:
            g.thread(self.name, getattr(self, "_gilrec_parent", 0), 1 if self.daemon else 0)
        except Exception:
            pass
        return bootstrap_inner(self)

    def join(self, timeout=None):
        object_id = getattr(self, "_gilrec_id", 0)
        if not object_id:
            object_id = self._gilrec_id = g.register("thread", self.name, 0)
        token = wait_begin(object_id, _gilrec_timeout_ns(timeout))
        try:
            return thread_join(self, timeout)
        finally:
            wait_end(object_id, token, 0 if self.is_alive() else 1, 1)

    Thread.start = _gilrec_wrap(thread_start, start)
    Thread._bootstrap_inner = _gilrec_wrap(bootstrap_inner, _bootstrap_inner)
    Thread.join = _gilrec_wrap(thread_join, join)

    Condition = threading.Condition
    condition_init, condition_wait = Condition.__init__, Condition.wait

    def condition_init_named(self, lock=None):
        condition_init(self, lock)
        object_id = register(self, "condition", "Condition", 1)
        if object_id and lock is None and patcher.locks_have_semaphores:
            name, line, _ = patcher.creation_site(1, self)
            g.register_lock(self._lock, "rlock", (name or "Condition-%d" % object_id) + ".lock", line)

    def wait(self, timeout=None):
        object_id = getattr(self, "_gilrec_id", 0)
        token = wait_begin(object_id, _gilrec_timeout_ns(timeout))
        notified = False
        try:
            notified = condition_wait(self, timeout)
            return notified
        finally:
            wait_end(object_id, token, 1 if notified else 0, 1)

    Condition.__init__ = _gilrec_wrap(condition_init, condition_init_named)
    Condition.wait = _gilrec_wrap(condition_wait, wait)

    Event = threading.Event
    event_init, event_wait, event_set = Event.__init__, Event.wait, Event.set

    def event_init_named(self):
        event_init(self)
        register(self, "event", "Event", 1)

    def event_wait_recorded(self, timeout=None):
        object_id = getattr(self, "_gilrec_id", 0)
        token = wait_begin(object_id, _gilrec_timeout_ns(timeout))
        flag = False
        try:
            flag = event_wait(self, timeout)
            return flag
        finally:
            wait_end(object_id, token, 1 if flag else 0, 1)

    def event_set_recorded(self):
        release(getattr(self, "_gilrec_id", 0))
        return event_set(self)

    Event.__init__ = _gilrec_wrap(event_init, event_init_named)
    Event.wait = _gilrec_wrap(event_wait, event_wait_recorded)
    Event.set = _gilrec_wrap(event_set, event_set_recorded)

    Semaphore = threading.Semaphore
    semaphore_init, semaphore_acquire, semaphore_release = Semaphore.__init__, Semaphore.acquire, Semaphore.release
    BoundedSemaphore = threading.BoundedSemaphore

    def semaphore_init_named(self, value=1):
        semaphore_init(self, value)
        bounded = isinstance(self, BoundedSemaphore)
        register(self, "bounded_semaphore" if bounded else "semaphore", "BoundedSemaphore" if bounded else "Semaphore", 1)

    def semaphore_acquire_recorded(self, blocking=True, timeout=None):
        object_id = getattr(self, "_gilrec_id", 0)
        token = wait_begin(object_id, _gilrec_timeout_ns(timeout, blocking))
        got = False
        try:
            got = semaphore_acquire(self, blocking, timeout)
            return got
        finally:
            wait_end(object_id, token, 1 if got else 0, 0)

    def semaphore_release_recorded(self, n=1):
        release(getattr(self, "_gilrec_id", 0))
        return semaphore_release(self, n)

    Semaphore.__init__ = _gilrec_wrap(semaphore_init, semaphore_init_named)
    Semaphore.acquire = _gilrec_wrap(semaphore_acquire, semaphore_acquire_recorded)
    Semaphore.__enter__ = Semaphore.acquire
    Semaphore.release = _gilrec_wrap(semaphore_release, semaphore_release_recorded)
    if BoundedSemaphore.release is not semaphore_release:
        bounded_release = BoundedSemaphore.release

        def bounded_release_recorded(self, n=1):
            result = bounded_release(self, n)  # raises ValueError first when released too often
            release(getattr(self, "_gilrec_id", 0))
            return result

        BoundedSemaphore.release = _gilrec_wrap(bounded_release, bounded_release_recorded)

    Barrier = threading.Barrier
    barrier_init, barrier_wait = Barrier.__init__, Barrier.wait

    def barrier_init_named(self, parties, action=None, timeout=None):
        barrier_init(self, parties, action, timeout)
        register(self, "barrier", "Barrier", 1)

    def barrier_wait_recorded(self, timeout=None):
        object_id = getattr(self, "_gilrec_id", 0)
        token = wait_begin(object_id, _gilrec_timeout_ns(timeout if timeout is not None else self._timeout))
        index = -1
        try:
            index = barrier_wait(self, timeout)
            return index
        finally:
            wait_end(object_id, token, index + 1, 1)

    Barrier.__init__ = _gilrec_wrap(barrier_init, barrier_init_named)
    Barrier.wait = _gilrec_wrap(barrier_wait, barrier_wait_recorded)


def _gilrec_patch_queue(patcher, queue):
    g = patcher.g
    Queue = queue.Queue
    queue_init = Queue.__init__

    def queue_init_named(self, maxsize=0):
        queue_init(self, maxsize)
        name, line, internal = patcher.creation_site(1, self)
        if internal:
            return
        name = name or patcher.default_name(type(self).__name__)
        if patcher.locks_have_semaphores:
            g.register_lock(self.mutex, "lock", name, line)
        for condition in ("not_empty", "not_full", "all_tasks_done"):
            target = getattr(self, condition)
            target._gilrec_id = g.register("condition", "%s.%s" % (name, condition), line)

    Queue.__init__ = _gilrec_wrap(queue_init, queue_init_named)


try:
    _gilrec = _gilrec_arm()
except Exception as _error:  # never break the program
    try:
        print("gilrec: recording disabled: %s: %s" % (type(_error).__name__, _error), file=_sys.stderr)
    except Exception:
        pass
_gilrec_step_aside()

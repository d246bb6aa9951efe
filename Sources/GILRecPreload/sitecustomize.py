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
        # `gilrec run --python --switch-interval S`: the interval the program starts with.
        asked = _os.environ.get("GILREC_SWITCH_INTERVAL")
        if asked:
            try:
                _sys.setswitchinterval(float(asked))
            except (ValueError, OverflowError):
                pass


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


def _gilrec_check_stacks(g):
    """"" when the C side reads this interpreter's frames as sys._getframe() sees them, else why not."""
    if _os.environ.get("GILREC_STACKS") == "off":
        return "turned off (--no-stacks)"
    why = g.enable_stacks(_sys.version_info[1]) if _sys.version_info[0] == 3 else "Python 2"
    if why:
        return why

    def probe():
        return g.frames(), _sys._getframe()

    seen, frame = probe()
    # The innermost frame whole; its callers by file and function (their lines have moved on since).
    expected = []
    while frame is not None and len(expected) < 3:
        code = frame.f_code
        expected.append("%s\t%s" % (code.co_filename, getattr(code, "co_qualname", code.co_name)))
        frame = frame.f_back
    expected[0] += "\t%d" % (probe.__code__.co_firstlineno + 1)
    lines = seen.splitlines()[:len(expected)]
    lines[1:] = [line.rsplit("\t", 1)[0] for line in lines[1:]]
    if lines != expected:
        g.disable_stacks()
        return "this interpreter's frames were not read as sys._getframe() shows them (%r, expected %r)" % (
            lines[:1], expected[:1])
    return ""


def _gilrec_arm():
    g = _gilrec_load()
    if g is None:
        return None
    if not g.is_main_interpreter():
        # The process armed from its main interpreter; a sub-interpreter shares the GIL found there only when
        # it was created without one of its own (3.12+ gives it its own by default).
        g.note("partly recorded: a sub-interpreter ran (3.12+: with its own GIL unless created with the "
               "legacy config); what its threads do under that GIL, its named locks and thread names are not "
               "recorded")
        return None
    opened = g.open()
    if opened:
        print("gilrec: " + opened, file=_sys.stderr)
        return None
    if _sys.version_info < (3, 8):
        g.disarm("CPython %d.%d is not supported (3.8–3.13 are)" % _sys.version_info[:2])
        return None
    is_gil_enabled = getattr(_sys, "_is_gil_enabled", None)
    if _os.environ.get("GILREC_DISABLE") == "nogil":  # tests: a free-threaded build, where none is installed
        is_gil_enabled = lambda: False
    if is_gil_enabled is not None and not is_gil_enabled():
        g.disarm("free-threaded build without a GIL (PEP 703): there is no GIL to record")
        return None
    _gilrec_find_gil(g)
    offset = _gilrec_lock_offset(g)
    why = g.arm(offset, 1 if _sys.version_info >= (3, 13) else 0)
    if why:
        g.disarm(why)
        return None
    stacks = _gilrec_check_stacks(g)
    if stacks:
        g.note("no stacks for this run: " + stacks)
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


def _gilrec_timeout_ns(args, kwargs, at=0, blocking_at=None):
    """The timeout a wrapped call was given, in ns (-1: none, 0: non-blocking), read without ever raising:
    the original gets the arguments untouched and reports any error in them itself."""
    try:
        if blocking_at is not None:
            blocking = kwargs["blocking"] if "blocking" in kwargs else args[blocking_at] if len(args) > blocking_at else True
            if not blocking:
                return 0
        timeout = kwargs["timeout"] if "timeout" in kwargs else args[at] if len(args) > at else None
        if timeout is None or timeout < 0:
            return -1
        return int(timeout * 1e9)
    except Exception:
        return -1


def _gilrec_patch_threading(patcher, threading):
    """Every wrapper calls the original with the arguments it was given (`*args, **kwargs`), so signatures
    that differ between versions (Semaphore.release's `n` since 3.9) and bad arguments behave as without
    gilrec; only then does it record."""
    g = patcher.g
    import _thread
    allocate_lock, CRLock = _thread.allocate_lock, _thread.RLock
    wait_begin, wait_end, release = g.wait_begin, g.wait_end, g.release

    def register(obj, kind, type_name, depth):
        name, line, internal = patcher.creation_site(depth + 1, obj)
        if internal:
            return 0
        object_id = g.register(kind, name or patcher.default_name(type_name), line)
        try:
            obj._gilrec_id = object_id
        except AttributeError:
            pass
        return object_id

    def bracket(original, instant, result_of, timeout_at=0, blocking_at=None):
        """A blocking call as a wait on the object: lock_request · the call · lock_acquire(result)."""
        def recorded(self, *args, **kwargs):
            object_id = getattr(self, "_gilrec_id", 0)
            token = wait_begin(object_id, _gilrec_timeout_ns(args, kwargs, timeout_at, blocking_at))
            result = None
            try:
                result = original(self, *args, **kwargs)
                return result
            finally:
                wait_end(object_id, token, result_of(self, result), instant)
        return _gilrec_wrap(original, recorded)

    def released_first(original):
        """A call that lets waiters go (Event.set, Semaphore.release): lock_release, then the call."""
        def recorded(self, *args, **kwargs):
            release(getattr(self, "_gilrec_id", 0))
            return original(self, *args, **kwargs)
        return _gilrec_wrap(original, recorded)

    def named(original, kind, type_name):
        def init(self, *args, **kwargs):
            original(self, *args, **kwargs)
            register(self, kind(self) if callable(kind) else kind, type_name(self) if callable(type_name) else type_name, 1)
        return _gilrec_wrap(original, init)

    truthy = lambda self, result: 1 if result else 0

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
    thread_start, bootstrap_inner = Thread.start, Thread._bootstrap_inner

    def start(self, *args, **kwargs):
        try:
            self._gilrec_parent = g.thread_id()
            # join() waits are lock waits on the thread, as in gilrec's runtime.
            self._gilrec_id = g.register("thread", self.name, 0)
        except Exception:
            pass
        return thread_start(self, *args, **kwargs)

    def _bootstrap_inner(self, *args, **kwargs):
        try:
            g.thread(self.name, getattr(self, "_gilrec_parent", 0), 1 if self.daemon else 0)
        except Exception:
            pass
        return bootstrap_inner(self, *args, **kwargs)

    Thread.start = _gilrec_wrap(thread_start, start)
    Thread._bootstrap_inner = _gilrec_wrap(bootstrap_inner, _bootstrap_inner)
    Thread.join = bracket(Thread.join, 1, lambda self, result: 0 if self.is_alive() else 1)

    Condition = threading.Condition
    condition_init = Condition.__init__

    def condition_init_named(self, *args, **kwargs):
        condition_init(self, *args, **kwargs)
        object_id = register(self, "condition", "Condition", 1)
        lock_given = (args and args[0] is not None) or kwargs.get("lock") is not None
        if object_id and not lock_given and patcher.locks_have_semaphores:
            name, line, _ = patcher.creation_site(1, self)
            g.register_lock(self._lock, "rlock", (name or "Condition-%d" % object_id) + ".lock", line)

    Condition.__init__ = _gilrec_wrap(condition_init, condition_init_named)
    Condition.wait = bracket(Condition.wait, 1, truthy)

    Event = threading.Event
    Event.__init__ = named(Event.__init__, "event", "Event")
    Event.wait = bracket(Event.wait, 1, truthy)
    Event.set = released_first(Event.set)

    Semaphore, BoundedSemaphore = threading.Semaphore, threading.BoundedSemaphore
    semaphore_release = Semaphore.release
    Semaphore.__init__ = named(
        Semaphore.__init__, lambda self: "bounded_semaphore" if isinstance(self, BoundedSemaphore) else "semaphore",
        lambda self: type(self).__name__)
    Semaphore.acquire = bracket(Semaphore.acquire, 0, truthy, timeout_at=1, blocking_at=0)
    Semaphore.__enter__ = Semaphore.acquire
    Semaphore.release = released_first(semaphore_release)
    if BoundedSemaphore.release is not semaphore_release:
        bounded_release = BoundedSemaphore.release

        def bounded_release_recorded(self, *args, **kwargs):
            result = bounded_release(self, *args, **kwargs)  # raises ValueError first when released too often
            release(getattr(self, "_gilrec_id", 0))
            return result

        BoundedSemaphore.release = _gilrec_wrap(bounded_release, bounded_release_recorded)

    Barrier = threading.Barrier
    Barrier.__init__ = named(Barrier.__init__, "barrier", "Barrier")
    Barrier.wait = bracket(Barrier.wait, 1, lambda self, index: index + 1 if isinstance(index, int) else 0)


def _gilrec_patch_queue(patcher, queue):
    g = patcher.g
    Queue = queue.Queue
    queue_init = Queue.__init__

    def queue_init_named(self, *args, **kwargs):
        queue_init(self, *args, **kwargs)
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

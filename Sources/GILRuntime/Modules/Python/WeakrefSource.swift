/// `weakref` on top of the native `_weakref.ref` (WeakrefModule): WeakMethod, WeakValueDictionary,
/// WeakKeyDictionary, WeakSet, finalize and the proxies — the API of Lib/weakref.py, written for our
/// runtime. Entries leave the containers through the references' callbacks, which run at the next check
/// point after the object is freed (`WeakReferences`); every method that reports contents also skips
/// references found dead, so a container never shows a freed object.
enum WeakrefSource {
    /// Runs with `ref` already bound (it is `_weakref`'s own, which is still being made).
    static let proxies = #"""
        def _target(p):
            o = p._proxy_ref()
            if o is None:
                raise ReferenceError("weakly-referenced object no longer exists")
            return o


        class ProxyType:
            def __init__(self, obj, callback=None):
                if callback is None:
                    r = ref(obj)
                else:
                    me = ref(self)

                    def forward(_, callback=callback, me=me):
                        p = me()
                        if p is not None:
                            callback(p)
                    r = ref(obj, forward)
                object.__setattr__(self, "_proxy_ref", r)

            def __getattr__(self, name):
                return getattr(_target(self), name)

            def __setattr__(self, name, value):
                setattr(_target(self), name, value)

            def __delattr__(self, name):
                delattr(_target(self), name)

            def __repr__(self):
                o = self._proxy_ref()
                if o is None:
                    return "<weakproxy at %#x; dead>" % id(self)
                return "<weakproxy at %#x; to '%s' at %#x>" % (id(self), type(o).__name__, id(o))

            def __str__(self): return str(_target(self))
            def __bytes__(self): return bytes(_target(self))
            def __bool__(self): return bool(_target(self))
            def __len__(self): return len(_target(self))
            def __iter__(self): return iter(_target(self))
            def __next__(self): return next(_target(self))
            def __reversed__(self): return reversed(_target(self))
            def __contains__(self, x): return x in _target(self)
            def __getitem__(self, k): return _target(self)[k]
            def __setitem__(self, k, v): _target(self)[k] = v
            def __delitem__(self, k): del _target(self)[k]
            def __hash__(self): raise TypeError("unhashable type: 'weakref.ProxyType'")
            def __eq__(self, o): return _target(self) == o
            def __ne__(self, o): return _target(self) != o
            def __lt__(self, o): return _target(self) < o
            def __le__(self, o): return _target(self) <= o
            def __gt__(self, o): return _target(self) > o
            def __ge__(self, o): return _target(self) >= o
            def __add__(self, o): return _target(self) + o
            def __radd__(self, o): return o + _target(self)
            def __sub__(self, o): return _target(self) - o
            def __rsub__(self, o): return o - _target(self)
            def __mul__(self, o): return _target(self) * o
            def __rmul__(self, o): return o * _target(self)
            def __truediv__(self, o): return _target(self) / o
            def __floordiv__(self, o): return _target(self) // o
            def __mod__(self, o): return _target(self) % o
            def __pow__(self, o): return _target(self) ** o
            def __neg__(self): return -_target(self)
            def __pos__(self): return +_target(self)
            def __abs__(self): return abs(_target(self))
            def __index__(self): return _target(self).__index__()
            def __int__(self): return int(_target(self))
            def __float__(self): return float(_target(self))
            def __enter__(self): return _target(self).__enter__()
            def __exit__(self, *a): return _target(self).__exit__(*a)


        class CallableProxyType(ProxyType):
            def __call__(self, *args, **kwargs):
                return _target(self)(*args, **kwargs)

            def __repr__(self):
                return ProxyType.__repr__(self)


        def proxy(obj, callback=None):
            if callable(obj):
                return CallableProxyType(obj, callback)
            return ProxyType(obj, callback)
        """#

    static let text = #"""
        from _weakref import ref, proxy, getweakrefcount, getweakrefs, ProxyType, CallableProxyType, ReferenceType
        from _weakref import _remove_dead_weakref
        import sys
        import itertools

        ProxyTypes = (ProxyType, CallableProxyType)

        __all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs", "WeakKeyDictionary", "ReferenceType", "ProxyType",
                   "CallableProxyType", "ProxyTypes", "WeakValueDictionary", "WeakSet", "WeakMethod", "finalize"]


        class WeakMethod(ref):
            __slots__ = ("_func_ref", "_meth_type", "_alive", "__weakref__")

            def __new__(cls, meth, callback=None):
                try:
                    obj = meth.__self__
                    func = meth.__func__
                except AttributeError:
                    raise TypeError("argument should be a bound method, not {}".format(type(meth))) from None

                def _cb(arg):
                    self = self_wr()
                    if self._alive:
                        self._alive = False
                        if callback is not None:
                            callback(self)
                self = ref.__new__(cls, obj, _cb)
                self._func_ref = ref(func, _cb)
                self._meth_type = type(meth)
                self._alive = True
                self_wr = ref(self)
                return self

            def __call__(self):
                obj = ref.__call__(self)
                func = self._func_ref()
                if obj is None or func is None:
                    return None
                return self._meth_type(func, obj)

            def __eq__(self, other):
                if isinstance(other, WeakMethod):
                    if not self._alive or not other._alive:
                        return self is other
                    return ref.__eq__(self, other) and self._func_ref == other._func_ref
                return NotImplemented

            def __ne__(self, other):
                if isinstance(other, WeakMethod):
                    if not self._alive or not other._alive:
                        return self is not other
                    return ref.__ne__(self, other) or self._func_ref != other._func_ref
                return NotImplemented

            __hash__ = ref.__hash__


        class KeyedRef(ref):
            """A weak reference that remembers its key (how WeakValueDictionary finds the entry to drop)."""
            __slots__ = ("key",)

            def __new__(type, ob, callback, key):
                self = ref.__new__(type, ob, callback)
                self.key = key
                return self

            def __init__(self, ob, callback, key):
                super().__init__(ob, callback)


        class WeakValueDictionary:
            """Mapping whose values are held weakly: an entry goes when its value is freed."""

            def __init__(self, other=(), /, **kw):
                def remove(wr, selfref=ref(self)):
                    self = selfref()
                    if self is not None:
                        _remove_dead_weakref(self.data, wr.key)
                self._remove = remove
                self.data = {}
                self.update(other, **kw)

            def _live(self):
                for k, wr in list(self.data.items()):
                    o = wr()
                    if o is None:
                        _remove_dead_weakref(self.data, k)
                    else:
                        yield k, o

            def __getitem__(self, key):
                o = self.data[key]()
                if o is None:
                    raise KeyError(key)
                return o

            def __delitem__(self, key):
                del self.data[key]

            def __len__(self):
                return sum(1 for _ in self._live())

            def __contains__(self, key):
                try:
                    o = self.data[key]()
                except KeyError:
                    return False
                return o is not None

            def __repr__(self):
                return "<%s at %#x>" % (self.__class__.__name__, id(self))

            def __setitem__(self, key, value):
                self.data[key] = KeyedRef(value, self._remove, key)

            def copy(self):
                new = WeakValueDictionary()
                for key, o in self._live():
                    new[key] = o
                return new

            __copy__ = copy

            def __deepcopy__(self, memo):
                from copy import deepcopy
                new = self.__class__()
                for key, o in self._live():
                    new[deepcopy(key, memo)] = o
                return new

            def get(self, key, default=None):
                try:
                    wr = self.data[key]
                except KeyError:
                    return default
                o = wr()
                return default if o is None else o

            def items(self):
                return list(self._live())

            def keys(self):
                return [k for k, _ in self._live()]

            __iter__ = lambda self: iter(self.keys())

            def itervaluerefs(self):
                return iter(self.valuerefs())

            def valuerefs(self):
                return [wr for wr in self.data.values() if wr() is not None]

            def values(self):
                return [o for _, o in self._live()]

            def popitem(self):
                while True:
                    key, wr = self.data.popitem()
                    o = wr()
                    if o is not None:
                        return key, o

            def pop(self, key, *args):
                try:
                    o = self.data.pop(key)()
                except KeyError:
                    o = None
                if o is None:
                    if args:
                        return args[0]
                    raise KeyError(key)
                return o

            def setdefault(self, key, default=None):
                try:
                    o = self.data[key]()
                except KeyError:
                    o = None
                if o is None:
                    self.data[key] = KeyedRef(default, self._remove, key)
                    return default
                return o

            def update(self, other=None, /, **kwargs):
                d = self.data
                if other is not None:
                    if not hasattr(other, "items"):
                        other = dict(other)
                    for key, o in other.items():
                        d[key] = KeyedRef(o, self._remove, key)
                for key, o in kwargs.items():
                    d[key] = KeyedRef(o, self._remove, key)

            def __or__(self, other):
                c = self.copy()
                c.update(other)
                return c

            def __ior__(self, other):
                self.update(other)
                return self

            def __eq__(self, other):
                if isinstance(other, WeakValueDictionary):
                    return dict(self.items()) == dict(other.items())
                return NotImplemented


        class WeakKeyDictionary:
            """Mapping whose keys are held weakly: an entry goes when its key is freed."""

            def __init__(self, dict=None):
                self.data = {}

                def remove(k, selfref=ref(self)):
                    self = selfref()
                    if self is not None:
                        try:
                            del self.data[k]
                        except KeyError:
                            pass
                self._remove = remove
                if dict is not None:
                    self.update(dict)

            def _live(self):
                for wr, v in list(self.data.items()):
                    k = wr()
                    if k is None:
                        self.data.pop(wr, None)
                    else:
                        yield k, v

            def __delitem__(self, key):
                del self.data[ref(key)]

            def __getitem__(self, key):
                return self.data[ref(key)]

            def __len__(self):
                return sum(1 for _ in self._live())

            def __repr__(self):
                return "<%s at %#x>" % (self.__class__.__name__, id(self))

            def __setitem__(self, key, value):
                self.data[ref(key, self._remove)] = value

            def copy(self):
                new = WeakKeyDictionary()
                for key, value in self._live():
                    new[key] = value
                return new

            __copy__ = copy

            def __deepcopy__(self, memo):
                from copy import deepcopy
                new = self.__class__()
                for key, value in self._live():
                    new[key] = deepcopy(value, memo)
                return new

            def get(self, key, default=None):
                return self.data.get(ref(key), default)

            def __contains__(self, key):
                try:
                    wr = ref(key)
                except TypeError:
                    return False
                return wr in self.data

            def items(self):
                return list(self._live())

            def keys(self):
                return [k for k, _ in self._live()]

            __iter__ = lambda self: iter(self.keys())

            def values(self):
                return [v for _, v in self._live()]

            def keyrefs(self):
                return [wr for wr in self.data if wr() is not None]

            def popitem(self):
                while True:
                    wr, value = self.data.popitem()
                    o = wr()
                    if o is not None:
                        return o, value

            def pop(self, key, *args):
                return self.data.pop(ref(key), *args)

            def setdefault(self, key, default=None):
                return self.data.setdefault(ref(key, self._remove), default)

            def update(self, dict=None, /, **kwargs):
                d = self.data
                if dict is not None:
                    if not hasattr(dict, "items"):
                        dict = type({})(dict)
                    for key, value in dict.items():
                        d[ref(key, self._remove)] = value
                if len(kwargs):
                    self.update(kwargs)

            def __or__(self, other):
                c = self.copy()
                c.update(other)
                return c

            def __ior__(self, other):
                self.update(other)
                return self


        class WeakSet:
            """Set whose elements are held weakly: an element goes when it is freed."""

            def __init__(self, data=None):
                self.data = set()

                def _remove(item, selfref=ref(self)):
                    self = selfref()
                    if self is not None:
                        self.data.discard(item)
                self._remove = _remove
                if data is not None:
                    self.update(data)

            def __iter__(self):
                for itemref in list(self.data):
                    item = itemref()
                    if item is None:
                        self.data.discard(itemref)
                    else:
                        yield item

            def __len__(self):
                return sum(1 for _ in self)

            def __contains__(self, item):
                try:
                    wr = ref(item)
                except TypeError:
                    return False
                return wr in self.data

            def __reduce__(self):
                return (self.__class__, (list(self),), getattr(self, "__dict__", None))

            def add(self, item):
                self.data.add(ref(item, self._remove))

            def clear(self):
                self.data.clear()

            def copy(self):
                return self.__class__(self)

            def pop(self):
                while True:
                    try:
                        itemref = self.data.pop()
                    except KeyError:
                        raise KeyError("pop from empty WeakSet") from None
                    item = itemref()
                    if item is not None:
                        return item

            def remove(self, item):
                self.data.remove(ref(item))

            def discard(self, item):
                self.data.discard(ref(item))

            def update(self, other):
                for element in other:
                    self.add(element)

            def __ior__(self, other):
                self.update(other)
                return self

            def difference(self, other):
                newset = self.copy()
                newset.difference_update(other)
                return newset
            __sub__ = difference

            def difference_update(self, other):
                self.__isub__(other)

            def __isub__(self, other):
                if self is other:
                    self.data.clear()
                else:
                    self.data.difference_update(ref(item) for item in other)
                return self

            def intersection(self, other):
                return self.__class__(item for item in other if item in self)
            __and__ = intersection

            def intersection_update(self, other):
                self.__iand__(other)

            def __iand__(self, other):
                self.data.intersection_update(ref(item) for item in other)
                return self

            def issubset(self, other):
                return self.data.issubset(ref(item) for item in other)
            __le__ = issubset

            def __lt__(self, other):
                return self.data < set(map(ref, other))

            def issuperset(self, other):
                return self.data.issuperset(ref(item) for item in other)
            __ge__ = issuperset

            def __gt__(self, other):
                return self.data > set(map(ref, other))

            def __eq__(self, other):
                if not isinstance(other, self.__class__):
                    return NotImplemented
                return self.data == set(map(ref, other))

            def symmetric_difference(self, other):
                newset = self.copy()
                newset.symmetric_difference_update(other)
                return newset
            __xor__ = symmetric_difference

            def symmetric_difference_update(self, other):
                self.__ixor__(other)

            def __ixor__(self, other):
                if self is other:
                    self.data.clear()
                else:
                    self.data.symmetric_difference_update(ref(item, self._remove) for item in other)
                return self

            def union(self, other):
                return self.__class__(e for s in (self, other) for e in s)
            __or__ = union

            def isdisjoint(self, other):
                return len(self.intersection(other)) == 0

            def __repr__(self):
                return repr(self.data)


        class finalize:
            """Calls func(*args, **kwargs) once, when obj is freed, when called, or at exit (atexit=True)."""

            _registry = {}
            _shutdown = False
            _index_iter = itertools.count()
            _dirty = False
            _registered_with_atexit = False

            class _Info:
                __slots__ = ("weakref", "func", "args", "kwargs", "atexit", "index")

            def __init__(self, obj, func, /, *args, **kwargs):
                if not self._registered_with_atexit:
                    import atexit
                    atexit.register(self._exitfunc)
                    finalize._registered_with_atexit = True
                info = self._Info()
                info.weakref = ref(obj, self)
                info.func = func
                info.args = args
                info.kwargs = kwargs or None
                info.atexit = True
                info.index = next(self._index_iter)
                self._registry[self] = info
                finalize._dirty = True

            def __call__(self, _=None):
                info = self._registry.pop(self, None)
                if info and not self._shutdown:
                    return info.func(*info.args, **(info.kwargs or {}))

            def detach(self):
                info = self._registry.get(self)
                obj = info and info.weakref()
                if obj is not None and self._registry.pop(self, None):
                    return (obj, info.func, info.args, info.kwargs or {})

            def peek(self):
                info = self._registry.get(self)
                obj = info and info.weakref()
                if obj is not None:
                    return (obj, info.func, info.args, info.kwargs or {})

            @property
            def alive(self):
                return self in self._registry

            @property
            def atexit(self):
                info = self._registry.get(self)
                return bool(info) and info.atexit

            @atexit.setter
            def atexit(self, value):
                info = self._registry.get(self)
                if info:
                    info.atexit = bool(value)

            def __repr__(self):
                info = self._registry.get(self)
                obj = info and info.weakref()
                if obj is None:
                    return "<%s object at %#x; dead>" % (type(self).__name__, id(self))
                return "<%s object at %#x; for %r at %#x>" % (type(self).__name__, id(self), type(obj).__name__, id(obj))

            @classmethod
            def _select_for_exit(cls):
                L = [(f, i) for (f, i) in cls._registry.items() if i.atexit]
                L.sort(key=lambda item: item[1].index)
                return [f for (f, i) in L]

            @classmethod
            def _exitfunc(cls):
                try:
                    if cls._registry:
                        pending = None
                        while True:
                            if pending is None or finalize._dirty:
                                pending = cls._select_for_exit()
                                finalize._dirty = False
                            if not pending:
                                break
                            f = pending.pop()
                            try:
                                f()
                            except Exception:
                                sys.excepthook(*sys.exc_info())
                            assert f not in cls._registry
                finally:
                    finalize._shutdown = True
        """#
}

/// `functools` as Lib/functools.py behaves: partial, wraps/update_wrapper, reduce, lru_cache/cache
/// (least-recently-used eviction, `typed`, cache_info/cache_clear/cache_parameters), cmp_to_key,
/// total_ordering, cached_property.
/// Compiled by our own compiler at first import (`SourceModules`).
enum FunctoolsSource {
    static let text = #"""
        __all__ = ["update_wrapper", "wraps", "WRAPPER_ASSIGNMENTS", "WRAPPER_UPDATES", "total_ordering", "cache",
                   "cmp_to_key", "lru_cache", "reduce", "partial", "cached_property"]  # + FunctoolsSource+Dispatch's

        WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__", "__annotations__")
        WRAPPER_UPDATES = ("__dict__",)


        class partial:
            def __init__(self, func, /, *args, **keywords):
                if not callable(func):
                    raise TypeError("the first argument must be callable")
                if type(func) is partial:
                    # partial(partial(f, a), b) is partial(f, a, b), as CPython flattens it
                    args = func.args + args
                    keywords = {**func.keywords, **keywords}
                    func = func.func
                self.func = func
                self.args = args
                self.keywords = keywords

            def __call__(self, /, *args, **keywords):
                merged = dict(self.keywords)
                merged.update(keywords)
                return self.func(*self.args, *args, **merged)

            def __repr__(self):
                parts = [repr(self.func)] + [repr(a) for a in self.args] + [k + "=" + repr(v) for k, v in self.keywords.items()]
                name = type(self).__qualname__
                if type(self) is partial:
                    name = "functools." + name
                return name + "(" + ", ".join(parts) + ")"

            def __class_getitem__(cls, item):
                import types
                return types.GenericAlias(cls, item)


        def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
            for attr in assigned:
                try:
                    value = getattr(wrapped, attr)
                except AttributeError:
                    continue
                setattr(wrapper, attr, value)
            for attr in updated:
                source = getattr(wrapped, attr, {})
                if attr == "__dict__":
                    # our instance __dict__ may be a snapshot: set each entry as an attribute
                    for key, value in source.items():
                        setattr(wrapper, key, value)
                else:
                    getattr(wrapper, attr).update(source)
            wrapper.__wrapped__ = wrapped
            return wrapper


        def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
            def decorate(wrapper):
                return update_wrapper(wrapper, wrapped, assigned, updated)
            return decorate


        _initial_missing = object()


        def reduce(function, iterable, initial=_initial_missing):
            it = iter(iterable)
            if initial is _initial_missing:
                try:
                    value = next(it)
                except StopIteration:
                    raise TypeError("reduce() of empty iterable with no initial value") from None
            else:
                value = initial
            for element in it:
                value = function(value, element)
            return value


        class _CacheInfo(tuple):
            """CacheInfo(hits, misses, maxsize, currsize): a named tuple, as CPython's."""

            __slots__ = ()
            _fields = ("hits", "misses", "maxsize", "currsize")

            def __new__(cls, hits, misses, maxsize, currsize):
                return tuple.__new__(cls, (hits, misses, maxsize, currsize))

            hits = property(lambda self: self[0])
            misses = property(lambda self: self[1])
            maxsize = property(lambda self: self[2])
            currsize = property(lambda self: self[3])

            def _asdict(self):
                return dict(zip(self._fields, self))

            def __repr__(self):
                return "CacheInfo(hits=%r, misses=%r, maxsize=%r, currsize=%r)" % tuple(self)


        _CacheInfo.__name__ = _CacheInfo.__qualname__ = "CacheInfo"

        _keyword_mark = object()
        _fast_key_types = {int, str}


        def _make_key(args, kwds, typed):
            """The cache key of a call: equal calls (same arguments in the same keyword order) give equal keys."""
            key = args
            if kwds:
                key += (_keyword_mark,)
                for item in kwds.items():
                    key += item
            if typed:
                key += tuple(type(v) for v in args)
                if kwds:
                    key += tuple(type(v) for v in kwds.values())
            elif len(key) == 1 and type(key[0]) in _fast_key_types:
                return key[0]
            return key


        def _lru_cache_wrapper(user_function, maxsize, typed):
            cache = {}
            stats = [0, 0]  # hits, misses
            missing = _keyword_mark

            if maxsize == 0:
                def wrapper(*args, **kwds):
                    stats[1] += 1
                    return user_function(*args, **kwds)
            elif maxsize is None:
                def wrapper(*args, **kwds):
                    key = _make_key(args, kwds, typed)
                    result = cache.get(key, missing)
                    if result is not missing:
                        stats[0] += 1
                        return result
                    stats[1] += 1
                    result = user_function(*args, **kwds)
                    cache[key] = result
                    return result
            else:
                def wrapper(*args, **kwds):
                    # the dict keeps insertion order: a hit moves its key to the end, so the first key is the
                    # least recently used one
                    key = _make_key(args, kwds, typed)
                    result = cache.pop(key, missing)
                    if result is not missing:
                        stats[0] += 1
                        cache[key] = result
                        return result
                    stats[1] += 1
                    result = user_function(*args, **kwds)
                    if key not in cache:
                        if len(cache) >= maxsize:
                            del cache[next(iter(cache))]
                        cache[key] = result
                    return result

            def cache_info():
                return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

            def cache_clear():
                cache.clear()
                stats[0] = 0
                stats[1] = 0

            wrapper.cache_info = cache_info
            wrapper.cache_clear = cache_clear
            return wrapper


        def lru_cache(maxsize=128, typed=False):
            if isinstance(maxsize, int):
                if maxsize < 0:
                    maxsize = 0
            elif callable(maxsize) and isinstance(typed, bool):
                user_function, maxsize = maxsize, 128
                wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
                wrapper.cache_parameters = lambda: {"maxsize": maxsize, "typed": typed}
                return update_wrapper(wrapper, user_function)
            elif maxsize is not None:
                raise TypeError("Expected first argument to be an integer, a callable, or None")

            def decorating_function(user_function):
                wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
                wrapper.cache_parameters = lambda: {"maxsize": maxsize, "typed": typed}
                return update_wrapper(wrapper, user_function)

            return decorating_function


        def cache(user_function):
            return lru_cache(maxsize=None)(user_function)


        _NOT_FOUND = object()


        class cached_property:
            """Lib/functools.py's cached_property: the first read computes, the instance keeps the value."""

            def __init__(self, func):
                self.func = func
                self.attrname = None
                self.__doc__ = func.__doc__

            def __set_name__(self, owner, name):
                if self.attrname is None:
                    self.attrname = name
                elif name != self.attrname:
                    raise TypeError(
                        "Cannot assign the same cached_property to two different names "
                        f"({self.attrname!r} and {name!r})."
                    )

            def __get__(self, instance, owner=None):
                if instance is None:
                    return self
                if self.attrname is None:
                    raise TypeError("Cannot use cached_property instance without calling __set_name__ on it.")
                try:
                    cache = instance.__dict__
                except AttributeError:
                    msg = (f"No '__dict__' attribute on {type(instance).__name__!r} "
                           f"instance to cache {self.attrname!r} property.")
                    raise TypeError(msg) from None
                val = cache.get(self.attrname, _NOT_FOUND)
                if val is _NOT_FOUND:
                    val = self.func(instance)
                    # Our instance __dict__ is a copy: store through the instance (the descriptor has no
                    # __set__, so the instance's attribute is what later reads find).
                    object.__setattr__(instance, self.attrname, val)
                return val

            def __class_getitem__(cls, item):
                import types
                return types.GenericAlias(cls, item)


        def cmp_to_key(mycmp):
            class K:
                def __init__(self, obj):
                    self.obj = obj

                def __lt__(self, other):
                    return mycmp(self.obj, other.obj) < 0

                def __gt__(self, other):
                    return mycmp(self.obj, other.obj) > 0

                def __eq__(self, other):
                    return mycmp(self.obj, other.obj) == 0

                def __le__(self, other):
                    return mycmp(self.obj, other.obj) <= 0

                def __ge__(self, other):
                    return mycmp(self.obj, other.obj) >= 0

            return K


        def total_ordering(cls):
            def has(name):
                found = getattr(cls, name, None)
                return found is not None and found is not getattr(object, name, None)

            if has("__lt__"):
                if not has("__le__"):
                    cls.__le__ = lambda self, other: self.__lt__(other) or self.__eq__(other)
                if not has("__gt__"):
                    cls.__gt__ = lambda self, other: not (self.__lt__(other) or self.__eq__(other))
                if not has("__ge__"):
                    cls.__ge__ = lambda self, other: not self.__lt__(other)
            elif has("__gt__"):
                if not has("__lt__"):
                    cls.__lt__ = lambda self, other: not (self.__gt__(other) or self.__eq__(other))
                if not has("__ge__"):
                    cls.__ge__ = lambda self, other: self.__gt__(other) or self.__eq__(other)
                if not has("__le__"):
                    cls.__le__ = lambda self, other: not self.__gt__(other)
            else:
                raise ValueError("must define at least one ordering operation: < > <= >=")
            return cls
        """#
}

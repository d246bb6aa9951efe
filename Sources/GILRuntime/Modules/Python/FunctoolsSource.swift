/// `functools` (Lib/functools.py, simplified): partial, wraps/update_wrapper, reduce, lru_cache/cache,
/// cmp_to_key, total_ordering.
/// Compiled by our own compiler at first import (`SourceModules`).
enum FunctoolsSource {
    static let text = #"""
        WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__")


        class partial:
            def __init__(self, func, /, *args, **keywords):
                if not callable(func):
                    raise TypeError("the first argument must be callable")
                self.func = func
                self.args = args
                self.keywords = keywords

            def __call__(self, /, *args, **keywords):
                merged = dict(self.keywords)
                merged.update(keywords)
                return self.func(*self.args, *args, **merged)

            def __repr__(self):
                parts = [repr(self.func)] + [repr(a) for a in self.args] + [k + "=" + repr(v) for k, v in self.keywords.items()]
                return "functools.partial(" + ", ".join(parts) + ")"


        def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=()):
            for attr in assigned:
                try:
                    value = getattr(wrapped, attr)
                except AttributeError:
                    continue
                setattr(wrapper, attr, value)
            wrapper.__wrapped__ = wrapped
            return wrapper


        def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=()):
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


        class _CacheInfo:
            def __init__(self, hits, misses, maxsize, currsize):
                self.hits = hits
                self.misses = misses
                self.maxsize = maxsize
                self.currsize = currsize

            def __iter__(self):
                return iter((self.hits, self.misses, self.maxsize, self.currsize))

            def __eq__(self, other):
                return tuple(self) == tuple(other)

            def __repr__(self):
                return "CacheInfo(hits=%r, misses=%r, maxsize=%r, currsize=%r)" % (self.hits, self.misses, self.maxsize, self.currsize)


        def lru_cache(maxsize=128, typed=False):
            def decorating(user_function):
                cache = {}
                order = []
                stats = [0, 0]

                def wrapper(*args, **kwargs):
                    key = args
                    if kwargs:
                        key = args + (_initial_missing,) + tuple(sorted(kwargs.items()))
                    if key in cache:
                        stats[0] += 1
                        return cache[key]
                    stats[1] += 1
                    result = user_function(*args, **kwargs)
                    cache[key] = result
                    if maxsize is not None:
                        order.append(key)
                        if len(order) > maxsize:
                            oldest = order.pop(0)
                            cache.pop(oldest, None)
                    return result

                def cache_info():
                    return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

                def cache_clear():
                    cache.clear()
                    order.clear()
                    stats[0] = 0
                    stats[1] = 0

                wrapper.cache_info = cache_info
                wrapper.cache_clear = cache_clear
                return update_wrapper(wrapper, user_function)

            if callable(maxsize) and not isinstance(maxsize, int):
                user_function = maxsize
                maxsize = 128
                return decorating(user_function)
            return decorating


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

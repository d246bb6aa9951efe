/// `functools.singledispatch`, `singledispatchmethod` and `partialmethod` (Lib/functools.py's behaviour, written
/// for our runtime): dispatch on the first argument's class along its MRO, with registered ABCs placed where
/// CPython's `_compose_mro` puts them (right after the last class of the MRO that implements them), CPython's
/// "Ambiguous dispatch" error, registration by argument or by annotation. Annotations are kept as source text
/// in our runtime, so `register` resolves a (dotted) annotation name through the function's globals and
/// builtins. Appended to `FunctoolsSource.text`.
extension FunctoolsSource {
    static let dispatchText = #"""


        try:
            __all__ += ["singledispatch", "singledispatchmethod", "partialmethod"]
        except NameError:
            pass


        def _unwrap_partial(func):
            while isinstance(func, partial):
                func = func.func
            return func


        def _dispatch_abcs(cls, registry, mro):
            # Registered classes cls implements without having them in its MRO (ABCs, virtual subclasses),
            # each with the index of the MRO class it follows.
            placed = []
            for typ in registry:
                if typ in mro or not isinstance(typ, type):
                    continue
                try:
                    if not issubclass(cls, typ):
                        continue
                except TypeError:
                    continue
                position = 0
                for i, base in enumerate(mro):
                    if base is not object and issubclass(base, typ):
                        position = i
                placed.append((position, typ))
            return placed


        def _find_impl(cls, registry):
            mro = cls.__mro__
            placed = _dispatch_abcs(cls, registry, mro)
            for i, base in enumerate(mro):
                if base in registry:
                    return registry[base]
                here = [typ for position, typ in placed if position == i]
                if not here:
                    continue
                best = here[0]
                for typ in here[1:]:
                    if issubclass(typ, best):
                        best = typ
                    elif not issubclass(best, typ):
                        raise RuntimeError("Ambiguous dispatch: {} or {}".format(best, typ))
                return registry[best]
            return registry.get(object)


        def _annotation_class(func, text):
            scope = getattr(func, "__globals__", {})
            parts = text.split(".")
            try:
                value = scope[parts[0]] if parts[0] in scope else getattr(__import__("builtins"), parts[0])
                for part in parts[1:]:
                    value = getattr(value, part)
            except (KeyError, AttributeError):
                return None
            return value


        def singledispatch(func):
            registry = {}
            cache = {}
            cache_token = None

            def dispatch(cls):
                nonlocal cache_token
                if cache_token is not None:
                    # A class registered with an ABC after a dispatch changes the answer (abc's cache token).
                    from abc import get_cache_token
                    current = get_cache_token()
                    if cache_token != current:
                        cache.clear()
                        cache_token = current
                try:
                    return cache[cls]
                except KeyError:
                    pass
                impl = _find_impl(cls, registry)
                cache[cls] = impl
                return impl

            def _is_valid_dispatch_type(cls):
                return isinstance(cls, type)

            def register(cls, func=None):
                nonlocal cache_token
                if _is_valid_dispatch_type(cls):
                    if func is None:
                        return lambda f: register(cls, f)
                else:
                    if func is not None:
                        raise TypeError(
                            f"Invalid first argument to `register()`. "
                            f"{cls!r} is not a class or union type."
                        )
                    ann = getattr(cls, "__annotations__", {})
                    if not ann:
                        raise TypeError(
                            f"Invalid first argument to `register()`: {cls!r}. "
                            f"Use either `@register(some_class)` or plain `@register` "
                            f"on an annotated function."
                        )
                    func = cls
                    argname, annotation = next(iter(ann.items()))
                    cls = annotation
                    if isinstance(annotation, str):
                        cls = _annotation_class(func, annotation)
                    if not _is_valid_dispatch_type(cls):
                        raise TypeError(
                            f"Invalid annotation for {argname!r}. "
                            f"{annotation!r} is not a class."
                        )
                registry[cls] = func
                if cache_token is None and hasattr(cls, "__abstractmethods__"):
                    from abc import get_cache_token
                    cache_token = get_cache_token()
                cache.clear()
                return func

            def wrapper(*args, **kw):
                if not args:
                    raise TypeError(f"{funcname} requires at least 1 positional argument")
                return dispatch(args[0].__class__)(*args, **kw)

            funcname = getattr(func, "__name__", "singledispatch function")
            registry[object] = func
            wrapper.register = register
            wrapper.dispatch = dispatch
            wrapper.registry = registry
            wrapper._clear_cache = cache.clear
            update_wrapper(wrapper, func)
            return wrapper


        class singledispatchmethod:
            def __init__(self, func):
                if not callable(func) and not hasattr(func, "__get__"):
                    raise TypeError(f"{func!r} is not callable or a descriptor")
                self.dispatcher = singledispatch(func)
                self.func = func

            def register(self, cls, method=None):
                return self.dispatcher.register(cls, func=method)

            def __get__(self, obj, cls=None):
                def _method(*args, **kwargs):
                    method = self.dispatcher.dispatch(args[0].__class__)
                    return method.__get__(obj, cls)(*args, **kwargs)

                _method.__isabstractmethod__ = self.__isabstractmethod__
                _method.register = self.register
                update_wrapper(_method, self.func)
                return _method

            @property
            def __isabstractmethod__(self):
                return getattr(self.func, "__isabstractmethod__", False)


        class partialmethod:
            def __init__(self, func, /, *args, **keywords):
                if not callable(func) and not hasattr(func, "__get__"):
                    raise TypeError("{!r} is not callable or a descriptor".format(func))
                if isinstance(func, partialmethod):
                    self.func = func.func
                    self.args = func.args + args
                    self.keywords = {**func.keywords, **keywords}
                else:
                    self.func = func
                    self.args = args
                    self.keywords = keywords

            def __repr__(self):
                parts = [repr(self.func)] + [repr(a) for a in self.args] + [k + "=" + repr(v) for k, v in self.keywords.items()]
                return "functools.partialmethod(" + ", ".join(parts) + ")"

            def __get__(self, obj, cls=None):
                get = getattr(self.func, "__get__", None)
                if get is not None and not isinstance(self.func, partial):
                    bound = get(obj, cls)
                    if bound is not self.func:
                        return partial(bound, *self.args, **self.keywords)
                func, args, keywords = self.func, self.args, self.keywords

                def _method(cls_or_self, /, *more, **kw):
                    return func(cls_or_self, *args, *more, **{**keywords, **kw})

                _method.__isabstractmethod__ = self.__isabstractmethod__
                return _method.__get__(obj, cls)

            @property
            def __isabstractmethod__(self):
                return getattr(self.func, "__isabstractmethod__", False)
        """#
}

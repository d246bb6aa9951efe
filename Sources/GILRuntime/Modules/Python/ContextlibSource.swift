/// `contextlib` (Lib/contextlib.py, simplified): contextmanager (exceptions in the with body are thrown
/// into the generator), suppress, nullcontext, closing, redirect_stdout/redirect_stderr, ExitStack.
/// Compiled by our own compiler at first import (`SourceModules`).
enum ContextlibSource {
    static let text = #"""
        class _GeneratorContextManager:
            def __init__(self, func, args, kwargs):
                self.gen = func(*args, **kwargs)

            def __enter__(self):
                try:
                    return next(self.gen)
                except StopIteration:
                    raise RuntimeError("generator didn't yield") from None

            def __exit__(self, typ, value, traceback):
                if typ is None:
                    try:
                        next(self.gen)
                    except StopIteration:
                        return False
                    raise RuntimeError("generator didn't stop")
                if value is None:
                    value = typ()
                try:
                    self.gen.throw(value)
                except StopIteration as exc:
                    return exc is not value
                except RuntimeError as exc:
                    # PEP 479: a StopIteration thrown in came back as RuntimeError; it is the body's own.
                    if exc is value:
                        return False
                    if isinstance(value, StopIteration) and exc.__cause__ is value:
                        return False
                    raise
                except BaseException as exc:
                    if exc is value:
                        return False
                    raise
                raise RuntimeError("generator didn't stop after throw()")


        def contextmanager(func):
            def helper(*args, **kwargs):
                return _GeneratorContextManager(func, args, kwargs)
            helper.__name__ = getattr(func, "__name__", "helper")
            helper.__doc__ = getattr(func, "__doc__", None)
            helper.__wrapped__ = func
            return helper


        class suppress:
            def __init__(self, *exceptions):
                self._exceptions = exceptions

            def __enter__(self):
                return None

            def __exit__(self, exctype, excinst, exctb):
                return exctype is not None and issubclass(exctype, self._exceptions)


        class nullcontext:
            def __init__(self, enter_result=None):
                self.enter_result = enter_result

            def __enter__(self):
                return self.enter_result

            def __exit__(self, *excinfo):
                return False


        class _RedirectStream:
            _stream = None

            def __init__(self, new_target):
                self._new_target = new_target
                self._old_targets = []

            def __enter__(self):
                import sys
                self._old_targets.append(getattr(sys, self._stream))
                setattr(sys, self._stream, self._new_target)
                return self._new_target

            def __exit__(self, exctype, excinst, exctb):
                import sys
                setattr(sys, self._stream, self._old_targets.pop())


        class redirect_stdout(_RedirectStream):
            _stream = "stdout"


        class redirect_stderr(_RedirectStream):
            _stream = "stderr"


        class closing:
            def __init__(self, thing):
                self.thing = thing

            def __enter__(self):
                return self.thing

            def __exit__(self, *exc_info):
                self.thing.close()
                return False


        class ExitStack:
            def __init__(self):
                self._callbacks = []

            def __enter__(self):
                return self

            def enter_context(self, cm):
                result = cm.__enter__()
                self._callbacks.append(cm.__exit__)
                return result

            def callback(self, fn, /, *args, **kwargs):
                self._callbacks.append(lambda *exc: fn(*args, **kwargs))
                return fn

            def close(self):
                self.__exit__(None, None, None)

            def __exit__(self, *exc):
                suppressed = False
                while self._callbacks:
                    cb = self._callbacks.pop()
                    if cb(*exc):
                        suppressed = True
                        exc = (None, None, None)
                return suppressed
        """#
}

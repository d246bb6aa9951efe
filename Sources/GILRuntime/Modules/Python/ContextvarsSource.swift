/// `_contextvars` (Python/context.c, PEP 567): `ContextVar`, `Token`, `Context` and `copy_context`, with
/// CPython's errors and reprs; CPython's Lib/contextvars.py re-exports it. Each thread starts in an empty
/// context of its own, as in CPython. A context is a dict here (CPython's is an immutable HAMT): `copy()`
/// copies it, `ContextVar.set` inside `Context.run` changes the running context, which is what Python sees.
/// Our asyncio does not yet run each task in a copy of its creator's context.
enum ContextvarsSource {
    static let text = #"""
        import _thread

        _state = _thread._local()
        _MISSING = object()


        def _current():
            ctx = getattr(_state, "context", None)
            if ctx is None:
                ctx = Context()
                ctx._entered = True
                _state.context = ctx
            return ctx


        class Context:
            __slots__ = ("_vars", "_entered", "_prev", "__weakref__")

            def __init__(self):
                self._vars = {}
                self._entered = False
                self._prev = None

            def run(self, callable, /, *args, **kwargs):
                if self._entered:
                    raise RuntimeError("cannot enter context: %r is already entered" % (self,))
                self._prev = _current()
                self._entered = True
                _state.context = self
                try:
                    return callable(*args, **kwargs)
                finally:
                    _state.context = self._prev
                    self._prev = None
                    self._entered = False

            def copy(self):
                new = Context()
                new._vars = dict(self._vars)
                return new

            @staticmethod
            def _check(var):
                if not isinstance(var, ContextVar):
                    raise TypeError("a ContextVar key was expected, got %r" % (var,))

            def __getitem__(self, var):
                Context._check(var)
                try:
                    return self._vars[var]
                except KeyError:
                    raise KeyError(var) from None

            def get(self, var, default=None):
                Context._check(var)
                return self._vars.get(var, default)

            def __contains__(self, var):
                Context._check(var)
                return var in self._vars

            def __len__(self):
                return len(self._vars)

            def __iter__(self):
                return iter(list(self._vars))

            def keys(self):
                return list(self._vars.keys())

            def values(self):
                return list(self._vars.values())

            def items(self):
                return list(self._vars.items())

            def __eq__(self, other):
                if not isinstance(other, Context):
                    return NotImplemented
                return self._vars == other._vars

            __hash__ = None


        def copy_context():
            return _current().copy()


        class ContextVar:
            __slots__ = ("_name", "_default", "__weakref__")

            def __init__(self, name, *, default=_MISSING):
                if not isinstance(name, str):
                    raise TypeError("context variable name must be a str")
                self._name = name
                self._default = default

            def __init_subclass__(cls, **kwargs):
                raise TypeError("type 'ContextVar' is not an acceptable base type")

            @property
            def name(self):
                return self._name

            def get(self, *args):
                if len(args) > 1:
                    raise TypeError("get expected at most 1 argument, got %d" % len(args))
                vars = _current()._vars
                if self in vars:
                    return vars[self]
                if args:
                    return args[0]
                if self._default is not _MISSING:
                    return self._default
                raise LookupError(self)

            def set(self, value):
                ctx = _current()
                old = ctx._vars.get(self, Token.MISSING)
                ctx._vars[self] = value
                return Token(ctx, self, old)

            def reset(self, token):
                if not isinstance(token, Token):
                    raise TypeError("expected an instance of Token, got %r" % (token,))
                if token._used:
                    raise RuntimeError("%r has already been used once" % (token,))
                if token._var is not self:
                    raise ValueError("%r was created by a different ContextVar" % (token,))
                ctx = _current()
                if token._ctx is not ctx:
                    raise ValueError("%r was created in a different Context" % (token,))
                token._used = True
                if token._old is Token.MISSING:
                    ctx._vars.pop(self, None)
                else:
                    ctx._vars[self] = token._old

            def __class_getitem__(cls, item):
                import types
                return types.GenericAlias(cls, item)

            def __repr__(self):
                text = "<ContextVar name=%r" % (self._name,)
                if self._default is not _MISSING:
                    text += " default=%r" % (self._default,)
                return text + " at 0x%x>" % id(self)


        class _TokenMissing:
            def __repr__(self):
                return "<Token.MISSING>"


        class Token:
            __slots__ = ("_ctx", "_var", "_old", "_used")
            MISSING = _TokenMissing()

            def __init__(self, *args):
                if len(args) != 3 or not isinstance(args[0], Context):
                    raise RuntimeError("Tokens can only be created by ContextVars")
                self._ctx, self._var, self._old = args
                self._used = False

            @property
            def var(self):
                return self._var

            @property
            def old_value(self):
                return self._old

            def __class_getitem__(cls, item):
                import types
                return types.GenericAlias(cls, item)

            def __repr__(self):
                return "<Token%s var=%r at 0x%x>" % (" used" if self._used else "", self._var, id(self))
        """#
}

extension CollectionsSource {
    /// `deque` and `namedtuple`.
    static let sequences = #"""
        class deque:
            _match_sequence_ = True  # `case [...]` matches it, as a collections.abc.Sequence

            def __init__(self, iterable=(), maxlen=None):
                self._items = []
                self.maxlen = maxlen
                for x in iterable:
                    self.append(x)

            def append(self, x):
                self._items.append(x)
                if self.maxlen is not None and len(self._items) > self.maxlen:
                    self._items.pop(0)

            def appendleft(self, x):
                self._items.insert(0, x)
                if self.maxlen is not None and len(self._items) > self.maxlen:
                    self._items.pop()

            def pop(self):
                if not self._items:
                    raise IndexError("pop from an empty deque")
                return self._items.pop()

            def popleft(self):
                if not self._items:
                    raise IndexError("pop from an empty deque")
                return self._items.pop(0)

            def extend(self, iterable):
                for x in iterable:
                    self.append(x)

            def extendleft(self, iterable):
                for x in iterable:
                    self.appendleft(x)

            def rotate(self, n=1):
                if self._items:
                    n = n % len(self._items)
                    if n:
                        self._items = self._items[-n:] + self._items[:-n]

            def clear(self):
                self._items = []

            def count(self, x):
                return self._items.count(x)

            def remove(self, x):
                self._items.remove(x)

            def index(self, x):
                return self._items.index(x)

            def reverse(self):
                self._items.reverse()

            def copy(self):
                return deque(self._items, self.maxlen)

            def __len__(self):
                return len(self._items)

            def __bool__(self):
                return len(self._items) > 0

            def __iter__(self):
                return iter(list(self._items))

            def __reversed__(self):
                return reversed(list(self._items))

            def __contains__(self, x):
                return x in self._items

            def __getitem__(self, i):
                return self._items[i]

            def __setitem__(self, i, value):
                self._items[i] = value

            def __eq__(self, other):
                return isinstance(other, deque) and self._items == other._items

            def __repr__(self):
                if self.maxlen is None:
                    return "deque(" + repr(self._items) + ")"
                return "deque(" + repr(self._items) + ", maxlen=" + repr(self.maxlen) + ")"


        def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
            """A tuple subclass with named fields (Lib/collections/__init__.py namedtuple). Its `__new__` is a
            lambda compiled for these fields, so `Point(1, 2)` binds straight into a frame and arity errors
            are the interpreter's own ("Point.__new__() missing 1 required positional argument: 'y'");
            each field is a native `_tuplegetter`."""
            if isinstance(field_names, str):
                field_names = field_names.replace(",", " ").split()
            field_names = list(map(str, field_names))
            typename = str(typename)
            if rename:
                seen = set()
                for index, name in enumerate(field_names):
                    if (not name.isidentifier() or _iskeyword(name) or name.startswith("_") or name in seen):
                        field_names[index] = "_%d" % index
                    seen.add(name)
            for name in [typename] + field_names:
                if type(name) is not str:
                    raise TypeError("Type names and field names must be strings")
                if not name.isidentifier():
                    raise ValueError("Type names and field names must be valid identifiers: %r" % name)
                if _iskeyword(name):
                    raise ValueError("Type names and field names cannot be a keyword: %r" % name)
            seen = set()
            for name in field_names:
                if name.startswith("_") and not rename:
                    raise ValueError("Field names cannot start with an underscore: %r" % name)
                if name in seen:
                    raise ValueError("Encountered duplicate field name: %r" % name)
                seen.add(name)
            field_defaults = {}
            if defaults is not None:
                defaults = tuple(defaults)
                if len(defaults) > len(field_names):
                    raise TypeError("Got more default values than field names")
                field_defaults = dict(reversed(list(zip(reversed(field_names), reversed(defaults)))))
            field_names = tuple(field_names)
            num_fields = len(field_names)
            arg_list = ", ".join(field_names) + ("," if num_fields == 1 else "")
            repr_format = "(" + ", ".join([name + "=%r" for name in field_names]) + ")"
            make_tuple = tuple.__new__

            # Positional parameters named after the fields: calls bind like any function's.
            __new__ = eval("lambda _cls, %s: _tuple_new(_cls, (%s))" % (arg_list, arg_list),
                           {"_tuple_new": make_tuple, "__builtins__": {}, "__name__": "namedtuple_" + typename})
            __new__.__name__ = "__new__"
            __new__.__doc__ = "Create new instance of %s(%s)" % (typename, arg_list)
            if defaults is not None:
                __new__.__defaults__ = defaults

            def _make(cls, iterable):
                result = make_tuple(cls, iterable)
                if len(result) != num_fields:
                    raise TypeError("Expected %d arguments, got %d" % (num_fields, len(result)))
                return result
            _make.__doc__ = "Make a new %s object from a sequence or iterable" % typename

            # Each named value stored at its field's index (a map over every field calling kwds.pop took an
            # iterator step and a builtin call per field).
            field_index = {name: index for index, name in enumerate(field_names)}

            def _replace(self, /, **kwds):
                values = list(self)
                unexpected = False
                for name, value in kwds.items():
                    index = field_index.get(name)
                    if index is None:
                        unexpected = True
                    else:
                        values[index] = value
                result = self._make(values)
                if unexpected:
                    raise ValueError("Got unexpected field names: %r" % [name for name in kwds if name not in field_index])
                return result
            _replace.__doc__ = "Return a new %s object replacing specified fields with new values" % typename

            def __repr__(self):
                "Return a nicely formatted representation string"
                return self.__class__.__name__ + repr_format % self

            def _asdict(self):
                "Return a new dict which maps field names to their values."
                return dict(zip(self._fields, self))

            def __getnewargs__(self):
                "Return self as a plain tuple.  Used by copy and pickle."
                return tuple(self)

            for method in (__new__, _make, _replace, __repr__, _asdict, __getnewargs__):
                method.__qualname__ = typename + "." + method.__name__

            namespace = {
                "__doc__": "%s(%s)" % (typename, arg_list),
                "__slots__": (),
                "_fields": field_names,
                "_field_defaults": field_defaults,
                "__new__": __new__,
                "_make": classmethod(_make),
                "_replace": _replace,
                "__repr__": __repr__,
                "_asdict": _asdict,
                "__getnewargs__": __getnewargs__,
                "__match_args__": field_names,
            }
            for index, name in enumerate(field_names):
                namespace[name] = _tuplegetter(index, "Alias for field number %d" % index)
            # The module that called us, for pickling (as CPython: sys._getframe(1)).
            if module is None:
                module = _sys._getframe(1).f_globals.get("__name__", "__main__")
            namespace["__module__"] = module
            return type(typename, (tuple,), namespace)

        """#
}

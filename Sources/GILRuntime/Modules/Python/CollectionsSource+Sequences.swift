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


        class _TupleGetter:
            """A namedtuple field: `Point.x` reads item 0 (Modules/_collectionsmodule.c _tuplegetter)."""

            def __init__(self, index, doc):
                self._index = index
                self.__doc__ = doc

            def __get__(self, instance, owner=None):
                if instance is None:
                    return self
                return instance[self._index]

            def __set__(self, instance, value):
                raise AttributeError("can't set attribute")


        def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
            """A tuple subclass with named fields (Lib/collections/__init__.py namedtuple, without exec)."""
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
            arg_list = ", ".join(field_names)
            qualified_new = typename + ".__new__"

            def __new__(_cls, *args, **kwargs):
                if len(args) > num_fields:
                    given = len(args) + 1
                    required = num_fields - len(field_defaults) + 1
                    takes = str(num_fields + 1) if not field_defaults else "from %d to %d" % (required, num_fields + 1)
                    raise TypeError("%s() takes %s positional arguments but %d were given" % (qualified_new, takes, given))
                values = list(args)
                missing = []
                for name in field_names[len(args):]:
                    if name in kwargs:
                        values.append(kwargs.pop(name))
                    elif name in field_defaults:
                        values.append(field_defaults[name])
                    else:
                        missing.append(name)
                for name in kwargs:
                    if name in field_names:
                        raise TypeError("%s() got multiple values for argument %r" % (qualified_new, name))
                    raise TypeError("%s() got an unexpected keyword argument %r" % (qualified_new, name))
                if missing:
                    names = ["'%s'" % n for n in missing]
                    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
                    raise TypeError("%s() missing %d required positional argument%s: %s"
                                    % (qualified_new, len(missing), "" if len(missing) == 1 else "s", listed))
                return tuple.__new__(_cls, values)

            @classmethod
            def _make(cls, iterable):
                result = tuple.__new__(cls, iterable)
                if len(result) != num_fields:
                    raise TypeError("Expected %d arguments, got %d" % (num_fields, len(result)))
                return result

            def _replace(self, /, **kwds):
                result = self._make([kwds.pop(name) if name in kwds else value for name, value in zip(field_names, self)])
                if kwds:
                    raise ValueError("Got unexpected field names: %r" % list(kwds))
                return result

            def __repr__(self):
                return self.__class__.__name__ + "(" + ", ".join("%s=%r" % (n, v) for n, v in zip(field_names, self)) + ")"

            def _asdict(self):
                return dict(zip(self._fields, self))

            def __getnewargs__(self):
                return tuple(self)

            namespace = {
                "__doc__": "%s(%s)" % (typename, arg_list),
                "__slots__": (),
                "_fields": field_names,
                "_field_defaults": field_defaults,
                "__new__": __new__,
                "_make": _make,
                "_replace": _replace,
                "__repr__": __repr__,
                "_asdict": _asdict,
                "__getnewargs__": __getnewargs__,
                "__match_args__": field_names,
                "__module__": "__main__" if module is None else module,
            }
            for index, name in enumerate(field_names):
                namespace[name] = _TupleGetter(index, "Alias for field number %d" % index)
            return type(typename, (tuple,), namespace)

        """#
}

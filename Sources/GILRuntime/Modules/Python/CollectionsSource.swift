/// `collections` (Lib/collections/__init__.py, simplified): deque, Counter, defaultdict, OrderedDict and
/// namedtuple as plain classes over list/dict, because builtin types cannot be subclassed here yet.
/// Compiled by our own compiler at first import (`SourceModules`).
enum CollectionsSource {
    static let text = #"""
        def _key_repr(d):
            return "{" + ", ".join(repr(k) + ": " + repr(v) for k, v in d.items()) + "}"


        class _DictLike:
            """Shared mapping behaviour over a plain dict in self._d (builtin dict cannot be subclassed here)."""

            _match_mapping_ = True  # `case {...}` matches it, as a collections.abc.Mapping

            def __len__(self):
                return len(self._d)

            def __iter__(self):
                return iter(list(self._d))

            def __contains__(self, key):
                return key in self._d

            def __getitem__(self, key):
                if key in self._d:
                    return self._d[key]
                return self.__missing__(key)

            def __missing__(self, key):
                raise KeyError(key)

            def __setitem__(self, key, value):
                self._d[key] = value

            def __delitem__(self, key):
                del self._d[key]

            def __eq__(self, other):
                if isinstance(other, _DictLike):
                    return self._d == other._d
                return self._d == other

            def __bool__(self):
                return len(self._d) > 0

            def get(self, key, default=None):
                return self._d.get(key, default)

            def keys(self):
                return self._d.keys()

            def values(self):
                return self._d.values()

            def items(self):
                return self._d.items()

            def pop(self, key, *default):
                return self._d.pop(key, *default)

            def setdefault(self, key, default=None):
                return self._d.setdefault(key, default)

            def clear(self):
                self._d.clear()

            def copy(self):
                new = self.__class__.__new__(self.__class__)
                new.__dict__.update(self.__dict__)
                new._d = dict(self._d)
                return new

            def update(self, other=(), **kwargs):
                if hasattr(other, "keys"):
                    for k in other.keys():
                        self[k] = other[k]
                else:
                    for k, v in other:
                        self[k] = v
                for k, v in kwargs.items():
                    self[k] = v


        class defaultdict(_DictLike):
            def __init__(self, default_factory=None, *args, **kwargs):
                self.default_factory = default_factory
                self._d = dict(*args, **kwargs)

            def __missing__(self, key):
                if self.default_factory is None:
                    raise KeyError(key)
                value = self.default_factory()
                self._d[key] = value
                return value

            def __repr__(self):
                factory = self.default_factory
                name = "None" if factory is None else getattr(factory, "__name__", repr(factory))
                if name != "None" and isinstance(factory, type):
                    name = "<class '" + factory.__name__ + "'>"
                return "defaultdict(" + name + ", " + _key_repr(self._d) + ")"


        class OrderedDict(_DictLike):
            def __init__(self, *args, **kwargs):
                self._d = {}
                self.update(*args, **kwargs)

            def move_to_end(self, key, last=True):
                value = self._d.pop(key)
                if last:
                    self._d[key] = value
                else:
                    rest = self._d
                    self._d = {key: value}
                    self._d.update(rest)

            def popitem(self, last=True):
                if not self._d:
                    raise KeyError("dictionary is empty")
                key = list(self._d)[-1 if last else 0]
                return key, self._d.pop(key)

            def __reversed__(self):
                return reversed(list(self._d))

            def __repr__(self):
                if not self._d:
                    return "OrderedDict()"
                return "OrderedDict(" + repr(list(self._d.items())) + ")"


        class Counter(_DictLike):
            def __init__(self, iterable=None, **kwargs):
                self._d = {}
                self.update(iterable, **kwargs)

            def __missing__(self, key):
                return 0

            def update(self, iterable=None, **kwargs):
                if iterable is not None:
                    if hasattr(iterable, "keys"):
                        for k in iterable.keys():
                            self._d[k] = self._d.get(k, 0) + iterable[k]
                    else:
                        for k in iterable:
                            self._d[k] = self._d.get(k, 0) + 1
                for k, v in kwargs.items():
                    self._d[k] = self._d.get(k, 0) + v

            def subtract(self, iterable=None, **kwargs):
                if iterable is not None:
                    if hasattr(iterable, "keys"):
                        for k in iterable.keys():
                            self._d[k] = self._d.get(k, 0) - iterable[k]
                    else:
                        for k in iterable:
                            self._d[k] = self._d.get(k, 0) - 1
                for k, v in kwargs.items():
                    self._d[k] = self._d.get(k, 0) - v

            def most_common(self, n=None):
                ordered = sorted(self._d.items(), key=lambda kv: kv[1], reverse=True)
                return ordered if n is None else ordered[:n]

            def elements(self):
                for k, v in self._d.items():
                    for _ in range(v):
                        yield k

            def total(self):
                return sum(self._d.values())

            def __add__(self, other):
                out = Counter()
                for k in list(self._d) + [k for k in other._d if k not in self._d]:
                    v = self._d.get(k, 0) + other._d.get(k, 0)
                    if v > 0:
                        out._d[k] = v
                return out

            def __sub__(self, other):
                out = Counter()
                for k, v in self._d.items():
                    v = v - other._d.get(k, 0)
                    if v > 0:
                        out._d[k] = v
                return out

            def __or__(self, other):
                out = Counter()
                for k in list(self._d) + [k for k in other._d if k not in self._d]:
                    v = max(self._d.get(k, 0), other._d.get(k, 0))
                    if v > 0:
                        out._d[k] = v
                return out

            def __and__(self, other):
                out = Counter()
                for k, v in self._d.items():
                    v = min(v, other._d.get(k, 0))
                    if v > 0:
                        out._d[k] = v
                return out

            def __repr__(self):
                if not self._d:
                    return "Counter()"
                items = self.most_common()
                return "Counter({" + ", ".join(repr(k) + ": " + repr(v) for k, v in items) + "})"


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


        class _TupleRecord:
            """The tuple behaviour of namedtuple classes and typing.NamedTuple: `_fields` names, `_values` holds."""

            def __setattr__(self, name, value):
                raise AttributeError("can't set attribute")

            def __repr__(self):
                return type(self).__name__ + "(" + ", ".join(n + "=" + repr(v) for n, v in zip(self._fields, self._values)) + ")"

            def __iter__(self):
                return iter(self._values)

            def __len__(self):
                return len(self._values)

            def __getitem__(self, i):
                return self._values[i]

            def __eq__(self, other):
                if hasattr(other, "_values"):
                    other = other._values
                return self._values == other

            def __lt__(self, other):
                return self._values < tuple(other)

            def __hash__(self):
                return hash(self._values)

            def __add__(self, other):
                return self._values + tuple(other)

            def _replace(self, **kwargs):
                values = [kwargs.pop(n, v) for n, v in zip(self._fields, self._values)]
                return self.__class__(*values)

            def _asdict(self):
                return dict(zip(self._fields, self._values))

            @classmethod
            def _make(cls, iterable):
                return cls(*iterable)

            def count(self, x):
                return self._values.count(x)

            def index(self, x):
                return self._values.index(x)


        def namedtuple(typename, field_names, *, defaults=None, rename=False, module=None):
            if isinstance(field_names, str):
                field_names = field_names.replace(",", " ").split()
            fields = tuple(field_names)
            defaults = tuple(defaults) if defaults is not None else ()

            class _NamedTuple(_TupleRecord):
                _fields = fields
                _field_defaults = dict(zip(fields[len(fields) - len(defaults):], defaults))

                def __init__(self, *args, **kwargs):
                    values = list(args)
                    if len(values) > len(fields):
                        raise TypeError(typename + "() takes " + str(len(fields)) + " positional arguments but " + str(len(values)) + " were given")
                    for name in fields[len(values):]:
                        if name in kwargs:
                            values.append(kwargs.pop(name))
                        elif name in self._field_defaults:
                            values.append(self._field_defaults[name])
                        else:
                            raise TypeError(typename + "() missing 1 required positional argument: '" + name + "'")
                    if kwargs:
                        raise TypeError(typename + "() got an unexpected keyword argument '" + list(kwargs)[0] + "'")
                    object.__setattr__(self, "_values", tuple(values))
                    for name, value in zip(fields, values):
                        object.__setattr__(self, name, value)

            return type(typename, (_NamedTuple,), {})
        """#
}

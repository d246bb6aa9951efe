/// `collections` (Lib/collections/__init__.py): Counter, defaultdict and OrderedDict as dict subclasses,
/// namedtuple making tuple subclasses (without exec), deque over a list.
/// Compiled by our own compiler at first import (`SourceModules`).
enum CollectionsSource {
    static let text = #"""
        import heapq as _heapq
        from operator import itemgetter as _itemgetter


        _KEYWORDS = frozenset([
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
            "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
            "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
        ])


        def _iskeyword(name):
            return name in _KEYWORDS


        def _is_mapping(obj):
            return isinstance(obj, dict) or (hasattr(type(obj), "keys") and hasattr(type(obj), "__getitem__"))


        class defaultdict(dict):
            """dict subclass calling a factory to supply missing values (Modules/_collectionsmodule.c)."""

            def __init__(self, default_factory=None, /, *args, **kwargs):
                if default_factory is not None and not callable(default_factory):
                    raise TypeError("first argument must be callable or None")
                self.default_factory = default_factory
                super().__init__(*args, **kwargs)

            def __missing__(self, key):
                if self.default_factory is None:
                    raise KeyError(key)
                self[key] = value = self.default_factory()
                return value

            def __repr__(self):
                return "%s(%r, %s)" % (type(self).__name__, self.default_factory, dict.__repr__(self))

            def copy(self):
                return type(self)(self.default_factory, self)

            __copy__ = copy

            def __reduce__(self):
                return type(self), (self.default_factory,), None, None, iter(self.items())

            def __or__(self, other):
                if not isinstance(other, dict):
                    return NotImplemented
                new = self.copy()
                new.update(other)
                return new

            def __ror__(self, other):
                if not isinstance(other, dict):
                    return NotImplemented
                new = type(self)(self.default_factory, other)
                new.update(self)
                return new


        class OrderedDict(dict):
            """dict subclass with order-aware equality, move_to_end and popitem(last=...) (Lib/collections)."""

            def __init__(self, other=(), /, **kwargs):
                self.update(other, **kwargs)

            def update(self, other=(), /, **kwargs):
                if _is_mapping(other):
                    for key in other.keys():
                        self[key] = other[key]
                else:
                    for key, value in other:
                        self[key] = value
                for key, value in kwargs.items():
                    self[key] = value

            def move_to_end(self, key, last=True):
                value = dict.pop(self, key)
                if last:
                    dict.__setitem__(self, key, value)
                    return
                rest = list(dict.items(self))
                dict.clear(self)
                dict.__setitem__(self, key, value)
                for k, v in rest:
                    dict.__setitem__(self, k, v)

            def popitem(self, last=True):
                if not self:
                    raise KeyError("dictionary is empty")
                key = next(reversed(list(dict.keys(self)))) if last else next(iter(dict.keys(self)))
                return key, dict.pop(self, key)

            def __reversed__(self):
                return reversed(list(dict.keys(self)))

            def __repr__(self):
                if not self:
                    return "%s()" % (type(self).__name__,)
                return "%s(%r)" % (type(self).__name__, list(self.items()))

            def __eq__(self, other):
                if isinstance(other, OrderedDict):
                    return dict.__eq__(self, other) and list(self) == list(other)
                return dict.__eq__(self, other)

            def __ne__(self, other):
                return not self == other

            __hash__ = None

            def copy(self):
                return type(self)(self)

            __copy__ = copy

            @classmethod
            def fromkeys(cls, iterable, value=None):
                new = cls()
                for key in iterable:
                    new[key] = value
                return new

            def __reduce__(self):
                return type(self), (), None, None, iter(self.items())

            def __or__(self, other):
                if not isinstance(other, dict):
                    return NotImplemented
                new = type(self)(self)
                new.update(other)
                return new

            def __ror__(self, other):
                if not isinstance(other, dict):
                    return NotImplemented
                new = type(self)(other)
                new.update(self)
                return new

            def __ior__(self, other):
                self.update(other)
                return self


        class Counter(dict):
            """dict subclass counting hashable items (Lib/collections/__init__.py)."""

            def __init__(self, iterable=None, /, **kwds):
                super().__init__()
                self.update(iterable, **kwds)

            def __missing__(self, key):
                return 0

            def total(self):
                return sum(self.values())

            def most_common(self, n=None):
                if n is None:
                    return sorted(self.items(), key=_itemgetter(1), reverse=True)
                return _heapq.nlargest(n, self.items(), key=_itemgetter(1))

            def elements(self):
                for elem, count in self.items():
                    for _ in range(count):
                        yield elem

            @classmethod
            def fromkeys(cls, iterable, v=None):
                raise NotImplementedError("Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")

            def update(self, iterable=None, /, **kwds):
                if iterable is not None:
                    if _is_mapping(iterable):
                        if self:
                            for elem, count in iterable.items():
                                self[elem] = count + self.get(elem, 0)
                        else:
                            dict.update(self, iterable)
                    else:
                        for elem in iterable:
                            self[elem] = self.get(elem, 0) + 1
                if kwds:
                    self.update(kwds)

            def subtract(self, iterable=None, /, **kwds):
                if iterable is not None:
                    if _is_mapping(iterable):
                        for elem, count in iterable.items():
                            self[elem] = self.get(elem, 0) - count
                    else:
                        for elem in iterable:
                            self[elem] = self.get(elem, 0) - 1
                if kwds:
                    self.subtract(kwds)

            def copy(self):
                return self.__class__(self)

            def __reduce__(self):
                return self.__class__, (dict(self),)

            def __delitem__(self, elem):
                if elem in self:
                    super().__delitem__(elem)

            def __repr__(self):
                if not self:
                    return "%s()" % self.__class__.__name__
                try:
                    d = dict(self.most_common())
                except TypeError:
                    d = dict(self)
                return "%s(%r)" % (self.__class__.__name__, d)

            def __eq__(self, other):
                if not isinstance(other, Counter):
                    return NotImplemented
                return all(self[e] == other[e] for c in (self, other) for e in c)

            def __ne__(self, other):
                if not isinstance(other, Counter):
                    return NotImplemented
                return not self == other

            def __le__(self, other):
                if not isinstance(other, Counter):
                    return NotImplemented
                return all(self[e] <= other[e] for c in (self, other) for e in c)

            def __lt__(self, other):
                if not isinstance(other, Counter):
                    return NotImplemented
                return self <= other and self != other

            def __ge__(self, other):
                if not isinstance(other, Counter):
                    return NotImplemented
                return all(self[e] >= other[e] for c in (self, other) for e in c)

            def __gt__(self, other):
                if not isinstance(other, Counter):
                    return NotImplemented
                return self >= other and self != other

            __hash__ = None

            def __add__(self, other):
                if not isinstance(other, Counter):
                    return NotImplemented
                result = Counter()
                for elem, count in self.items():
                    newcount = count + other[elem]
                    if newcount > 0:
                        result[elem] = newcount
                for elem, count in other.items():
                    if elem not in self and count > 0:
                        result[elem] = count
                return result

            def __sub__(self, other):
                if not isinstance(other, Counter):
                    return NotImplemented
                result = Counter()
                for elem, count in self.items():
                    newcount = count - other[elem]
                    if newcount > 0:
                        result[elem] = newcount
                for elem, count in other.items():
                    if elem not in self and count < 0:
                        result[elem] = 0 - count
                return result

            def __or__(self, other):
                if not isinstance(other, Counter):
                    return NotImplemented
                result = Counter()
                for elem, count in self.items():
                    other_count = other[elem]
                    newcount = other_count if count < other_count else count
                    if newcount > 0:
                        result[elem] = newcount
                for elem, count in other.items():
                    if elem not in self and count > 0:
                        result[elem] = count
                return result

            def __and__(self, other):
                if not isinstance(other, Counter):
                    return NotImplemented
                result = Counter()
                for elem, count in self.items():
                    other_count = other[elem]
                    newcount = count if count < other_count else other_count
                    if newcount > 0:
                        result[elem] = newcount
                return result

            def __pos__(self):
                result = Counter()
                for elem, count in self.items():
                    if count > 0:
                        result[elem] = count
                return result

            def __neg__(self):
                result = Counter()
                for elem, count in self.items():
                    if count < 0:
                        result[elem] = 0 - count
                return result

            def _keep_positive(self):
                nonpositive = [elem for elem, count in self.items() if not count > 0]
                for elem in nonpositive:
                    del self[elem]
                return self

            def __iadd__(self, other):
                for elem, count in other.items():
                    self[elem] += count
                return self._keep_positive()

            def __isub__(self, other):
                for elem, count in other.items():
                    self[elem] -= count
                return self._keep_positive()

            def __ior__(self, other):
                for elem, other_count in other.items():
                    count = self[elem]
                    if other_count > count:
                        self[elem] = other_count
                return self._keep_positive()

            def __iand__(self, other):
                for elem, count in self.items():
                    other_count = other[elem]
                    if other_count < count:
                        self[elem] = other_count
                return self._keep_positive()


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

        class ChainMap:
            """Several mappings searched in order as one; writes go to the first (maps[0])."""

            def __init__(self, *maps):
                self.maps = list(maps) or [{}]

            def __missing__(self, key):
                raise KeyError(key)

            def __getitem__(self, key):
                for mapping in self.maps:
                    if key in mapping:
                        return mapping[key]
                return self.__missing__(key)

            def get(self, key, default=None):
                return self[key] if key in self else default

            def __len__(self):
                return len(set().union(*self.maps))

            def __iter__(self):
                seen = {}
                for mapping in reversed(self.maps):
                    for key in mapping:
                        seen[key] = None
                return iter(seen)

            def __contains__(self, key):
                return any(key in m for m in self.maps)

            def __bool__(self):
                return any(self.maps)

            def __repr__(self):
                return f'{self.__class__.__name__}({", ".join(map(repr, self.maps))})'

            @classmethod
            def fromkeys(cls, iterable, *args):
                return cls(dict.fromkeys(iterable, *args))

            def copy(self):
                return self.__class__(self.maps[0].copy(), *self.maps[1:])

            __copy__ = copy

            def new_child(self, m=None, **kwargs):
                if m is None:
                    m = kwargs
                elif kwargs:
                    m.update(kwargs)
                return self.__class__(m, *self.maps)

            @property
            def parents(self):
                return self.__class__(*self.maps[1:])

            def keys(self):
                return _ChainView(self, 0)

            def values(self):
                return _ChainView(self, 1)

            def items(self):
                return _ChainView(self, 2)

            def __setitem__(self, key, value):
                self.maps[0][key] = value

            def __delitem__(self, key):
                try:
                    del self.maps[0][key]
                except KeyError:
                    raise KeyError(f'Key not found in the first mapping: {key!r}')

            def popitem(self):
                try:
                    return self.maps[0].popitem()
                except KeyError:
                    raise KeyError('No keys found in the first mapping.')

            def pop(self, key, *args):
                try:
                    return self.maps[0].pop(key, *args)
                except KeyError:
                    raise KeyError(f'Key not found in the first mapping: {key!r}')

            def clear(self):
                self.maps[0].clear()

            def setdefault(self, key, default=None):
                if key not in self:
                    self[key] = default
                return self[key]

            def update(self, other=(), **kwargs):
                self.maps[0].update(other, **kwargs)

            def __eq__(self, other):
                try:
                    return dict(self.items()) == dict(other.items())
                except AttributeError:
                    return NotImplemented

            def __or__(self, other):
                if not isinstance(other, (dict, ChainMap)) and not hasattr(other, 'keys'):
                    return NotImplemented
                m = self.copy()
                m.maps[0].update(other)
                return m

            def __ior__(self, other):
                self.maps[0].update(other)
                return self

            def __ror__(self, other):
                if not hasattr(other, 'keys'):
                    return NotImplemented
                m = dict(other)
                for child in reversed(self.maps):
                    m.update(child)
                return self.__class__(m)


        class _ChainView:
            """keys(), values() or items() of a ChainMap: live, sized, iterable."""

            def __init__(self, chain, kind):
                self._chain = chain
                self._kind = kind

            def __len__(self):
                return len(self._chain)

            def __iter__(self):
                for key in self._chain:
                    if self._kind == 0:
                        yield key
                    elif self._kind == 1:
                        yield self._chain[key]
                    else:
                        yield (key, self._chain[key])

            def __contains__(self, item):
                if self._kind == 0:
                    return item in self._chain
                return item in list(self)

            def __repr__(self):
                return f'{("KeysView", "ValuesView", "ItemsView")[self._kind]}({self._chain!r})'

        class UserDict:
            """A dict kept in .data, for subclassing with every method going through __getitem__ & co."""

            def __init__(self, dict=None, /, **kwargs):
                self.data = {}
                if dict is not None:
                    self.update(dict)
                if kwargs:
                    self.update(kwargs)

            def __len__(self):
                return len(self.data)

            def __getitem__(self, key):
                if key in self.data:
                    return self.data[key]
                if hasattr(self.__class__, "__missing__"):
                    return self.__class__.__missing__(self, key)
                raise KeyError(key)

            def __setitem__(self, key, item):
                self.data[key] = item

            def __delitem__(self, key):
                del self.data[key]

            def __iter__(self):
                return iter(self.data)

            def __contains__(self, key):
                return key in self.data

            def __repr__(self):
                return repr(self.data)

            def __eq__(self, other):
                return self.data == (other.data if isinstance(other, UserDict) else other)

            def __or__(self, other):
                if isinstance(other, UserDict):
                    return self.__class__(self.data | other.data)
                if isinstance(other, dict):
                    return self.__class__(self.data | other)
                return NotImplemented

            def __ior__(self, other):
                self.update(other)
                return self

            def keys(self):
                return self.data.keys()

            def values(self):
                return self.data.values()

            def items(self):
                return self.data.items()

            def get(self, key, default=None):
                return self[key] if key in self else default

            def pop(self, key, *default):
                return self.data.pop(key, *default)

            def popitem(self):
                return self.data.popitem()

            def clear(self):
                self.data.clear()

            def setdefault(self, key, default=None):
                if key not in self:
                    self[key] = default
                return self[key]

            def update(self, other=(), /, **kwargs):
                pairs = other.items() if hasattr(other, "items") else other
                for key, value in pairs:
                    self[key] = value
                for key, value in kwargs.items():
                    self[key] = value

            def copy(self):
                new = self.__class__.__new__(self.__class__)
                new.__dict__.update(self.__dict__)
                new.data = self.data.copy()
                return new

            @classmethod
            def fromkeys(cls, iterable, value=None):
                d = cls()
                for key in iterable:
                    d[key] = value
                return d


        class _Wrapped:
            """UserList/UserString: the value in .data; operations answer with the same class."""

            def __init__(self, initial=None):
                self.data = self._empty() if initial is None else self._convert(initial)

            def __repr__(self):
                return repr(self.data)

            def __len__(self):
                return len(self.data)

            def __iter__(self):
                return iter(self.data)

            def __contains__(self, item):
                return (item.data if isinstance(item, _Wrapped) else item) in self.data

            def __getitem__(self, i):
                result = self.data[i]
                return self.__class__(result) if isinstance(i, slice) else result

            def __eq__(self, other):
                return self.data == (other.data if isinstance(other, _Wrapped) else other)

            def __lt__(self, other):
                return self.data < (other.data if isinstance(other, _Wrapped) else other)

            def __le__(self, other):
                return self.data <= (other.data if isinstance(other, _Wrapped) else other)

            def __gt__(self, other):
                return self.data > (other.data if isinstance(other, _Wrapped) else other)

            def __ge__(self, other):
                return self.data >= (other.data if isinstance(other, _Wrapped) else other)

            def __add__(self, other):
                return self.__class__(self.data + self._convert(other.data if isinstance(other, _Wrapped) else other))

            def __radd__(self, other):
                return self.__class__(self._convert(other) + self.data)

            def __mul__(self, n):
                return self.__class__(self.data * n)

            __rmul__ = __mul__

            def copy(self):
                return self.__class__(self.data)

            def count(self, item, *args):
                return self.data.count(item.data if isinstance(item, _Wrapped) else item, *args)

            def index(self, item, *args):
                return self.data.index(item.data if isinstance(item, _Wrapped) else item, *args)


        class UserList(_Wrapped):
            def _empty(self):
                return []

            def _convert(self, value):
                return list(value)

            def __setitem__(self, i, item):
                self.data[i] = item.data if isinstance(item, UserList) else item

            def __delitem__(self, i):
                del self.data[i]

            def __iadd__(self, other):
                self.data += other.data if isinstance(other, UserList) else list(other)
                return self

            def __imul__(self, n):
                self.data *= n
                return self

            def append(self, item):
                self.data.append(item)

            def insert(self, i, item):
                self.data.insert(i, item)

            def pop(self, i=-1):
                return self.data.pop(i)

            def remove(self, item):
                self.data.remove(item)

            def clear(self):
                self.data.clear()

            def reverse(self):
                self.data.reverse()

            def sort(self, /, *args, **kwds):
                self.data.sort(*args, **kwds)

            def extend(self, other):
                self.data.extend(other.data if isinstance(other, UserList) else other)


        class UserString(_Wrapped):
            def _empty(self):
                return ""

            def _convert(self, value):
                return value if isinstance(value, str) else str(value)

            def __str__(self):
                return self.data

            def __int__(self):
                return int(self.data)

            def __float__(self):
                return float(self.data)

            def __hash__(self):
                return hash(self.data)

            def __mod__(self, args):
                return self.__class__(self.data % args)

            def __getattr__(self, name):
                # str's methods: str results come back as this class, as CPython's UserString methods do.
                method = getattr(self.data, name)
                def call(*args, **kwargs):
                    args = [a.data if isinstance(a, UserString) else a for a in args]
                    result = method(*args, **kwargs)
                    if isinstance(result, str):
                        return self.__class__(result)
                    if isinstance(result, list):
                        return [self.__class__(r) if isinstance(r, str) else r for r in result]
                    return result
                return call
        """#
}

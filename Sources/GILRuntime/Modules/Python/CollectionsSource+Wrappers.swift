extension CollectionsSource {
    /// `ChainMap` and its views, `UserDict`, `UserList`, `UserString`.
    static let wrappers = #"""
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

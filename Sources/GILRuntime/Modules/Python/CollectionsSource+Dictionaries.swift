extension CollectionsSource {
    /// Helpers, `defaultdict`, `OrderedDict`, `Counter`.
    static let dictionaries = #"""
        import heapq as _heapq
        import sys as _sys
        from operator import itemgetter as _itemgetter
        from _collections import _tuplegetter


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


        """#
}

/// `typing` (Lib/typing.py, the importable surface): annotations stay unevaluated strings here, so the
/// constructs only need to import and subscript; `TypeVar`, `cast`, `Generic[T]` bases, `Protocol` with
/// `@runtime_checkable` structural checks, and `NamedTuple` (class syntax through its metaclass, as Lib/typing.py).
/// Compiled by our own compiler at first import (`SourceModules`).
enum TypingSource {
    static let text = #"""
        import collections as _collections

        TYPE_CHECKING = False


        class _Special:
            """A typing construct: annotations are kept as strings here, so these only need to import, print and
            subscript (List[int], Optional[str], Callable[[int], str], …)."""

            def __init__(self, name):
                self._name = name

            def __getitem__(self, params):
                if not isinstance(params, tuple):
                    params = (params,)
                return _Alias(self._name, params)

            def __call__(self, *args, **kwargs):
                raise TypeError("Cannot instantiate typing.%s" % self._name)

            def __repr__(self):
                return "typing." + self._name


        def _name_of(p):
            if isinstance(p, type):
                return p.__name__
            if isinstance(p, list):
                return "[" + ", ".join(_name_of(x) for x in p) + "]"
            if p is None:
                return "None"
            if p is Ellipsis:
                return "..."
            return repr(p)


        class _Alias(_Special):
            def __init__(self, name, params):
                self._name = name
                self.__args__ = params

            def __getitem__(self, params):
                return self

            def __repr__(self):
                return "typing.%s[%s]" % (self._name, ", ".join(_name_of(p) for p in self.__args__))

            def __eq__(self, other):
                if not isinstance(other, _Alias):
                    return NotImplemented
                return self._name == other._name and self.__args__ == other.__args__

            def __hash__(self):
                return hash(repr(self))  # __args__ may hold lists (Callable[[int], str])


        Any = _Special("Any")
        Union = _Special("Union")
        Optional = _Special("Optional")
        List = _Special("List")
        Dict = _Special("Dict")
        Set = _Special("Set")
        FrozenSet = _Special("FrozenSet")
        Tuple = _Special("Tuple")
        Type = _Special("Type")
        Callable = _Special("Callable")
        Iterable = _Special("Iterable")
        Iterator = _Special("Iterator")
        Generator = _Special("Generator")
        Sequence = _Special("Sequence")
        MutableSequence = _Special("MutableSequence")
        Mapping = _Special("Mapping")
        MutableMapping = _Special("MutableMapping")
        Collection = _Special("Collection")
        Container = _Special("Container")
        Hashable = _Special("Hashable")
        Sized = _Special("Sized")
        Awaitable = _Special("Awaitable")
        Coroutine = _Special("Coroutine")
        AsyncIterator = _Special("AsyncIterator")
        AsyncIterable = _Special("AsyncIterable")
        AsyncGenerator = _Special("AsyncGenerator")
        Reversible = _Special("Reversible")
        ContextManager = _Special("ContextManager")
        AsyncContextManager = _Special("AsyncContextManager")
        Text = str
        Literal = _Special("Literal")
        Final = _Special("Final")
        ClassVar = _Special("ClassVar")
        Annotated = _Special("Annotated")
        Deque = _Special("Deque")
        DefaultDict = _Special("DefaultDict")
        Counter = _Special("Counter")
        OrderedDict = _Special("OrderedDict")
        ChainMap = _Special("ChainMap")
        NoReturn = _Special("NoReturn")
        Never = _Special("Never")
        Self = _Special("Self")
        LiteralString = _Special("LiteralString")
        TypeAlias = _Special("TypeAlias")
        Concatenate = _Special("Concatenate")
        ParamSpec = _Special("ParamSpec")
        SupportsInt = _Special("SupportsInt")
        SupportsFloat = _Special("SupportsFloat")
        SupportsIndex = _Special("SupportsIndex")
        AbstractSet = _Special("AbstractSet")
        KeysView = _Special("KeysView")
        ValuesView = _Special("ValuesView")
        ItemsView = _Special("ItemsView")
        IO = _Special("IO")
        TextIO = _Special("TextIO")
        BinaryIO = _Special("BinaryIO")
        Pattern = _Special("Pattern")
        Match = _Special("Match")


        class TypeVar:
            def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
                self.__name__ = name
                self.__constraints__ = constraints
                self.__bound__ = bound

            def __repr__(self):
                return "~" + self.__name__


        AnyStr = TypeVar("AnyStr", bytes, str)


        class _GenericBase:
            """`Generic[T]` and `Protocol[T]` as bases: subscripting gives back a plain base class."""

            def __init__(self, name):
                self._name = name

            def __getitem__(self, params):
                return object


        Generic = _GenericBase("Generic")


        _PROTOCOL_EXCLUDED = frozenset([
            "__abstractmethods__", "__annotations__", "__weakref__", "_is_protocol", "_is_runtime_protocol", "__dict__",
            "__args__", "__slots__", "__next_in_mro__", "__parameters__", "__origin__", "__orig_bases__", "__extra__",
            "__tree_hash__", "__doc__", "__subclasshook__", "__init__", "__new__", "__module__", "_MutableMapping__marker",
            "_gorg", "__qualname__", "__init_subclass__", "__class_getitem__",
        ])


        def _get_protocol_attrs(cls):
            attrs = set()
            for base in cls.__mro__[:-1]:
                if base.__name__ in ("Protocol", "Generic"):
                    continue
                annotations = base.__dict__.get("__annotations__", {})
                for attr in list(base.__dict__) + list(annotations):
                    if not attr.startswith("_abc_") and attr not in _PROTOCOL_EXCLUDED:
                        attrs.add(attr)
            return attrs


        def _is_callable_members_only(cls):
            return all(callable(getattr(cls, attr, None)) for attr in _get_protocol_attrs(cls))


        class _ProtocolMeta(type):
            """Structural isinstance()/issubclass() for @runtime_checkable protocols (3.11's _ProtocolMeta and
            Protocol's _proto_hook)."""

            def __instancecheck__(cls, instance):
                if not cls.__dict__.get("_is_protocol", False):
                    return type.__instancecheck__(cls, instance)
                if not getattr(cls, "_is_runtime_protocol", False):
                    raise TypeError("Instance and class checks can only be used with @runtime_checkable protocols")
                if _is_callable_members_only(cls) and cls.__subclasscheck__(type(instance)):
                    return True
                for attr in _get_protocol_attrs(cls):
                    if not hasattr(instance, attr):
                        break
                    if callable(getattr(cls, attr, None)) and getattr(instance, attr) is None:
                        break
                else:
                    return True
                return type.__instancecheck__(cls, instance)

            def __subclasscheck__(cls, other):
                if not cls.__dict__.get("_is_protocol", False):
                    return type.__subclasscheck__(cls, other)
                if not getattr(cls, "_is_runtime_protocol", False):
                    raise TypeError("Instance and class checks can only be used with @runtime_checkable protocols")
                if not _is_callable_members_only(cls):
                    raise TypeError("Protocols with non-method members don't support issubclass()")
                if not isinstance(other, type):
                    raise TypeError("issubclass() arg 1 must be a class")
                for attr in _get_protocol_attrs(cls):
                    for base in other.__mro__:
                        if attr in base.__dict__:
                            if base.__dict__[attr] is None:
                                return type.__subclasscheck__(cls, other)
                            break
                    else:
                        return type.__subclasscheck__(cls, other)
                return True


        class Protocol(metaclass=_ProtocolMeta):
            _is_protocol = True
            _is_runtime_protocol = False

            def __init_subclass__(cls, *args, **kwargs):
                super().__init_subclass__(*args, **kwargs)
                if not cls.__dict__.get("_is_protocol", False):
                    cls._is_protocol = any(b is Protocol for b in cls.__bases__)

            def __class_getitem__(cls, params):
                return cls


        def runtime_checkable(cls):
            if not cls.__dict__.get("_is_protocol", False):
                raise TypeError("@runtime_checkable can be only applied to protocol classes, got %r" % cls)
            cls._is_runtime_protocol = True
            return cls


        def cast(typ, val):
            return val


        def overload(func):
            return func


        def final(f):
            return f


        def no_type_check(f):
            return f


        def _eval_hint(value, globalns, localns):
            if value is None:
                return type(None)
            if isinstance(value, str):
                return eval(value, globalns, localns)
            return value


        def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
            # 3.11's rules: string annotations evaluated (our class-level annotations are always kept as text),
            # None as NoneType, a class's hints gathered along its MRO with each base's module as globals.
            import sys
            if isinstance(obj, type):
                hints = {}
                for base in reversed(obj.__mro__):
                    annotations = base.__dict__.get("__annotations__", {})
                    if not annotations:
                        continue
                    if globalns is None:
                        module = sys.modules.get(base.__module__)
                        base_globals = dict(vars(module)) if module is not None else {}
                    else:
                        base_globals = globalns
                    base_locals = dict(vars(base)) if localns is None else localns
                    for name, value in annotations.items():
                        hints[name] = _eval_hint(value, base_globals, base_locals)
                return hints
            if globalns is None:
                if hasattr(obj, "__globals__"):
                    globalns = obj.__globals__
                elif isinstance(obj, type(sys)):
                    globalns = vars(obj)
                else:
                    globalns = {}
            annotations = getattr(obj, "__annotations__", None)
            if annotations is None:
                raise TypeError("{!r} is not a module, class, method, or function.".format(obj))
            return {name: _eval_hint(value, globalns, localns) for name, value in annotations.items()}


        def NewType(name, tp):
            def new_type(x):
                return x
            new_type.__name__ = name
            return new_type


        _NAMEDTUPLE_PROHIBITED = frozenset(["__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults",
                                            "_make", "_replace", "_asdict", "_source"])
        _NAMEDTUPLE_SPECIAL = frozenset(["__module__", "__name__", "__annotations__", "__qualname__"])


        def _make_nmtuple(name, fields, defaults, module):
            nm_tpl = _collections.namedtuple(name, [n for n, t in fields], defaults=defaults, module=module)
            nm_tpl.__annotations__ = dict(fields)
            return nm_tpl


        class NamedTupleMeta(type):
            """`class P(NamedTuple): x: int` builds a collections.namedtuple class (Lib/typing.py NamedTupleMeta)."""

            def __new__(cls, typename, bases, ns):
                types = ns.get("__annotations__", {})
                default_names = []
                for field_name in types:
                    if field_name in ns:
                        default_names.append(field_name)
                    elif default_names:
                        raise TypeError("Non-default namedtuple field %s cannot follow default field%s %s"
                                        % (field_name, "s" if len(default_names) > 1 else "", ", ".join(default_names)))
                nm_tpl = _make_nmtuple(typename, list(types.items()), [ns[n] for n in default_names], ns["__module__"])
                for key in ns:
                    if key in _NAMEDTUPLE_PROHIBITED:
                        raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
                    if key == "__doc__" and ns[key] is None:
                        continue
                    if key not in _NAMEDTUPLE_SPECIAL and key not in nm_tpl._fields:
                        setattr(nm_tpl, key, ns[key])
                return nm_tpl


        def NamedTuple(typename, fields=None, /, **kwargs):
            if fields is None:
                fields = kwargs.items()
            elif kwargs:
                raise TypeError("Either list of fields or keywords can be provided to NamedTuple, not both")
            return _make_nmtuple(typename, list(fields), None, "__main__")


        _NamedTuple = type.__new__(NamedTupleMeta, "NamedTuple", (), {"__module__": "typing"})


        def _namedtuple_mro_entries(bases):
            return (_NamedTuple,)


        NamedTuple.__mro_entries__ = _namedtuple_mro_entries
        """#
}

/// `typing` (Lib/typing.py, the importable surface): annotations stay unevaluated strings here, so the
/// constructs only need to import and subscript; `TypeVar`, `cast`, `Generic[T]`/`Protocol` bases and a class-syntax
/// `NamedTuple` built in `__init_subclass__`.
/// Compiled by our own compiler at first import (`SourceModules`).
enum TypingSource {
    static let text = #"""
        from collections import _TupleRecord

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


        class Protocol:
            pass


        def cast(typ, val):
            return val


        def overload(func):
            return func


        def final(f):
            return f


        def no_type_check(f):
            return f


        def runtime_checkable(cls):
            return cls


        def get_type_hints(obj):
            return dict(getattr(obj, "__annotations__", {}))


        def NewType(name, tp):
            def new_type(x):
                return x
            new_type.__name__ = name
            return new_type


        class NamedTuple(_TupleRecord):
            """`class P(NamedTuple): x: int; y: int = 0` — fields from the class annotations (in order), defaults from
            class attributes; instances behave like named tuples (not tuple subclasses here)."""

            def __init_subclass__(cls, **kwargs):
                fields = tuple(cls.__dict__.get("__annotations__", {}))
                cls._fields = fields
                cls._field_defaults = {f: cls.__dict__[f] for f in fields if f in cls.__dict__}

            def __init__(self, *args, **kwargs):
                values = list(args)
                for name in self._fields[len(values):]:
                    if name in kwargs:
                        values.append(kwargs.pop(name))
                    elif name in self._field_defaults:
                        values.append(self._field_defaults[name])
                    else:
                        raise TypeError("%s.__new__() missing 1 required positional argument: '%s'" % (type(self).__name__, name))
                if len(values) > len(self._fields) or kwargs:
                    raise TypeError("%s.__new__() got unexpected arguments" % type(self).__name__)
                object.__setattr__(self, "_values", tuple(values))
                for name, value in zip(self._fields, values):
                    object.__setattr__(self, name, value)
        """#
}

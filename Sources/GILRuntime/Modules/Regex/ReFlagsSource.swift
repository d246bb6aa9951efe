/// `re.RegexFlag` (Lib/re/__init__.py makes it an `enum.IntFlag` with KEEP boundary and `global_enum` reprs):
/// written for our runtime as a small int subclass with a metaclass, because importing CPython's `enum` for
/// every `import re` costs ~0.4 s under our compiler. It behaves as 3.11's does for what programs do with
/// flags: `re.I | re.M` reprs as `re.IGNORECASE|re.MULTILINE` (pyperformance's regex_compile hashes these
/// reprs), unknown bits kept and shown in hex, `name`/`value`, iteration over the members a value holds,
/// `~` within the defined bits, `RegexFlag(v)`/`RegexFlag['NAME']`, pickling by value. What differs: it is not
/// an `enum.IntFlag` subclass and `__members__` is a plain dict rather than a mappingproxy.
enum ReFlagsSource {
    /// Replaces the native `re` module's int flag constants by `RegexFlag` members (each is a class attribute).
    static func install(into re: PyModule, _ ctx: ExecutionContext) throws {
        let source = try SourceModules.load("re", source: text, ctx)
        ctx.runtime.modules.keepHelper(source)
        guard let flagType = source.get("RegexFlag"), case .object(let members as PyDict) = try Attributes.get(flagType, "__members__", ctx) else { return }
        re.set("RegexFlag", flagType)
        for (name, member) in members.entries { if case .object(let n as PyStr) = name { re.set(n.value, member) } }
    }

    static let text = #"""
        class _FlagType(type):
            def __repr__(cls):
                return "<flag %r>" % cls.__name__

            def __iter__(cls):
                return iter(cls._canonical_)

            def __len__(cls):
                return len(cls._canonical_)

            def __contains__(cls, value):
                return isinstance(value, cls)

            def __getitem__(cls, name):
                return cls.__members__[name]

            def __call__(cls, value):
                if isinstance(value, cls):
                    return value
                if not isinstance(value, int):
                    raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
                value = int(value)
                if value < 0:
                    # 3.11's Flag._missing_: a negative value is its complement within the defined bits.
                    value &= (1 << max(cls._all_bits_.bit_length(), (~value).bit_length())) - 1
                member = cls._by_value_.get(value)
                if member is None:
                    member = int.__new__(cls, value)
                    member._name_ = None
                    member = cls._by_value_.setdefault(value, member)
                return member


        class RegexFlag(int, metaclass=_FlagType):
            def _decompose(self):
                value = int(self)
                members = [m for m in type(self)._canonical_ if value & int(m) == int(m)]
                rest = value
                for m in members:
                    rest &= ~int(m)
                return members, rest

            @property
            def name(self):
                if self._name_ is not None:
                    return self._name_
                members, rest = self._decompose()
                if not members:
                    return None
                names = [m._name_ for m in members]
                if rest:
                    names.append(hex(rest))
                return "|".join(names)

            @property
            def value(self):
                return int(self)

            def __repr__(self):
                if self._name_ is not None:
                    return "re." + self._name_
                members, rest = self._decompose()
                if not members:
                    return "re.RegexFlag(%d)" % int(self)
                parts = ["re." + m._name_ for m in members]
                if rest:
                    parts.append(hex(rest))
                return "|".join(parts)

            __str__ = __repr__

            def __format__(self, spec):
                if spec:
                    return format(int(self), spec)
                return str(self)

            def __reduce_ex__(self, protocol):
                return (type(self), (int(self),))

            def __iter__(self):
                return iter(self._decompose()[0])

            def __len__(self):
                return bin(int(self)).count("1")

            def __contains__(self, other):
                if not isinstance(other, type(self)):
                    raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                                    % (type(other).__qualname__, type(self).__qualname__))
                return int(other) & int(self) == int(other)

            def __or__(self, other):
                if not isinstance(other, int):
                    return NotImplemented
                return RegexFlag(int(self) | int(other))

            def __and__(self, other):
                if not isinstance(other, int):
                    return NotImplemented
                return RegexFlag(int(self) & int(other))

            def __xor__(self, other):
                if not isinstance(other, int):
                    return NotImplemented
                return RegexFlag(int(self) ^ int(other))

            __ror__ = __or__
            __rand__ = __and__
            __rxor__ = __xor__

            def __invert__(self):
                value = int(self)
                return RegexFlag(value ^ ((1 << max(RegexFlag._all_bits_.bit_length(), value.bit_length())) - 1))


        RegexFlag.__module__ = "re"
        RegexFlag._by_value_ = {}
        RegexFlag._canonical_ = []
        RegexFlag.__members__ = {}
        RegexFlag._all_bits_ = 0
        for _names, _value in (("NOFLAG", 0), ("ASCII A", 256), ("IGNORECASE I", 2), ("LOCALE L", 4),
                               ("UNICODE U", 32), ("MULTILINE M", 8), ("DOTALL S", 16), ("VERBOSE X", 64),
                               ("TEMPLATE T", 1), ("DEBUG", 128)):
            _names = _names.split()
            _member = int.__new__(RegexFlag, _value)
            _member._name_ = _names[0]
            RegexFlag._by_value_[_value] = _member
            if _value:
                RegexFlag._canonical_.append(_member)
                RegexFlag._all_bits_ |= _value
            for _name in _names:
                RegexFlag.__members__[_name] = _member
                setattr(RegexFlag, _name, _member)
        """#
}

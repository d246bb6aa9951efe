/// The Python half of `_decimal` (`DecimalModule`): what the C module defines besides its arithmetic — the
/// exception classes, `DecimalTuple`, the templates, `localcontext`, the signal dicts, `Context.__init__`
/// and `__repr__` — and the operations not native yet. Those are computed by CPython's `_pydecimal` on
/// converted operands under a mirror of our context with every trap off; the conditions it met come back
/// through `Context._add_status`, which raises them as the C module does. `Decimal` and `Context` (the native
/// types) and `_native` (getcontext/setcontext) are bound before this runs.
enum DecimalSource {
    static let text = #"""
__version__ = '1.70'
__libmpdec_version__ = '2.5.1'

import numbers as _numbers
from collections import namedtuple as _namedtuple

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'


def _condition(name, *bases):
    # The C module's exception classes (PyErr_NewException): module 'decimal', no docstring.
    return type(name, bases, {'__module__': 'decimal'})


DecimalException = _condition('DecimalException', ArithmeticError)
Clamped = _condition('Clamped', DecimalException)
InvalidOperation = _condition('InvalidOperation', DecimalException)
ConversionSyntax = _condition('ConversionSyntax', InvalidOperation)
DivisionByZero = _condition('DivisionByZero', DecimalException, ZeroDivisionError)
DivisionImpossible = _condition('DivisionImpossible', InvalidOperation)
DivisionUndefined = _condition('DivisionUndefined', InvalidOperation, ZeroDivisionError)
Inexact = _condition('Inexact', DecimalException)
InvalidContext = _condition('InvalidContext', InvalidOperation)
Rounded = _condition('Rounded', DecimalException)
Subnormal = _condition('Subnormal', DecimalException)
Overflow = _condition('Overflow', Inexact, Rounded)
Underflow = _condition('Underflow', Inexact, Rounded, Subnormal)
FloatOperation = _condition('FloatOperation', DecimalException, TypeError)

# The signals in the C module's order (bit i of Context._flags/_traps is _SIGNALS[i]).
_SIGNALS = (InvalidOperation, FloatOperation, DivisionByZero, Overflow, Underflow, Subnormal, Inexact,
            Rounded, Clamped)
_SIGNAL_BIT = {s: 1 << i for i, s in enumerate(_SIGNALS)}

_INVALID_SIGNALS = ("valid values for signals are:\n"
                    "  [InvalidOperation, FloatOperation, DivisionByZero,\n"
                    "   Overflow, Underflow, Subnormal, Inexact, Rounded,\n"
                    "   Clamped]")

DecimalTuple = _namedtuple('DecimalTuple', 'sign digits exponent', module='decimal')

getcontext = _native.getcontext
setcontext = _native.setcontext


def _signal_bit(key):
    try:
        return _SIGNAL_BIT[key]
    except (KeyError, TypeError):
        raise KeyError(_INVALID_SIGNALS) from None


def _bits_of(value):
    # A list of signals, or a dict with every signal (context_settraps_list / _dict).
    if isinstance(value, list):
        bits = 0
        for s in value:
            bits |= _signal_bit(s)
        return bits
    if isinstance(value, SignalDict):
        return value._bits()
    if not isinstance(value, dict):
        raise TypeError("argument must be a signal dict")
    if len(value) != len(_SIGNALS):
        raise KeyError("invalid signal dict")
    bits = 0
    for s in _SIGNALS:
        if s not in value:
            raise KeyError("invalid signal dict")
        if value[s]:
            bits |= _SIGNAL_BIT[s]
    return bits


class SignalDictMixin:
    __module__ = 'decimal'
    __slots__ = ('_context', '_traps')

    def __init__(self, context, traps):
        self._context = context
        self._traps = traps

    def _bits(self):
        return self._context._traps if self._traps else self._context._flags

    def _set_bits(self, bits):
        if self._traps:
            self._context._traps = bits
        else:
            self._context._flags = bits

    def __getitem__(self, key):
        return bool(self._bits() & _signal_bit(key))

    def __setitem__(self, key, value):
        bit = _signal_bit(key)
        bits = self._bits()
        self._set_bits(bits | bit if value else bits & ~bit)

    def __delitem__(self, key):
        raise ValueError("signal keys cannot be deleted")

    def __len__(self):
        return len(_SIGNALS)

    def __iter__(self):
        return iter(_SIGNALS)

    def __contains__(self, key):
        return key in _SIGNAL_BIT

    def keys(self):
        return list(_SIGNALS)

    def values(self):
        bits = self._bits()
        return [bool(bits & _SIGNAL_BIT[s]) for s in _SIGNALS]

    def items(self):
        bits = self._bits()
        return [(s, bool(bits & _SIGNAL_BIT[s])) for s in _SIGNALS]

    def get(self, key, default=None):
        if key in _SIGNAL_BIT:
            return self[key]
        return default

    def copy(self):
        bits = self._bits()
        return {s: bool(bits & _SIGNAL_BIT[s]) for s in _SIGNALS}

    def update(self, other=(), **kw):
        for k, v in (other.items() if hasattr(other, 'items') else other):
            self[k] = v

    def __eq__(self, other):
        if isinstance(other, SignalDictMixin):
            return self._bits() == other._bits()
        if isinstance(other, dict):
            try:
                return self._bits() == _bits_of(other)
            except (KeyError, TypeError):
                return NotImplemented
        return NotImplemented

    __hash__ = None

    def __repr__(self):
        bits = self._bits()
        return "{" + ", ".join("<class 'decimal.%s'>:%s" % (s.__name__, bool(bits & _SIGNAL_BIT[s]))
                               for s in _SIGNALS) + "}"


class SignalDict(SignalDictMixin):
    __module__ = 'abc'
    __slots__ = ()


class _ContextMethods:
    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None, clamp=None,
                 flags=None, traps=None):
        _setattrs(self, prec, rounding, Emin, Emax, capitals, clamp, flags, traps)

    @property
    def flags(self):
        return SignalDict(self, False)

    @flags.setter
    def flags(self, value):
        self._flags = _bits_of(value)

    @property
    def traps(self):
        return SignalDict(self, True)

    @traps.setter
    def traps(self, value):
        self._traps = _bits_of(value)

    def __repr__(self):
        return ("Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, flags=[%s], traps=[%s])"
                % (self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp,
                   ", ".join(self._signal_names(False)), ", ".join(self._signal_names(True))))

    def __reduce__(self):
        return (type(self), (self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp,
                             [s for s in _SIGNALS if self._flags & _SIGNAL_BIT[s]],
                             [s for s in _SIGNALS if self._traps & _SIGNAL_BIT[s]]))

    def __copy__(self):
        return self.copy()

    def create_decimal_from_float(self, f):
        return self.create_decimal(Decimal.from_float(f))

    def to_sci_string(self, a):
        a = _convert_raise(a)
        return Decimal.__str__(a) if self.capitals == getcontext().capitals else _text(a, self.capitals)

    def to_eng_string(self, a):
        return _convert_raise(a).to_eng_string(self)

    def copy_decimal(self, a):
        return _convert_raise(a)

    def radix(self):
        return Decimal(10)

    def power(self, a, b, modulo=None):
        args = (a, b) if modulo is None else (a, b, modulo)
        return _context_call(self, 'power', args)

    def __hash__(self):
        return object.__hash__(self)


_native.adopt(Context, _ContextMethods)


def _setattrs(c, prec, rounding, Emin, Emax, capitals, clamp, flags, traps):
    if prec is not None:
        c.prec = prec
    if rounding is not None:
        c.rounding = rounding
    if Emin is not None:
        c.Emin = Emin
    if Emax is not None:
        c.Emax = Emax
    if capitals is not None:
        c.capitals = capitals
    if clamp is not None:
        c.clamp = clamp
    if traps is not None:
        c._traps = _bits_of(traps)
    if flags is not None:
        c._flags = _bits_of(flags)


def _text(d, capitals):
    s = Decimal.__str__(d)
    return s if capitals else s.replace('E', 'e')


DefaultContext = Context()
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP, traps=[Clamped, InvalidOperation, DivisionByZero, Overflow, Underflow])
ExtendedContext = Context(prec=9, traps=[])


class _ContextManager:
    __module__ = 'decimal'
    __qualname__ = 'ContextManager'

    def __init__(self, new_context, saved_context):
        self.new_context = new_context
        self.saved_context = saved_context

    def __enter__(self):
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, t, v, tb):
        setcontext(self.saved_context)


def localcontext(ctx=None, prec=None, rounding=None, Emin=None, Emax=None, capitals=None, clamp=None,
                 flags=None, traps=None):
    saved = getcontext()
    if ctx is None:
        ctx = saved
    elif not isinstance(ctx, Context):
        raise TypeError("optional argument must be a context")
    local = ctx.copy()
    _setattrs(local, prec, rounding, Emin, Emax, capitals, clamp, flags, traps)
    return _ContextManager(local, saved)


# ---- conversions the native constructor asks for ----

def _tuple_text(t):
    # dectuple_as_str: (sign, digits, exponent) as a numeric string.
    t = tuple(t)
    if len(t) != 3:
        raise ValueError("argument must be a sequence of length 3")
    sign, digits, exp = t
    if not isinstance(sign, int) or sign not in (0, 1):
        raise ValueError("sign must be an integer with the value 0 or 1")
    if isinstance(exp, str):
        if exp == 'F':
            return ('-' if sign else '') + 'Infinity'
        if exp not in ('n', 'N'):
            raise ValueError("string argument in the third position must be 'F', 'n' or 'N'")
    elif not isinstance(exp, int):
        raise ValueError("exponent must be an integer")
    if not isinstance(digits, (tuple, list)):
        raise ValueError("coefficient must be a tuple of digits")
    out = []
    for d in digits:
        if not isinstance(d, int) or not 0 <= d <= 9:
            raise ValueError("coefficient must be a tuple of digits")
        out.append(chr(48 + d))
    s = '-' if sign else ''
    if exp in ('n', 'N'):
        return s + ('NaN' if exp == 'n' else 'sNaN') + ''.join(out).lstrip('0')
    return s + (''.join(out) or '0') + 'E' + str(exp)


def _compare_other(self, other, op):
    # convert_op_cmp for what is neither Decimal, int nor float.
    equality = op in ('==', '!=')
    if equality and isinstance(other, complex) and other.imag == 0:
        return _COMPARE[op](self, other.real)
    if isinstance(other, _numbers.Rational) and not isinstance(other, int):
        if self.is_nan():
            if self.is_snan() or not equality:
                getcontext()._add_status(['InvalidOperation'])
            return op == '!='
        if self.is_infinite():
            # Infinity orders against any finite number as against zero.
            return _COMPARE[op](self, Decimal(0))
        n = Decimal(other.numerator)
        scaled = _exact(self, other.denominator)
        return _COMPARE[op](scaled, n)
    return NotImplemented


def _exact(d, k):
    # d * k exactly (no rounding).
    with localcontext(Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[])):
        return d * k


_COMPARE = {
    '==': lambda a, b: a == b, '!=': lambda a, b: a != b, '<': lambda a, b: a < b,
    '<=': lambda a, b: a <= b, '>': lambda a, b: a > b, '>=': lambda a, b: a >= b,
}


# ---- the operations computed by _pydecimal ----

_P = None
_Mirror = None


def _pyd():
    global _P, _Mirror
    if _P is None:
        import _pydecimal as P

        class Mirror(P.Context):
            # Records the conditions met (with their names) instead of raising: traps are all off.
            def _raise_error(self, condition, explanation=None, *args):
                error = P._condition_map.get(condition, condition)
                if error not in self._ignored_flags:
                    self._conditions.append(condition.__name__)
                return P.Context._raise_error(self, condition, explanation, *args)

        _Mirror = Mirror

        _P = P
    return _P


def _mirror(context):
    P = _pyd()
    m = _Mirror(prec=context.prec, rounding=context.rounding, Emin=context.Emin, Emax=context.Emax,
                capitals=context.capitals, clamp=context.clamp, flags=[], traps=[])
    object.__setattr__(m, '_conditions', [])
    P.setcontext(m)
    return m


def _context_of(context):
    if context is None:
        return getcontext()
    if not isinstance(context, Context):
        raise TypeError("optional argument must be a context")
    return context


def _to_p(d):
    return (_P or _pyd()).Decimal(Decimal.__str__(d))


def _convert_raise(x):
    if isinstance(x, Decimal):
        return x
    if isinstance(x, int):
        return Decimal(x)
    raise TypeError("conversion from %s to Decimal is not supported" % type(x).__name__)


def _p_operand(x):
    return _to_p(_convert_raise(x))


def _back(r):
    if isinstance(r, _P.Decimal):
        return Decimal(_P.Decimal.__str__(r))
    if type(r) is tuple:
        return tuple(_back(x) for x in r)
    return r


def _finish(context, m, result):
    # _pydecimal's exp, ln, log10 and sqrt round in a shallow copy of the context (a plain Context sharing
    # the flags dict): what it signalled there is only in the flags.
    names = list(m._conditions)
    met = {_P._condition_map.get(getattr(_P, n), getattr(_P, n)) for n in names}
    names += [s.__name__ for s, v in m.flags.items() if v and s not in met]
    if names:
        context._add_status(names)
    return _back(result)


def _context_call(context, name, args):
    pargs = [_p_operand(a) for a in args]
    m = _mirror(context)
    return _finish(context, m, getattr(m, name)(*pargs))


def _method(name, operands=0, context=True, rounding=False):
    def method(self, *args, **kwargs):
        names = ['other', 'third'][:operands]
        if rounding:
            names.append('rounding')
        if context:
            names.append('context')
        if len(args) > len(names):
            raise TypeError("%s() takes at most %d arguments (%d given)" % (name, len(names), len(args)))
        bound = dict(zip(names, args))
        for k, v in kwargs.items():
            if k not in names or k in bound:
                raise TypeError("%s() got an unexpected keyword argument '%s'" % (name, k))
            bound[k] = v
        for k in names[:operands]:
            if k not in bound:
                raise TypeError("%s() missing required argument '%s' (pos %d)" % (name, k, names.index(k) + 1))
        c = _context_of(bound.get('context'))
        pargs = [_p_operand(bound[k]) for k in names[:operands]]
        m = _mirror(c)
        kw = {'context': m} if context else {}
        if rounding:
            r = bound.get('rounding')
            if r is not None and r not in _ROUNDINGS:
                raise TypeError(_INVALID_ROUNDING)
            kw['rounding'] = r
        return _finish(c, m, getattr(_to_p(self), name)(*pargs, **kw))
    method.__name__ = name
    return method


_ROUNDINGS = (ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING, ROUND_FLOOR, ROUND_UP,
              ROUND_HALF_DOWN, ROUND_05UP)
_INVALID_ROUNDING = ("valid values for rounding are:\n"
                     "  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n"
                     "   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n"
                     "   ROUND_05UP]")


class _DecimalMethods:
    def __pow__(self, other, modulo=None):
        if not isinstance(other, (Decimal, int)):
            return NotImplemented
        c = getcontext()
        m = _mirror(c)
        mod = None if modulo is None else _p_operand(modulo)
        return _finish(c, m, _to_p(self).__pow__(_p_operand(other), mod, context=m))

    def __rpow__(self, other, modulo=None):
        if not isinstance(other, (Decimal, int)):
            return NotImplemented
        c = getcontext()
        m = _mirror(c)
        return _finish(c, m, _p_operand(other).__pow__(_to_p(self), None, context=m))

    exp = _method('exp')
    ln = _method('ln')
    log10 = _method('log10')
    logb = _method('logb')
    sqrt = _method('sqrt')
    normalize = _method('normalize')
    next_minus = _method('next_minus')
    next_plus = _method('next_plus')
    number_class = _method('number_class')
    logical_invert = _method('logical_invert')
    is_normal = _method('is_normal')
    is_subnormal = _method('is_subnormal')
    compare = _method('compare', 1)
    compare_signal = _method('compare_signal', 1)
    max = _method('max', 1)
    max_mag = _method('max_mag', 1)
    min = _method('min', 1)
    min_mag = _method('min_mag', 1)
    next_toward = _method('next_toward', 1)
    remainder_near = _method('remainder_near', 1)
    rotate = _method('rotate', 1)
    scaleb = _method('scaleb', 1)
    shift = _method('shift', 1)
    logical_and = _method('logical_and', 1)
    logical_or = _method('logical_or', 1)
    logical_xor = _method('logical_xor', 1)
    fma = _method('fma', 2)

    def compare_total(self, other, context=None):
        return _back(_to_p(self).compare_total(_p_operand(other)))

    def compare_total_mag(self, other, context=None):
        return _back(_to_p(self).compare_total_mag(_p_operand(other)))

    def same_quantum(self, other, context=None):
        _pyd()
        return _to_p(self).same_quantum(_p_operand(other))

    def copy_sign(self, other, context=None):
        _pyd()
        return _back(_to_p(self).copy_sign(_p_operand(other)))

    def copy_abs(self):
        return Decimal((0,) + tuple(self.as_tuple())[1:]) if self.is_signed() else self._plain()

    def copy_negate(self):
        t = self.as_tuple()
        return Decimal((1 - t.sign, t.digits, t.exponent))

    def _plain(self):
        return self if type(self) is Decimal else Decimal(Decimal.__str__(self))

    def is_canonical(self):
        return True

    def canonical(self):
        return self._plain()

    def conjugate(self):
        return self._plain()

    def radix(self):
        return Decimal(10)

    def is_finite(self):
        return self._triple()[2].__class__ is int

    def is_infinite(self):
        return self._triple()[2] == 'F'

    def is_nan(self):
        return self._triple()[2] in ('n', 'N')

    def is_qnan(self):
        return self._triple()[2] == 'n'

    def is_snan(self):
        return self._triple()[2] == 'N'

    def is_signed(self):
        return self._triple()[0] == 1

    def is_zero(self):
        t = self._triple()
        return t[2].__class__ is int and t[1] == '0'

    def as_tuple(self):
        sign, digits, exp = self._triple()
        if exp == 'F':
            digits = '0'
        return DecimalTuple(sign, tuple(map(int, digits)), exp)

    def as_integer_ratio(self):
        _pyd()
        return _to_p(self).as_integer_ratio()

    def __complex__(self):
        return complex(float(self))

    def __format__(self, specifier, override=None):
        if not isinstance(specifier, str):
            raise TypeError("format arg must be str")
        # libmpdec's format specifications have no alternate form ('#'), which _pydecimal accepts.
        rest = specifier[2:] if specifier[1:2] in ('<', '>', '=', '^') else specifier
        rest = rest[1:] if rest[:1] in ('<', '>', '=', '^') else rest
        rest = rest[1:] if rest[:1] in ('+', '-', ' ') else rest
        rest = rest[1:] if rest[:1] == 'z' else rest
        if rest[:1] == '#':
            raise ValueError("invalid format string")
        c = getcontext()
        m = _mirror(c)
        try:
            return _to_p(self).__format__(specifier, m, override)
        except ValueError:
            raise ValueError("invalid format string") from None

    def __reduce__(self):
        return (type(self), (str(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            d = Decimal(f)
        elif isinstance(f, float):
            c = Context(traps=[])
            d = Decimal(f, c)
        else:
            raise TypeError("argument must be int or float")
        return d if cls is Decimal else cls(d)

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)


_CONTEXT_DELEGATED = (
    'canonical', 'compare', 'compare_signal', 'compare_total', 'compare_total_mag', 'copy_abs', 'copy_negate',
    'copy_sign', 'divide_int', 'divmod', 'exp', 'fma', 'is_canonical', 'is_finite', 'is_infinite', 'is_nan',
    'is_normal', 'is_qnan', 'is_signed', 'is_snan', 'is_subnormal', 'is_zero', 'ln', 'log10', 'logb',
    'logical_and', 'logical_invert', 'logical_or', 'logical_xor', 'max', 'max_mag', 'min', 'min_mag',
    'next_minus', 'next_plus', 'next_toward', 'normalize', 'number_class', 'remainder', 'remainder_near',
    'rotate', 'same_quantum', 'scaleb', 'shift', 'sqrt', 'to_integral', 'to_integral_exact',
    'to_integral_value')


def _context_method(name):
    def method(self, *args):
        return _context_call(self, name, args)
    method.__name__ = name
    return method


for _name in _CONTEXT_DELEGATED:
    setattr(_ContextMethods, _name, _context_method(_name))
del _name

_native.adopt(Decimal, _DecimalMethods)
_native.adopt(Context, _ContextMethods)
_numbers.Number.register(Decimal)

_exports = [
    'BasicContext', 'Clamped', 'Context', 'ConversionSyntax', 'Decimal', 'DecimalException', 'DecimalTuple',
    'DefaultContext', 'DivisionByZero', 'DivisionImpossible', 'DivisionUndefined', 'ExtendedContext',
    'FloatOperation', 'HAVE_CONTEXTVAR', 'HAVE_THREADS', 'Inexact', 'InvalidContext', 'InvalidOperation',
    'MAX_EMAX', 'MAX_PREC', 'MIN_EMIN', 'MIN_ETINY', 'Overflow', 'ROUND_05UP', 'ROUND_CEILING', 'ROUND_DOWN',
    'ROUND_FLOOR', 'ROUND_HALF_DOWN', 'ROUND_HALF_EVEN', 'ROUND_HALF_UP', 'ROUND_UP', 'Rounded', 'Subnormal',
    'Underflow', 'getcontext', 'localcontext', 'setcontext', '__version__', '__libmpdec_version__']
"""#
}

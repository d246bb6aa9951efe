# The whole builtin exception hierarchy, OSError's errno fields and PEP 3151 subclasses, the Unicode errors'
# messages, and the sys struct sequences library code reads.
import builtins
import sys

names = sorted(n for n in dir(builtins) if isinstance(getattr(builtins, n), type)
               and issubclass(getattr(builtins, n), BaseException) and "Group" not in n)
for n in names:
    t = getattr(builtins, n)
    print(n, "<-", t.__bases__[0].__name__)
print(OSError is IOError, OSError is EnvironmentError)

for args in [(2, "No such file or directory", "x.txt"), (17, "File exists"), ("plain",), (13, "denied", "a", None, "b"),
             (32, "Broken pipe"), (11, "again"), (110, "timed out"), (9999, "odd"), ()]:
    e = OSError(*args)
    print(type(e).__name__, str(e), e.args, e.errno, e.strerror, e.filename, e.filename2)


class AppError(OSError):
    pass


e = AppError(2, "boom", "f")
print(type(e).__name__, e, e.args, isinstance(e, FileNotFoundError), isinstance(e, OSError))
print(repr(OSError(1, "x")), repr(ValueError("a", 1)), repr(KeyError("k")), str(KeyError("k")))

for path in ["/nonexistent/x", "/"]:
    try:
        open(path)
    except OSError as e:
        print("open", path, type(e).__name__, e.errno, e.strerror, e.filename, "|", e)

try:
    raise ConnectionResetError(104, "Connection reset by peer")
except ConnectionError as e:
    print("caught", type(e).__mro__[1].__name__, e)

for e in [UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 1, "invalid start byte"),
          UnicodeDecodeError("utf-8", b"ab\xe9\x80", 2, 4, "unexpected end of data"),
          UnicodeEncodeError("ascii", "h\xe9llo", 1, 2, "ordinal not in range(128)"),
          UnicodeEncodeError("ascii", "h\u20ac\U0001f600", 1, 3, "ordinal not in range(128)"),
          UnicodeEncodeError("ascii", "x\U0001f600", 1, 2, "ordinal not in range(128)"),
          UnicodeTranslateError("abc", 1, 2, "no mapping")]:
    print(type(e).__name__, "|", e, "|", e.start, e.end, e.reason, repr(e.object), getattr(e, "encoding", None))

print(issubclass(DeprecationWarning, Warning), issubclass(Warning, Exception), issubclass(BrokenPipeError, ConnectionError))
print(issubclass(FloatingPointError, ArithmeticError), issubclass(StopAsyncIteration, Exception), issubclass(EOFError, Exception))

print(sys.version_info[:2], sys.version_info >= (3, 8), sys.version_info.major, sys.version_info.minor)
major, minor, micro, level, serial = sys.version_info
print(major, minor, level, serial, len(sys.version_info), sys.version_info == (3, 11, 7, "final", 0))
print(sys.version_info[-1], sys.version_info.index("final"), sys.version_info.count(3), 11 in sys.version_info)
print(sys.flags.optimize, sys.flags.dont_write_bytecode, sys.flags.dev_mode, type(sys.flags).__name__)
print(sys.float_info.max, sys.float_info.min, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.float_info)
print(sys.int_info)
print(sys.hash_info.modulus, sys.hash_info.inf, sys.maxunicode, sys.maxsize, sys.byteorder)
print(type(sys.implementation).__name__, sys.implementation.version[:2], hex(sys.hexversion))
print(sys.getdefaultencoding(), sys.getfilesystemencoding(), sys.warnoptions, sys.getrecursionlimit())
print(isinstance(sys.builtin_module_names, tuple), "sys" in sys.builtin_module_names)

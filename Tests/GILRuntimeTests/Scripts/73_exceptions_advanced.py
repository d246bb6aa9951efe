# Exceptions: tuples of types, as, else, finally, raise from, custom hierarchies, chaining, re-raise.
class AppError(Exception):
    """Base of this program's errors."""


class ValidationError(AppError):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field


class RetryError(AppError):
    pass


def validate(record):
    if "name" not in record:
        raise ValidationError("name", "missing")
    if not isinstance(record.get("age"), int):
        raise TypeError("age must be int")
    return True


for rec in [{"name": "a", "age": 3}, {"age": 3}, {"name": "b", "age": "x"}]:
    try:
        validate(rec)
    except (ValidationError, TypeError) as e:
        print(type(e).__name__, e, getattr(e, "field", None), isinstance(e, AppError))
    else:
        print("valid", rec["name"])
    finally:
        print("checked")


def load(key):
    data = {"a": 1}
    try:
        return data[key]
    except KeyError as e:
        raise AppError(f"cannot load {key}") from e


try:
    load("zz")
except AppError as e:
    print(e, type(e.__cause__).__name__, e.__cause__, e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RetryError("retry later")
except RetryError as e:
    print(e, type(e.__context__).__name__, e.__cause__)

try:
    raise ValueError("no context") from None
except ValueError as e:
    print(e, e.__cause__, e.__suppress_context__)


def reraiser():
    try:
        int("x")
    except ValueError:
        print("logging and re-raising")
        raise


try:
    reraiser()
except ValueError as e:
    print("caught again:", e)

e = KeyError("k")
print(repr(e), str(e), e.args, repr(ValueError("a", 2)), str(ValueError()))
print(issubclass(ValidationError, Exception), ValidationError.__mro__[1].__name__, ValidationError.__doc__)


def order():
    log = []
    try:
        log.append("try")
        return log
    finally:
        log.append("finally")


print(order())


def finally_override():
    try:
        return "try"
    finally:
        pass


print(finally_override())
try:
    raise AppError("with", "two args")
except AppError as e:
    print(e.args, len(e.args))
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    {}["missing"]
except LookupError as e:
    print("LookupError caught", type(e).__name__, e)
try:
    None.attribute
except AttributeError as e:
    print("AttributeError:", e)
err = None
try:
    raise RuntimeError("scoped")
except RuntimeError as err2:
    err = err2
print(err, "err2" in dir())

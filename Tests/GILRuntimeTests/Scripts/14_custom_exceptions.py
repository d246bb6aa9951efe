class AppError(Exception):
    pass

class NotFound(AppError):
    def __init__(self, key):
        super().__init__("missing " + key)
        self.key = key

def lookup(d, k):
    if k not in d:
        raise NotFound(k)
    return d[k]

for key in ["a", "z"]:
    try:
        print(lookup({"a": 1}, key))
    except AppError as e:
        print("error:", e, "| key =", e.key, "|", isinstance(e, NotFound), isinstance(e, Exception))

def reraiser():
    try:
        1 / 0
    except ZeroDivisionError:
        print("handling, then re-raising")
        raise

try:
    reraiser()
except ZeroDivisionError as e:
    print("re-raised:", e)

try:
    try:
        raise ValueError("first")
    except ValueError as e:
        raise RuntimeError("second") from e
except RuntimeError as e:
    print(e, "caused by", repr(e.__cause__))

e = ValueError("a", 2)
print(e.args, str(ValueError("x")), repr(KeyError("k")))

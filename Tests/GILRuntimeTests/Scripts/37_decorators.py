calls = []

def logged(fn):
    def wrapper(*args, **kwargs):
        calls.append(fn.__name__)
        return fn(*args, **kwargs)
    return wrapper

def repeat(times):
    def decorate(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return decorate

@logged
def add(a, b):
    return a + b

@repeat(3)
def hello(name):
    return "hi " + name

@logged
@repeat(2)
def twice():
    return 1

print(add(2, 3), add(b=1, a=2))
print(hello("x"))
print(twice())
print(calls)

class Account:
    rate = 0.5

    def __init__(self, balance):
        self._balance = balance

    @property
    def balance(self):
        return self._balance

    @staticmethod
    def describe():
        return "an account"

    @classmethod
    def empty(cls):
        return cls(0)

a = Account(10)
print(a.balance, Account.describe(), Account.empty().balance, a.rate)

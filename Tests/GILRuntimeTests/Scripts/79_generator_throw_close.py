# generator.throw()/close() reach the generator's handlers and finally blocks; contextmanager sees exceptions.
from contextlib import contextmanager


def worker():
    try:
        while True:
            try:
                job = yield
                print("job", job)
            except ValueError as e:
                print("recovered from", e)
                yield "recovered"
    finally:
        print("worker cleanup")


w = worker()
next(w)
w.send(1)
print(w.throw(ValueError("bad job")))
next(w)
w.send(2)
w.close()
print("closed")
try:
    next(w)
except StopIteration:
    print("finished after close")


def counter():
    n = 0
    try:
        while True:
            yield n
            n += 1
    except GeneratorExit:
        print("GeneratorExit seen at", n)
        raise


c = counter()
print(next(c), next(c))
c.close()


def fragile():
    try:
        yield 1
    finally:
        print("fragile finally")


f = fragile()
next(f)
try:
    f.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))

plain = (i for i in range(3))
print(next(plain))
plain.close()
print(list(plain))
try:
    (i for i in range(3)).throw(RuntimeError("before start"))
except RuntimeError as e:
    print("unstarted:", e)


@contextmanager
def transaction(log):
    log.append("begin")
    try:
        yield log
        log.append("commit")
    except ZeroDivisionError:
        log.append("rollback")
    finally:
        log.append("end")


log = []
with transaction(log):
    log.append("work")
with transaction(log):
    1 / 0
print(log)
try:
    with transaction([]) as l2:
        raise KeyError("not handled")
except KeyError:
    print("KeyError escaped", l2)

# threading.local subclasses (__init__ again in every thread, with the creation arguments), threading.excepthook,
# daemon after start, queue task_done/join/full, and math.fsum's exact sums.
import math
import queue
import threading


class Context(threading.local):
    created = 0

    def __init__(self, user, depth=0):
        Context.created += 1
        self.user = user
        self.depth = depth
        self.thread = threading.current_thread().name


ctx = Context("ada", depth=2)
ctx.depth = 9
seen = []


def worker():
    seen.append((ctx.user, ctx.depth, ctx.thread))
    ctx.depth = 1
    del ctx.user
    seen.append(hasattr(ctx, "user"))


t = threading.Thread(target=worker, name="W")
t.start()
t.join()
print(seen, (ctx.user, ctx.depth, ctx.thread), Context.created, type(ctx).__mro__[1].__name__)
plain = threading.local()
plain.x = 1
t = threading.Thread(target=lambda: seen.append(getattr(plain, "x", "absent")))
t.start()
t.join()
print(seen[-1], plain.x)
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)

hooked = []
threading.excepthook = lambda args: hooked.append(
    (args.exc_type.__name__, str(args.exc_value), args.thread.name, args.exc_traceback is not None))
for target in (lambda: 1 / 0, lambda: [][1]):
    t = threading.Thread(target=target, name="T%d" % len(hooked))
    t.start()
    t.join()
t = threading.Thread(target=lambda: exit(3), name="quiet")
t.start()
t.join()
print(hooked)
threading.excepthook = threading.__excepthook__
print(threading.excepthook is threading.__excepthook__)

t = threading.Thread(target=lambda: None)
t.daemon = True
print(t.daemon)
t.start()
t.join()
try:
    t.daemon = False
except RuntimeError as e:
    print("RuntimeError:", e)

q = queue.Queue(2)
q.put(1)
q.put(2)
print(q.full(), q.qsize())
done = []


def consumer():
    while True:
        item = q.get()
        done.append(item)
        q.task_done()
        if item is None:
            break


threading.Thread(target=consumer).start()
q.put(3)
q.put(None)
q.join()
print(done, q.empty(), q.unfinished_tasks)
try:
    q.task_done()
except ValueError as e:
    print("ValueError:", e)

print(math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([2.0 ** 53, 1.0, -2.0 ** 53]), math.fsum([2.0 ** 53, -0.5, -2.0 ** -54]))
print(math.fsum([1.7976931348623157e+308, -1.7976931348623157e+308, 1e-320]), math.fsum([]), math.fsum([-0.0]))
print(math.fsum([1, 2 ** 60, -2 ** 60, 0.25]), math.fsum(x / 7 for x in range(1, 50)))
for values in ([1e308, 1e308, -1e308], [float("inf"), float("-inf")], [float("inf"), 1.0, float("inf")],
               [float("nan"), 1.0]):
    try:
        print(math.fsum(values))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)

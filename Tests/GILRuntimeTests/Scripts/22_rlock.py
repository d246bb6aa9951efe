import threading

rlock = threading.RLock()
log = []

def outer(depth):
    with rlock:
        log.append("enter " + str(depth))
        if depth > 0:
            outer(depth - 1)
        log.append("leave " + str(depth))

outer(3)
print(log)

shared = []

def append_many(tag):
    for i in range(3):
        with rlock:
            with rlock:
                shared.append((tag, i))

ts = [threading.Thread(target=append_many, args=(tag,)) for tag in "abc"]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(shared))
print(len(shared))

# asyncio: run, gather, create_task, cancellation, wait_for, Queue, Event, Lock, Semaphore, to_thread and
# run_in_executor (real threads), wait, as_completed, timeout, gather with return_exceptions.
import asyncio
import threading
import time


async def worker(name, delay, results):
    await asyncio.sleep(delay)
    results.append(name)
    return name.upper()


async def main():
    results = []
    values = await asyncio.gather(worker("a", 0.03, results), worker("b", 0.01, results), worker("c", 0.02, results))
    print(values, results)

    task = asyncio.create_task(worker("t", 0.01, results))
    print(await task, task.done(), task.result())

    async def forever():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("cancelled inside")
            raise

    t = asyncio.create_task(forever())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled", t.cancelled())

    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=0.02)
    except asyncio.TimeoutError:
        print("timed out")

    q = asyncio.Queue()

    async def producer():
        for i in range(5):
            await q.put(i)
            await asyncio.sleep(0)
        await q.put(None)

    async def consumer():
        got = []
        while True:
            item = await q.get()
            q.task_done()
            if item is None:
                return got
            got.append(item)

    prod = asyncio.create_task(producer())
    print(await consumer())
    await prod
    await q.join()

    ev = asyncio.Event()
    lock = asyncio.Lock()
    shared = []

    async def locked_append(i):
        await ev.wait()
        async with lock:
            shared.append(i)
            await asyncio.sleep(0)
            shared.append(-i)

    tasks = [asyncio.create_task(locked_append(i)) for i in range(3)]
    await asyncio.sleep(0.01)
    ev.set()
    await asyncio.gather(*tasks)
    print(shared)

    sem = asyncio.Semaphore(2)
    active = [0, 0]

    async def limited():
        async with sem:
            active[0] += 1
            active[1] = max(active[1], active[0])
            await asyncio.sleep(0.005)
            active[0] -= 1

    await asyncio.gather(*(limited() for _ in range(6)))
    print("max concurrent", active[1])

    def blocking(n):
        time.sleep(0.005)
        return n * n, threading.current_thread().name != "MainThread"

    print(await asyncio.to_thread(blocking, 7))
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, blocking, 3))
    r = await asyncio.gather(*(asyncio.to_thread(blocking, i) for i in range(4)))
    print(r)

    done, pending = await asyncio.wait([asyncio.create_task(worker("w1", 0.01, results)), asyncio.create_task(worker("w2", 0.05, results))], return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.result() for t in done), len(pending))
    for p in pending:
        p.cancel()

    out = []
    for coro in asyncio.as_completed([worker("x", 0.02, results), worker("y", 0.01, results)]):
        out.append(await coro)
    print(out)

    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout block")

    res = await asyncio.gather(worker("ok", 0, results), asyncio.sleep(0, "slept"), return_exceptions=True)
    print(res)

    async def boom():
        raise ValueError("bad")

    res = await asyncio.gather(boom(), worker("ok2", 0, results), return_exceptions=True)
    print(res)
    try:
        await asyncio.gather(boom(), worker("ok3", 0, results))
    except ValueError as e:
        print("gather raised", e)
    coro = boom()
    print(asyncio.iscoroutinefunction(boom), asyncio.iscoroutine(coro), asyncio.current_task().get_name())
    coro.close()
    return "main done"


print(asyncio.run(main()))

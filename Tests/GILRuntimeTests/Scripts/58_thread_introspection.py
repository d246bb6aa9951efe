# threading.enumerate/active_count/main_thread/get_ident/current_thread around joins.
import threading

main = threading.main_thread()
print(main.name, main is threading.current_thread(), threading.current_thread().name)
print("active at start:", threading.active_count(), [t.name for t in threading.enumerate()])
print("ident matches:", threading.get_ident() == main.ident)

gate = threading.Event()
idents = {}
lock = threading.Lock()


def work():
    me = threading.current_thread()
    with lock:
        idents[me.name] = (threading.get_ident() == me.ident, me is not threading.main_thread())
    gate.wait()


threads = [threading.Thread(target=work, name=f"w{i}") for i in range(3)]
for t in threads:
    t.start()
while len(idents) < 3:
    gate.wait(0.001)
print("active while running:", threading.active_count())
print("names while running:", sorted(t.name for t in threading.enumerate()))
gate.set()
for t in threads:
    t.join()
print(sorted(idents.items()))
print("active after joins:", threading.active_count(), [t.name for t in threading.enumerate()])
print("idents distinct:", len({t.ident for t in threads}) == 3)
print("alive after join:", [t.is_alive() for t in threads])
t = threading.Thread(target=work)
print("ident before start:", t.ident)

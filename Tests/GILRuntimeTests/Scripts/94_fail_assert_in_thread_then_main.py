import threading

def check():
    values = [1, 2, 3]
    assert sum(values) == 6

t = threading.Thread(target=check)
t.start()
t.join()
print("thread ok")
raise RuntimeError("main failed after threads")

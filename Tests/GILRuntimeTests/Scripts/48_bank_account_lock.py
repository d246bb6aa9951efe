# A bank account shared by threads: transfers are made atomic with a Lock, so totals are exact.
import threading


class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.lock = threading.Lock()

    def deposit(self, amount):
        with self.lock:
            self.balance += amount

    def withdraw(self, amount):
        with self.lock:
            if self.balance < amount:
                return False
            self.balance -= amount
            return True


bank_lock = threading.Lock()


def transfer(src, dst, amount):
    with bank_lock:
        if src.withdraw(amount):
            dst.deposit(amount)
            return True
        return False


alice = Account("alice", 1000)
bob = Account("bob", 1000)
failed = [0]


def shuffle(a, b, n):
    for i in range(n):
        if not transfer(a, b, (i % 7) + 1):
            with bank_lock:
                failed[0] += 1


threads = []
for k in range(4):
    pair = (alice, bob) if k % 2 == 0 else (bob, alice)
    threads.append(threading.Thread(target=shuffle, args=(pair[0], pair[1], 500)))
for t in threads:
    t.start()
for t in threads:
    t.join()
print("total:", alice.balance + bob.balance)
print("no negative balances:", alice.balance >= 0 and bob.balance >= 0)

counter = Account("counter", 0)
workers = [threading.Thread(target=lambda: [counter.deposit(1) for _ in range(1000)]) for _ in range(5)]
for t in workers:
    t.start()
for t in workers:
    t.join()
print("deposits:", counter.balance)

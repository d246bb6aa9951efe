counter = 0
names = []

def bump(by=1):
    global counter
    counter += by

def remember(x):
    names.append(x)

def shadow():
    counter = 100
    return counter

for i in range(5):
    bump()
bump(10)
remember("a"); remember("b")
print(counter, names, shadow(), counter)

def set_two():
    global a, b
    a = 1
    b = 2

set_two()
print(a + b)

def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)

def is_prime(n):
    if n < 2:
        return False
    i = 2
    while i * i <= n:
        if n % i == 0:
            return False
        i += 1
    return True

def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append((src, dst))
    hanoi(n - 1, via, dst, src, moves)

def quicksort(xs):
    if len(xs) <= 1:
        return xs
    pivot = xs[0]
    return quicksort([x for x in xs[1:] if x < pivot]) + [pivot] + quicksort([x for x in xs[1:] if x >= pivot])

def binary_search(xs, target):
    lo, hi = 0, len(xs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1

print(gcd(1071, 462), gcd(17, 5))
print([n for n in range(50) if is_prime(n)])
moves = []
hanoi(4, "A", "C", "B", moves)
print(len(moves), moves[:3])
data = [38, 27, 43, 3, 9, 82, 10, 3]
print(quicksort(data))
print(binary_search(sorted(data), 43), binary_search(sorted(data), 5))

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

print(depth(500))
memo = {}
def ways(n):
    if n <= 1:
        return 1
    if n not in memo:
        memo[n] = ways(n - 1) + ways(n - 2)
    return memo[n]
print(ways(90))

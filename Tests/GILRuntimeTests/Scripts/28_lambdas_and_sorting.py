square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2), (lambda: "no args")())
words = ["banana", "Apple", "cherry", "date", "Elderberry", "fig"]
print(sorted(words))
print(sorted(words, key=len))
print(sorted(words, key=lambda w: w.lower()))
print(sorted(words, key=lambda w: (len(w), w), reverse=True))
pairs = [(1, "b"), (3, "a"), (2, "c"), (1, "a")]
print(sorted(pairs))
print(sorted(pairs, key=lambda p: p[1]))
print(min(pairs, key=lambda p: p[1]), max(words, key=len))
print(list(map(lambda x: x + 1, [1, 2, 3])), list(filter(lambda x: x % 2, range(10))))
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])))
nums = [5, 3, 8, 1]
nums.sort()
print(nums)
nums.sort(key=lambda n: -n)
print(nums)
nums.reverse()
print(nums, list(reversed(nums)))

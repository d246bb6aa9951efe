s = "abcdefghij"
lst = list(range(10))
print(s[2:5], s[:3], s[7:], s[-3:], s[:-3])
print(s[::2], s[1::3], s[::-1], s[8:2:-2])
print(lst[2:8:2], lst[::-1][:3], lst[-1:-4:-1])
print(s[100:], s[-100:3], lst[5:2])
t = (1, 2, 3, 4)
print(t[1:3], t[::-1])
lst[2:5] = ["x", "y"]
print(lst)
lst[:2] = []
print(lst)
del lst[::2]
print(lst)
nums = [0, 1, 2, 3, 4, 5]
del nums[1]
del nums[-2:]
print(nums)
copy = nums[:]
copy.append(99)
print(nums, copy)

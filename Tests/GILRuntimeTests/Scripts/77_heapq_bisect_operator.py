# heapq, bisect and operator: a scheduler-style priority list, sorted inserts, key functions.
import heapq
import bisect
import operator
from operator import itemgetter, attrgetter, methodcaller

heap = []
for priority, task in [(5, "write"), (1, "plan"), (3, "code"), (4, "test"), (2, "design")]:
    heapq.heappush(heap, (priority, task))
print(heap[0], len(heap))
print([heapq.heappop(heap)[1] for _ in range(3)], heap[0])
nums = [9, 4, 7, 1, 8, 2]
heapq.heapify(nums)
print(nums[0], heapq.heappushpop(nums, 0), heapq.heapreplace(nums, 10), sorted(nums))
print(heapq.nlargest(2, [3, 9, 1, 7]), heapq.nsmallest(2, [3, 9, 1, 7]), list(heapq.merge([1, 4], [2, 3])))

scores = [10, 20, 30, 40]
print(bisect.bisect_left(scores, 20), bisect.bisect_right(scores, 20), bisect.bisect(scores, 25))
bisect.insort(scores, 25)
bisect.insort_left(scores, 5)
print(scores)
grades = [bisect.bisect([60, 70, 80, 90], s) for s in (33, 99, 77, 70, 89, 90, 100)]
print(["FDCBA"[g] for g in grades])

rows = [("ann", 31, "nyc"), ("bob", 25, "sf"), ("cy", 31, "la")]
print(sorted(rows, key=itemgetter(1, 0)), itemgetter(2)(rows[0]), itemgetter(0, 2)(rows[1]))


class P:
    def __init__(self, name, age):
        self.name = name
        self.age = age


people = [P("x", 3), P("y", 1)]
print([p.name for p in sorted(people, key=attrgetter("age"))], attrgetter("name", "age")(people[0]))
print(list(map(methodcaller("upper"), ["a", "b"])), methodcaller("split", ",")("1,2"))
print(operator.add(2, 3), operator.mul(4, 5), operator.neg(7), operator.itemgetter(-1)([1, 2, 3]))
print(operator.eq(1, 1.0), operator.contains([1, 2], 2), operator.truediv(7, 2), operator.floordiv(7, 2))

# heapq and bisect
import heapq
import bisect

h = []
for x in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, x)
print(h, [heapq.heappop(h) for _ in range(6)])
l = [9, 4, 7, 1, 0, 3]
heapq.heapify(l)
print(l, heapq.heappushpop(l, 2), heapq.heapreplace(l, 10), l)
print(list(heapq.merge([1, 3, 5], [2, 4, 6], [0])), list(heapq.merge([5, 3], [4, 1], reverse=True)))
print(list(heapq.merge(['a', 'BB'], ['cc'], key=len)), list(heapq.merge()), list(heapq.merge([1])))
print(heapq.nlargest(3, [5, 1, 8, 3, 9]), heapq.nsmallest(2, [5, 1, 8, 3, 9], key=lambda v: -v))
print(heapq.nlargest(1, []), heapq.nsmallest(10, [3, 1]), heapq.nlargest(2, iter([4, 9, 1])))
tasks = []
for prio, name in [(3, 'c'), (1, 'a'), (2, 'b'), (1, 'a2')]:
    heapq.heappush(tasks, (prio, name))
print([heapq.heappop(tasks)[1] for _ in range(4)])
try:
    heapq.heappop([])
except IndexError as e:
    print(e)
a = [1, 2, 2, 3]
print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 5), bisect.bisect_left(a, 0))
bisect.insort(a, 2)
bisect.insort_left(a, 0)
bisect.insort_right(a, 4)
print(a, bisect.bisect_left([(1, 'a'), (3, 'b')], 2, key=lambda t: t[0]))
print(bisect.bisect_left(a, 2, 3), bisect.bisect_right(a, 2, 0, 2))
recs = [('x', 1), ('y', 5)]
bisect.insort(recs, ('z', 3), key=lambda r: r[1])
print(recs)
try:
    bisect.bisect([], 1, -1)
except ValueError as e:
    print(e)

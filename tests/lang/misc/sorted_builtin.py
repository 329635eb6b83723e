data = [5, 2, 8, 1, 9, 3]
print(sorted(data), sorted(data, reverse=True), data)
print(sorted("hello"), sorted((3, 1, 2)), sorted({3: "a", 1: "b"}), sorted({5, 1, 3}))
people = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(["b", "A", "c", "B"]), sorted(["b", "A", "c", "B"], key=str.lower))
print(sorted([3, 1, 2], key=None), sorted([], reverse=True), sorted([[2, 1], [1, 2], [1]]))
stable = sorted([(1, "x"), (0, "y"), (1, "a"), (0, "b")], key=lambda t: t[0])
print(stable)
print(sorted([-3, 2, -1], key=abs), sorted(["ccc", "a", "bb"], key=len, reverse=True))
lst = [3, 1, 2]
lst.sort(key=lambda v: -v)
print(lst)
try:
    sorted([1, "a"])
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1], key=5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted(5)
except TypeError as e:
    print(type(e).__name__, e)

s = {3, 1, 2}
s.add(5)
s.add(1)
print(s, len(s), 3 in s, 4 in s)
s.discard(3)
s.remove(2)
print(s)
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, a ^ b, a <= b, {1, 2} < a, a.isdisjoint({9}))
print(set(), set([3, 3, 1]), frozenset([2, 1]), {x % 5 for x in range(20)})
print(sorted({"pear", "apple", "fig"}))
print(set(range(100, 0, -7)))
print({-1, -2, 8, 16, 32, 64, 100, 1000, 33})
s = set()
for i in [40, 7, 33, 1, 100, 9, 18, 72, 5]:
    s.add(i)
print(s, s.pop(), s)
t = (1, 2, 3)
print(t, t[1], t[-1], t[1:], len(t), t + (4,), t * 2, t.count(2), t.index(3), (1,), ())
print((1, 2) < (1, 3), (1, 2) == (1, 2), hash((1, 2)) == hash((1, 2)), hash((1, 2, 3)), hash(()))
x, y, z = t
print(x, y, z, tuple("ab"), tuple([1, [2]]))
print(frozenset({1, 2}) == {1, 2}, hash(frozenset()), hash(frozenset({1, 2, 3})))
print(set("abc") == set("cba"), {1, 2, 3}.union([4], (5,)), {1, 2, 3}.intersection([2, 3, 4], [3]))
print({(1, 2), (2, 1), (0, 0)})

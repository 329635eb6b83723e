a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(a <= {1, 2, 3, 4, 5}, a < a, a <= a, {1} < a, a > {1}, a >= b, a == {4, 3, 2, 1})
print(a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({9}), a.isdisjoint(b))
print(sorted(a.union([7], (8,))), sorted(a.intersection(b, {4})), sorted(a.difference([1], [2])))
print(sorted(a.symmetric_difference([1, 9])))
c = set()
c.add(5)
c.add(5)
c.update([6, 7], {8})
print(sorted(c), len(c), 6 in c, 60 not in c)
c.discard(100)
c.discard(5)
c.remove(6)
print(sorted(c))
c |= {1}
c &= {1, 7, 8}
c -= {8}
c ^= {2}
print(sorted(c))
print(set(), repr(set()), {(1, 2), (1, 2)}, {0, 0.0, False}, len({1, True, 1.0}))
print(sorted({x % 3 for x in range(10)}), set([3]) == frozenset([3]))
print({5}, {-1}, {(0, "a")})

# itertools.groupby: consecutive keys, key functions, and stale groups
import itertools as it

print([(k, list(g)) for k, g in it.groupby('aaabbcaa')])
print([(k, list(g)) for k, g in it.groupby([1, 2, 3, 4, 5], key=lambda x: x % 2)])
print([k for k, g in it.groupby('aabbbc')])
print(list(it.groupby([])))
groups = []
for k, g in it.groupby('aabbc'):
    groups.append(g)
print([list(g) for g in groups])
gb = it.groupby('xxyy')
k1, g1 = next(gb)
print(k1, next(g1))
k2, g2 = next(gb)
print(k2, list(g1), list(g2))
words = ['apple', 'avocado', 'banana', 'blueberry', 'cherry']
for letter, ws in it.groupby(words, key=lambda w: w[0]):
    print(letter, list(ws))
data = sorted([('b', 2), ('a', 1), ('b', 3), ('a', 4)])
print({k: [v for _, v in g] for k, g in it.groupby(data, key=lambda p: p[0])})
print(type(next(it.groupby('a'))[1]).__name__)

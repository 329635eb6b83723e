f = frozenset([3, 1, 2])
g = frozenset(range(2, 6))
print(sorted(f), len(f), 2 in f, type(f | g).__name__, type({1} | f).__name__, type(f | {1}).__name__)
print(sorted(f & g), sorted(f - g), sorted(f ^ g), f <= frozenset(range(5)), f == {1, 2, 3})
print(hash(f) == hash(frozenset([1, 2, 3])), hash(frozenset()) == hash(frozenset()))
d = {f: "frozen"}
print(d[frozenset({1, 2, 3})])
print(frozenset(), repr(frozenset()), frozenset([5]), frozenset({(1, 2)}))
s = {frozenset([1]), frozenset([1])}
print(len(s))
print(f.copy() is f or f.copy() == f, sorted(f.union([9])), f.isdisjoint([7]))
print(sorted(frozenset("aba")) , frozenset([1, 2]) < frozenset([1, 2, 3]))
nested = frozenset([frozenset([1]), frozenset()])
print(len(nested), frozenset() in nested)
try:
    f.discard(1)
except AttributeError as e:
    print(type(e).__name__, e)

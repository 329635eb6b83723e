# collections.defaultdict: default factories, repr, copies, errors
from collections import defaultdict
import copy

dd = defaultdict(list)
dd['a'].append(1)
dd['a'].append(2)
dd['b']
print(dd, dict(dd), len(dd), 'c' in dd)
print(defaultdict(int, a=1), defaultdict(None, {1: 2}), defaultdict())
try:
    defaultdict()['x']
except KeyError as ex:
    print('KeyError', ex)
counts = defaultdict(int)
for ch in 'mississippi':
    counts[ch] += 1
print(sorted(counts.items()))
print(counts.get('z'), 'z' in counts, counts.default_factory)
counts.default_factory = lambda: -1
print(counts['q'])
nested = defaultdict(lambda: defaultdict(int))
nested['x']['y'] += 3
print(nested['x'], isinstance(nested, dict))
c = dd.copy()
print(c, type(c).__name__, c.default_factory is list, copy.copy(dd) == dd)
print(copy.deepcopy(dd))
try:
    defaultdict(5)
except TypeError as e:
    print(e)
print(defaultdict(list, [(1, [2])]) | {3: [4]})
print({0: 1} | defaultdict(set, {1: 2}))
r = defaultdict(list)
r[1] = r
print(r)


class Sub(defaultdict):
    pass


print(Sub(int, a=1), Sub(int).default_factory)
print(dd.__missing__('zz'), dd['zz'])

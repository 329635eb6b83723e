# collections.Counter: counting, most_common, multiset arithmetic
from collections import Counter

c = Counter('abracadabra')
print(c, c.most_common(2), c['z'], c.total(), sorted(c.elements()))
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3) - Counter(a=5), Counter())
print(Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2))
print(+Counter(a=1, b=-2), -Counter(a=1, b=-2))
d = Counter(['x', 'y', 'x'])
d.update('xz')
d.update({'y': 10})
print(d)
d.subtract('xxx')
print(d, d.most_common(1))
del d['nope']
del d['z']
print(d)
print(Counter({'a': 1}) == Counter({'a': 1, 'b': 0}), Counter(a=1) <= Counter(a=2), Counter(a=3) > Counter(a=2))
try:
    Counter.fromkeys('ab')
except NotImplementedError as e:
    print(e)
e = Counter(cats=4, dogs=8)
e += Counter(cats=-5)
print(e)
print(Counter('hello world').most_common(3), Counter('aab').most_common(0))
print(dict(Counter('abc')), list(Counter('cba')), Counter('a').copy())
print(Counter({1: 'x'}))


class Tally(Counter):
    pass


print(Tally('aab'), Tally())

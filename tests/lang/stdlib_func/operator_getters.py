# operator.itemgetter, attrgetter, methodcaller: calls, reprs, errors
import operator
from operator import itemgetter, attrgetter, methodcaller

print(itemgetter(1)([1, 2]), itemgetter(1, 0)('ab'), itemgetter('k')({'k': 3}), itemgetter(slice(2))('abc'))
print(attrgetter('real')(3), attrgetter('real', 'imag')(1 + 2j), methodcaller('upper')('a'))
print(methodcaller('split', ',', maxsplit=1)('a,b,c'), methodcaller('count', 'a')('banana'))
print(itemgetter(1), itemgetter(1, 'a'), attrgetter('a.b', 'c'), methodcaller('f', 1, k=2), methodcaller('g'))


class N:
    pass


o = N()
o.a = N()
o.a.b = 'deep'
o.c = 3
print(attrgetter('a.b')(o), attrgetter('a.b', 'c')(o))
rows = [('b', 2), ('a', 3), ('c', 1)]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(0)), max(rows, key=itemgetter(1)))
print(list(map(itemgetter(0), rows)))
for bad in (lambda: itemgetter(), lambda: attrgetter(1), lambda: methodcaller(1), lambda: itemgetter(5)([1]),
            lambda: attrgetter('zz')(o), lambda: methodcaller('nope')(o), lambda: itemgetter(1)([1, 2], 3)):
    try:
        bad()
    except (TypeError, IndexError, AttributeError) as e:
        print(type(e).__name__, e)
print(type(itemgetter(1)).__name__, type(attrgetter('a')).__module__)

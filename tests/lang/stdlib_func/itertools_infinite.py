# itertools: count, cycle, repeat (values, reprs, length hints)
import itertools as it
import operator

print(list(it.islice(it.count(), 5)))
print(list(it.islice(it.count(10, -3), 4)))
print(list(it.islice(it.count(0.5, 0.25), 4)))
print(it.count(5), it.count(0.5, 0.5), it.count(1, 2), it.count(-1, 1.0))
c = it.count(2 ** 63 - 2)
print(next(c), next(c), next(c), c)
print(list(it.islice(it.count(1j, 1j), 2)))
print(list(it.islice(it.cycle('ab'), 5)), list(it.cycle([])))
print(it.repeat(3, 2), it.repeat('a'), it.repeat(None, -4), list(it.repeat(1, 3)))
r = it.repeat('x', 3)
print(operator.length_hint(r), next(r), operator.length_hint(r))
print(list(map(pow, range(5), it.repeat(2))))
print(list(zip(it.count(1), 'abc')))
print(it.count(start=3, step=2), it.repeat(object=7, times=2))
print(type(it.count()).__name__, type(it.count()).__module__)


class MyCount(it.count):
    pass


print(MyCount(4), isinstance(MyCount(), it.count))

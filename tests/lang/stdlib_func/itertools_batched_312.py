# oracle: python3.12
# itertools.batched is new in Python 3.12
import itertools as it

print(list(it.batched('abcdefg', 3)))
print(list(it.batched(range(6), 2)), list(it.batched([], 4)), list(it.batched('ab', 5)))
print(list(it.batched(iterable='abc', n=2)))
for bad in (0, -1):
    try:
        it.batched('abc', bad)
    except ValueError as e:
        print('ValueError', e)
try:
    it.batched('abc', 1.5)
except TypeError as e:
    print('TypeError', e)
print(type(it.batched('a', 1)).__name__)

# itertools: product, permutations, combinations, combinations_with_replacement
import itertools as it

print(list(it.product('ab', range(2))), list(it.product(range(2), repeat=2)))
print(list(it.product()), list(it.product('ab', [])), len(list(it.product(range(3), repeat=3))))
print(list(it.permutations(range(3), 2)), len(list(it.permutations(range(4)))))
print(list(it.permutations('ab')), list(it.permutations('abc', 0)), list(it.permutations('ab', 3)))
print(list(it.permutations('abc', None))[:3])
print(list(it.combinations('abcd', 2)), list(it.combinations('ab', 3)), list(it.combinations('ab', 0)))
print(list(it.combinations_with_replacement('abc', 2)), list(it.combinations_with_replacement('', 2)))
print(list(it.combinations_with_replacement('ab', 0)), len(list(it.combinations(range(10), 4))))
print(sum(1 for _ in it.permutations(range(6))))
print(list(it.product([1, 2], 'x', repeat=2)))

# types.GenericAlias: list[int], dict[str, int] (PEP 585)
import types
import collections
import collections.abc

print(list[int], dict[str, list[int]], tuple[int, ...], type[int], tuple[()])
print(list[int]().__class__, list[int].__origin__, list[int].__args__, list[int] == list[int], list[int] != list[str])
print(isinstance(list[int], types.GenericAlias), types.GenericAlias(list, (int,)), types.GenericAlias(dict, str))
try:
    isinstance([], list[int])
except TypeError as e:
    print(e)
print(list[int](range(3)), dict[str, int](a=1), hash(list[int]) == hash(list[int]))
print(collections.deque[int], collections.defaultdict[str, int], collections.OrderedDict[str, int])
print(collections.abc.Iterable[str], frozenset[int], set[int], type(list[int]).__name__)
print(list[int].__name__, list[int].__mro_entries__(()), list[collections.abc.Callable[[int], str]])


class MyList(list[int]):
    pass


print(MyList.__bases__, MyList([1]))
print(list[int] | None, int | list[str])


def f(x: list[int]) -> dict[str, int]:
    pass


print(f.__annotations__)

# collections.abc: isinstance/issubclass of builtins, mixin methods, Callable[...]
import collections.abc as cabc
from collections import deque, OrderedDict, Counter

print(isinstance([], cabc.MutableSequence), isinstance({}, cabc.Mapping), isinstance((), cabc.Sequence))
print(issubclass(deque, cabc.MutableSequence), isinstance(iter([]), cabc.Iterator), isinstance('', cabc.Sequence))
print(isinstance(3, cabc.Hashable), isinstance([], cabc.Hashable), isinstance(len, cabc.Callable))
print(isinstance({}.keys(), cabc.Set), isinstance({}.items(), cabc.ItemsView), isinstance({}.values(), cabc.ValuesView))
print(isinstance(set(), cabc.MutableSet), isinstance(frozenset(), cabc.MutableSet), isinstance(frozenset(), cabc.Set))
print(isinstance(range(3), cabc.Sequence), isinstance(b'', cabc.Sequence), isinstance(bytearray(), cabc.MutableSequence))
print(isinstance((x for x in []), cabc.Generator), isinstance(iter(range(3)), cabc.Iterator), isinstance([], cabc.Reversible))
print(isinstance(OrderedDict(), cabc.MutableMapping), isinstance(Counter(), cabc.Mapping), isinstance(5, cabc.Iterable))
print(issubclass(list, cabc.Collection), issubclass(dict, cabc.Container), issubclass(str, cabc.Sized))


class S(cabc.Set):
    def __init__(self, it):
        self.d = list(dict.fromkeys(it))

    def __contains__(self, x):
        return x in self.d

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        return len(self.d)


print(sorted(S('abc') & S('bcd')), S('ab') <= S('abc'), sorted(S('ab') | S('bc')), sorted(S('abc') - S('b')))
print(S('ab') == S('ba'), S('a').isdisjoint('bc'), sorted(S('ab') ^ S('bc')))


class Seq(cabc.Sequence):
    def __getitem__(self, i):
        return 'xyz'[i]

    def __len__(self):
        return 3


s = Seq()
print(list(s), list(reversed(s)), s.index('y'), s.count('z'), 'x' in s)


class MM(cabc.MutableMapping):
    def __init__(self):
        self.d = {}

    def __getitem__(self, k):
        return self.d[k]

    def __setitem__(self, k, v):
        self.d[k] = v

    def __delitem__(self, k):
        del self.d[k]

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        return len(self.d)


m = MM()
m.update(a=1, b=2)
print(m.setdefault('c', 3), m.pop('a'), m.get('q'), sorted(m.items()), type(m.keys()).__name__, m == {'b': 2, 'c': 3})
print(m.popitem(), len(m))
m.clear()
print(len(m))


class Incomplete(cabc.Sequence):
    pass


try:
    Incomplete()
except TypeError:
    print('TypeError')
print(cabc.Callable[[int, str], float], cabc.Callable[..., int], cabc.Iterable[int], cabc.Mapping[str, int])
print(cabc.Callable[[int], str].__args__, cabc.Sized.__abstractmethods__)


class It:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration


print(isinstance(It(), cabc.Iterator), issubclass(It, cabc.Iterable), issubclass(It, cabc.Sized))

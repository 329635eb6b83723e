# oracle: python3.12
# reprlib: size-limited reprs and recursive_repr
import reprlib
from reprlib import Repr, recursive_repr

print(reprlib.repr(list(range(100))), reprlib.repr('x' * 100), reprlib.repr(tuple(range(10))))
print(reprlib.repr(set(range(20))), reprlib.repr(frozenset('abcdefgh')), reprlib.repr({i: i for i in range(10)}))
print(reprlib.repr(2 ** 200), reprlib.repr([[[[[[[1]]]]]]]), reprlib.repr((1,)), reprlib.repr(set()))
r = Repr()
r.maxlist = 2
r.maxstring = 10
print(r.repr([1, 2, 3]), r.repr('abcdefghijklmnop'), r.repr({}))
r2 = Repr(maxlevel=1, fillvalue='…')
print(r2.repr([[1], 2]), r2.repr({'a': {'b': 1}}))
from collections import deque
print(reprlib.repr(deque(range(10))))


class Big:
    def __repr__(self):
        return 'B' * 50


class Broken:
    def __repr__(self):
        raise ValueError


print(reprlib.repr(Big()), reprlib.repr(Broken()).startswith('<Broken instance at 0x'))


class Node:
    def __init__(self):
        self.children = []

    @recursive_repr()
    def __repr__(self):
        return f'Node({self.children})'


n = Node()
n.children.append(n)
print(n, Node.__repr__.__name__, Node.__repr__.__qualname__)


class Other:
    @recursive_repr('<loop>')
    def __repr__(self):
        return f'O[{self.me}]'


o = Other()
o.me = o
print(o)

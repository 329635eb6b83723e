# functools.partial and partialmethod
import functools
from functools import partial, partialmethod


def f(a, b, c=0):
    return (a, b, c)


p = partial(f, 1, c=5)
print(p(2), p(2, c=6), p.func is f, p.args, p.keywords)
print(repr(partial(f, 1, c=5)).split(' at ')[0])
pp = partial(partial(f, 1), 2)
print(pp.func is f, pp.args, pp(), repr(pp).count('partial'))
print(partial(max)([3, 1]), partial(int, base=2)('101'), partial(sorted, key=len)(['ccc', 'a', 'bb']))
try:
    partial(5)
except TypeError as e:
    print(e)
try:
    partial()
except TypeError as e:
    print(e)
p.attr = 'x'
print(p.attr, p.__dict__)


class MyPartial(partial):
    pass


mp = MyPartial(f, 9)
print(type(mp).__name__, mp(8), repr(mp).startswith('MyPartial(<function f'))


class Cell:
    def __init__(self):
        self.state = None

    def set_state(self, v):
        self.state = v

    on = partialmethod(set_state, True)
    off = partialmethod(set_state, False)


c = Cell()
c.on()
print(c.state)
c.off()
print(c.state, repr(Cell.__dict__['on']).split(' at ')[0])
print(sorted(['b', 'A', 'c'], key=partial(str.lower)))

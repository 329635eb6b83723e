# collections.deque: the double-ended queue and its maxlen
from collections import deque

d = deque([1, 2, 3], maxlen=3)
d.append(4)
print(d, d.maxlen, deque().maxlen)
d.appendleft(0)
print(d)
d.rotate(1)
print(d)
d.rotate(-2)
print(d)
e = deque()
e.extend(range(10))
e.extendleft('ab')
print(e, len(e), e[0], e[-1], 3 in e, 'z' in e)
print(e.pop(), e.popleft(), e.index(5), e.count(1))
e.remove(5)
del e[0]
e[0] = 'X'
print(e)
e.insert(2, 'I')
e.reverse()
print(e, list(reversed(e)))
print(deque('ab') + deque('cd'), deque('ab') * 2, 3 * deque([0]))
print(deque('ab') == deque('ab'), deque('ab') < deque('b'), deque([1]) != deque([1, 2]), deque() == [])
x = deque([1])
x.append(x)
print(x)
f = deque(range(5), 3)
print(f, f.copy(), f.copy().maxlen)
f += 'xy'
print(f)
f *= 2
print(f)
g = deque('abc')
g.clear()
print(g, bool(g), bool(deque([0])))
h = deque(range(20))
h.rotate(7)
print(h)
h.rotate(-27)
print(h)
print(deque(maxlen=0), deque('abc', maxlen=0))
z = deque(maxlen=2)
z.extendleft('abc')
print(z)
print(deque(iterable=[1, 2], maxlen=5))


class MyDeque(deque):
    pass


m = MyDeque([1, 2], maxlen=4)
print(m, type(m.copy()).__name__, m.copy())
print(deque([1, 2, 3]).index(3, 1), list(iter(deque('xyz'))))
q = deque('ab')
q.__init__('cd')
print(q)

# oracle: python3.12
# collections.OrderedDict (3.12 repr: OrderedDict({...}); 3.11 printed a list of pairs)
from collections import OrderedDict

od = OrderedDict(a=1, b=2, c=3)
od.move_to_end('a')
print(od, list(od))
print(od.popitem(last=False), od.popitem(), od)
od.update([('x', 9), ('y', 8)])
od.move_to_end('y', last=False)
print(od, OrderedDict(), list(reversed(od)))
print(od.keys(), od.values(), od.items())
print(list(reversed(od.items())))
a = OrderedDict([(1, 1), (2, 2)])
b = OrderedDict([(2, 2), (1, 1)])
print(a == b, a == dict(b), dict(a) == b, a != b)
print(OrderedDict.fromkeys('abc', 0), a | {3: 3}, {0: 0} | a)
c = a.copy()
c[5] = 5
print(c, a)
try:
    OrderedDict().popitem()
except KeyError as e:
    print('KeyError', e)
try:
    od.move_to_end('nope')
except KeyError as e:
    print('KeyError', e)
r = OrderedDict()
r['self'] = r
print(r)
print(isinstance(od, dict), od.setdefault('q', 1), od.pop('q'), od.get('zz', 'dflt'))

import pprint

data = {'name': 'Krait', 'versions': [3.10, 3.11, 3.12], 'nested': {'a': list(range(30)), 'b': ('x', 'y'),
        'c': {1, 2, 3}, 'd': frozenset({'q'})}, 'empty': [{}, [], (), set()], 'single': (1,),
        'text': 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore',
        'bytes': bytes(range(40)), 'ba': bytearray(b'0123456789' * 6), 10: None, 2.5: True}
pprint.pprint(data)
pprint.pprint(data, width=40)
pprint.pprint(data, width=120, sort_dicts=False)
pprint.pprint(data, indent=4, width=60)
pprint.pprint(data, depth=1)
pprint.pprint(data, depth=2, width=50)
pprint.pprint(list(range(100)), compact=True)
pprint.pprint(list(range(100)), compact=True, width=30, indent=2)
pprint.pprint([['a' * 10] * 5] * 3, compact=True, width=40)
pprint.pp({'z': 1, 'a': 2, 'm': [1, 2]})
pprint.pp({'z': 1, 'a': 2, 'm': list(range(40))})
print(pprint.pformat({'b': 1, 'a': [1, 2, 3]}), pprint.pformat('x' * 100, width=30))
print(pprint.pformat(['one two three four five six seven eight nine ten eleven twelve', 'short'], width=25))
print(pprint.pformat('line one\nline two is longer than the others by a lot\nline three', width=30))
print(pprint.pformat((('deep', ('er', ('est',))),), width=10))
lst = [1, 2]
lst.append(lst)
d = {'self': None}
d['self'] = d
def noid(s):
    return s.replace(str(id(lst)), 'ID1').replace(str(id(d)), 'ID2')
print(noid(pprint.pformat(lst)), noid(pprint.saferepr(d)), pprint.isrecursive(lst), pprint.isreadable(lst), pprint.isreadable([1, {2: 3}]), pprint.isreadable(object()))
print(noid(pprint.pformat(lst)))
print(noid(pprint.pformat({'k': d}, width=5)))
print(pprint.saferepr({3: 'c', 1: 'a', 2: 'b'}), pprint.saferepr([1, 'x', (2,)]))
print(pprint.pformat({1: 'a', 'b': 2, (1, 2): None, None: 0}))
print(pprint.pformat({3, 'a', 1.5, (1,)}, width=10))
print(pprint.pformat(12345678, underscore_numbers=True), pprint.pformat([10**10], underscore_numbers=True))
class Point:
    def __repr__(self):
        return 'Point()'
pprint.pprint([Point()] * 12, width=30)
pprint.pprint({'k' * 30: ['v' * 30, {'kk' * 10: ['w' * 40]}]}, width=50)
for bad in [dict(indent=-1), dict(depth=0), dict(width=0)]:
    try:
        pprint.PrettyPrinter(**bad)
    except ValueError as e:
        print('ValueError', e)
pp = pprint.PrettyPrinter(width=20)
print(pp.pformat(list('abcdefghijkl')), pp.isreadable((1, 2)), pp.isrecursive([]))
pprint.pprint(tuple(range(25)), width=30)
pprint.pprint(frozenset(range(25)), width=40)
pprint.pprint(b'abcdefghijklmnopqrstuvwxyz' * 3, width=30)

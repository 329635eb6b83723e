# collections.ChainMap: layered lookups and writes to the first mapping
from collections import ChainMap

cm = ChainMap({'a': 1}, {'a': 2, 'b': 3})
print(cm, cm['a'], cm['b'], len(cm), list(cm), cm.new_child())
print(cm.get('zz', 0), 'b' in cm, dict(cm), cm.parents, bool(ChainMap()), bool(cm))
cm['c'] = 4
del cm['a']
print(cm, cm['a'])
try:
    del cm['b']
except KeyError as e:
    print('KeyError', e)
child = cm.new_child({'b': 30}, d=5)
print(child, child['b'], child.maps[0])
print(cm.pop('c'), cm, cm.copy(), ChainMap.fromkeys('xy', 1))
try:
    ChainMap({}).popitem()
except KeyError as e:
    print('KeyError', e)
try:
    ChainMap()['missing']
except KeyError as e:
    print('KeyError', e)
print(cm | {'z': 0}, {'z': 0} | cm)
cm |= {'w': 1}
print(cm)
cm.clear()
print(cm)

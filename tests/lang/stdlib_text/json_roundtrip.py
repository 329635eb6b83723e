import json

values = [0, -1, 2**70, -2**70, 0.0, -0.0, 1.5, 1e-300, 1e300, 123456.789, 0.1, 1/3, '', 'a"b', 'tab\t', '\u0000\u001f',
          '\u2028\u2029', '\ud7ff\ue000\uffff', '\U0010ffff', [], {}, [[[]]], {'a': {'b': {'c': []}}}, True, False, None]
for v in values:
    s = json.dumps(v)
    s2 = json.dumps(v, ensure_ascii=False)
    back = json.loads(s)
    print(repr(s), repr(s2), back == v, type(back).__name__)
print(json.dumps({'k': [1, 2]}, indent='--'), json.dumps([1, [2, [3]]], indent=1, separators=(',', ':')))
print(json.loads('  [1 , 2 ,\n\t3 ]  '), json.loads('{"a" : 1 , "b":[ ] }'), json.loads('"\\u00e9\\u00E9"'))
print(json.loads('1.0'), json.loads('-0.0'), json.loads('1E5'), json.loads('1e-5'), json.loads('10000000000000000000000'))
doc = json.dumps({'users': [{'name': 'n%d' % i, 'age': 20 + i, 'tags': ['t'] * (i % 3)} for i in range(5)]}, indent=2, sort_keys=True)
print(doc)
print(json.loads(doc)['users'][3])
print(json.dumps({'b': 1, 'a': 2}, sort_keys=True, indent=None, separators=(', ', ': ')))
print(json.JSONEncoder(sort_keys=True, indent=2).encode({'z': [], 'y': {}}))
print(json.decoder.JSONDecoder().decode('[true]'), json.JSONDecodeError.__mro__[1].__name__)

import json

doc = '''
{
  "store": {"books": [
     {"title": "A \\"quoted\\" title", "price": 8.95, "tags": ["x", "y"]},
     {"title": "caf\\u00e9 \\ud83d\\ude00", "price": 12, "isbn": null, "avail": false}
  ], "open": true},
  "nums": [0, -0, 1e3, 1E-2, -12.5e+2, 123456789012345678901234567890, 0.1]
}
'''
obj = json.loads(doc)
print(obj)
print(obj["store"]["books"][1]["title"], len(obj["store"]["books"][1]["title"]))
print(json.loads('"\\/\\b\\f\\n\\r\\t\\\\"'))
print(json.loads(' [ ] '), json.loads('{ }'), json.loads('  "s"  '), json.loads('-1'))
print(json.loads(b'{"a": 1}'), json.loads(bytearray(b'[true]')))
print(json.loads('"\u00e9\u4e2d"'.encode('utf-8')))
print(json.loads('[1, 2]'.encode('utf-16')))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=lambda p: ('pairs', p)))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('[1.5, 2, 7]', parse_float=lambda s: 'F' + s, parse_int=lambda s: 'I' + s))
print(json.loads('[NaN, Infinity, -Infinity]', parse_constant=lambda s: s.lower()))
print(json.loads('[NaN, Infinity, -Infinity]'))
print(json.loads('"a\tb"', strict=False))
dec = json.JSONDecoder()
print(dec.raw_decode('[1, 2] trailing'))
print(dec.raw_decode('xx{"k": "v"}', 2))
print(dec.decode('  {"z": [1, {"y": null}]}  '))

class MyDec(json.JSONDecoder):
    def __init__(self, **kw):
        super().__init__(object_hook=self.hook, **kw)
    def hook(self, d):
        return {k.upper(): v for k, v in d.items()}

print(json.loads('{"a": {"b": 2}}', cls=MyDec))
e = json.JSONDecodeError("boom", "ab\ncd", 4)
print(e, e.msg, e.pos, e.lineno, e.colno, isinstance(e, ValueError))
try:
    json.loads('{"a": [1, 2,, 3]}')
except ValueError as err:
    print(type(err).__name__, err)
s = json.dumps({"k": ["\u2603", 1.25, None]})
print(s, json.loads(s) == {"k": ["\u2603", 1.25, None]})
big = [{"id": i, "name": "item%d" % i, "vals": [i * 0.5, -i]} for i in range(50)]
print(json.loads(json.dumps(big)) == big, json.loads(json.dumps(big, indent=3)) == big)

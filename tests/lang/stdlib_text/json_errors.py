import json
cases = ['', ' ', '[', '[1', '[1,', '[1,]', '{', '{"a"', '{"a":', '{"a":1', '{"a":1,', '{"a":1,}', '{a:1}', '"abc', '"a\\', '"a\\x"', '"\\u12"', '"\\u12zz"', '"a\x01b"', '1 2', '[1 2]', '{"a" 1}', 'nul', 'tru', '-', '-a', '01', '1.', '1e', '1.5e+', 'NaN', '-Infinity', '\ufeff1', '[1]\n\n x', '"\\ud800"', '"\\ud83d\\ude00"', '{"a":1 "b":2}', '[,]', '{"a":1,"a":2}', 'Infinityx', '"\t"', '  \n  [1,\n  2,\n  x]']
for c in cases:
    try:
        r = json.loads(c)
        print(repr(c), '->', repr(r))
    except json.JSONDecodeError as e:
        print(repr(c), 'ERR', e, e.msg, e.pos, e.lineno, e.colno)
for bad in [float('nan'), float('inf')]:
    try: json.dumps(bad, allow_nan=False)
    except ValueError as e: print(e)
try: json.dumps({(1,2):3})
except TypeError as e: print(e)
try: json.dumps(object())
except TypeError as e: print(e)
a=[]; a.append(a)
try: json.dumps(a)
except ValueError as e: print(e)
try: json.loads(5)
except TypeError as e: print(e)
print(json.loads(b'[1]'), json.loads('{"a": [1.5, 2e3, -0, 1E400]}'))

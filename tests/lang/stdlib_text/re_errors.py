import re
pats = ['(', '(a', 'a)', '*', 'a**', 'a{2}*', '[a', '[z-a]', r'\q', '(?<x', '(?P<1a>x)', '(?P<>x)', '(?P<a>x)(?P<a>y)', '(?P=b)', r'\5', r'(a\1)', '(?i', '(?z)', 'a(?i)', r'\x1', r'\u12', '(?<=a+)b', '(?<=a|bc)', 'a{3,2}', '+a', 'a|*', r'\\', 'a\\', '(?P<a', '(?P=a', '(?#abc', '[]', '[^]', '(?', r'[\A]', r'\777', r'(?(1)a|b)', '(?(x)a|b)', 'x{', 'x{1', 'x{a}', 'x{,2}', 'a\n(', '(?-i:a)', '(?a-i:a)', '(?i-i:a)','(?x) a b # c', '^*', r'\b+', '(?:)*']
for p in pats:
    try:
        c = re.compile(p)
        print(repr(p), 'OK', c.groups, c.groupindex, c.flags)
    except re.error as e:
        print(repr(p), 'ERR', e, '|', e.msg, e.pos, e.lineno, e.colno)
print(repr(re.I), repr(re.I|re.M|re.X), repr(re.RegexFlag(0)), repr(re.I|1024), str(re.A), re.A | 0, type(re.A|re.I).__name__, ~re.I)
print(re.compile('a', re.I).flags, re.compile(b'a').flags, re.compile('(?i)a').flags, repr(re.compile('(?s)a', re.M)))
print(repr(re.compile('x'*300)))
for t in [r'\g<x', r'\g<>', r'\g<1a>', r'\g<zz>', r'\3', r'\q', r'\g<9>', '\\\\-', r'\g', r'\g<2>', r'\08\1', r'\400']:
    try:
        print(repr(re.sub('(a)', t, 'a')))
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
e = re.error('boom', 'ab\ncd', 4)
print(e, e.msg, e.pos, e.lineno, e.colno, re.error('plain'), re.error('x').pos)
for p in [r'(?x) ( a', r'(?P<n>a)(?P=n', '(?i-:a)', '(?-z:a)', '(?a-u:a)', '(?L)', '(?u)', '(?au)', '(?t:a)', r'[\9]', r'\N', r'\N{', r'\U00110000', '(?(0)a)', '(?(1a)x)', '(a)(?(1)x|y|z)', r'(?<=(a))\1', r'(?<=(a)\1)']:
    try:
        re.compile(p)
        print(repr(p), 'OK')
    except re.error as e:
        print(repr(p), 'ERR', e)
    except OverflowError as e:
        print(repr(p), 'OverflowError', e)
for p in [b'(?u)', b'(?L)x']:
    try:
        print(re.compile(p))
    except re.error as e:
        print(p, 'ERR', e)

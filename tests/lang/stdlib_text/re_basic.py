import re

print(re.search(r'\d+', 'abc 123 def 45'))
print(re.match(r'\w+', 'héllo wörld'), re.match(r'\w+', 'héllo', re.ASCII))
print(re.fullmatch(r'[a-z]+', 'abc'), re.fullmatch(r'[a-z]+', 'abc1'))
print(re.findall(r'\d+', 'a1b22c333'), re.findall(r'(\w)(\d)', 'a1 b2 c'), re.findall(r'(a)|b', 'ab'))
print(re.findall(r'', 'abc'), re.findall(r'\b', 'a b'), re.split(r'\b', 'a b'))
print(re.split(r',\s*', 'a, b,c,   d'), re.split(r'(,)\s*', 'a, b,c'), re.split(r',', 'a,b,c', maxsplit=1))
print(re.split(r'x*', 'axbc'), re.split(r'(x)|(y)', 'axbyc'))
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@site bob@web'))
print(re.sub(r'(?P<w>\w+)', r'<\g<w>|\g<0>|\g<1>>', 'hi yo'))
print(re.sub('a', 'b', 'aaaa', count=2), re.subn(r'\s+', ' ', 'a   b \t c'))
print(re.sub(r'\d', lambda m: str(int(m.group()) * 2), 'a1b2c3'))
print(re.sub('x*', '-', 'abxd'), re.sub(r'(a)|b', r'[\1]', 'ab'))
print(re.sub('a', r'\n\t\\', 'a'), repr(re.sub('a', '\\-', 'a')))
m = re.search(r'(?P<first>\w+) (?P<last>\w+)(?P<x>!)?', 'Hi: Jane Doe.')
print(m, m.group(), m.group(1), m.group('last'), m.group(1, 'last', 0), m['first'], m[2])
print(m.groups(), m.groups('-'), m.groupdict(), m.groupdict(0), m.span(), m.span('last'), m.start(2), m.end(1))
print(m.lastindex, m.lastgroup, m.pos, m.endpos, m.re.pattern, m.string, m.regs)
print(m.expand(r'\2, \1 (\g<first>)'))
for bad in [5, 'nope', -1]:
    try:
        m.group(bad)
    except IndexError as e:
        print('IndexError', e)
print(re.match(r'((a)b)', 'ab').lastindex, re.match(r'(a)(b)', 'ab').lastindex, re.match(r'(a)b', 'ab').lastgroup)
print(re.match('a', 'b'), re.search('^b', 'ab'), re.search('^b', 'a\nb', re.M), re.search('a.b', 'a\nb'), re.search('a.b', 'a\nb', re.S))
print(re.search(r'a$', 'a\n'), re.search(r'a\Z', 'a\n'), re.search(r'\Aa', 'ba'))
p = re.compile(r'o', re.I)
print(p, p.search('fOO'), p.search('foo', 2), p.search('foo', 1, 2), p.match('of', 1), p.findall('OoOo', 1, 3))
print(p.pattern, p.flags, p.groups, p.groupindex, re.compile('(?P<a>.)(?P<b>.)').groupindex)
print(re.compile(r'(?i)abc').match('ABC'), re.compile(r'a(?i:b)c').findall('aBc abC ABC'))
print(re.compile(r'''
    (\d{3})   # area
    [-.\s]?   # sep
    (\d{4})   # number
''', re.X).findall('555-1234 555 9876 5551111'))
print(re.findall(r'a{2}', 'aaaaa'), re.findall(r'a{2,}', 'aaaaa'), re.findall(r'a{,2}', 'aaaaa'), re.findall(r'x{a}', 'x{a}'))
print(re.findall(r'a+?', 'aaa'), re.findall(r'a*+a', 'aaa'), re.findall(r'(?>a+)b', 'aab'))
print(re.findall(r'(?<=\$)\d+', '$10 $20 30'), re.findall(r'(?<!\$)\b\d+', '$10 $20 30'), re.findall(r'\w+(?=!)', 'hi! yo'))
print(re.match(r'(a)?(?(1)b|c)', 'ab'), re.match(r'(a)?(?(1)b|c)', 'c'), re.match(r'(?P<q>")?\w+(?(q)")', '"x"'))
print(re.match(r'(\w)\1', 'aa'), re.match(r'(?P<c>\w)(?P=c)', 'bb'), re.search(r'(a)|\1', 'x'))
print(re.findall(r'[\w.-]+@[\w-]+\.[a-z]{2,}', 'mail a.b-c@ex-ample.com or x@y.org!'))
print(re.findall(r'[^aeiou\s]+', 'hello world'), re.findall(r'[]a]', ']a['), re.findall(r'[a\]]', 'a]'), re.findall('[a-]', 'a-b'))
print(re.findall(r'\x41\u0042\101\0', 'AB\x41\x00'), re.findall(r'[\x41-\x43]', 'ABCD'))
print(re.escape('a.b*c?d(e)[f]{g}|h^i$j\\k l#m&n~o-p'), re.escape(b'x.y'), re.escape('é_1'))
print(re.search(re.escape('1+1=2'), 'is 1+1=2?'))
print(re.findall(rb'\w+', b'hello wrld \xe9'), re.sub(rb'(\d)', rb'<\1>', b'a1b2'), re.split(rb',', b'a,b'))
m = re.search(rb'(?P<n>\d+)', b'abc 42')
print(m, m.group('n'), m.span())
for pat, s in [(r'\s+', 'a \x1c\x85\u2003b'), (r'\d', '١٢3'), (r'\d', '١٢3'), (r'[\d]', 'x٣'), (r'\W+', 'ab, ç!')]:
    print(pat, re.findall(pat, s), re.findall(pat, s, re.A))
print(re.search('é+', 'caféé au lait').span(), re.search('l', 'caféé au lait').span(), [m.span() for m in re.finditer(r'\w+', 'ça va très bien')])
print(re.sub(r'(?<=é)(.)', r'[\1]', 'aébéc'), re.split('é', 'aébéc'))
print(re.findall('(?i)straße', 'STRASSE straße STRAßE'), re.findall('(?i)[a-c]', 'ABCDabcd'))
it = re.finditer(r'(\d)(\w)?', '1a 2 3c')
print([(m.group(), m.groups(), m.span()) for m in it])
print(re.compile('a') == re.compile('a'), re.compile('a') is re.compile('a'), hash(re.compile('x')) == hash(re.compile('x')))
print(re.compile(re.compile('z')), re.purge())
try:
    re.compile(re.compile('z'), re.I)
except ValueError as e:
    print('ValueError', e)
for args in [('x', b'x'), (b'x', 'x')]:
    try:
        re.search(*args)
    except TypeError as e:
        print('TypeError', e)
try:
    re.compile('a', re.L)
except ValueError as e:
    print('ValueError', e)
print(re.I | re.M, re.I & 2, type(re.I | re.S), re.I | 0, int(re.X), re.compile('a', re.I | re.M))
print(re.A.name, re.RegexFlag.DOTALL, isinstance(re.I, int), re.IGNORECASE == 2)
print(re.match('(a)(b)?', 'a').group(2), re.match('(a)(b)?', 'a').span(2), re.match('(a)(b)?', 'a').groups(0))
print(re.sub(r'^', '> ', 'l1\nl2\nl3', flags=re.M))
print(re.sub('(?m)$', '!', 'x\ny\n'))
print(re.findall(r'^\s*(\w+)\s*=\s*(.*?)\s*$', 'a = 1\n  b=two  \nbad\n', re.M))
print(re.search('(a|ab)(c|bcd)(d*)', 'abcd').groups())
print(re.match(r'(?x) a \  b # comment', 'a b'), re.match(r'[ ]x', ' x', re.X))
print(re.compile('x').scanner('axbx').search().span())
print(re.sub('a|(b)', lambda m: m.group(1) or '-', 'abab'), re.subn('', '-', 'abc'))

import re

LOG = """2024-01-05 10:00:01 INFO  server started port=8080
2024-01-05 10:00:02 WARN  disk usage 91% on /dev/sda1
2024-01-05 10:01:17 ERROR request failed: GET /api/v1/users?id=42 (status=500)
2024-01-05 10:02:00 INFO  user alice@example.com logged in from 192.168.1.20
2024-01-05 10:03:45 ERROR timeout after 30.5s talking to db-01
"""
line_re = re.compile(r'^(?P<date>\d{4}-\d{2}-\d{2}) (?P<time>[\d:]+) (?P<level>[A-Z]+)\s+(?P<msg>.*)$', re.M)
for m in line_re.finditer(LOG):
    print(m.group('level'), '|', m['msg'], '|', m.span('msg'))
print([m.groupdict()['time'] for m in line_re.finditer(LOG) if m['level'] == 'ERROR'])
print(re.findall(r'\b\d{1,3}(?:\.\d{1,3}){3}\b', LOG), re.findall(r'[\w.]+@[\w.]+', LOG))
print(re.findall(r'(\w+)=(\d+)', LOG), dict(re.findall(r'(\w+)=(\d+)', LOG)))

def tokenize(src):
    spec = [('NUM', r'\d+(?:\.\d*)?'), ('ID', r'[A-Za-z_]\w*'), ('OP', r'[+\-*/=()]'), ('WS', r'\s+'), ('BAD', r'.')]
    rx = re.compile('|'.join('(?P<%s>%s)' % p for p in spec))
    out = []
    for m in rx.finditer(src):
        kind = m.lastgroup
        if kind != 'WS':
            out.append((kind, m.group(), m.lastindex))
    return out

print(tokenize('x1 = 3.5 * (y + 42) $'))
words = re.split(r'\W+', 'Hello, world! This is -- a test... of split.')
print(words, len(words))
print(re.sub(r'(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)', r'\g<d>/\g<m>/\g<y>', LOG.splitlines()[0]))
camel = re.compile(r'(?<=[a-z0-9])(?=[A-Z])')
print(camel.sub('_', 'parseHTTPResponseCode2Fast').lower(), re.sub(r'([A-Z]+)([A-Z][a-z])', r'\1_\2', 'HTTPResponse'))
print(re.sub(r'\s+', ' ', '  many   spaces\n\tand\ttabs  ').strip())
counts = {}
for w in re.findall(r"[a-z']+", "the cat and the hat and the bat's hat".lower()):
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
tmpl = 'Hello {name}, you owe {amount}!'
print(re.sub(r'\{(\w+)\}', lambda m: str({'name': 'Bob', 'amount': 12.5}[m.group(1)]), tmpl))
print(re.fullmatch(r'[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?', '-1.5e10').groups(), re.fullmatch(r'\d+', '12a'))
print(bool(re.match(r'^(?=.*[A-Z])(?=.*\d)(?=.*[^\w\s]).{8,}$', 'Passw0rd!')), bool(re.match(r'^(?=.*[A-Z])(?=.*\d).{8,}$', 'password')))
csv_re = re.compile(r'\s*(?:"((?:[^"]|"")*)"|([^,]*))\s*(?:,|$)')
print([m.group(1).replace('""', '"') if m.group(1) is not None else m.group(2) for m in csv_re.finditer('a, "b,c", "say ""hi""",d')][:4])
print(re.split(r'(?<=[.!?])\s+', 'One. Two! Three? Four'), re.findall(r'(?i)\bthe\b', 'The theme of the THE'))
print(re.sub(r'(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)', r'\11\10\1', 'abcdefghijk'), re.sub('(x)', r'\g<1>0', 'x'))

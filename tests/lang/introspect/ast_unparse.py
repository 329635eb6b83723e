# oracle: python3.12
# ast.unparse round trips in CPython 3.12's output format
import ast

SRC = '"""Module doc."""\nimport os, sys as s\nfrom . import a\nfrom ..x.y import (b as c, d)\nx = 1\n@dec\n@dec2(1)\ndef f(a, /, b: int = 2, *args, c, d=3, **kw) -> None:\n    """Doc."""\n    return (yield a)\nclass C(B, metaclass=M):\n    pass\nfor i in range(3):\n    print(f"{i!r:>10} and {x}", \'it"s\', "it\'s")\nelse:\n    pass\nwhile x:\n    break\ntry:\n    pass\nexcept E as e:\n    raise X from e\nelse:\n    x = 2\nfinally:\n    del a[1:2, ::3]\nwith a as b, c:\n    pass\nlam = lambda x, *y: x ** -y\nz = [i for i in x if i] + {k: v for k, v in y} + (a if b else c)\nmatch p:\n    case [1, *rest] | {"k": v, **kw} if v:\n        pass\n    case C(1, x=1) as q:\n        pass\n    case None | True | -1 | 1+2j:\n        pass\nasync def g():\n    async for a in b:\n        await c\n    async with d as e:\n        pass\nglobal q\nx += 1; y: int = 3\n(w): int\nassert x, \'m\'\nnot a and b or c\n-(1)**2\n(a, b) = c, d = e\nprint(*a, **b, sep=\'\')\nt = ()\nu = (1,)\nv = a[1:2], a[:], a[::2], a[1, 2]\n{1, 2}; {}; {**a, \'b\': 1}\n1 .real; a.b.c(d)[e]\n(x := 5)\ndel x, y\nif a:\n    pass\nelif b:\n    pass\nelif c:\n    x = 1\nelse:\n    pass\ntry:\n    pass\nexcept* ValueError:\n    pass\ntype Alias[T: int, *Ts, **P] = list[T]\ndef h[T](x: T) -> T: return x\ns = \'a\\nb\\t\\x00é\\U0001f600\'\nbb = b\'\\x00ab\'\nn = 1e400, 0x1F, 1_000, 1.5j\na if b else (c if d else e)\n(a or b) and c\n(yield)\nx = yield from g\nawait_ = f(*args, a=1, **kw)\nnonlocal_ = [*a, *b]\n'

print(ast.unparse(ast.parse(SRC)))
CASES = r'''
a + b * c
(a + b) * c
a ** b ** c
(a ** b) ** c
-a ** 2
(-a) ** 2
not (a and b)
a if b else c if d else e
(a if b else c) if d else e
f((yield))
x = (yield)
await x
[*a, *b]
{**a, 'k': 1}
a[b:c, d]
a[(b, c)]
a[()]
f'{a!r}{b:>{c}}{{x}}'
f'{x}' 'y'
'\n'
b'\x00'
1e400
x = 1,
del (a, b)
(a, *b) = c
print(*a, sep='')
class A[T]: pass
type X = int
global a, b
with (a, b): pass
assert x
raise
import a.b.c as d
from . import x
1 .real
(x := 1)
f(x := 1)
{a: b for a, b in c if a if b}
(x for x in y)
f(x for x in y)
def f(a, /, b=1, *, c, **d) -> int: pass
u'x'
{1, 2}
set()
...
a and b or c and d
(a or b) and c
a < b < c
-(-a)
~a + +b
'it\'s "q"'
x = 'a' "b"
lambda x=1, *a, k, **kw: (x, a)
'''
for line in CASES.strip().split('\n'):
    print(repr(ast.unparse(ast.parse(line))))
print(ast.unparse(ast.parse("async def f():\n    async with a as b:\n        async for x in y:\n            await z")))
print(ast.unparse(ast.parse("try:\n    pass\nexcept* E:\n    pass\nelse:\n    pass")))
print(ast.unparse(ast.parse("x = 1", mode="eval" if False else "exec")))
print(ast.unparse(ast.parse("a + 1", mode="eval")))

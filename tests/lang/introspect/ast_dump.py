# oracle: python3.12
# ast.dump in CPython 3.12's format: default, indent=, include_attributes=, annotate_fields=
import ast

SRC = '"""Module doc."""\nimport os, sys as s\nfrom . import a\nfrom ..x.y import (b as c, d)\nx = 1\n@dec\n@dec2(1)\ndef f(a, /, b: int = 2, *args, c, d=3, **kw) -> None:\n    """Doc."""\n    return (yield a)\nclass C(B, metaclass=M):\n    pass\nfor i in range(3):\n    print(f"{i!r:>10} and {x}", \'it"s\', "it\'s")\nelse:\n    pass\nwhile x:\n    break\ntry:\n    pass\nexcept E as e:\n    raise X from e\nelse:\n    x = 2\nfinally:\n    del a[1:2, ::3]\nwith a as b, c:\n    pass\nlam = lambda x, *y: x ** -y\nz = [i for i in x if i] + {k: v for k, v in y} + (a if b else c)\nmatch p:\n    case [1, *rest] | {"k": v, **kw} if v:\n        pass\n    case C(1, x=1) as q:\n        pass\n    case None | True | -1 | 1+2j:\n        pass\nasync def g():\n    async for a in b:\n        await c\n    async with d as e:\n        pass\nglobal q\nx += 1; y: int = 3\n(w): int\nassert x, \'m\'\nnot a and b or c\n-(1)**2\n(a, b) = c, d = e\nprint(*a, **b, sep=\'\')\nt = ()\nu = (1,)\nv = a[1:2], a[:], a[::2], a[1, 2]\n{1, 2}; {}; {**a, \'b\': 1}\n1 .real; a.b.c(d)[e]\n(x := 5)\ndel x, y\nif a:\n    pass\nelif b:\n    pass\nelif c:\n    x = 1\nelse:\n    pass\ntry:\n    pass\nexcept* ValueError:\n    pass\ntype Alias[T: int, *Ts, **P] = list[T]\ndef h[T](x: T) -> T: return x\ns = \'a\\nb\\t\\x00é\\U0001f600\'\nbb = b\'\\x00ab\'\nn = 1e400, 0x1F, 1_000, 1.5j\na if b else (c if d else e)\n(a or b) and c\n(yield)\nx = yield from g\nawait_ = f(*args, a=1, **kw)\nnonlocal_ = [*a, *b]\n'

tree = ast.parse(SRC)
print(ast.dump(tree))
print(ast.dump(ast.parse("x = a + 1\nf(*b, k=2)"), indent=2))
print(ast.dump(ast.parse("x = a + 1"), include_attributes=True))
print(ast.dump(ast.parse("y[1:2] = -z"), annotate_fields=False))
print(ast.dump(ast.parse("lambda: 0", mode="eval"), indent="..."))
print(ast.dump(ast.parse("def f(): pass", mode="exec"), indent=0))
print(ast.dump(ast.Constant(value=None)))
print(ast.dump(ast.Name()))
try:
    ast.dump(1)
except TypeError as e:
    print(e)

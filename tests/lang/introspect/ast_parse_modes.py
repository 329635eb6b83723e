# oracle: python3.12
# ast.parse modes, locations, constants of every kind, syntax errors
import ast
print(ast.dump(ast.parse("1 + 2", mode="eval")))
print(ast.dump(ast.parse("x = 1", mode="single")))
print(ast.dump(ast.parse("(int, str) -> bool", mode="func_type")))
for src in ["0x1F", "1_000", "1.5", "2j", "'s'", "b'b'", "None", "True", "...", "'\\u00e9'",
            "u'x'", "f'{a}'", "r'\\n'", "'a' 'b'", "10**100"]:
    e = ast.parse(src, mode="eval").body
    print(src, ast.dump(e), e.col_offset, e.end_col_offset)
t = ast.parse("if x:\n    y = 'é' + z\n")
for n in ast.walk(t):
    if hasattr(n, 'lineno'):
        print(type(n).__name__, n.lineno, n.col_offset, n.end_lineno, n.end_col_offset)
for bad in ["x = (", "def f(:", "1 +", "  x", "a b"]:
    try:
        ast.parse(bad)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)
print(ast.parse(b"x = 1").body[0].targets[0].id)
print(ast.dump(ast.parse("match x:\n case {1: a, **r}: pass\n case C(1, k=v): pass")))
print(ast.dump(ast.parse("def f[T: int, *Ts, **P](): pass")))

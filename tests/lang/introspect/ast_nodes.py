# oracle: python3.12
# The node classes: hierarchy, _fields, _attributes, __match_args__, constructors, errors
import ast

print(ast.BinOp.__mro__)
print(ast.BinOp._fields, ast.BinOp.__match_args__, ast.BinOp._attributes)
print(ast.arguments._fields, ast.arguments._attributes, ast.arg._attributes)
print(ast.Module._fields, ast.Module._attributes, ast.AST._fields)
print(ast.Load.__bases__, ast.Add.__bases__, ast.Eq.__bases__, ast.And.__bases__, ast.USub.__bases__)
print(ast.ExceptHandler.__bases__, ast.comprehension.__bases__, ast.MatchAs.__bases__, ast.TypeVar.__bases__)
print(ast.Constant.kind, ast.FunctionDef.returns, ast.expr.end_lineno, ast.stmt.end_col_offset)
print(isinstance(ast.Name(), ast.expr), issubclass(ast.If, ast.stmt), issubclass(ast.Add, ast.AST))
n = ast.BinOp(ast.Constant(1), ast.Add(), right=ast.Name('x', ast.Load()))
print(ast.dump(n))
print(n.left.value, type(n.op).__name__, n.right.id)
for bad in [lambda: ast.BinOp(1, 2, 3, 4), lambda: ast.Pass(1), lambda: ast.Name(1, 2, 3),
            lambda: ast.BinOp(1, left=2)]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
x = ast.Name(id='a', extra=5)
print(x.id, x.extra)
try:
    ast.Name().id
except AttributeError as e:
    print('AttributeError')
t = ast.parse("x + 1")
match t.body[0].value:
    case ast.BinOp(ast.Name(id=name), ast.Add(), ast.Constant(value=v)):
        print("matched", name, v)
e = t.body[0].value
print(e.lineno, e.col_offset, e.end_lineno, e.end_col_offset)
print(type(ast.parse("a < b").body[0].value.ops[0]).__name__)
print(ast.parse("a + b").body[0].value.op is ast.parse("c + d").body[0].value.op)
print(ast.Add() is ast.Add())
r = ast.Name('q').__reduce__()
print(r[0].__name__, r[1], r[2])
import copy
c = copy.deepcopy(t)
print(ast.dump(c) == ast.dump(t), c is not t)
print(ast.PyCF_ONLY_AST, ast.PyCF_TYPE_COMMENTS, ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(sorted(k for k in vars(ast) if k in ('Load', 'Store', 'Del', 'AST', 'mod', 'stmt', 'expr')))

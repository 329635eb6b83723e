/* test_parser.c - the parser against CPython 3.12's ast module: ast.dump() text of
 * representative snippets (expected strings generated with CPython 3.12's
 * ast.dump(ast.parse(src))), node positions, the other parse modes, syntax errors with
 * CPython's messages and locations, and inputs that must fail cleanly (deep nesting). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ast.h"

typedef struct {
    const char *src;
    const char *dump;
} DumpCase;

typedef struct {
    const char *src;
    KrFrontendErrorKind kind;
    const char *msg;
    int lineno, col; /* 1-based line, 0-based byte column */
} ErrorCase;

/* Generated from CPython 3.12; do not edit by hand (see the file comment). */
static const DumpCase dump_cases[] = {
    {"x = 1 + 2 * 3",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Constant(value=1), op=Add(), right=BinOp(left=Constant(value=2), op=Mult(), right=Constant(value=3))))], type_ignores=[])"},
    {"x = a if b else lambda: c",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Name(id='c', ctx=Load()))))], type_ignores=[])"},
    {"x = [i for i in range(3) if i if not i for j in k]",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=ListComp(elt=Name(id='i', ctx=Load()), generators=[comprehension(target=Name(id='i', ctx=Store()), iter=Call(func=Name(id='range', ctx=Load()), args=[Constant(value=3)], keywords=[]), ifs=[Name(id='i', ctx=Load()), UnaryOp(op=Not(), operand=Name(id='i', ctx=Load()))], is_async=0), comprehension(target=Name(id='j', ctx=Store()), iter=Name(id='k', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[])"},
    {"x = {i: j for i, j in z}",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=DictComp(key=Name(id='i', ctx=Load()), value=Name(id='j', ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='i', ctx=Store()), Name(id='j', ctx=Store())], ctx=Store()), iter=Name(id='z', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[])"},
    {"x = {*a, *b}",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Set(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())]))], type_ignores=[])"},
    {"x = {**a, 'b': 1, **c}",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Dict(keys=[None, Constant(value='b'), None], values=[Name(id='a', ctx=Load()), Constant(value=1), Name(id='c', ctx=Load())]))], type_ignores=[])"},
    {"print(*a, sep=\"\", **k)",
     "Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Starred(value=Name(id='a', ctx=Load()), ctx=Load())], keywords=[keyword(arg='sep', value=Constant(value='')), keyword(value=Name(id='k', ctx=Load()))]))], type_ignores=[])"},
    {"a[1:2, ::3, x:y:z, *b]",
     "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), Slice(step=Constant(value=3)), Slice(lower=Name(id='x', ctx=Load()), upper=Name(id='y', ctx=Load()), step=Name(id='z', ctx=Load())), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()), ctx=Load()))], type_ignores=[])"},
    {"a[:]",
     "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(), ctx=Load()))], type_ignores=[])"},
    {"a[1:2,]",
     "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2))], ctx=Load()), ctx=Load()))], type_ignores=[])"},
    {"x = 1,",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tuple(elts=[Constant(value=1)], ctx=Load()))], type_ignores=[])"},
    {"x, = 1",
     "Module(body=[Assign(targets=[Tuple(elts=[Name(id='x', ctx=Store())], ctx=Store())], value=Constant(value=1))], type_ignores=[])"},
    {"*a, b = c",
     "Module(body=[Assign(targets=[Tuple(elts=[Starred(value=Name(id='a', ctx=Store()), ctx=Store()), Name(id='b', ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load()))], type_ignores=[])"},
    {"[a, *b] = c",
     "Module(body=[Assign(targets=[List(elts=[Name(id='a', ctx=Store()), Starred(value=Name(id='b', ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load()))], type_ignores=[])"},
    {"(a, b), c = d",
     "Module(body=[Assign(targets=[Tuple(elts=[Tuple(elts=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], ctx=Store()), Name(id='c', ctx=Store())], ctx=Store())], value=Name(id='d', ctx=Load()))], type_ignores=[])"},
    {"a.b[c].d = e",
     "Module(body=[Assign(targets=[Attribute(value=Subscript(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), slice=Name(id='c', ctx=Load()), ctx=Load()), attr='d', ctx=Store())], value=Name(id='e', ctx=Load()))], type_ignores=[])"},
    {"x = y = z = 1",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store()), Name(id='y', ctx=Store()), Name(id='z', ctx=Store())], value=Constant(value=1))], type_ignores=[])"},
    {"x += 1; x **= 2; x //= 3; x @= m; x >>= 1",
     "Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=Add(), value=Constant(value=1)), AugAssign(target=Name(id='x', ctx=Store()), op=Pow(), value=Constant(value=2)), AugAssign(target=Name(id='x', ctx=Store()), op=FloorDiv(), value=Constant(value=3)), AugAssign(target=Name(id='x', ctx=Store()), op=MatMult(), value=Name(id='m', ctx=Load())), AugAssign(target=Name(id='x', ctx=Store()), op=RShift(), value=Constant(value=1))], type_ignores=[])"},
    {"x: int",
     "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=1)], type_ignores=[])"},
    {"x: int = 1",
     "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=1), simple=1)], type_ignores=[])"},
    {"a.b: int",
     "Module(body=[AnnAssign(target=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=0)], type_ignores=[])"},
    {"(x): int = 1",
     "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=1), simple=0)], type_ignores=[])"},
    {"def f(a, b=1, /, c=2, *args, d, e=3, **kw): pass",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a'), arg(arg='b')], args=[arg(arg='c')], vararg=arg(arg='args'), kwonlyargs=[arg(arg='d'), arg(arg='e')], kw_defaults=[None, Constant(value=3)], kwarg=arg(arg='kw'), defaults=[Constant(value=1), Constant(value=2)]), body=[Pass()], decorator_list=[], type_params=[])], type_ignores=[])"},
    {"lambda: 0",
     "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Constant(value=0)))], type_ignores=[])"},
    {"lambda a, /, b, *c, d=1, **e: 0",
     "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], vararg=arg(arg='c'), kwonlyargs=[arg(arg='d')], kw_defaults=[Constant(value=1)], kwarg=arg(arg='e'), defaults=[]), body=Constant(value=0)))], type_ignores=[])"},
    {"lambda *, a: a",
     "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[arg(arg='a')], kw_defaults=[None], defaults=[]), body=Name(id='a', ctx=Load())))], type_ignores=[])"},
    {"global a, b",
     "Module(body=[Global(names=['a', 'b'])], type_ignores=[])"},
    {"assert x, \"msg\"",
     "Module(body=[Assert(test=Name(id='x', ctx=Load()), msg=Constant(value='msg'))], type_ignores=[])"},
    {"raise",
     "Module(body=[Raise()], type_ignores=[])"},
    {"raise X from Y",
     "Module(body=[Raise(exc=Name(id='X', ctx=Load()), cause=Name(id='Y', ctx=Load()))], type_ignores=[])"},
    {"del a, b[1], c.d",
     "Module(body=[Delete(targets=[Name(id='a', ctx=Del()), Subscript(value=Name(id='b', ctx=Load()), slice=Constant(value=1), ctx=Del()), Attribute(value=Name(id='c', ctx=Load()), attr='d', ctx=Del())])], type_ignores=[])"},
    {"del (a, b), [c]",
     "Module(body=[Delete(targets=[Tuple(elts=[Name(id='a', ctx=Del()), Name(id='b', ctx=Del())], ctx=Del()), List(elts=[Name(id='c', ctx=Del())], ctx=Del())])], type_ignores=[])"},
    {"import a.b.c as d, e",
     "Module(body=[Import(names=[alias(name='a.b.c', asname='d'), alias(name='e')])], type_ignores=[])"},
    {"from . import x",
     "Module(body=[ImportFrom(names=[alias(name='x')], level=1)], type_ignores=[])"},
    {"from .. import (x as y, z,)",
     "Module(body=[ImportFrom(names=[alias(name='x', asname='y'), alias(name='z')], level=2)], type_ignores=[])"},
    {"from ...a.b import *",
     "Module(body=[ImportFrom(module='a.b', names=[alias(name='*')], level=3)], type_ignores=[])"},
    {"x = not not not y",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=UnaryOp(op=Not(), operand=UnaryOp(op=Not(), operand=UnaryOp(op=Not(), operand=Name(id='y', ctx=Load())))))], type_ignores=[])"},
    {"x = -+~1",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=UnaryOp(op=USub(), operand=UnaryOp(op=UAdd(), operand=UnaryOp(op=Invert(), operand=Constant(value=1)))))], type_ignores=[])"},
    {"x = 2 ** -1",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Constant(value=2), op=Pow(), right=UnaryOp(op=USub(), operand=Constant(value=1))))], type_ignores=[])"},
    {"x = -2 ** 2",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=UnaryOp(op=USub(), operand=BinOp(left=Constant(value=2), op=Pow(), right=Constant(value=2))))], type_ignores=[])"},
    {"x = a < b <= c != d is not e not in f in g is h",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), LtE(), NotEq(), IsNot(), NotIn(), In(), Is()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load()), Name(id='d', ctx=Load()), Name(id='e', ctx=Load()), Name(id='f', ctx=Load()), Name(id='g', ctx=Load()), Name(id='h', ctx=Load())]))], type_ignores=[])"},
    {"x = a or b and c or not d",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BoolOp(op=Or(), values=[Name(id='a', ctx=Load()), BoolOp(op=And(), values=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load())]), UnaryOp(op=Not(), operand=Name(id='d', ctx=Load()))]))], type_ignores=[])"},
    {"x = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Name(id='a', ctx=Load()), op=BitOr(), right=BinOp(left=Name(id='b', ctx=Load()), op=BitXor(), right=BinOp(left=Name(id='c', ctx=Load()), op=BitAnd(), right=BinOp(left=BinOp(left=Name(id='d', ctx=Load()), op=LShift(), right=Name(id='e', ctx=Load())), op=RShift(), right=BinOp(left=BinOp(left=Name(id='f', ctx=Load()), op=Add(), right=Name(id='g', ctx=Load())), op=Sub(), right=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Name(id='h', ctx=Load()), op=Mult(), right=Name(id='i', ctx=Load())), op=Div(), right=Name(id='j', ctx=Load())), op=FloorDiv(), right=Name(id='k', ctx=Load())), op=Mod(), right=Name(id='l', ctx=Load())), op=MatMult(), right=Name(id='m', ctx=Load()))))))))], type_ignores=[])"},
    {"def g():\n  x = yield from y\n  yield a, b\n  yield",
     "Module(body=[FunctionDef(name='g', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Assign(targets=[Name(id='x', ctx=Store())], value=YieldFrom(value=Name(id='y', ctx=Load()))), Expr(value=Yield(value=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()))), Expr(value=Yield())], decorator_list=[], type_params=[])], type_ignores=[])"},
    {"x = 0x_ff + 0o17 + 0b1010 + 1_000_000 + 1e10 + 1.5j + 0.1 + 1E-5 + 10000000000000000000000000 + 0xffffffffffffffffffffffff",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Constant(value=255), op=Add(), right=Constant(value=15)), op=Add(), right=Constant(value=10)), op=Add(), right=Constant(value=1000000)), op=Add(), right=Constant(value=10000000000.0)), op=Add(), right=Constant(value=1.5j)), op=Add(), right=Constant(value=0.1)), op=Add(), right=Constant(value=1e-05)), op=Add(), right=Constant(value=10000000000000000000000000)), op=Add(), right=Constant(value=79228162514264337593543950335)))], type_ignores=[])"},
    {"x = \"a\" 'b' \"\"\"c\"\"\" r'\\d' u\"x\"",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='abc\\\\dx'))], type_ignores=[])"},
    {"x = u\"x\" \"y\"",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='xy', kind='u'))], type_ignores=[])"},
    {"x = b\"a\" b'\\x00\\xff' rb\"\\d\"",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=b'a\\x00\\xff\\\\d'))], type_ignores=[])"},
    {"x = \"\\x41\\u00e9\\U0001F600\\N{EM DASH}\\101\\t\\\\\\'\"",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=\"A\303\251\360\237\230\200\342\200\224A\\t\\\\'\"))], type_ignores=[])"},
    {"x = 'it\\'s \"q\"'",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='it\\'s \"q\"'))], type_ignores=[])"},
    {"x = ...",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=Ellipsis))], type_ignores=[])"},
    {"x = None, True, False",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tuple(elts=[Constant(value=None), Constant(value=True), Constant(value=False)], ctx=Load()))], type_ignores=[])"},
    {"x = f(a)(b)[c].d",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Attribute(value=Subscript(value=Call(func=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[]), args=[Name(id='b', ctx=Load())], keywords=[]), slice=Name(id='c', ctx=Load()), ctx=Load()), attr='d', ctx=Load()))], type_ignores=[])"},
    {"x = ()",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tuple(elts=[], ctx=Load()))], type_ignores=[])"},
    {"x = (1)",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[])"},
    {"x = ((1, 2))",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))], type_ignores=[])"},
    {"f(x for x in y)",
     "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)])], keywords=[]))], type_ignores=[])"},
    {"f(a, b=1, *c, **d)",
     "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load()), Starred(value=Name(id='c', ctx=Load()), ctx=Load())], keywords=[keyword(arg='b', value=Constant(value=1)), keyword(value=Name(id='d', ctx=Load()))]))], type_ignores=[])"},
    {"@a.b(c)\n@d\nclass C: pass",
     "Module(body=[ClassDef(name='C', bases=[], keywords=[], body=[Pass()], decorator_list=[Call(func=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), args=[Name(id='c', ctx=Load())], keywords=[]), Name(id='d', ctx=Load())], type_params=[])], type_ignores=[])"},
    {"if a:\n    pass\nelif b:\n    pass\nelse:\n    pass",
     "Module(body=[If(test=Name(id='a', ctx=Load()), body=[Pass()], orelse=[If(test=Name(id='b', ctx=Load()), body=[Pass()], orelse=[Pass()])])], type_ignores=[])"},
    {"while x:\n    break\nelse:\n    continue",
     "Module(body=[While(test=Name(id='x', ctx=Load()), body=[Break()], orelse=[Continue()])], type_ignores=[])"},
    {"for x, y in z:\n    pass\nelse:\n    pass",
     "Module(body=[For(target=Tuple(elts=[Name(id='x', ctx=Store()), Name(id='y', ctx=Store())], ctx=Store()), iter=Name(id='z', ctx=Load()), body=[Pass()], orelse=[Pass()])], type_ignores=[])"},
    {"try:\n    pass\nexcept A as e:\n    pass\nexcept (B, C):\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass",
     "Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Name(id='A', ctx=Load()), name='e', body=[Pass()]), ExceptHandler(type=Tuple(elts=[Name(id='B', ctx=Load()), Name(id='C', ctx=Load())], ctx=Load()), body=[Pass()]), ExceptHandler(body=[Pass()])], orelse=[Pass()], finalbody=[Pass()])], type_ignores=[])"},
    {"try:\n    pass\nexcept* E:\n    pass",
     "Module(body=[TryStar(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), body=[Pass()])], orelse=[], finalbody=[])], type_ignores=[])"},
    {"class C(B, metaclass=M):\n    \"\"\"doc\"\"\"\n    def f(self): return self",
     "Module(body=[ClassDef(name='C', bases=[Name(id='B', ctx=Load())], keywords=[keyword(arg='metaclass', value=Name(id='M', ctx=Load()))], body=[Expr(value=Constant(value='doc')), FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='self')], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Return(value=Name(id='self', ctx=Load()))], decorator_list=[], type_params=[])], decorator_list=[], type_params=[])], type_ignores=[])"},
    {"with (a as b, c as d,): pass",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()), optional_vars=Name(id='d', ctx=Store()))], body=[Pass()])], type_ignores=[])"},
    {"with (a, b) as c: pass",
     "Module(body=[With(items=[withitem(context_expr=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), optional_vars=Name(id='c', ctx=Store()))], body=[Pass()])], type_ignores=[])"},
    {"with a as (b, c), d: pass",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Tuple(elts=[Name(id='b', ctx=Store()), Name(id='c', ctx=Store())], ctx=Store())), withitem(context_expr=Name(id='d', ctx=Load()))], body=[Pass()])], type_ignores=[])"},
    {"async def f():\n  async with a as b, c: pass\n  async for x in y: pass\n  await z\n  return [i async for i in a]",
     "Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[AsyncWith(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()))], body=[Pass()]), AsyncFor(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), body=[Pass()], orelse=[]), Expr(value=Await(value=Name(id='z', ctx=Load()))), Return(value=ListComp(elt=Name(id='i', ctx=Load()), generators=[comprehension(target=Name(id='i', ctx=Store()), iter=Name(id='a', ctx=Load()), ifs=[], is_async=1)]))], decorator_list=[], type_params=[])], type_ignores=[])"},
    {"x = [y := 1, y ** 2]",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=List(elts=[NamedExpr(target=Name(id='y', ctx=Store()), value=Constant(value=1)), BinOp(left=Name(id='y', ctx=Load()), op=Pow(), right=Constant(value=2))], ctx=Load()))], type_ignores=[])"},
    {"x = a[b:=1]",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Subscript(value=Name(id='a', ctx=Load()), slice=NamedExpr(target=Name(id='b', ctx=Store()), value=Constant(value=1)), ctx=Load()))], type_ignores=[])"},
    {"x = 1 if y else 2 if z else 3",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=IfExp(test=Name(id='y', ctx=Load()), body=Constant(value=1), orelse=IfExp(test=Name(id='z', ctx=Load()), body=Constant(value=2), orelse=Constant(value=3))))], type_ignores=[])"},
    {"x = \"a\" f\"b{c}\" \"d\"",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[Constant(value='ab'), FormattedValue(value=Name(id='c', ctx=Load()), conversion=-1), Constant(value='d')]))], type_ignores=[])"},
    {"x = f\"{a!r}\" f\"{b!a}\" f\"{c!s:>10}\"",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conversion=114), FormattedValue(value=Name(id='b', ctx=Load()), conversion=97), FormattedValue(value=Name(id='c', ctx=Load()), conversion=115, format_spec=JoinedStr(values=[Constant(value='>10')]))]))], type_ignores=[])"},
    {"x = f\"{{}}\" f\"{{{a}}}\"",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[Constant(value='{}{'), FormattedValue(value=Name(id='a', ctx=Load()), conversion=-1), Constant(value='}')]))], type_ignores=[])"},
    {"x = f\"{x=}\" f\"{x = !s}\" f\"{x=:>4}\"",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114), Constant(value='x = '), FormattedValue(value=Name(id='x', ctx=Load()), conversion=115), Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='>4')]))]))], type_ignores=[])"},
    {"x = f\"{a:{b}>10}\"",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='b', ctx=Load()), conversion=-1), Constant(value='>10')]))]))], type_ignores=[])"},
    {"x = f\"{'a' 'b'}\" f'{\"nested\" + f\"{y}\"}'",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[FormattedValue(value=Constant(value='ab'), conversion=-1), FormattedValue(value=BinOp(left=Constant(value='nested'), op=Add(), right=JoinedStr(values=[FormattedValue(value=Name(id='y', ctx=Load()), conversion=-1)])), conversion=-1)]))], type_ignores=[])"},
    {"x = f\"{x,y}\" f\"{*x,}\"",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[FormattedValue(value=Tuple(elts=[Name(id='x', ctx=Load()), Name(id='y', ctx=Load())], ctx=Load()), conversion=-1), FormattedValue(value=Tuple(elts=[Starred(value=Name(id='x', ctx=Load()), ctx=Load())], ctx=Load()), conversion=-1)]))], type_ignores=[])"},
    {"def f[T: int, *Ts, **P](a: T, *b: *Ts) -> int: pass",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a', annotation=Name(id='T', ctx=Load()))], vararg=arg(arg='b', annotation=Starred(value=Name(id='Ts', ctx=Load()), ctx=Load())), kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[], returns=Name(id='int', ctx=Load()), type_params=[TypeVar(name='T', bound=Name(id='int', ctx=Load())), TypeVarTuple(name='Ts'), ParamSpec(name='P')])], type_ignores=[])"},
    {"class A[T](B): pass",
     "Module(body=[ClassDef(name='A', bases=[Name(id='B', ctx=Load())], keywords=[], body=[Pass()], decorator_list=[], type_params=[TypeVar(name='T')])], type_ignores=[])"},
    {"type X[T] = list[T]",
     "Module(body=[TypeAlias(name=Name(id='X', ctx=Store()), type_params=[TypeVar(name='T')], value=Subscript(value=Name(id='list', ctx=Load()), slice=Name(id='T', ctx=Load()), ctx=Load()))], type_ignores=[])"},
    {"type X = int",
     "Module(body=[TypeAlias(name=Name(id='X', ctx=Store()), type_params=[], value=Name(id='int', ctx=Load()))], type_ignores=[])"},
    {"match x:\n    case 1 | 2: pass\n    case [a, *rest]: pass\n    case {\"k\": v, **kw}: pass\n    case Point(x=0, y=yy) as p if p: pass\n    case -1+2j | -3: pass\n    case a.b.c: pass\n    case (x, y,): pass\n    case _: pass\n    case None | True: pass\n    case str() | bytes(): pass\n    case (a): pass\n    case []: pass\n    case {}: pass\n    case [*_]: pass",
     "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchOr(patterns=[MatchValue(value=Constant(value=1)), MatchValue(value=Constant(value=2))]), body=[Pass()]), match_case(pattern=MatchSequence(patterns=[MatchAs(name='a'), MatchStar(name='rest')]), body=[Pass()]), match_case(pattern=MatchMapping(keys=[Constant(value='k')], patterns=[MatchAs(name='v')], rest='kw'), body=[Pass()]), match_case(pattern=MatchAs(pattern=MatchClass(cls=Name(id='Point', ctx=Load()), patterns=[], kwd_attrs=['x', 'y'], kwd_patterns=[MatchValue(value=Constant(value=0)), MatchAs(name='yy')]), name='p'), guard=Name(id='p', ctx=Load()), body=[Pass()]), match_case(pattern=MatchOr(patterns=[MatchValue(value=BinOp(left=UnaryOp(op=USub(), operand=Constant(value=1)), op=Add(), right=Constant(value=2j))), MatchValue(value=UnaryOp(op=USub(), operand=Constant(value=3)))]), body=[Pass()]), match_case(pattern=MatchValue(value=Attribute(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), attr='c', ctx=Load())), body=[Pass()]), match_case(pattern=MatchSequence(patterns=[MatchAs(name='x'), MatchAs(name='y')]), body=[Pass()]), match_case(pattern=MatchAs(), body=[Pass()]), match_case(pattern=MatchOr(patterns=[MatchSingleton(value=None), MatchSingleton(value=True)]), body=[Pass()]), match_case(pattern=MatchOr(patterns=[MatchClass(cls=Name(id='str', ctx=Load()), patterns=[], kwd_attrs=[], kwd_patterns=[]), MatchClass(cls=Name(id='bytes', ctx=Load()), patterns=[], kwd_attrs=[], kwd_patterns=[])]), body=[Pass()]), match_case(pattern=MatchAs(name='a'), body=[Pass()]), match_case(pattern=MatchSequence(patterns=[]), body=[Pass()]), match_case(pattern=MatchMapping(keys=[], patterns=[]), body=[Pass()]), match_case(pattern=MatchSequence(patterns=[MatchStar()]), body=[Pass()])])], type_ignores=[])"},
    {"match = 1\nmatch.x = 2\nmatch(x)\nprint(match)",
     "Module(body=[Assign(targets=[Name(id='match', ctx=Store())], value=Constant(value=1)), Assign(targets=[Attribute(value=Name(id='match', ctx=Load()), attr='x', ctx=Store())], value=Constant(value=2)), Expr(value=Call(func=Name(id='match', ctx=Load()), args=[Name(id='x', ctx=Load())], keywords=[])), Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Name(id='match', ctx=Load())], keywords=[]))], type_ignores=[])"},
    {"match x, y:\n    case a, b: pass",
     "Module(body=[Match(subject=Tuple(elts=[Name(id='x', ctx=Load()), Name(id='y', ctx=Load())], ctx=Load()), cases=[match_case(pattern=MatchSequence(patterns=[MatchAs(name='a'), MatchAs(name='b')]), body=[Pass()])])], type_ignores=[])"},
    {"case = 1; type = 2; _ = 3",
     "Module(body=[Assign(targets=[Name(id='case', ctx=Store())], value=Constant(value=1)), Assign(targets=[Name(id='type', ctx=Store())], value=Constant(value=2)), Assign(targets=[Name(id='_', ctx=Store())], value=Constant(value=3))], type_ignores=[])"},
    {"x = 1e300 * 1e300 + 1e16 + 1.5e-7 + 123.456 + 0.1e-4",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Constant(value=1e+300), op=Mult(), right=Constant(value=1e+300)), op=Add(), right=Constant(value=1e+16)), op=Add(), right=Constant(value=1.5e-07)), op=Add(), right=Constant(value=123.456)), op=Add(), right=Constant(value=1e-05)))], type_ignores=[])"},
    {"nonlocal a",
     "Module(body=[Nonlocal(names=['a'])], type_ignores=[])"},
};
static const ErrorCase error_cases[] = {
    {"f() = 1", KR_ERR_SYNTAX, "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 0},
    {"1 = x", KR_ERR_SYNTAX, "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 0},
    {"(a, 1) = x", KR_ERR_SYNTAX, "cannot assign to literal", 1, 4},
    {"a + 1 = 2", KR_ERR_SYNTAX, "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 0},
    {"x = 1 2", KR_ERR_SYNTAX, "invalid syntax", 1, 6},
    {"if x = 1: pass", KR_ERR_SYNTAX, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 3},
    {"f(a.b=1)", KR_ERR_SYNTAX, "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 2},
    {"f(a=1, b)", KR_ERR_SYNTAX, "positional argument follows keyword argument", 1, 8},
    {"def f(a=1, b): pass", KR_ERR_SYNTAX, "parameter without a default follows parameter with a default", 1, 11},
    {"for x + 1 in y: pass", KR_ERR_SYNTAX, "cannot assign to expression", 1, 4},
    {"del f()", KR_ERR_SYNTAX, "cannot delete function call", 1, 4},
    {"a, b += 1", KR_ERR_SYNTAX, "'tuple' is an illegal expression for augmented assignment", 1, 0},
    {"(a, b): int = 1", KR_ERR_SYNTAX, "only single target (not tuple) can be annotated", 1, 0},
    {"a + 1: int", KR_ERR_SYNTAX, "illegal target for annotation", 1, 0},
    {"x = yield = 1", KR_ERR_SYNTAX, "assignment to yield expression not possible", 1, 4},
    {"f(x for x in y, 1)", KR_ERR_SYNTAX, "Generator expression must be parenthesized", 1, 2},
    {"if x\n  pass", KR_ERR_SYNTAX, "expected ':'", 1, 4},
    {"if x:\npass", KR_ERR_INDENTATION, "expected an indented block after 'if' statement on line 1", 2, 0},
    {"  x = 1", KR_ERR_INDENTATION, "unexpected indent", 1, 1},
    {"try:\n  pass\nx = 1", KR_ERR_SYNTAX, "expected 'except' or 'finally' block", 3, 0},
    {"print \"hello\"", KR_ERR_SYNTAX, "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 0},
    {"a b", KR_ERR_SYNTAX, "invalid syntax", 1, 2},
    {"x = [1, 2 3]", KR_ERR_SYNTAX, "invalid syntax. Perhaps you forgot a comma?", 1, 8},
    {"None = 1", KR_ERR_SYNTAX, "cannot assign to None", 1, 0},
    {"(*a)", KR_ERR_SYNTAX, "cannot use starred expression here", 1, 1},
    {"[*a for a in b]", KR_ERR_SYNTAX, "iterable unpacking cannot be used in comprehension", 1, 1},
    {"x = 5 if 3", KR_ERR_SYNTAX, "expected 'else' after 'if' expression", 1, 4},
    {"def f(*): pass", KR_ERR_SYNTAX, "named arguments must follow bare *", 1, 6},
    {"def f(**k, a): pass", KR_ERR_SYNTAX, "arguments cannot follow var-keyword argument", 1, 11},
    {"\"a\" b\"b\"", KR_ERR_SYNTAX, "cannot mix bytes and nonbytes literals", 1, 8},
    {"from x import a, ", KR_ERR_SYNTAX, "trailing comma not allowed without surrounding parentheses", 1, 17},
    {"f\"{}\"", KR_ERR_SYNTAX, "f-string: valid expression required before '}'", 1, 3},
    {"f\"{x!z}\"", KR_ERR_SYNTAX, "f-string: invalid conversion character 'z': expected 's', 'r', or 'a'", 1, 5},
    {"f\"{lambda x: 1}\"", KR_ERR_SYNTAX, "f-string: lambda expressions are not allowed without parentheses", 1, 3},
    {"x = (1, 2", KR_ERR_SYNTAX, "'(' was never closed", 1, 4},
    {"a.b := 1", KR_ERR_SYNTAX, "cannot use assignment expressions with attribute", 1, 0},
    {"def f() x: pass", KR_ERR_SYNTAX, "expected ':'", 1, 8},
    {"x = 1 +", KR_ERR_SYNTAX, "invalid syntax", 1, 7},
    {"class A(x for x in y): pass", KR_ERR_SYNTAX, "invalid syntax", 1, 10},
    {"with a as 1: pass", KR_ERR_SYNTAX, "cannot assign to literal", 1, 10},
};

static char *dump_of(const char *src, KrParseMode mode) {
    KrArena *a = kr_arena_new();
    KrFrontendError err;
    KrAstNode *m = kr_parse(src, strlen(src), "<test>", mode, a, &err);
    char *d;
    if (m) {
        d = kr_ast_dump(m);
    } else {
        d = malloc(strlen(err.msg) + 64);
        sprintf(d, "error: %s (%d:%d)", err.msg, err.lineno, err.col_offset);
    }
    kr_arena_free(a);
    return d;
}

static void test_dumps(void **state) {
    (void)state;
    int bad = 0;
    for (size_t i = 0; i < sizeof dump_cases / sizeof *dump_cases; i++) {
        char *d = dump_of(dump_cases[i].src, KR_PARSE_FILE);
        if (strcmp(d, dump_cases[i].dump) != 0) {
            print_error("source: %s\n   got: %s\nwanted: %s\n", dump_cases[i].src, d,
                        dump_cases[i].dump);
            bad++;
        }
        free(d);
    }
    assert_int_equal(bad, 0);
}

static void test_errors(void **state) {
    (void)state;
    int bad = 0;
    for (size_t i = 0; i < sizeof error_cases / sizeof *error_cases; i++) {
        const ErrorCase *c = &error_cases[i];
        KrArena *a = kr_arena_new();
        KrFrontendError err;
        KrAstNode *m = kr_parse(c->src, strlen(c->src), "<test>", KR_PARSE_FILE, a, &err);
        if (m || err.kind != c->kind || strcmp(err.msg, c->msg) != 0 || err.lineno != c->lineno ||
            err.col_offset != c->col) {
            print_error("source: %s\n   got: %s %d:%d (kind %d)\nwanted: %s %d:%d (kind %d)\n",
                        c->src, m ? "<no error>" : err.msg, err.lineno, err.col_offset, err.kind,
                        c->msg, c->lineno, c->col, c->kind);
            bad++;
        }
        kr_arena_free(a);
    }
    assert_int_equal(bad, 0);
}

static KrAstNode *parse1(KrArena *a, const char *src) {
    KrFrontendError err;
    KrAstNode *m = kr_parse(src, strlen(src), "<test>", KR_PARSE_FILE, a, &err);
    assert_non_null(m);
    assert_int_equal(m->kind, KR_AST_Module);
    return m;
}

#define assert_pos(n, l, c, el, ec)                                                           \
    do {                                                                                      \
        assert_int_equal((n)->lineno, l);                                                     \
        assert_int_equal((n)->col_offset, c);                                                 \
        assert_int_equal((n)->end_lineno, el);                                                \
        assert_int_equal((n)->end_col_offset, ec);                                            \
    } while (0)

static void test_positions(void **state) {
    (void)state;
    KrArena *a = kr_arena_new();
    KrAstNode *m = parse1(a, "x = (a, b)");
    KrAstNode *s = m->v.Module.body.items[0];
    assert_pos(s, 1, 0, 1, 10);
    assert_pos(s->v.Assign.value, 1, 4, 1, 10);
    assert_pos(s->v.Assign.value->v.Tuple.elts.items[0], 1, 5, 1, 6);

    KrAstNode *e = parse1(a, "f(a)(b)[c].d")->v.Module.body.items[0]->v.Expr.value;
    assert_pos(e, 1, 0, 1, 12);
    assert_pos(e->v.Attribute.value, 1, 0, 1, 10);
    assert_pos(e->v.Attribute.value->v.Subscript.value, 1, 0, 1, 7);

    assert_pos(parse1(a, "if x:\n    pass\nelse:\n    y = 1\n")->v.Module.body.items[0], 1, 0, 4, 9);

    s = parse1(a, "def f(a: int = 1): pass")->v.Module.body.items[0];
    assert_pos(s, 1, 0, 1, 23);
    assert_pos(s->v.FunctionDef.args->v.arguments.args.items[0], 1, 6, 1, 12);

    assert_pos(parse1(a, "(a)")->v.Module.body.items[0]->v.Expr.value, 1, 1, 1, 2);

    e = parse1(a, "x = f\"a{b!r}c\"")->v.Module.body.items[0]->v.Assign.value;
    assert_int_equal(e->kind, KR_AST_JoinedStr);
    assert_pos(e, 1, 4, 1, 14);
    assert_pos(e->v.JoinedStr.values.items[1], 1, 7, 1, 12);

    e = parse1(a, "a = -1 + 2 ** 3")->v.Module.body.items[0]->v.Assign.value;
    assert_pos(e, 1, 4, 1, 15);
    assert_pos(e->v.BinOp.left, 1, 4, 1, 6);

    /* non-ASCII: columns are UTF-8 byte offsets */
    e = parse1(a, "x = 'é' + y")->v.Module.body.items[0]->v.Assign.value;
    assert_pos(e->v.BinOp.right, 1, 11, 1, 12);

    /* AnnAssign.simple */
    m = parse1(a, "x: int\n(y): int\na.b: int");
    assert_int_equal(m->v.Module.body.items[0]->v.AnnAssign.simple, 1);
    assert_int_equal(m->v.Module.body.items[1]->v.AnnAssign.simple, 0);
    assert_int_equal(m->v.Module.body.items[2]->v.AnnAssign.simple, 0);
    kr_arena_free(a);
}

static void test_modes(void **state) {
    (void)state;
    char *d = dump_of("lambda x: x", KR_PARSE_EVAL);
    assert_string_equal(d, "Expression(body=Lambda(args=arguments(posonlyargs=[], args=[arg(arg='x')], "
                           "kwonlyargs=[], kw_defaults=[], defaults=[]), body=Name(id='x', ctx=Load())))");
    free(d);
    d = dump_of("x = 1\n", KR_PARSE_SINGLE);
    assert_string_equal(d, "Interactive(body=[Assign(targets=[Name(id='x', ctx=Store())], "
                           "value=Constant(value=1))])");
    free(d);
    d = dump_of("(int, *str) -> None", KR_PARSE_FUNC_TYPE);
    assert_string_equal(d, "FunctionType(argtypes=[Name(id='int', ctx=Load()), Name(id='str', "
                           "ctx=Load())], returns=Constant(value=None))");
    free(d);
    d = dump_of("x = 1", KR_PARSE_EVAL);
    assert_true(strncmp(d, "error: invalid syntax", 21) == 0);
    free(d);
}

/* Pathological inputs: each must give a SyntaxError (never a crash or a hang). */
static char *repeat(const char *head, const char *unit, int n, const char *tail) {
    size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail);
    char *s = malloc(hl + ul * (size_t)n + tl + 1);
    memcpy(s, head, hl);
    for (int i = 0; i < n; i++) memcpy(s + hl + ul * (size_t)i, unit, ul);
    memcpy(s + hl + ul * (size_t)n, tail, tl + 1);
    return s;
}

static void test_deep_inputs(void **state) {
    (void)state;
    struct {
        const char *head, *unit;
        int n;
        const char *tail;
    } cases[] = {
        {"", "-", 100000, "x"},       {"", "not ", 100000, "x"},   {"", "lambda:", 20000, "x"},
        {"x", "[0]", 100000, ""},     {"x", ".a", 100000, ""},     {"2", "**2", 100000, ""},
        {"x = ", "1 if x else ", 20000, "1"}, {"x = ", "1+", 100000, "1"}, {"", "await ", 100000, "x"},
        {"match x:\n case ", "[", 180, ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *src = repeat(cases[i].head, cases[i].unit, cases[i].n, cases[i].tail);
        KrArena *a = kr_arena_new();
        KrFrontendError err;
        KrAstNode *m = kr_parse(src, strlen(src), "<test>", KR_PARSE_FILE, a, &err);
        assert_null(m);
        assert_true(err.msg[0] != 0);
        kr_arena_free(a);
        free(src);
    }
    /* moderately deep but legitimate input still parses */
    char *src = repeat("x = ", "-", 200, "1");
    char *d = dump_of(src, KR_PARSE_FILE);
    assert_true(strncmp(d, "Module(", 7) == 0);
    free(d);
    free(src);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dumps),     cmocka_unit_test(test_errors),
        cmocka_unit_test(test_positions), cmocka_unit_test(test_modes),
        cmocka_unit_test(test_deep_inputs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

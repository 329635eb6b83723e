# compile() of ast trees (built by hand and parsed), PyCF_ONLY_AST, and the
# validation errors CPython reports for malformed trees
import ast

tree = ast.parse("x = 6 * 7\nprint('x is', x)")
exec(compile(tree, "<ast>", "exec"))
e = ast.Expression(ast.BinOp(ast.Constant(2), ast.Pow(), ast.Constant(10)))
ast.fix_missing_locations(e)
print(eval(compile(e, "<ast>", "eval")))
t = compile("a + 1", "<s>", "eval", ast.PyCF_ONLY_AST)
print(type(t).__name__, ast.dump(t))
print(compile(t, "<s>", "exec", ast.PyCF_ONLY_AST) is t)

class Rename(ast.NodeTransformer):
    def visit_Name(self, node):
        if node.id == 'old':
            node.id = 'new'
        return node
tree = Rename().visit(ast.parse("new = 5\nprint(old + 1)"))
exec(compile(tree, "<ast>", "exec"))

def bad(tree, mode="exec"):
    try:
        compile(ast.fix_missing_locations(tree), "<bad>", mode)
    except (TypeError, ValueError) as ex:
        print(type(ex).__name__ + ":", str(ex).split(" at 0x")[0])

bad(ast.Expression(ast.Constant(1)))
bad(ast.Module([ast.Expr(ast.Name('x', ast.Store()))], []))
bad(ast.Module([ast.Assign([ast.Name('x', ast.Load())], ast.Constant(1))], []))
bad(ast.Module([ast.Assign([ast.Constant(1)], ast.Constant(1))], []))
bad(ast.Module([ast.If(ast.Constant(1), [], [])], []))
bad(ast.Module([ast.Expr(ast.Constant([1]))], []))
bad(ast.Module([ast.Expr(ast.Name(1, ast.Load()))], []))
bad(ast.Module([ast.Expr(ast.Name('None', ast.Load()))], []))
bad(ast.Module([ast.Pass()], None))
bad(ast.Module([ast.Expr(ast.Compare(ast.Constant(1), [], []))], []))
bad(ast.Module([ast.Expr(ast.BinOp(ast.Constant(1), ast.Load(), ast.Constant(2)))], []))
bad(ast.Module([ast.Expr(ast.Pass())], []))
m = ast.Module([ast.Expr(ast.Constant(1))], [])
bad(m)  # no locations: fix_missing_locations supplies them, so this compiles
print("done")

# oracle: python3.12
# walk, iter_fields, iter_child_nodes, NodeVisitor, NodeTransformer, location helpers,
# get_docstring, get_source_segment
import ast

src = '''\
"""Mod doc."""
def f(a, b):
    """  Func doc.

      more
    """
    return a + b * 2
class C:
    x = f(1, 2)
'''
tree = ast.parse(src)
print([type(n).__name__ for n in ast.walk(tree)])
print([name for name, _ in ast.iter_fields(tree.body[1])])
print([type(n).__name__ for n in ast.iter_child_nodes(tree.body[1])])

class Names(ast.NodeVisitor):
    def __init__(self):
        self.seen = []
    def visit_Name(self, node):
        self.seen.append(node.id)
    def visit_FunctionDef(self, node):
        self.seen.append("def " + node.name)
        self.generic_visit(node)
v = Names()
v.visit(tree)
print(v.seen)

class Double(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 10), node)
        return node
    def visit_Expr(self, node):
        return None   # drop docstrings / expression statements
t2 = Double().visit(ast.parse(src))
print(ast.unparse(t2))
print(ast.get_docstring(tree), repr(ast.get_docstring(tree.body[1])),
      repr(ast.get_docstring(tree.body[1], clean=False)), ast.get_docstring(tree.body[2]))
try:
    ast.get_docstring(tree.body[1].body[1])
except TypeError as e:
    print(e)
call = tree.body[2].body[0].value
print(ast.get_source_segment(src, call), ast.get_source_segment(src, tree.body[1].body[1].value))
print(repr(ast.get_source_segment(src, tree.body[1], padded=True)[:20]))
new = ast.Expression(ast.BinOp(ast.Constant(1), ast.Add(), ast.Constant(2)))
ast.fix_missing_locations(new)
print(new.body.lineno, new.body.col_offset, new.body.left.end_lineno, new.body.right.end_col_offset)
ast.increment_lineno(tree, 3)
print(tree.body[1].lineno, tree.body[1].end_lineno, tree.body[1].body[1].value.lineno)
n = ast.Name('x', ast.Load())
ast.copy_location(n, tree.body[0])
print(n.lineno, n.col_offset, n.end_lineno, n.end_col_offset)

# ast.literal_eval: accepted literals and its "malformed node or string" errors
import ast

for s in ["1", "-2.5", "+3", "1+2j", "-1-2j", "'s'", "b'b'", "(1, [2, {3: 4}])", "{1, 2}",
          "set()", "None", "True", "...", "  7", "{'a': [1, (2,)]}", "[]", "()", "{}"]:
    print(repr(ast.literal_eval(s)))
for s in ["x", "1 + x", "f()", "[1, y]", "2 * 3", "{1: a}", "-'s'", "1 + 2", "set([1])"]:
    try:
        ast.literal_eval(s)
    except ValueError as e:
        print("ValueError", str(e).split(": <")[0])
print(ast.literal_eval(ast.parse("[1, 2]", mode="eval")))
print(ast.literal_eval(ast.Constant(5)))
try:
    ast.literal_eval("1 +")
except SyntaxError as e:
    print("SyntaxError", e.msg)

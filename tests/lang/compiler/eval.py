print(eval("1 + 2 * 3"))
ns = {}
exec("def sq(x):\n    return x * x\nr = sq(7)", ns)
print(ns["r"])
code = compile("a = 5\nb = a * 2", "<s>", "exec")
g = {}
exec(code, g)
print(g["b"], code.co_name, code.co_filename)
print(eval("[x for x in range(3)]"))
try:
    compile("return 1", "<x>", "exec")
except SyntaxError as e:
    print(e.msg, e.lineno, e.filename)
try:
    eval("lambda: (yield)")
    print("ok lambda yield")
except SyntaxError as e:
    print("err", e)

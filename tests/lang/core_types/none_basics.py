print(None, repr(None), str(None), type(None).__name__, bool(None))
x = None
print(x is None, x is not None, x == None, None == 0, None == False, None != "")
def f():
    pass
def g():
    return
print(f(), g(), f() is None, [None, None], (None,), {None: None})
print(hash(None) == hash(None), None in [0, None], [1, None].index(None))
n = None
for op in ("+", "<", "call", "attr", "index", "len", "iter"):
    try:
        if op == "+":
            n + 1
        elif op == "<":
            n < n
        elif op == "call":
            n()
        elif op == "attr":
            n.foo
        elif op == "index":
            n[0]
        elif op == "len":
            len(n)
        else:
            iter(n)
    except (TypeError, AttributeError) as e:
        print(op, type(e).__name__, e)
print(type(None)() is None)
print(f"{None}", "%s" % None, "{}".format(None), str(None).lower())
print(sorted([3, 1, 2], key=None), print() is None)

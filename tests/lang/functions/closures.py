def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc
c = counter()
print(c(), c(), c(10))
funcs = [lambda: i for i in range(3)]
print([fn() for fn in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([fn() for fn in funcs])
x = "global"
def outer():
    x = "outer"
    def inner():
        return x
    return inner()
print(outer())
def setg():
    global x
    x = "changed"
setg()
print(x)
def make_adders():
    return [lambda y, k=k: y + k for k in range(4)]
print([a(10) for a in make_adders()])
def deco(fn):
    def wrapper(*a, **k):
        print("calling", fn.__name__)
        return fn(*a, **k)
    return wrapper
@deco
def add(a, b):
    return a + b
print(add(2, 3))
def repeat(n):
    def d(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return d
@repeat(3)
def hi(name):
    return "hi " + name
print(hi("bob"))
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(15)])
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(30))
print((lambda *a, **k: (a, k))(1, x=2))
def cell_outer():
    vals = []
    def add(v):
        vals.append(v)
        return len(vals)
    add(1)
    add(2)
    return vals
print(cell_outer())

def f():
    x = 1
    class C:
        x = 2
        def m(self): return x
        y = x
    return C().m(), C.y
print(f())
def g():
    x = "g"
    class C:
        print(x)
        y = x
        z = "class"
        print(z, y)
    return C
g()
def h():
    a = 1
    def inner():
        return [a + i for i in range(2)]
    return inner()
print(h())
def shadow(x):
    def f(): return x
    x = 99
    return f()
print(shadow(1))
def delete():
    x = 1
    del x
    try:
        return x
    except UnboundLocalError as e:
        return str(e)
print(delete())
def cell_del():
    x = 1
    def f(): return x
    del x
    try:
        f()
    except NameError as e:
        print(e)
cell_del()
class A:
    def __init_subclass__(cls, **kw):
        print("subclass", cls.__name__, kw)
class B(A, k=1): pass
def make_adders():
    return [lambda y, i=i: i + y for i in range(3)]
print([a(10) for a in make_adders()])
x = 0
def gx():
    return [x for x in range(3)], x
print(gx())
def multi():
    a = b = 0
    def inc():
        nonlocal a, b
        a += 1; b += 2
    inc(); inc()
    return a, b
print(multi())
def gen_closure():
    vals = []
    for i in range(3):
        def f(i=i): return i
        vals.append(f)
    return [v() for v in vals]
print(gen_closure())
class Prop:
    def __init__(self): self._v = 0
    @property
    def v(self): return self._v
    @v.setter
    def v(self, val): self._v = val * 2
p = Prop(); p.v = 5; print(p.v)
print((lambda: (yield))().__class__.__name__)
def kw(**kw): return sorted(kw.items())
print(kw(a=1, **{"b": 2}))
class Base:
    def hello(self): return "base"
class Derived(Base):
    def hello(self):
        f = lambda: super(Derived, self).hello()
        return f() + "+derived"
print(Derived().hello())

class A:
    """Doc of A"""
    x = 1
    def __init__(self, v):
        self.v = v
    def m(self):
        return self.v + self.x
    @staticmethod
    def s(a): return a * 2
    @classmethod
    def c(cls): return cls.__name__
    @property
    def p(self): return self.v * 10
class B(A):
    def m(self):
        return super().m() + 100
    def __repr__(self):
        return f"B({self.v})"
b = B(5)
print(b.m(), A.s(3), B.c(), b.p, repr(b), A.__doc__, B.__doc__)
print(A.__qualname__, B.m.__qualname__, A.__module__)
class Outer:
    class Inner:
        def f(self): pass
    def meth(self):
        def local(): pass
        return local
print(Outer.Inner.f.__qualname__, Outer().meth().__qualname__)
class Mangle:
    __secret = 42
    def get(self): return self.__secret
    def __private(self): return "p"
    def call(self): return self.__private()
m = Mangle()
print(m.get(), m.call(), Mangle._Mangle__secret)
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns['added'] = kw
        return super().__new__(mcls, name, bases, ns)
class WithMeta(metaclass=Meta, flag=True):
    pass
print(WithMeta.added)
def deco(f):
    def w(*a, **k):
        return ("deco", f(*a, **k))
    return w
@deco
def df(x): return x + 1
print(df(1))
class Ann:
    a: int
    b: str = "s"
print(Ann.__annotations__, Ann.b)
def fa(a: int, *args: str, b: "x" = 1, **kw: float) -> list: pass
print(fa.__annotations__)
x: int = 5
print(__annotations__)
class Cnt:
    count = 0
    def __init__(self):
        Cnt.count += 1
Cnt(); Cnt()
print(Cnt.count)
class SuperArgs(B):
    def m(self):
        return super(B, self).m()
print(SuperArgs(1).m())
class ClsRef:
    def f(self): return __class__
print(ClsRef().f() is ClsRef)
def fdoc():
    "function doc"
print(fdoc.__doc__, (lambda: 0).__doc__)

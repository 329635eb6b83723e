def f(a: int, b: "str" = "x", *args: float, c: list = None, **kw: dict) -> tuple:
    return a, b
print(f.__annotations__)
def g(x, y):
    pass
print(g.__annotations__)
x: int = 5
y: str
print(x, __annotations__)
class C:
    attr: int = 3
    other: "C"
    def m(self) -> None:
        pass
print(C.__annotations__, C.attr, C.m.__annotations__)
try:
    print(C.other)
except AttributeError as e:
    print(type(e).__name__, e)
def local():
    z: int = 1
    w: float
    return z
print(local())
lam = lambda q: q
print(lam.__annotations__)

def f(a, b=2):
    pass
def g(*args):
    pass
def h(a, /, b):
    pass
class C:
    def method(self, x):
        pass
tests = [
    lambda: f(1, c=3),
    lambda: f(1, b=2, zz=9),
    lambda: g(k=1),
    lambda: h(1, a=2, b=3),
    lambda: f(1, a=1),
    lambda: f(1, 2, b=3),
    lambda: C().method(1, x=2),
    lambda: C().method(y=1),
    lambda: f(**{1: 2}),
    lambda: (lambda **kw: 0)(a=1, **{"a": 2}),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(type(e).__name__, e)

def none():
    pass
def one(a):
    pass
def two_default(a, b=1):
    pass
def kwo(a, *, b):
    pass
class C:
    def m(self):
        pass
    def m2(self, x):
        pass
tests = [
    lambda: none(1),
    lambda: none(1, 2),
    lambda: one(1, 2),
    lambda: two_default(1, 2, 3),
    lambda: kwo(1, 2),
    lambda: kwo(1, 2, b=3),
    lambda: C().m(1),
    lambda: C().m2(1, 2),
    lambda: (lambda: 0)(1),
    lambda: (lambda x: 0)(1, 2),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(type(e).__name__, e)

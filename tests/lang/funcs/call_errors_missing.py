def one(a):
    pass
def two(a, b):
    pass
def three(a, b, c):
    pass
def kw(*, x, y):
    pass
def mixed(a, b, *, c, d):
    pass
tests = [
    lambda: one(),
    lambda: two(),
    lambda: two(1),
    lambda: three(1),
    lambda: three(),
    lambda: kw(),
    lambda: kw(x=1),
    lambda: mixed(1, c=1),
    lambda: mixed(1, 2),
    lambda: two(b=1),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(type(e).__name__, e)
class K:
    def method(self, a):
        pass
    @staticmethod
    def smethod(a):
        pass
for t in (lambda: K().method(), lambda: K.method(), lambda: K.smethod()):
    try:
        t()
    except TypeError as e:
        print(type(e).__name__, e)

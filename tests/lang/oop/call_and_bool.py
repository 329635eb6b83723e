class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest, scale=1):
        return (self.n + x + sum(rest)) * scale
add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10), callable(add5), callable(Adder), callable(5))
print(list(map(Adder(100), [1, 2])))
class Truthy:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        return self.v > 0
print(bool(Truthy(1)), bool(Truthy(-1)), [t.v for t in map(Truthy, [-1, 0, 2]) if t])
class LenBased:
    def __len__(self):
        return 3
print(bool(LenBased()), not LenBased())
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print(type(e).__name__, e)
try:
    Adder(1)()
except TypeError as e:
    print(type(e).__name__, e)
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print(type(e).__name__, e)

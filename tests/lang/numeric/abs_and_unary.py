print(abs(-5), abs(5), abs(0), abs(-2**100), abs(-1.5), abs(-0.0), abs(3 - 4j), abs(True), abs(False))
print(-(-5), +(-5), -0, -(2**64), +3.5, -(-0.0), - -1, ~-1, not -1)
class V:
    def __init__(self, n):
        self.n = n
    def __abs__(self):
        return V(abs(self.n))
    def __neg__(self):
        return V(-self.n)
    def __pos__(self):
        return V(self.n + 1000)
    def __invert__(self):
        return "inverted"
    def __repr__(self):
        return "V(%d)" % self.n
print(abs(V(-3)), -V(2), +V(1), ~V(0))
for x in ("s", [1], None):
    for f, name in ((abs, "abs"), (lambda v: -v, "neg"), (lambda v: +v, "pos"), (lambda v: ~v, "inv")):
        try:
            f(x)
        except TypeError as e:
            print(name, type(e).__name__, e)

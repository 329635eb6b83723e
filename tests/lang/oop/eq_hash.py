class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return "P(%d,%d)" % (self.x, self.y)
p, q, r = Point(1, 2), Point(1, 2), Point(2, 1)
print(p == q, p != q, p == r, p is q, p == (1, 2), p != "x")
print(len({p, q, r}), {p: "first"}[q], p in [q], r in {q})
class NoHash:
    def __eq__(self, other):
        return True
print(NoHash.__hash__, NoHash() == 5, NoHash() != 5)
try:
    hash(NoHash())
except TypeError as e:
    print(type(e).__name__, e)
class Default:
    pass
d1, d2 = Default(), Default()
print(d1 == d1, d1 == d2, d1 != d2, hash(d1) == hash(d1), len({d1, d2, d1}))
class EqLog:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        print("eq", self.n, getattr(other, "n", other))
        return NotImplemented
print(EqLog(1) == EqLog(2))
print(EqLog(3) == 3)
class InheritsHash(Point):
    pass
print(hash(InheritsHash(1, 2)) == hash(p), InheritsHash(1, 2) == p)
class OverrideEq(Point):
    def __eq__(self, other):
        return False
print(OverrideEq.__hash__ is None)

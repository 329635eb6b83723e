class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __matmul__(self, o):
        return "matmul"
    def __and__(self, o):
        return "and"
    def __or__(self, o):
        return "or"
    def __xor__(self, o):
        return "xor"
    def __lshift__(self, n):
        return "lshift %d" % n
    def __rshift__(self, n):
        return "rshift %d" % n
    def __bool__(self):
        return bool(self.x or self.y)
a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 3, 3 * a, a * b, b / 2, b // 2, b % 2, a ** 2, -a, abs(b))
print(a @ b, a & b, a | b, a ^ b, a << 2, a >> 3, bool(Vec(0, 0)), bool(a), not a)
try:
    a + 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    "s" * a
except TypeError as e:
    print(type(e).__name__, e)
try:
    a < b
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 - a
except TypeError as e:
    print(type(e).__name__, e)

# Rational numbers, polynomials and matrices with operator overloading.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)


class Q:
    """An exact rational number."""
    __slots__ = ("n", "d")

    def __init__(self, n, d=1):
        if isinstance(n, Q):
            n, d = n.n * d, n.d
            d = d if isinstance(d, int) else 1
        if d == 0:
            raise ZeroDivisionError("Q(%d, 0)" % n)
        if d < 0:
            n, d = -n, -d
        g = gcd(n, d) or 1
        self.n, self.d = n // g, d // g

    @staticmethod
    def of(x):
        return x if isinstance(x, Q) else Q(x)

    def __add__(self, o):
        o = Q.of(o)
        return Q(self.n * o.d + o.n * self.d, self.d * o.d)
    __radd__ = __add__

    def __neg__(self):
        return Q(-self.n, self.d)

    def __sub__(self, o):
        return self + (-Q.of(o))

    def __rsub__(self, o):
        return Q.of(o) - self

    def __mul__(self, o):
        o = Q.of(o)
        return Q(self.n * o.n, self.d * o.d)
    __rmul__ = __mul__

    def __truediv__(self, o):
        o = Q.of(o)
        return Q(self.n * o.d, self.d * o.n)

    def __rtruediv__(self, o):
        return Q.of(o) / self

    def __eq__(self, o):
        if isinstance(o, (int, Q)):
            o = Q.of(o)
            return self.n == o.n and self.d == o.d
        return NotImplemented

    def __lt__(self, o):
        o = Q.of(o)
        return self.n * o.d < o.n * self.d

    def __hash__(self):
        return hash((self.n, self.d))

    def __bool__(self):
        return self.n != 0

    def __repr__(self):
        return str(self.n) if self.d == 1 else "%d/%d" % (self.n, self.d)


class Poly:
    def __init__(self, coeffs):
        cs = [Q.of(c) for c in coeffs]
        while cs and not cs[-1]:
            cs.pop()
        self.c = cs

    def degree(self):
        return len(self.c) - 1

    def __call__(self, x):
        acc = Q(0)
        for coef in reversed(self.c):
            acc = acc * x + coef
        return acc

    def __add__(self, o):
        o = o if isinstance(o, Poly) else Poly([o])
        n = max(len(self.c), len(o.c))
        a = self.c + [Q(0)] * (n - len(self.c))
        b = o.c + [Q(0)] * (n - len(o.c))
        return Poly([x + y for x, y in zip(a, b)])
    __radd__ = __add__

    def __neg__(self):
        return Poly([-x for x in self.c])

    def __sub__(self, o):
        return self + (-o)

    def __mul__(self, o):
        if not isinstance(o, Poly):
            return Poly([x * o for x in self.c])
        out = [Q(0)] * (len(self.c) + len(o.c))
        for i, x in enumerate(self.c):
            for j, y in enumerate(o.c):
                out[i + j] = out[i + j] + x * y
        return Poly(out)
    __rmul__ = __mul__

    def __pow__(self, k):
        result = Poly([1])
        for _ in range(k):
            result = result * self
        return result

    def __divmod__(self, o):
        if not o.c:
            raise ZeroDivisionError("polynomial division by zero")
        rem = list(self.c)
        quot = [Q(0)] * max(len(rem) - len(o.c) + 1, 0)
        while len(rem) >= len(o.c) and any(rem):
            shift = len(rem) - len(o.c)
            factor = rem[-1] / o.c[-1]
            quot[shift] = factor
            for i, y in enumerate(o.c):
                rem[i + shift] = rem[i + shift] - factor * y
            rem.pop()
        return Poly(quot), Poly(rem)

    def derivative(self):
        return Poly([c * i for i, c in enumerate(self.c)][1:])

    def __eq__(self, o):
        return isinstance(o, Poly) and self.c == o.c

    def __repr__(self):
        if not self.c:
            return "0"
        terms = []
        for i in range(len(self.c) - 1, -1, -1):
            c = self.c[i]
            if not c:
                continue
            sign = "-" if c < 0 else "+"
            mag = -c if c < 0 else c
            body = "" if (mag == 1 and i) else repr(mag)
            var = "" if i == 0 else ("x" if i == 1 else "x^%d" % i)
            terms.append((sign, body + var))
        first_sign, first = terms[0]
        text = ("-" if first_sign == "-" else "") + first
        for sign, t in terms[1:]:
            text += " %s %s" % (sign, t)
        return text


class Matrix:
    def __init__(self, rows):
        self.rows = [[Q.of(v) for v in row] for row in rows]
        self.n = len(self.rows)
        self.m = len(self.rows[0]) if self.rows else 0
        if any(len(r) != self.m for r in self.rows):
            raise ValueError("ragged matrix")

    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])

    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]

    def __add__(self, o):
        return Matrix([[a + b for a, b in zip(r, s)] for r, s in zip(self.rows, o.rows)])

    def __matmul__(self, o):
        if self.m != o.n:
            raise ValueError("shape mismatch: %dx%d @ %dx%d" % (self.n, self.m, o.n, o.m))
        cols = list(zip(*o.rows))
        return Matrix([[sum((a * b for a, b in zip(r, c)), Q(0)) for c in cols] for r in self.rows])

    def __mul__(self, k):
        return Matrix([[v * k for v in r] for r in self.rows])
    __rmul__ = __mul__

    def transpose(self):
        return Matrix([list(c) for c in zip(*self.rows)])

    def det(self):
        if self.n != self.m:
            raise ValueError("det of non-square matrix")
        a = [list(r) for r in self.rows]
        sign, result = 1, Q(1)
        for col in range(self.n):
            pivot = next((r for r in range(col, self.n) if a[r][col]), None)
            if pivot is None:
                return Q(0)
            if pivot != col:
                a[col], a[pivot] = a[pivot], a[col]
                sign = -sign
            result = result * a[col][col]
            for r in range(col + 1, self.n):
                f = a[r][col] / a[col][col]
                a[r] = [x - f * y for x, y in zip(a[r], a[col])]
        return result * sign

    def __eq__(self, o):
        return isinstance(o, Matrix) and self.rows == o.rows

    def __repr__(self):
        width = max((len(repr(v)) for r in self.rows for v in r), default=1)
        return "\n".join("[" + " ".join(repr(v).rjust(width) for v in r) + "]" for r in self.rows)


print(Q(6, 8), Q(-3, -9), Q(5, -10), Q(4, 2), Q(1, 3) + Q(1, 6), Q(1, 2) * 4, 1 - Q(1, 3), 2 / Q(4))
print(sorted([Q(1, 2), Q(1, 3), Q(2, 3), Q(-1)]), Q(2, 4) == Q(1, 2), Q(3) == 3, len({Q(1, 2), Q(2, 4)}))
try:
    Q(1, 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
p = Poly([1, -3, 0, 2])
q = Poly([-1, 1])
print(p, "|", q, "|", p + q, "|", p - p, "|", p * q, "|", q ** 3, "|", 3 * q)
print(p.degree(), p(2), p(Q(1, 2)), [q(x) for x in range(-2, 3)], p.derivative(), p.derivative().derivative())
quot, rem = divmod(p, q)
print(quot, "rem", rem, quot * q + rem == p)
print(divmod(Poly([-1, 0, 1]), Poly([1, 1])))
try:
    divmod(p, Poly([]))
except ZeroDivisionError as e:
    print(type(e).__name__, e)
A = Matrix([[1, 2], [3, 4]])
B = Matrix([[0, 1], [1, 0]])
print(A @ B, "", A + B, "", A * Q(1, 2), "", A.transpose(), sep="\n")
print(A.det(), Matrix([[2, 0, 1], [1, 3, 2], [1, 1, 1]]).det(), Matrix.identity(3).det(), Matrix([[1, 2], [2, 4]]).det())
print(A @ Matrix.identity(2) == A, A[1, 0], (A @ A @ A)[0, 1])
for bad in (lambda: A @ Matrix([[1, 2, 3]]), lambda: Matrix([[1], [2, 3]]), lambda: Matrix([[1, 2, 3]]).det()):
    try:
        bad()
    except ValueError as e:
        print(type(e).__name__, e)
fib = Matrix([[1, 1], [1, 0]])
acc = Matrix.identity(2)
for _ in range(30):
    acc = acc @ fib
print(acc[0, 1])

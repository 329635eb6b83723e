class Vec:
    def __init__(self, *c):
        self.c = list(c)
    def __len__(self):
        return len(self.c)
    def __getitem__(self, i):
        return self.c[i]
    def __setitem__(self, i, v):
        self.c[i] = v
    def __contains__(self, v):
        return v in self.c
    def __iter__(self):
        return iter(self.c)
    def __mul__(self, k):
        return Vec(*[x * k for x in self.c])
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return Vec(*[-x for x in self.c])
    def __bool__(self):
        return any(self.c)
    def __lt__(self, other):
        return self.c < other.c
    def __repr__(self):
        return "Vec(%s)" % ", ".join(map(str, self.c))
    def __call__(self, x):
        return sum(c * x ** i for i, c in enumerate(self.c))
    def __iadd__(self, other):
        self.c = [a + b for a, b in zip(self.c, other.c)]
        return self
v = Vec(1, 2, 3)
print(len(v), v[0], v[-1], 2 in v, list(v), v * 2, 3 * v, -v, bool(v), bool(Vec(0)))
v[0] = 10
print(v, v(2), sorted([Vec(3), Vec(1), Vec(2)]), Vec(1) < Vec(2))
v += Vec(1, 1, 1)
print(v)
class Ctx:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None)
        return True
with Ctx() as c:
    print("inside", type(c).__name__)
    raise ValueError("suppressed")
print("after")
class Str:
    def __str__(self):
        return "str!"
    def __repr__(self):
        return "repr!"
    def __format__(self, spec):
        return "fmt:" + spec
print(Str(), repr(Str()), [Str()], f"{Str():abc}", format(Str(), "x"))
class Cmp:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
print(Cmp(1) == Cmp(1), Cmp(1) != Cmp(2))
try:
    hash(Cmp(1))
except TypeError as e:
    print(e)
class Getattr:
    def __getattr__(self, name):
        return name.upper()
print(Getattr().hello)

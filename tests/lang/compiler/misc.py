import sys



def f(*args, **kwargs): return args, kwargs
print(f(*[1, 2], 3, *(4,), a=1, **{'b': 2}, c=3))
print(f(**{'x': 1}))
l = [1, 2]
print(f(*l))
print([*l, *l], {*l}, {**{'a': 1}, 'b': 2})
if (n := len(l)) > 1:
    print("walrus", n)
print([y := 5, y ** 2])
def scope():
    res = [last := i for i in range(3)]
    return res, last
print(scope())
total = 0
def add():
    global total
    total += 5
add(); add()
print(total)
def defaults(a, b=[], *, c={}):
    b.append(a); return b, c
print(defaults(1), defaults(2))
x = 5
class C:
    x = 10
    y = [x for _ in range(2)]
    z = x
print(C.y, C.z)
def outer():
    v = "outer"
    class K:
        w = v
        def m(self): return v
    return K
K = outer()
print(K.w, K().m())
def kwonly(a, *, b, c=3): return a, b, c
print(kwonly(1, b=2))
try:
    kwonly(1, 2)
except TypeError as e:
    print(e)
def posonly(a, b, /, c): return a, b, c
print(posonly(1, 2, c=3))
print(sorted([3, 1, 2], key=lambda v: -v))
d = {}
d['x'] = d.get('x', 0) + 1
print(d)
s = 'abc'
print(s.upper(), "-".join(["a", "b"]), len(s))
a = [1, 2, 3, 4, 5]
print(a[1:3], a[::2], a[-1], a[1:-1:2])
del a[1:3]
print(a)
class O: pass
o = O(); o.attr = 1; o.attr += 2; print(o.attr); del o.attr
print(hasattr(o, 'attr'))
print(0x1f, 0o17, 0b101, 1_000, 1e3, 2j, 10**20, -5 // 2, -5 % 3, 2 ** -1)
print("a" "b", b"x" + b"y", r"\n", "\t".expandtabs(2) if hasattr(str, 'expandtabs') else "  ")
i = 0
while True:
    i += 1
    if i > 3: break
print(i)
print(__name__, __debug__)
t = 1, 2
print(t)
print(f"{'nested ' + f'{t}'}", f"{{literal}}", f"{3:{'>'}{5}}")

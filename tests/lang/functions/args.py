def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, d=8, e=9, f=10))
def g(x, y, /, z, *, w):
    return x + y + z + w
print(g(1, 2, 3, w=4), g(1, 2, z=3, w=4))
def h(*args, **kwargs):
    return args, kwargs
print(h(), h(1, *[2, 3], *(4,), x=1, **{"y": 2}))
print(f(*[1, 2], **{"c": 0}))
def defaults(a, l=[]):
    l.append(a)
    return l
print(defaults(1), defaults(2), defaults(3, []))
def ann(a: int, b: "str" = "x") -> bool:
    return True
print(ann.__annotations__, ann.__name__, ann.__defaults__, f.__kwdefaults__)
def doc():
    "The docstring."
print(doc.__doc__, doc(), (lambda: None).__name__)
for call in [lambda: f(), lambda: f(1), lambda: g(1, 2, 3, 4), lambda: g(x=1, y=2, z=3, w=4),
             lambda: f(1, c=1, a=2), lambda: h(**{1: 2}), lambda: defaults()]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
def kwonly(*, a, b):
    return a - b
try:
    kwonly(b=1)
except TypeError as e:
    print(e)
def two(a, b):
    pass
try:
    two(1, 2, 3)
except TypeError as e:
    print(e)
try:
    two(1, b=2, c=3)
except TypeError as e:
    print(e)

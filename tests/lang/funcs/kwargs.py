def show(**kw):
    return sorted(kw.items()) if False else list(kw.items())
print(show(), show(a=1), show(b=2, a=1), show(**{"x": 1, "y": 2}), show(**{"k": 1}, z=2))
def opts(name, **options):
    return name, options
print(opts("n", debug=True, level=3))
print(opts(**{"name": "m", "extra": 1}))
def f(a, b, c):
    return a * 100 + b * 10 + c
print(f(1, 2, 3), f(c=3, a=1, b=2), f(1, c=3, b=2), f(*[1], **{"b": 2, "c": 3}))
d = {"b": 5}
print(f(1, c=6, **d))
def passthrough(*args, **kwargs):
    return f(*args, **kwargs)
print(passthrough(7, 8, c=9))
def order(**kw):
    return list(kw)
print(order(z=1, a=2, m=3))

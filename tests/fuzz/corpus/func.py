def f(x, *a, k=1, **kw):
    return [i for i in a if i > x]

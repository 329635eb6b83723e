# functools.lru_cache and cache: hits, misses, eviction, typed keys
from functools import lru_cache, cache


@lru_cache(maxsize=2)
def sq(x):
    print('compute', x)
    return x * x


sq(1)
sq(2)
sq(1)
sq(3)
sq(2)
print(sq.cache_info(), sq.cache_parameters(), sq.__name__, sq.__wrapped__.__name__)
sq.cache_clear()
print(sq.cache_info())


@cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())


@lru_cache
def g(x, y=1):
    return x + y


print(g(1), g(1, y=1), g(1, 1), g(y=1, x=1), g.cache_info())


@lru_cache(typed=True)
def h(x):
    return type(x).__name__


print(h(1), h(1.0), h(True), h.cache_info(), h.cache_parameters())


@lru_cache(maxsize=0)
def z(x):
    return x


z(1)
z(1)
print(z.cache_info())


@lru_cache(maxsize=None)
def u(*args, **kw):
    return len(args) + len(kw)


print(u(1, 2), u(a=1), u(1, 2), u.cache_info())
try:
    u([1])
except TypeError as e:
    print(e)
try:
    lru_cache('x')
except TypeError as e:
    print(e)


class K:
    @lru_cache
    def m(self, x):
        return x * 2


k = K()
print(k.m(3), k.m(3), K.m.cache_info())
print(type(sq).__name__, sq.__doc__, callable(sq))


@lru_cache(maxsize=-5)
def neg(x):
    return x


neg(1)
print(neg.cache_info())

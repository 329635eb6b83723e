# weakref.proxy forwards attributes, operators and calls; dead proxies raise
# ReferenceError.
import weakref


class C:
    def __init__(self):
        self.items = [1, 2, 3]
        self.name = "c"

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __delitem__(self, i):
        del self.items[i]

    def __iter__(self):
        return iter(self.items)

    def __contains__(self, x):
        return x in self.items

    def __add__(self, o):
        return "add %r" % (o,)

    def __radd__(self, o):
        return "radd %r" % (o,)

    def __neg__(self):
        return "neg"

    def __eq__(self, o):
        return o == 42

    def __lt__(self, o):
        return True

    def __bool__(self):
        return False

    def __str__(self):
        return "C-str"

    def __int__(self):
        return 7

    def hello(self, who):
        return "hello " + who


c = C()
p = weakref.proxy(c)
print(p.name, p.hello("you"), len(p), p[1], list(p), 2 in p, 9 in p)
p.extra = 5
print(c.extra)
del p.extra
print(hasattr(c, "extra"))
p[0] = 10
del p[2]
print(c.items)
print(p + 1, 1 + p, -p, p == 42, p != 42, p < 0, bool(p), str(p), int(p))
print(type(p).__name__, weakref.proxy(c) is p)
pc = weakref.proxy(c, lambda x: None)
print(pc is p, weakref.getweakrefcount(c))
try:
    hash(p)
except TypeError as e:
    print(e)


def func(x, y=2):
    return x * y


fp = weakref.proxy(func)
print(type(fp).__name__, fp(3), fp(3, y=5), callable(fp), callable(p))
it = (x for x in [1, 2])
ip = weakref.proxy(it)
print(next(ip), next(ip))
del c
for op in (lambda: p.name, lambda: len(p), lambda: p + 1, lambda: str(p), lambda: bool(p)):
    try:
        op()
    except ReferenceError as e:
        print("ReferenceError:", e)
print(isinstance(p, weakref.ProxyType), weakref.ProxyTypes == (weakref.ProxyType, weakref.CallableProxyType))

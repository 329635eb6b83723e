# WeakMethod keeps neither the instance nor the function alive.
import weakref


class M:
    def __init__(self, name):
        self.name = name

    def meth(self):
        return "meth of " + self.name


m = M("m")
wm = weakref.WeakMethod(m.meth, lambda w: print("wm callback, dead:", w() is None))
print(wm()(), wm() == m.meth, type(wm()).__name__)
wm2 = weakref.WeakMethod(m.meth)
print(wm == wm2, wm != wm2, hash(wm) == hash(wm2))
del m
print(wm(), wm == wm2, wm == wm)
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print(e)


class N:
    def f(self):
        return 1


n = N()
wn = weakref.WeakMethod(n.f)
print(wn()())
del N.f
print(wn())
print(isinstance(wn, weakref.ref))

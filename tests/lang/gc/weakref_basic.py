# weakref.ref: identity of basic refs, referent access, death by refcount, counts.
import weakref


class A:
    pass


a = A()
r1 = weakref.ref(a)
r2 = weakref.ref(a)
print(r1 is r2, r1() is a)
print(weakref.getweakrefcount(a), len(weakref.getweakrefs(a)))
r3 = weakref.ref(a, None)
print(r3 is r1)
cb = weakref.ref(a, lambda w: None)
print(cb is r1, weakref.getweakrefcount(a))
print(weakref.getweakrefs(a)[0] is r1, weakref.getweakrefs(a)[1] is cb)
print(r1.__callback__, cb.__callback__ is not None)
del a
print(r1(), cb(), weakref.getweakrefcount(r1))
print(type(r1).__name__, weakref.ref is weakref.ReferenceType)


def f():
    return 42


wf = weakref.ref(f)
print(wf()(), weakref.ref(A)() is A, weakref.ref(len)() is len)
s = {1, 2, 3}
fs = frozenset("ab")
ws, wfs = weakref.ref(s), weakref.ref(fs)
print(sorted(ws()), sorted(wfs()))
del s, fs
print(ws(), wfs())
class B:
    def m(self):
        pass


bm = B()
meth = bm.m
wm = weakref.ref(meth)
print(wm() is meth)
del meth
print(wm())
print(weakref.getweakrefcount(1), weakref.getweakrefs("x"))
try:
    r1(1)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref()
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref(A(), None, 3)
except TypeError as e:
    print("TypeError:", e)

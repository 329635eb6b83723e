# Weak references during a collection: cleared before finalizers, callbacks of live
# weakrefs run, callbacks of weakrefs that are garbage themselves do not.
import gc
import weakref


class N:
    pass


gc.collect()
n1, n2 = N(), N()
n1.o, n2.o = n2, n1
w = weakref.ref(n1, lambda r: print("callback, referent gone:", r() is None))
del n1, n2
gc.collect()
print(w())

z1, z2 = N(), N()
z1.w = weakref.ref(z2, lambda r: print("SHOULD NOT PRINT"))
z2.z1, z1.z2 = z1, z2
del z1, z2
gc.collect()
print("garbage weakref: no callback")


class Fin:
    def __del__(self):
        print("in __del__, weakref to partner:", self.wr())


f1, f2 = Fin(), N()
f1.p, f2.p = f2, f1
f1.wr = weakref.ref(f2)
del f1, f2
gc.collect()

holder = N()
victims = [N() for _ in range(3)]
for v in victims:
    v.self = v
refs = [weakref.ref(v, lambda r, i=i: print("dead", i)) for i, v in enumerate(victims)]
del victims, v
gc.collect()
print([r() for r in refs])

d = weakref.WeakValueDictionary()
for i in range(5):
    o = N()
    o.cycle = o
    d[i] = o
del o
print(len(d) <= 5)
gc.collect()
print(len(d), list(d.keys()))

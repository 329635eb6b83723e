# Callbacks run when the referent dies, newest first, with the (dead) weakref.
import weakref


class A:
    pass


log = []
a = A()
refs = []
for i in range(4):
    refs.append(weakref.ref(a, lambda r, i=i: log.append((i, r() is None, r in refs))))
basic = weakref.ref(a)
prox = weakref.proxy(a)
del a
print(log)

# a weakref that dies before its referent never calls back
b = A()
w = weakref.ref(b, lambda r: print("must not run"))
del w
del b
print("no callback")


# callback may create new weakrefs / objects; referent already gone
class Node:
    pass


n = Node()
keep = []


def cb(r):
    keep.append(Node())
    keep.append(weakref.ref(keep[-1]))
    print("cb sees dead:", r() is None)


wn = weakref.ref(n, cb)
n = None
print(len(keep), keep[1]() is keep[0])

# callbacks on functions, sets and classes
def f():
    pass


wf = weakref.ref(f, lambda r: print("function gone"))
del f
s = {1}
wset = weakref.ref(s, lambda r: print("set gone"))
del s


class K:
    pass


wk = weakref.ref(K, lambda r: print("class gone"))
del K
import gc
gc.collect()
print("end")
